"""Phone numbers inside running text stay one left-to-right unit on one line.

The bidi algorithm treats "0151 2345678" inside Arabic text as two numbers with a
neutral space between them, and a right-to-left paragraph puts the second one first:
the reader dials "2345678 0151".  A line break between the groups is as bad.  So every
phone-like number in a printed text is wrapped in left-to-right marks (which make its
digits and separators one left-to-right run) and its spaces become no-break spaces,
as the contact fields already are (`styles.unbreakable`).
"""

from __future__ import annotations

import re
import unicodedata

LEFT_TO_RIGHT_MARK = "\u200e"
NO_BREAK_SPACE = "\u00a0"
#: A number with at least one inner space, hyphen or slash, starting like a phone
#: number does: "+49 …", "0049 …", "0151 …", "(06221) …" (any digit system).
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+\d|\(\d|\d)[\d \u00a0\-/()]*[\d)]")
_SEPARATOR = re.compile(r"[ \u00a0\-/]")
#: Fewer digits are a year, an amount, an age range ("10 - 12"), not a number to dial.
_MIN_DIGITS = 6


def _is_phone_number(candidate: str) -> bool:
    digits = [char for char in candidate if char.isdigit()]
    if len(digits) < _MIN_DIGITS or not _SEPARATOR.search(candidate.strip("()")):
        return False
    starts_with_zero = unicodedata.digit(digits[0], None) == 0
    return candidate.startswith("+") or starts_with_zero


def keep_phone_numbers_together(text: str) -> str:
    """`text` with each phone number marked left to right and unbreakable."""

    def protect(match: re.Match[str]) -> str:
        number = match.group(0)
        if not _is_phone_number(number):
            return number
        return LEFT_TO_RIGHT_MARK + number.replace(" ", NO_BREAK_SPACE) + LEFT_TO_RIGHT_MARK

    return _CANDIDATE.sub(protect, text)
