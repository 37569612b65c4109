"""Where a line may end: the Unicode line breaking algorithm (UAX #14) from ICU.

Breaking only at spaces started lines with what belongs to the word before: a dash
("Ohne Anmeldung" / "– einfach kommen"; seen in Pashto), the French "!" and ":" after
their space, a closing bracket after a space.  ICU's line breaker (through icu4py)
knows every character's line-breaking class and the rules, with CLDR's tailorings per
language; a table of our own would be out of date with the next Unicode version.

One tailoring on top: UAX #14 allows a break *before* a dash that stands between
spaces ("A – B"), which leaves the dash at the start of the next line.  Typesetting
in German, English and the languages we print keeps the dash at the end of the line
instead, so such a break is dropped and the line ends after the dash.
"""

from __future__ import annotations

import unicodedata

from icu4py.breakers import LineBreaker

#: Spaces after which the break algorithm may end a line (U+0020 and the fixed-width
#: spaces); no-break spaces glue instead.
_SPACES = " \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"


def break_opportunities(text: str, language: str | None) -> tuple[int, ...]:
    """Offsets (code points) where a line may end before text[offset], ascending;
    len(text) is always the last one, 0 never appears."""
    if not text:
        return ()
    ends = [end for _, end in LineBreaker(text, language or "und").segments()]
    if any(ord(char) > 0xFFFF for char in text):
        ends = _code_point_offsets(text, ends)
    return tuple(end for end in ends if end == len(text) or not _before_spaced_dash(text, end))


def _code_point_offsets(text: str, utf16_offsets: list[int]) -> list[int]:
    """ICU counts UTF-16 units: a character outside the BMP (an emoji) is two."""
    to_code_point = {}
    units = 0
    for index, char in enumerate(text):
        to_code_point[units] = index
        units += 2 if ord(char) > 0xFFFF else 1
    to_code_point[units] = len(text)
    return [to_code_point[offset] for offset in utf16_offsets]


def _before_spaced_dash(text: str, offset: int) -> bool:
    """Whether text[offset] is a dash with a space before it and a space (or the end of
    the text) after it."""
    if offset == 0 or unicodedata.category(text[offset]) != "Pd" or text[offset - 1] not in _SPACES:
        return False
    return offset + 1 == len(text) or text[offset + 1] in _SPACES or text[offset + 1] == "\n"
