"""A report as plain sections: facts, tables, bar charts and texts, already anonymised.

The services decide what a report says (its figures, which cells are hidden, the
translated headings); the PDF and the workbook only lay these sections out, so both
files carry the same numbers and hide the same cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: A table cell: text, a number, or None (nothing entered; printed as a dash).
Cell = str | int | float | None
#: How a column's numbers are written: whole, one decimal, a percentage, plain text.
ColumnKind = Literal["text", "integer", "decimal", "percent", "signed"]


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    kinds: list[ColumnKind]
    rows: list[list[Cell]]
    #: Relative widths of the columns in print; None: the first column twice the others.
    widths: list[float] | None = None
    note: str = ""
    #: The last row is a total (printed bold).
    total_row: bool = False


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: list[str]
    #: (name, values) per series; several series are stacked.
    series: list[tuple[str, list[float]]]
    horizontal: bool = False


@dataclass(frozen=True)
class TextSection:
    title: str
    text: str


Section = Table | BarChart | TextSection


@dataclass
class ReportDocument:
    title: str
    language: str
    #: (label, value) lines under the title: municipality, programme, period, created.
    facts: list[tuple[str, str]]
    sections: list[Section] = field(default_factory=list)
    #: Said in place of the figures when the period holds no data.
    notice: str = ""
    #: The sentence that explains hidden cells, printed under the facts.
    hidden_note: str = ""
