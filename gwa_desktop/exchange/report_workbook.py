"""The report for funders as an XLSX workbook: the same sections as the PDF, one sheet each.

Funders' forms are often spreadsheets, so the officer copies the figures from here;
numbers stay numbers (with the print's formats), hidden cells hold the same "." as
the PDF, and every text passes `cell_text`, so a comment starting with "=" stays text.
The charts are openpyxl's own bar charts over the sheet's cells, so they follow the
figures when the officer edits a cell.
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart as ExcelBarChart
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gwa_desktop.domain.report_document import (
    BarChart,
    Cell,
    ColumnKind,
    ReportDocument,
    Table,
    TextSection,
)
from gwa_desktop.exchange.cell_text import cell_text

FORMATS: dict[ColumnKind, str] = {
    "integer": "#,##0",
    "decimal": "#,##0.0",
    "percent": '0.0" %"',
    "signed": "+#,##0.0;-#,##0.0;0",
    "text": "@",
}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
#: Characters Excel refuses in a sheet name, and its length limit.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31


def write_report_workbook(stream: BinaryIO, document: ReportDocument) -> None:
    book = Workbook()
    book.properties.creator = "GWA Desktop"
    book.properties.title = document.title
    overview = book.active
    assert overview is not None, "a new workbook has a sheet"
    overview.title = _sheet_name(document.title, set())
    _overview(overview, document)
    names = {overview.title}
    for section in document.sections:
        if isinstance(section, Table):
            _table(book.create_sheet(_sheet_name(section.title, names)), section)
        elif isinstance(section, BarChart) and section.categories and section.series:
            _chart(book.create_sheet(_sheet_name(section.title, names)), section)
        names = set(book.sheetnames)
    book.save(stream)


def _sheet_name(title: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub(" ", cell_text(title).text).strip()[:SHEET_NAME_LENGTH] or "Tabelle"
    name, number = base, 2
    while name in taken:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    return name


def _put(sheet: Worksheet, row: int, column: int, value: Cell, kind: ColumnKind = "text") -> Any:
    if isinstance(value, str):
        text = cell_text(value)
        cell = sheet.cell(row, column, text.text)
        cell.data_type = "s"
        cell.quotePrefix = text.formula_like
    else:
        cell = sheet.cell(row, column, value)
        if value is not None and kind in FORMATS:
            cell.number_format = FORMATS[kind]
    return cell


def _overview(sheet: Worksheet, document: ReportDocument) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    _put(sheet, 1, 1, document.title).font = TITLE_FONT
    row = 3
    for label, value in document.facts:
        _put(sheet, row, 1, label).font = BOLD
        _put(sheet, row, 2, value)
        row += 1
    row += 1
    for text in (document.notice, document.hidden_note):
        if text:
            _put(sheet, row, 1, text).alignment = WRAP
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            row += 1
    row += 1
    for section in document.sections:
        if isinstance(section, TextSection):
            _put(sheet, row, 1, section.title).font = BOLD
            _put(sheet, row, 2, section.text or "–").alignment = WRAP
            row += 1


def _table(sheet: Worksheet, table: Table) -> None:
    _put(sheet, 1, 1, table.title).font = TITLE_FONT
    for column, text in enumerate(table.header, start=1):
        cell = _put(sheet, 3, column, text)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(column)].width = 34 if column == 1 else 16
    sheet.freeze_panes = "A4"
    last = len(table.rows) - 1
    for index, values in enumerate(table.rows):
        for column, (value, kind) in enumerate(zip(values, table.kinds), start=1):
            cell = _put(sheet, 4 + index, column, value, kind)
            if table.total_row and index == last:
                cell.font = BOLD
            if kind == "text":
                cell.alignment = WRAP
    note = table.note if table.rows or table.note else ""
    if note:
        _put(sheet, 5 + len(table.rows), 1, note).font = Font(italic=True, color="5A6470")


def _chart(sheet: Worksheet, chart: BarChart) -> None:
    """The chart's figures as a small table and an Excel bar chart over it."""
    _put(sheet, 1, 1, chart.title).font = TITLE_FONT
    for column, (name, _values) in enumerate(chart.series, start=2):
        _put(sheet, 3, column, name).font = BOLD
    for row, category in enumerate(chart.categories, start=4):
        _put(sheet, row, 1, category)
        for column, (_name, values) in enumerate(chart.series, start=2):
            _put(sheet, row, column, values[row - 4], "decimal")
    sheet.column_dimensions["A"].width = 24
    last_row = 3 + len(chart.categories)
    bars = ExcelBarChart()
    bars.type = "bar" if chart.horizontal else "col"
    bars.grouping = "stacked" if len(chart.series) > 1 else "clustered"
    if len(chart.series) > 1:
        bars.overlap = 100
    bars.title = chart.title
    bars.height, bars.width = 9, 18
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=3, max_row=last_row)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last_row))
    sheet.add_chart(bars, f"{get_column_letter(3 + len(chart.series))}3")
