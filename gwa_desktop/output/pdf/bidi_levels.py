"""Unicode bidi embedding levels for a whole paragraph (UAX #9, rules P2 to I2).

Levels are needed *before* line breaking, in logical order, so that each line can be
reordered on its own afterwards (rule L2).  python-bidi's default `get_display`
(Rust) only returns a finished visual string, which breaks lines in the wrong place
and does not mirror brackets; its pure-Python `bidi.algorithm` module exposes the
individual steps, so we run those, add the bracket-pair rule it lacks
(`bidi_brackets`), and stop before reordering.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from bidi import algorithm

from .bidi_brackets import resolve_bracket_pairs

Direction = Literal["auto", "ltr", "rtl"]

# python-bidi's pure algorithm predates isolates (Unicode 6.3) and asserts on them;
# treat them as plain neutrals, the fallback UAX #9 allows.
_ISOLATE_TYPES = frozenset({"LRI", "RLI", "FSI", "PDI"})


def base_level(text: str, direction: Direction) -> int:
    """0 for a left-to-right paragraph, 1 for right-to-left.

    'auto' follows the first strong character of the text (rule P2/P3), so an
    Arabic description is right-to-left even if it starts with "14:00".
    """
    if direction == "ltr":
        return 0
    if direction == "rtl":
        return 1
    level: int = algorithm.get_base_level(text)
    return level


def direction_in_language(text: str, rtl_language: bool) -> Direction:
    """The paragraph direction of `text` printed in a column of a given language.

    The language decides whenever the text has a letter of the language's direction:
    a Farsi sentence that begins with the Latin name "Musterdorf" is still a
    right-to-left paragraph, and a German one that begins with an Arabic name still
    runs left to right.  Text without such a letter (a place name "Café Mondial" in
    an Arabic column, a phone number) keeps its own direction ('auto').
    """
    wanted = ("R", "AL") if rtl_language else ("L",)
    if any(unicodedata.bidirectional(char) in wanted for char in text):
        return "rtl" if rtl_language else "ltr"
    return "auto"


def embedding_levels(text: str, paragraph_level: int) -> list[int]:
    """Resolved bidi level of every character of `text`, in logical order.

    "\\n" separates paragraphs in the Unicode sense but all share `paragraph_level`,
    so one multi-line text block keeps a single alignment.  Characters that the
    algorithm removes (rule X9: ZWNJ, ZWJ, embedding controls) take the level of the
    character before them, so that they stay inside the run they join.
    """
    levels: list[int] = []
    for number, segment in enumerate(text.split("\n")):
        if number:
            levels.append(paragraph_level)
        levels.extend(_segment_levels(segment, paragraph_level))
    return levels


def _segment_levels(segment: str, paragraph_level: int) -> list[int]:
    storage = algorithm.get_empty_storage()
    storage["base_level"] = paragraph_level
    storage["base_dir"] = ("L", "R")[paragraph_level]
    algorithm.get_embedding_levels(segment, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if char["type"] in _ISOLATE_TYPES:
            char["type"] = char["orig"] = "ON"
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    resolve_bracket_pairs(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)

    resolved: list[int | None] = [None] * len(segment)
    for char in storage["chars"]:
        resolved[char["index"]] = char["level"]
    levels: list[int] = []
    previous = paragraph_level
    for level in resolved:
        previous = previous if level is None else level
        levels.append(previous)
    return levels
