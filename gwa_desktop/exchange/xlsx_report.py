"""The district workbook: summary sheets first, then the offers, for one or many municipalities.

Written with openpyxl in write-only mode, which streams rows to disk; 100,000
activities would not fit a normal in-memory workbook on an old laptop. Headers,
widths and number formats are set so a clerk can open and print it without tidying.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import date, datetime
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, HIDDEN
from gwa_desktop.exchange import vocabulary as v
from gwa_desktop.exchange.cell_text import cell_text
from gwa_desktop.exchange.columns import (
    CONTACT_COLUMNS,
    OFFER_COLUMNS,
    Column,
    rows,
)
from gwa_desktop.exchange.disclosure import ALL, Publication, suppression_footnote
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.records import DistrictData
from gwa_desktop.exchange.summary import (
    KINDS,
    Figures,
    by_municipality,
    with_offers,
    without_repeated_offers,
)


def _data_of(part: tuple[DistrictData, Figures]) -> DistrictData:
    return part[0]


FORMATS = {
    "date": "DD.MM.YYYY",
    "time": "HH:MM",
    "integer": "#,##0",
    "decimal": "#,##0.0",
    "money": '#,##0.00 "€"',
}
MONTH_FORMAT = "MM.YYYY"
PERCENT_FORMAT = "0.0%"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="28465F")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
PROGRESS_STEP = 5000

#: openpyxl's write-only worksheet: it forwards attributes such as `auto_filter` to a
#: worksheet its stubs do not show, so it is typed loosely.
Sheet = Any


def write_workbook(
    stream: BinaryIO,
    parts: Sequence[tuple[DistrictData, Figures]],
    created: datetime,
    progress: Progress = no_progress,
    village_months: bool = False,
    threshold: int = DEFAULT_THRESHOLD,
) -> None:
    """Write the workbook for `parts` (per municipality: its data and its activities' figures).

    The activities appear as figures, by month and kind, never as one row each (their
    records are not read): a year of a busy village is 20,000 rows and a district's
    history millions, more than anybody reads in Excel and more than an old laptop
    writes in reasonable time and memory. Every activity is in the package's
    csv/aktivitaeten.csv, which German Excel opens with a double click. With
    `village_months` (the district's combined workbook) a sheet lists the figures of
    every municipality and month. Every count follows the one suppression rule
    (exchange/disclosure.py) with `threshold`, across all sheets together.
    """
    book = Workbook(write_only=True)
    book.properties.creator = "GWA Desktop"
    try:
        _fill(book, parts, created, progress, village_months, threshold)
    except BaseException:
        _discard(book)
        raise
    book.save(stream)


def _fill(
    book: Workbook,
    parts: Sequence[tuple[DistrictData, Figures]],
    created: datetime,
    progress: Progress,
    village_months: bool,
    threshold: int,
) -> None:
    ordered = by_municipality(parts, _data_of)
    datasets = without_repeated_offers([data for data, _figures in ordered])
    per_dataset = [
        (data, with_offers(figures, data.offers))
        for data, (_data, figures) in zip(datasets, ordered)
    ]
    # Choosing the hidden cells comes first and can be cancelled too (the bar at 0).
    shown = Publication(
        [figures for _data, figures in per_dataset],
        threshold,
        village_months,
        tick=lambda: progress(0, 1, ""),
    )
    _overview(book, datasets, shown, created)
    _municipalities(book, per_dataset, shown)
    _months(book, shown)
    _participants(book, shown)
    _languages(book, shown)
    count = sum(len(d.offers) + len(d.contacts) for d in datasets)
    done = _records(
        book,
        v.SHEET_OFFERS,
        OFFER_COLUMNS,
        [(d.municipality, d.offers) for d in datasets],
        progress,
        0,
        count,
    )
    if village_months:
        _village_months(book, per_dataset, shown)
    if any(d.contacts for d in datasets):
        _records(
            book,
            v.SHEET_CONTACTS,
            CONTACT_COLUMNS,
            [("", d.contacts) for d in datasets],
            progress,
            done,
            count,
        )


def _discard(book: Workbook) -> None:
    """Finish the streamed sheets of an abandoned workbook so their temporary files go away."""
    for sheet in book.worksheets:
        if not sheet.closed:
            with suppress(Exception):
                sheet.close()


def _sheet(
    book: Workbook, title: str, widths: Sequence[float], header: list[str] | None = None
) -> Sheet:
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if header:
        sheet.freeze_panes = "A2"
        _append(sheet, [_cell(sheet, text, header=True) for text in header])
    return sheet


def _append(sheet: Sheet, values: list[Any]) -> bool:
    """Append a row with every text passed through `cell_text`; whether it shows a hidden count.

    Text that cannot start a formula goes in as a plain value (openpyxl then reuses one
    cell object per sheet, which keeps 100,000 rows fast); the rest becomes a text cell."""
    row = []
    for value in values:
        if isinstance(value, str):
            text = cell_text(value)
            value = _cell(sheet, value) if text.formula_like else text.text
        row.append(value)
    sheet.append(row)
    return any(getattr(value, "value", value) == HIDDEN for value in values)


def _cell(
    sheet: Sheet,
    value: Any,
    number_format: str | None = None,
    font: Font | None = None,
    header: bool = False,
) -> Cell:
    """Every cell of the workbook is made here; text passes `cell_text`, so "=…" stays text."""
    if isinstance(value, str):
        text = cell_text(value)
        cell = WriteOnlyCell(sheet, value=text.text)
        cell.data_type = "s"
        cell.quotePrefix = text.formula_like
    else:
        cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    if header:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    elif font:
        cell.font = font
    return cell


def _overview(
    book: Workbook, datasets: list[DistrictData], shown: Publication, created: datetime
) -> None:
    sheet = _sheet(book, v.SHEET_OVERVIEW, [34, 40])
    total = shown.total
    names = sorted({d.municipality for d in datasets}, key=sort_key if len(datasets) > 1 else None)
    personal = any(d.contacts for d in datasets)
    starts, ends = [d.period.start for d in datasets], [d.period.end for d in datasets]
    _append(sheet, [_cell(sheet, "Bericht für den Landkreis", font=TITLE_FONT)])
    _append(sheet, [])
    _append(sheet, ["Gemeinde", names[0] if len(names) == 1 else f"{len(names)} Gemeinden"])
    _append(sheet, ["Landkreis", ", ".join(sorted({d.district for d in datasets if d.district}))])
    if starts:
        _append(sheet, ["Zeitraum von", _cell(sheet, min(starts), FORMATS["date"])])
        _append(sheet, ["Zeitraum bis", _cell(sheet, max(ends), FORMATS["date"])])
    _append(sheet, ["Erstellt am", _cell(sheet, created, "DD.MM.YYYY HH:MM")])
    _append(
        sheet,
        [
            "Personenbezogene Daten",
            "enthalten – vertraulich behandeln" if personal else "keine (anonymisiert)",
        ],
    )
    _append(sheet, [])
    _append(sheet, [_cell(sheet, "Kennzahl", header=True), _cell(sheet, "Wert", header=True)])
    # The same cells as the other sheets' totals, hidden alike, or the overview would
    # give away what they hide.
    figures = [
        ("Angebote im Zeitraum", total.offers, FORMATS["integer"]),
        ("Aktivitäten", shown.shown(("A", ALL, ALL, ALL)), FORMATS["integer"]),
        ("Teilnehmende gesamt", shown.shown(("P", ALL, ALL)), FORMATS["integer"]),
        ("Einsätze Ehrenamtlicher", shown.shown(("V", ALL, ALL)), FORMATS["integer"]),
        ("Ehrenamtsstunden", total.volunteer_hours, FORMATS["decimal"]),
        *(
            (f"Aktivitäten: {v.german(kind)}", shown.shown(("A", ALL, ALL, kind)), "#,##0")
            for kind in KINDS
        ),
    ]
    hidden = False
    for label, value, number_format in figures:
        hidden |= _append(sheet, [label, _cell(sheet, value, number_format)])
    _footnote(sheet, shown, hidden)


def _footnote(sheet: Sheet, shown: Publication, hidden: bool) -> None:
    """Under a table that shows a hidden count: what the "." means."""
    if hidden:
        _append(sheet, [])
        _append(sheet, [suppression_footnote(shown.threshold)])


def _municipalities(
    book: Workbook, per_dataset: list[tuple[DistrictData, Figures]], shown: Publication
) -> None:
    header = ["Gemeinde", "Zeitraum", "Angebote", "Aktivitäten", "Teilnehmende", "Ehrenamtsstunden"]
    sheet = _sheet(book, v.SHEET_MUNICIPALITIES, [26, 26, 11, 12, 14, 16], header)
    hidden = False
    for index, (data, figures) in enumerate(per_dataset):
        hidden |= _append(
            sheet,
            [
                data.municipality,
                data.period.label(),
                figures.offers,
                shown.shown(("A", index, ALL, ALL)),
                shown.shown(("P", index, ALL)),
                _cell(sheet, figures.volunteer_hours, FORMATS["decimal"]),
            ],
        )
    _footnote(sheet, shown, hidden)


MONTH_HEADER = [
    *(v.german(kind) for kind in KINDS),
    "Aktivitäten gesamt",
    "Teilnehmende",
    "Ehrenamtliche",
    "Ehrenamtsstunden",
]


def _month_values(sheet: Sheet, shown: Publication, part: int | None, month: str) -> list[Any]:
    """A row of a months sheet: the month of one part (`part`) or of all (None)."""
    first = date(int(month[:4]), int(month[5:]), 1)
    figures = (shown.total if part is None else shown.parts[part]).months[month]
    return [
        _cell(sheet, first, MONTH_FORMAT),
        *(shown.shown(("A", part, month, kind)) for kind in KINDS),
        shown.shown(("A", part, month, ALL)),
        shown.shown(("P", part, month)),
        shown.shown(("V", part, month)),
        _cell(sheet, round(figures.volunteer_hours, 2), FORMATS["decimal"]),
    ]


def _months(book: Workbook, shown: Publication) -> None:
    """The months by kind with their totals."""
    sheet = _sheet(book, v.SHEET_MONTHS, [11] + [14] * len(MONTH_HEADER), ["Monat", *MONTH_HEADER])
    hidden = False
    for month in sorted(shown.total.months):
        hidden |= _append(sheet, _month_values(sheet, shown, ALL, month))
    hidden |= _append(
        sheet,
        [
            _cell(sheet, "Summe", font=BOLD),
            *(shown.shown(("A", ALL, ALL, kind)) for kind in KINDS),
            shown.shown(("A", ALL, ALL, ALL)),
            shown.shown(("P", ALL, ALL)),
            shown.shown(("V", ALL, ALL)),
            _cell(sheet, shown.total.volunteer_hours, FORMATS["decimal"]),
        ],
    )
    _footnote(sheet, shown, hidden)


def _village_months(
    book: Workbook, per_dataset: list[tuple[DistrictData, Figures]], shown: Publication
) -> None:
    sheet = _sheet(
        book,
        v.SHEET_VILLAGE_MONTHS,
        [22, 11] + [14] * len(MONTH_HEADER),
        ["Gemeinde", "Monat", *MONTH_HEADER],
    )
    rows_written, hidden = 0, False
    for index, (data, figures) in enumerate(per_dataset):
        for month in sorted(figures.months):
            row = [data.municipality, *_month_values(sheet, shown, index, month)]
            hidden |= _append(sheet, row)
            rows_written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(2 + len(MONTH_HEADER))}{rows_written + 1}"
    _footnote(sheet, shown, hidden)


def _participants(book: Workbook, shown: Publication) -> None:
    sheet = _sheet(
        book,
        v.SHEET_PARTICIPANTS,
        [30, 12, 20],
        ["Kategorie", "Anzahl", "Anteil an allen Teilnehmenden"],
    )
    hidden = False
    for key, label in v.PARTICIPANT_CATEGORIES.items():
        share = shown.share(key) if key != "volunteers_count" else None
        hidden |= _append(
            sheet,
            [
                label,
                _cell(sheet, shown.category(key), FORMATS["integer"]),
                _cell(sheet, share, PERCENT_FORMAT),
            ],
        )
    _footnote(sheet, shown, hidden)


def _languages(book: Workbook, shown: Publication) -> None:
    sheet = _sheet(
        book,
        v.SHEET_LANGUAGES,
        [24, 8, 20, 22],
        ["Sprache", "Code", "Angebote mit dieser Sprache", "Aktivitäten mit dieser Sprache"],
    )
    hidden = False
    for code, offers, _activities in shown.total.languages():
        row = [v.language_names([code]), code, offers, shown.shown(("L", code))]
        hidden |= _append(sheet, row)
    _footnote(sheet, shown, hidden)


def _records(
    book: Workbook,
    title: str,
    columns: tuple[Column, ...],
    groups: Iterable[tuple[str, list[dict[str, Any]]]],
    progress: Progress,
    done: int,
    count: int,
) -> int:
    sheet = _sheet(book, title, [c.width for c in columns], [c.header for c in columns])
    formatted = [(i, FORMATS[c.kind]) for i, c in enumerate(columns) if c.kind in FORMATS]
    rows_written = 0
    for municipality, records in groups:
        for values in rows(columns, records, municipality):
            for index, number_format in formatted:
                if values[index] is not None:
                    values[index] = _cell(sheet, values[index], number_format)
            _append(sheet, values)
            done += 1
            rows_written += 1
            if done % PROGRESS_STEP == 0:
                progress(done, count, title)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows_written + 1}"
    return done
