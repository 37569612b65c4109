"""District mode: which municipality has reported which period, who is late, the rates.

A table municipality × period. Every cell says its status in words and with a mark
(✓ ✗ ○ –), so it reads without its colours and in a screen reader; the colours are only
a help to the eye. The search filters the municipalities, a click on a column head sorts
(a period column by status: the overdue ones first). Enter or a double click on a row
opens the municipality's entry. The reminder list (a PDF of who is late for what, with
the contact notes) is printed from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.completeness import (
    Completeness,
    Status,
    completeness,
    default_range,
    suggested_entries,
)
from gwa_desktop.services.completeness_text import cell_details, cell_text, legend, percent
from gwa_desktop.services.district_municipalities import MunicipalityListService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.municipality_import import import_municipalities
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reminders import write_reminder_pdf
from gwa_desktop.services.reporting_cycles import period_name
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.municipality_dialog import MunicipalityDialog
from gwa_desktop.ui.open_file import open_saved_file
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import DateEdit, documents_folder, fit_to_screen, hbox

#: A light background per status, and the order a period column sorts in (worst first).
COLOURS = {
    Status.ON_TIME: "#dcefdc",
    Status.RECEIVED_LATE: "#f7ebc6",
    Status.OVERDUE: "#f6d3d3",
    Status.NOT_YET_DUE: "#e9edf3",
    Status.NOT_EXPECTED: "#f5f5f5",
}
SORT_ORDER = {
    Status.OVERDUE: 0,
    Status.NOT_YET_DUE: 1,
    Status.RECEIVED_LATE: 2,
    Status.ON_TIME: 3,
    Status.NOT_EXPECTED: 4,
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


class CompletenessDialog(QDialog):
    help_anchor = "district-completeness"

    def __init__(
        self, services: Services, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.listing = MunicipalityListService(services.database)
        self.today = today or date.today()
        self.result: Completeness | None = None
        self.setWindowTitle(_("District mode: who has reported"))
        first, last = default_range(self.today)
        self.first = DateEdit(first)
        self.last = DateEdit(last)
        self.first.field.setAccessibleName(_("From"))
        self.last.field.setAccessibleName(_("To"))
        self.first.dateChanged.connect(lambda _day: self.refresh())
        self.last.dateChanged.connect(lambda _day: self.refresh())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search municipality"))
        self.search.setAccessibleName(_("Search municipality"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(SORT_ROLE)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(_("Reports per municipality and period"))
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.rates = QTableWidget(0, 5)
        self.rates.setHorizontalHeaderLabels(
            [_("Period"), _("Expected"), _("Received"), _("On time"), _("Overdue")]
        )
        self.rates.setAccessibleName(_("Reporting rate per period"))
        self.rates.verticalHeader().hide()
        self.rates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rates.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.legend = QLabel(legend())
        self.legend.setWordWrap(True)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.add_unknown_button = QPushButton()
        self.add_unknown_button.clicked.connect(self.add_unknown)
        add = QPushButton(_("Add municipality…"))
        add.clicked.connect(self.add_entry)
        edit = QPushButton(_("Edit…"))
        edit.clicked.connect(self.edit_selected)
        remove = QPushButton(_("Remove…"))
        remove.clicked.connect(self.remove_selected)
        import_list = QPushButton(_("Import list…"))
        import_list.setObjectName("import_list")
        import_list.clicked.connect(self.import_list)
        self.print_button = QPushButton(_("Print reminder list…"))
        self.print_button.clicked.connect(self.print_reminders)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        range_label = QLabel(_("Periods from"))
        range_label.setBuddy(self.first.field)
        to_label = QLabel(_("to"))
        to_label.setBuddy(self.last.field)
        layout = QVBoxLayout(self)
        layout.addWidget(hbox(range_label, self.first, to_label, self.last, self.search))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.legend)
        layout.addWidget(QLabel(_("Reporting rate per period")))
        layout.addWidget(self.rates, 1)
        layout.addWidget(hbox(self.unknown, self.add_unknown_button))
        layout.addWidget(hbox(add, edit, remove, import_list, self.print_button, buttons))
        # Enter in the table opens the entry; no button may take it as the default too.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        fit_to_screen(self, 1000, 640)
        self.refresh()

    # Showing ----------------------------------------------------------------------

    def refresh(self) -> None:
        first, last = self.first.to_date(), self.last.to_date()
        ok, result = attempt(
            self, lambda: completeness(self.services.database, first, last, self.today)
        )
        if not ok or result is None:
            return
        self.result = result
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [_("Municipality"), *(period_name(p) for p in result.periods)]
        )
        for column, rate in enumerate(result.rates, 1):
            header = self.model.horizontalHeaderItem(column)
            header.setText(f"{period_name(rate.period)}\n{percent(rate.rate)}")
            header.setToolTip(
                _("Reporting rate {period}: {received} of {expected} received").format(
                    period=rate.period.label(), received=rate.received, expected=rate.expected
                )
            )
        for entry in result.entries:
            name = QStandardItem(entry.name)
            name.setData(entry.name.casefold(), SORT_ROLE)
            name.setData(entry.id, ENTRY_ROLE)
            name.setToolTip(entry.contact_note)
            row = [name]
            for period in result.periods:
                cell = result.cell(entry.id, period)
                item = QStandardItem(cell_text(cell))
                item.setData(entry.id, ENTRY_ROLE)
                if cell is None:
                    item.setData(9, SORT_ROLE)
                    item.setData(
                        _("{municipality}, {period}: not in its cycle").format(
                            municipality=entry.name, period=period_name(period)
                        ),
                        Qt.ItemDataRole.AccessibleTextRole,
                    )
                else:
                    item.setData(SORT_ORDER[cell.status], SORT_ROLE)
                    item.setBackground(QBrush(QColor(COLOURS[cell.status])))
                    item.setForeground(QBrush(QColor("#1a1a1a")))
                    item.setToolTip(cell_details(cell))
                    item.setData(
                        f"{entry.name}, {period_name(period)}: {cell_text(cell)}",
                        Qt.ItemDataRole.AccessibleTextRole,
                    )
                row.append(item)
            self.model.appendRow(row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self._show_rates(result)
        self._show_unknown(result)
        self.print_button.setEnabled(bool(result.overdue()))

    def _show_rates(self, result: Completeness) -> None:
        self.rates.setRowCount(len(result.rates))
        for row, rate in enumerate(result.rates):
            values = [
                f"{period_name(rate.period)} ({rate.period.label()})",
                str(rate.expected),
                f"{rate.received} ({percent(rate.rate)})",
                f"{rate.on_time} ({percent(rate.on_time_rate)})",
                str(rate.overdue),
            ]
            for column, value in enumerate(values):
                self.rates.setItem(row, column, QTableWidgetItem(value))

    def _show_unknown(self, result: Completeness) -> None:
        names = result.unknown
        self.unknown.setText(
            _("Packages from municipalities not on the list: {names}").format(
                names=", ".join(names)
            )
            if names
            else ""
        )
        self.unknown.setVisible(bool(names))
        self.add_unknown_button.setText(
            ngettext("Add {n} to the list…", "Add {n} to the list…", len(names)).format(
                n=len(names)
            )
        )
        self.add_unknown_button.setVisible(bool(names))
        if not result.entries and not names:
            self.unknown.setText(
                _(
                    "The list of municipalities is empty. Add the municipalities you expect reports from."
                )
            )
            self.unknown.show()

    def selected_entry(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ENTRY_ROLE)
        return int(value) if value is not None else None

    # Changing the list -------------------------------------------------------------

    def add_entry(self) -> None:
        if MunicipalityDialog(self.listing, None, self).exec():
            self.refresh()

    def edit_selected(self) -> None:
        entry_id = self.selected_entry()
        if entry_id is None:
            return
        if MunicipalityDialog(self.listing, entry_id, self).exec():
            self.refresh()
            self.select_entry(entry_id)

    def select_entry(self, entry_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ENTRY_ROLE) == entry_id:
                self.table.setCurrentIndex(index)
                return

    def remove_selected(self) -> None:
        entry_id = self.selected_entry()
        if entry_id is None:
            return
        ok, entry = attempt(self, lambda: self.listing.get(entry_id))
        if not ok or entry is None:
            self.refresh()
            return
        answer = QMessageBox.question(
            self,
            _("Remove municipality"),
            _(
                "Take {name} off the list? Its imported packages and figures stay; it is no "
                "longer expected to report."
            ).format(name=entry.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: self.listing.remove(entry_id))
            self.refresh()

    def add_unknown(self) -> None:
        """Add the unlisted municipalities of the packages, with the cycle their packages suggest."""
        ok, suggestions = attempt(self, lambda: suggested_entries(self.services.database))
        if not ok or not suggestions:
            return
        lines = "\n".join(f"• {s.name}" for s in suggestions)
        answer = QMessageBox.question(
            self,
            _("Add municipalities"),
            _(
                "Add these municipalities to the list? Their cycle and start are taken from "
                "their packages; check them afterwards.\n\n{names}"
            ).format(names=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: self.listing.add_all(suggestions))
            self.refresh()

    def import_list(self) -> None:
        """Add the municipalities of a CSV or Excel file: every row, or none with the reasons."""
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            _("Import list of municipalities"),
            str(documents_folder()),
            _("Tables (*.csv *.xlsx)"),
        )
        if not name:
            return
        try:
            ok, added = attempt(
                self, lambda: import_municipalities(self.services.database, Path(name))
            )
        except ValidationError as error:
            QMessageBox.warning(self, _("Import list of municipalities"), str(error))
            return
        if ok and added is not None:
            self.refresh()
            QMessageBox.information(
                self,
                _("Import list of municipalities"),
                ngettext("{n} municipality added.", "{n} municipalities added.", len(added)).format(
                    n=len(added)
                ),
            )

    # Printing ----------------------------------------------------------------------

    def print_reminders(self) -> None:
        result = self.result
        if result is None or not result.overdue():
            return
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            _("Print reminder list"),
            str(documents_folder() / f"Erinnerungsliste_{result.today:%Y-%m-%d}.pdf"),
            _("PDF (*.pdf)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        ok, _pages = run_with_progress(
            self, _("Writing the file…"), lambda progress: write_reminder_pdf(result, path)
        )
        if ok:
            open_saved_file(self, path)
