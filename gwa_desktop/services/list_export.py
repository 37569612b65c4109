"""A list screen's rows, filtered and sorted as in the window, as XLSX, CSV or PDF.

The window's "Drucken…" and "Exportieren…" and `gwa list --format xlsx` call the same
functions, so the file a script writes is the one the officer gets from the window.
Values are labels, not codes (languages by name, "Person", "aktiv"); dates stay dates,
so Excel sorts and filters them.

A private person's name, phone and e-mail go out only where the person's legal basis
allows it (`legal_basis_holds`); otherwise the row says so instead. `personal` tells the
caller whether the file names persons at all, so the window can warn before writing it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.legal_basis import legal_basis_holds
from gwa_desktop.domain.plain_text import plain_text
from gwa_desktop.exchange.cell_text import cell_text
from gwa_desktop.exchange.csv_export import spell, spreadsheet_csv
from gwa_desktop.exchange.progress import Progress
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.services.list_table import ENTITY_COLUMNS, headings, labelled_row
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.storage.models import Contact

#: Rows fetched per query while the whole list is read.
BATCH = 2000
#: Contact columns that name or reach a person.
PERSONAL_KEYS = ("name", "phone", "email")


@dataclass(frozen=True)
class ListTable:
    """The rows of a list as they go into a file, one value per heading."""

    entity: str
    headings: list[str]
    rows: list[list[Any]]
    #: Whether some row names a private person (the window warns before writing).
    personal: bool


def list_table(
    entity: str, service: Any, query: ListQuery, progress: Progress | None = None
) -> ListTable:
    """Every row `query` lists (not only the pages on screen), in its order."""
    total = service.count(query)
    fetched: list[tuple[Any, ...]] = []
    while batch := service.list_rows(query, len(fetched), BATCH):
        fetched.extend(batch)
        if progress is not None:
            progress(len(fetched), total, "")
    rows = [labelled_row(entity, row) for row in fetched]
    personal = False
    if entity == "contacts":
        personal = _guard_persons(service, fetched, rows)
    return ListTable(entity, headings(entity), rows, personal)


def _guard_persons(service: Any, fetched: list[tuple[Any, ...]], rows: list[list[Any]]) -> bool:
    """Blank the personal columns of persons without a legal basis; True if any person is named."""
    keys = ("id", *ENTITY_COLUMNS["contacts"])
    positions = [keys.index(key) for key in PERSONAL_KEYS]
    ids = [row[0] for row in fetched]
    allowed: dict[int, bool] = {}
    with service.database.session() as session:
        for start in range(0, len(ids), 500):
            contacts = session.scalars(
                select(Contact)
                .where(Contact.id.in_(ids[start : start + 500]))
                .options(selectinload(Contact.consents))
            )
            for contact in contacts:
                allowed[contact.id] = contact.kind is not ContactKind.PERSON or legal_basis_holds(
                    contact.kind, contact.legal_basis, contact.consents
                )
    kind_at = keys.index("kind")
    personal = False
    for original, row in zip(fetched, rows, strict=True):
        if original[kind_at] is not ContactKind.PERSON:
            continue
        if allowed.get(original[0], False):
            personal = True
            continue
        for position in positions:
            row[position] = ""
        row[positions[0]] = _("(not shown: no legal basis)")
    return personal


def workbook_bytes(table: ListTable, title: str, subtitle: str) -> bytes:
    """The table as an XLSX workbook: title rows, a bold header with a filter, frozen panes.

    Dates are date cells shown DD.MM.YYYY; text that would start a formula is a text cell
    with Excel's quote prefix (`cell_text`)."""
    # openpyxl is imported here, not with the module: the window's list pages import
    # this module, and the workbook library would add to every start (test_lazy_imports).
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.title = _sheet_title(title)
    sheet["A1"] = plain_text(title)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = plain_text(subtitle)
    header_row = 4
    for column, heading in enumerate(table.headings, 1):
        sheet.cell(header_row, column, heading).font = Font(bold=True)
    for number, values in enumerate(table.rows, header_row + 1):
        for column, value in enumerate(values, 1):
            if value is None or value == "":
                continue
            cell = sheet.cell(number, column)
            if isinstance(value, str):
                text = cell_text(value)
                cell.value = text.text
                cell.data_type = "s"  # openpyxl would store "=…" as a formula
                cell.quotePrefix = text.formula_like
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "DD.MM.YYYY"
                elif isinstance(value, time):
                    cell.number_format = "HH:MM"
    widths = [len(h) for h in table.headings]
    for values in table.rows[:500]:
        for column, value in enumerate(values):
            widths[column] = max(widths[column], len(spell(value)))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 50)
    last = get_column_letter(max(1, len(table.headings)))
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + len(table.rows)}"
    sheet.freeze_panes = f"A{header_row + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(table: ListTable) -> bytes:
    """The table as CSV for German Excel (BOM, `;`, decimal comma, DD.MM.YYYY)."""
    return spreadsheet_csv(table.headings, table.rows)


def pdf_bytes(
    table: ListTable, title: str, subtitle: str, progress: Progress | None = None
) -> bytes:
    """The table as a PDF (see output.pdf.list_print); every value spelled as in the CSV."""
    from gwa_desktop.output.pdf.list_print import build_list_pdf
    from gwa_desktop.output.pdf.styles import unbreakable

    keys = ("id", *ENTITY_COLUMNS[table.entity])
    rows = [
        [
            unbreakable(value) if key == "phone" and value else _printed(value)
            for key, value in zip(keys, row, strict=True)
        ]
        for row in table.rows
    ]
    result = build_list_pdf(
        title, subtitle, table.headings, rows, ui_language(), _("Page {page}"), progress
    )
    return result.pdf


def title_of(entity: str) -> str:
    return {"contacts": _("Contacts"), "offers": _("Offers"), "activities": _("Activities")}[entity]


def subtitle_of(conditions: Sequence[str], on: date | None = None) -> str:
    """The subtitle "Stand: 02.12.2026 · Suche „Dari“ · Rolle: Ehrenamtliche" — what the list shows."""
    day = (on or date.today()).strftime("%d.%m.%Y")
    return " · ".join([_("As of {date}").format(date=day), *conditions])


def _printed(value: Any) -> str:
    """A value as printed: spelled as in the CSV, but text as typed (no formula guard)."""
    return plain_text(value) if isinstance(value, str) else spell(value)


def _sheet_title(title: str) -> str:
    """Excel refuses sheet names over 31 characters or with []:*?/\\ in them."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "Liste"
