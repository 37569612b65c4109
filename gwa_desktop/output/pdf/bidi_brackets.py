"""The bracket-pair rule of the Unicode bidi algorithm (UAX #9, BD16 and N0).

python-bidi's pure-Python algorithm, whose steps `bidi_levels` runs one by one, was
written before Unicode 6.3 added this rule.  Without it a bracket takes the direction
of its neighbours: in a Pashto sentence "(GDPR) 6" the number after the Latin
abbreviation turns left to right, pulls the closing bracket into the Latin run, and the
print shows the number inside the brackets with the bracket on the wrong side.  N0
gives both brackets of a pair one direction, chosen from what they enclose and what
precedes them, before the other neutral rules run.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from bidi.mirror import MIRRORED

#: BD16 stops looking for pairs when more than this many openers are waiting.
_STACK_LIMIT = 63
_RTL_LIKE = frozenset({"R", "AL", "EN", "AN"})

Char = dict[str, Any]


def _strong(bidi_type: str) -> str | None:
    """L or R for a type that counts as strong in N0 (numbers count as R), else None."""
    if bidi_type == "L":
        return "L"
    return "R" if bidi_type in _RTL_LIKE else None


def bracket_pairs(chars: list[Char]) -> list[tuple[int, int]]:
    """Index pairs (opener, closer) of matching brackets in a run, by opener (BD16)."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(chars):
        if char["type"] != "ON":
            continue
        letter = char["ch"]
        category = unicodedata.category(letter)
        if category == "Ps" and letter in MIRRORED:
            if len(stack) == _STACK_LIMIT:
                break
            stack.append((MIRRORED[letter], index))
        elif category == "Pe":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == letter:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def resolve_bracket_pairs(storage: dict[str, Any]) -> None:
    """Apply N0 to every level run of python-bidi's `storage`, after the weak rules."""
    for run in storage["runs"]:
        chars: list[Char] = storage["chars"][run["start"] : run["start"] + run["length"]]
        if not chars:
            continue
        embedding = "R" if chars[0]["level"] % 2 else "L"
        for opener, closer in bracket_pairs(chars):
            direction = _pair_direction(chars, opener, closer, embedding, run["sor"])
            if direction is None:
                continue
            for index in (opener, closer):
                chars[index]["type"] = direction
                _follow_with_marks(chars, index, direction)


def _pair_direction(
    chars: list[Char], opener: int, closer: int, embedding: str, sor: str
) -> str | None:
    inside = {_strong(char["type"]) for char in chars[opener + 1 : closer]} - {None}
    if embedding in inside:
        return embedding
    if not inside:
        return None
    opposite = inside.pop()
    before = next(
        (strong for char in reversed(chars[:opener]) if (strong := _strong(char["type"]))), sor
    )
    return opposite if before == opposite else embedding


def _follow_with_marks(chars: list[Char], index: int, direction: str) -> None:
    """Combining marks typed after a bracket take the bracket's new direction (N0)."""
    for char in chars[index + 1 :]:
        if char["orig"] != "NSM":
            return
        char["type"] = direction
