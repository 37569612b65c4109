"""The "Drucken…" and "Exportieren…" of a list screen: the rows as filtered and sorted there.

The rows are read and the file is written on a worker thread behind a progress dialog
(a list of 100,000 activities takes a while); a file that names persons is written
only after a warning the officer confirms, as in the district export.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.progress import Progress
from gwa_desktop.i18n import _
from gwa_desktop.services.list_export import (
    ListTable,
    csv_bytes,
    list_table,
    pdf_bytes,
    subtitle_of,
    title_of,
    workbook_bytes,
)
from gwa_desktop.ui.open_file import isolated, open_saved_file
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import documents_folder

if TYPE_CHECKING:
    from gwa_desktop.ui.pages.list_page import ListPage


def personal_list_warning() -> str:
    return _(
        "This file contains personal data (names, phone numbers, e-mail addresses). Keep it only "
        "as long as you need it, do not pass it on, and delete it when you are done. Persons "
        "without a legal basis are left out. Write the file?"
    )


def export_list(page: ListPage) -> None:
    """Ask for a file (XLSX or CSV), warn about personal data, write it."""
    xlsx, csv = _("Excel workbook (*.xlsx)"), _("CSV for Excel (*.csv)")
    name, chosen = QFileDialog.getSaveFileName(
        page,
        _("Export list"),
        str(documents_folder() / f"{page.entity}.xlsx"),
        f"{xlsx};;{csv}",
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if chosen == csv else ".xlsx")
    title, subtitle = title_of(page.entity), subtitle_of(page.filter_conditions())
    if path.suffix.lower() == ".csv":
        _write(page, path, lambda table, _progress: csv_bytes(table))
    else:
        _write(page, path, lambda table, _progress: workbook_bytes(table, title, subtitle))


def print_list(page: ListPage) -> None:
    """Save the list as a PDF table and show it in the PDF reader, to print from there."""
    name, _chosen = QFileDialog.getSaveFileName(
        page,
        _("Print list"),
        str(documents_folder() / f"{page.entity}.pdf"),
        _("PDF (*.pdf)"),
    )
    if not name:
        return
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    title, subtitle = title_of(page.entity), subtitle_of(page.filter_conditions())
    if _write(page, path, lambda table, progress: pdf_bytes(table, title, subtitle, progress)):
        open_saved_file(page, path)


def _write(page: ListPage, path: Path, content: Callable[[ListTable, Progress], bytes]) -> bool:
    query = page.current_query()
    label = _("Reading the list…")
    ok, table = run_with_progress(
        page, label, lambda progress: list_table(page.entity, page.service, query, progress)
    )
    if not ok or table is None:
        return False
    if table.personal:
        answer = QMessageBox.warning(
            page,
            _("Personal data"),
            personal_list_warning(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    ok, _written = run_with_progress(
        page,
        _("Writing the file…"),
        lambda progress: write_bytes_atomically(path, content(table, progress)),
    )
    if ok:
        page.status_changed.emit(
            _("{count} rows written to {path}").format(
                count=len(table.rows), path=isolated(str(path))
            )
        )
    return ok
