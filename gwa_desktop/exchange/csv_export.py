"""CSV files for other tools, spelled the way German Excel opens them with a double click.

UTF-8 with BOM (otherwise Excel guesses a Windows code page and breaks umlauts),
semicolon as separator and decimal comma, dates as DD.MM.YYYY.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date, time
from operator import itemgetter
from typing import IO, Any, BinaryIO, cast

from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, HIDDEN
from gwa_desktop.exchange import vocabulary as v
from gwa_desktop.exchange.cell_text import cell_text
from gwa_desktop.exchange.columns import (
    Column,
    rows,
)
from gwa_desktop.exchange.disclosure import ALL, Publication, suppression_footnote
from gwa_desktop.exchange.records import COUNT_KEYS
from gwa_desktop.exchange.summary import KINDS, Figures

ENCODING = "utf-8-sig"
#: German Excel's CSV: semicolons, CRLF, quotes only where needed.
DIALECT: dict[str, Any] = {"delimiter": ";", "lineterminator": "\r\n"}
#: How many spelled texts and dates a TableWriter remembers.
MEMORY = 20_000


def spell(value: Any) -> str:
    """A cell value as German Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


def csv_text(value: str) -> str:
    """Text for a CSV cell: the apostrophe keeps "=…" text in Excel (see `cell_text`)."""
    cell = cell_text(value)
    return "'" + cell.text if cell.formula_like else cell.text


class TableWriter:
    """A CSV file written row by row into a binary stream, e.g. a member of the package's zip."""

    def __init__(self, stream: BinaryIO, header: Iterable[str]) -> None:
        # ENCODING's BOM written here once; the rest goes through the C UTF-8 codec,
        # which TextIOWrapper only uses for "utf-8" (ENCODING's own encoder is Python code).
        stream.write(codecs.BOM_UTF8)
        self._text = io.TextIOWrapper(cast(IO[bytes], stream), encoding="utf-8", newline="")
        self._writer = csv.writer(self._text, **DIALECT)
        self._spelled: dict[str | date, str] = {}
        self.row(header)

    def row(self, values: Iterable[Any]) -> None:
        """Write one row, spelled as `spell` spells it.

        Texts and dates are remembered: the rows of 100,000 activities repeat a few
        thousand of them, and checking a text for formulas costs more than a lookup."""
        spelled = self._spelled
        cells = []
        for value in values:
            kind = type(value)
            if kind is int:
                cells.append(str(value))
            elif value is None:
                cells.append("")
            elif kind is str or kind is date:
                text = spelled.get(value)
                if text is None:
                    text = spell(value)
                    if len(spelled) < MEMORY:
                        spelled[value] = text
                cells.append(text)
            else:
                cells.append(spell(value))
        self._writer.writerow(cells)

    def spelled_rows(self, rows: Iterable[Sequence[str | int | None]]) -> None:
        """Write rows whose cells are spelled already, or ints, or None (written as "").

        They are joined in memory first and reach the stream as one text: a text
        wrapper over a readable stream (the package's spool) resets its decoder on
        every write, a Python call per row."""
        joined = io.StringIO()
        csv.writer(joined, **DIALECT).writerows(rows)
        self._text.write(joined.getvalue())

    def finish(self) -> None:
        """Flush and let go of the stream without closing it."""
        self._text.flush()
        self._text.detach()


class _Spelled(dict[Hashable, str]):
    """Cell texts by value, each spelled once (`spell` of what `cell` makes of it)."""

    def __init__(self, cell: Callable[[Any], Any] = lambda value: value) -> None:
        super().__init__()
        self._cell = cell

    def __missing__(self, value: Hashable) -> str:
        text = self[value] = spell(self._cell(value))
        return text


class ActivityRows:
    """The rows of csv/aktivitaeten.csv (the ACTIVITY_COLUMNS of activity records),
    ready for `TableWriter.spelled_rows`: each cell as `TableWriter.row` spells the
    column's value, computed once per distinct date, kind, text, hours and list of
    languages. The counts go as they are: a record's counts are ints or None
    (records.ACTIVITY_FIELDS), which the csv module writes as `spell` does."""

    def __init__(self, municipality: str) -> None:
        self._municipality = spell(municipality)
        self._days = _Spelled()
        self._texts = _Spelled()
        self._hours = _Spelled()
        self._kinds = _Spelled(v.german)
        self._languages = _Spelled(v.language_names)
        self._counts = itemgetter(*COUNT_KEYS)

    def __call__(self, record: dict[str, Any]) -> tuple[str | int | None, ...]:
        texts = self._texts
        return (
            self._municipality,
            self._days[record["occurred_on"]],
            self._kinds[record["kind"]],
            texts[record["title"]],
            texts[record["offer"]],
            *self._counts(record),
            self._hours[record["volunteer_hours"]],
            self._languages[tuple(record["languages"])],
        )


def spreadsheet_csv(header: Iterable[str], body: Iterable[Iterable[Any]]) -> bytes:
    """A whole CSV file as German Excel opens it with a double click (see the module's docstring)."""
    buffer = io.BytesIO()
    table = TableWriter(buffer, header)
    for row in body:
        table.row(row)
    table.finish()
    return buffer.getvalue()


def records_csv(
    columns: tuple[Column, ...], groups: Iterable[tuple[str, Iterable[dict[str, Any]]]]
) -> bytes:
    """The records of each (municipality, records) group as rows of `columns`."""
    body = (row for municipality, records in groups for row in rows(columns, records, municipality))
    return spreadsheet_csv([c.header for c in columns], body)


MONTH_HEADER = [
    "Monat",
    *(v.german(k) for k in KINDS),
    "Aktivitäten gesamt",
    "Teilnehmende",
    "Ehrenamtliche",
    "Ehrenamtsstunden",
]


def months_csv(figures: Figures, threshold: int = DEFAULT_THRESHOLD) -> bytes:
    """csv/monate.csv: the figures of every month, by kind, hidden as in the workbook
    (the same Publication, so neither file gives away what the other hides)."""
    shown = Publication([figures], threshold)
    rows: list[list[Any]] = [
        [
            month,
            *(shown.shown(("A", ALL, month, k)) for k in KINDS),
            shown.shown(("A", ALL, month, ALL)),
            shown.shown(("P", ALL, month)),
            shown.shown(("V", ALL, month)),
            round(figures.months[month].volunteer_hours, 2),
        ]
        for month in sorted(figures.months)
    ]
    if any(HIDDEN in row for row in rows):
        rows.append([suppression_footnote(threshold)])
    return spreadsheet_csv(MONTH_HEADER, rows)
