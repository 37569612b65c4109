"""The one rule for every spreadsheet cell the program writes (workbooks and CSV files).

Text from people and from other municipalities' packages reaches Excel and
LibreOffice, which run a cell starting with "=", "+", "-" or "@" as a formula
(`=HYPERLINK(...)` sends data away, a municipality named "=1+1" shows "2"). The check
is made on the NFKC form, so a full-width "＝" (U+FF1D) or a small "﹢" counts too, and
after leading white space, which some importers trim; a cell starting with a tab or
a line break is treated the same (OWASP's rule for CSV injection). The text itself is
kept as typed, without control characters and bidi overrides (`plain_text`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from gwa_desktop.domain.plain_text import plain_text

#: What spreadsheet programs read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@")
_LEADING_BLANKS = ("\t", "\r", "\n")


@dataclass(frozen=True)
class CellText:
    text: str
    #: Would start a formula: the CSV writer prefixes an apostrophe, the workbook
    #: stores a text cell with Excel's "quote prefix" (shown as text even when edited).
    formula_like: bool


@lru_cache(maxsize=1 << 16)
def cell_text(value: str) -> CellText:
    """Cached: the same kind, offer and language names fill thousands of rows."""
    text = plain_text(value)
    formula_like = text.startswith(_LEADING_BLANKS) or unicodedata.normalize(
        "NFKC", text
    ).lstrip().startswith(FORMULA_STARTS)
    return CellText(text, formula_like)
