"""Where a word may be hyphenated, from the LibreOffice dictionaries that pyphen ships.

Narrow columns (a weekly plan has seven) used to cut long German words between any two
letters without a hyphen ("Kirchengemeind" / "e"), which reads as a typo.  With a
dictionary the line ends at a syllable with a hyphen ("Kirchenge-" / "meinde").
Languages without a dictionary here (Turkish, Kurmanji, Tigrinya, the Arabic script)
keep the old cut.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

#: What is drawn at the end of a hyphenated line.
HYPHEN = "-"
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    code = pyphen.language_fallback(language.replace("-", "_"))
    # Three letters at least on each side: "El-" and "-de" read worse than a shorter line.
    return pyphen.Pyphen(lang=code, left=3, right=3) if code else None


def break_points(word: str, language: str | None) -> list[tuple[int, bool]]:
    """Offsets inside `word` where a line may end, each with whether a hyphen is drawn.

    After a hyphen that is already there ("Eltern-" / "Kind-Gruppe") nothing is
    added; inside a letter run the dictionary of `language` gives the syllables.
    """
    dictionary = _dictionary(language) if language else None
    points: list[tuple[int, bool]] = []
    for match in _LETTERS.finditer(word):
        if dictionary is not None:
            points.extend(
                (match.start() + offset, True) for offset in dictionary.positions(match.group())
            )
        if match.end() < len(word) - 1 and word[match.end()] == HYPHEN:
            points.append((match.end() + 1, False))
    return sorted(points)
