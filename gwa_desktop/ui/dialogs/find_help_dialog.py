"""Helfer finden: "who speaks Dari and is free on Tuesday afternoons".

Filters above, the volunteers found below (sortable), and what the officer does next:
save the phone list for the Helferkreis as a spreadsheet, or print a certificate for
the one selected. Every change of a filter searches again at once; a village has tens
of volunteers, so the search is immediate.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import COMMON_LANGUAGES, language_name
from gwa_desktop.domain.volunteer import WEEKDAY_NAMES
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.csv_export import spreadsheet_csv
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.services.volunteer_table import (
    VOLUNTEER_COLUMNS,
    headings,
    match_row,
    printed_list,
)
from gwa_desktop.services.volunteers import HelpWanted, VolunteerMatch, VolunteerService
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.operations import attempt, show_error
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.table_model import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from gwa_desktop.ui.widgets import announce, documents_folder, hbox, qt_time_format

#: Without a year the list has no hours column.
COLUMNS = tuple(key for key in VOLUNTEER_COLUMNS if key != "hours")
#: How many past years the hours can be shown for, besides this one.
PAST_YEARS = 4


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    # A time reads left to right in Arabic too; Qt would reverse its sections (TimeRangeEdit).
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(qt_time_format())
    return edit


def _cell(text: str) -> str:
    """In a right-to-left window a phone number or Latin name keeps its order (as in
    the lists, table_model)."""
    if text and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE
    return text


class FindHelpDialog(QDialog):
    help_anchor = "volunteers"  #: the handbook section F1 opens in this dialog

    def __init__(
        self,
        volunteers: VolunteerService,
        print_certificate: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(_("Find help"))
        self.volunteers = volunteers
        self.print_certificate = print_certificate
        self.matches: list[VolunteerMatch] = []
        self.columns: tuple[str, ...] = COLUMNS
        self.language = QComboBox()
        self.language.addItem(_("any language"), "")
        for code in COMMON_LANGUAGES:
            self.language.addItem(f"{language_name(code, ui_language())} ({code})", code)
        self.skill = QLineEdit()
        self.skill.setPlaceholderText(_("e.g. interpreting, driving"))
        self.skill.setClearButtonEnabled(True)
        self.weekday = QComboBox()
        self.weekday.addItem(_("any day"), None)
        for index, name in enumerate(WEEKDAY_NAMES):
            self.weekday.addItem(_(name), index)
        self.timed = QCheckBox(_("between"))
        self.starts, self.ends = _time_edit(time(12)), _time_edit(time(18))
        filters = QFormLayout()
        filters.addRow(_("Speaks"), self.language)
        filters.addRow(_("Task or topic"), self.skill)
        filters.addRow(_("Can help on"), hbox(self.weekday, self.timed, self.starts, self.ends))
        # The hours per volunteer and year stay in the house: shown here, never exported.
        self.year = QComboBox()
        self.year.addItem(_("— none —"), None)
        this_year = date.today().year
        for year in range(this_year, this_year - PAST_YEARS - 1, -1):
            self.year.addItem(str(year), year)
        filters.addRow(_("Hours in"), self.year)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Save phone list…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = self.buttons.addButton(
            _("Save list as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.certificate_button = self.buttons.addButton(
            _("Print certificate…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.certificate_button.setEnabled(False)
        self.certificate_button.setVisible(print_certificate is not None)
        close = self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save_list)
        self.print_button.clicked.connect(self.save_pdf)
        self.certificate_button.clicked.connect(self._certificate)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self.search)
        self.skill.textChanged.connect(self.search)
        self.weekday.currentIndexChanged.connect(self.search)
        self.timed.toggled.connect(self.search)
        self.year.currentIndexChanged.connect(self.search)
        self.starts.timeChanged.connect(self.search)
        self.ends.timeChanged.connect(self.search)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._certificate)
        self.resize(900, 520)
        self.search()

    def wanted(self) -> HelpWanted:
        timed = self.timed.isChecked() and self.weekday.currentData() is not None
        return HelpWanted(
            language=self.language.currentData(),
            skill=self.skill.text(),
            weekday=self.weekday.currentData(),
            starts=self.starts.time().toPython() if timed else None,
            ends=self.ends.time().toPython() if timed else None,
        )

    def search(self, *_args: object) -> None:
        wanted = self.wanted()
        for edit in (self.starts, self.ends, self.timed):
            edit.setEnabled(self.weekday.currentData() is not None)
        year = self.year.currentData()
        ok, matches = attempt(self, lambda: self.volunteers.find(wanted, year=year))
        if not ok or matches is None:
            return
        self.matches = matches
        self.columns = COLUMNS if year is None else VOLUNTEER_COLUMNS
        self.table.setSortingEnabled(False)
        self.table.setColumnCount(len(self.columns))
        self.table.setHorizontalHeaderLabels(headings(self.columns))
        self.table.setRowCount(len(matches))
        for row, match in enumerate(matches):
            values = match_row(match)
            for column, key in enumerate(self.columns):
                item = QTableWidgetItem(_cell(values[key]))
                item.setData(256, match.contact_id)  # Qt.UserRole
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.count.setText(
            ngettext("{n} volunteer found", "{n} volunteers found", len(matches)).format(
                n=len(matches)
            )
        )
        self.save_button.setEnabled(bool(matches))
        self.print_button.setEnabled(bool(matches))
        self._selection_changed()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(256) if items else None

    def _selection_changed(self) -> None:
        self.certificate_button.setEnabled(self.selected_id() is not None)

    def _certificate(self, *_args: object) -> None:
        contact_id = self.selected_id()
        if contact_id is not None and self.print_certificate is not None:
            self.print_certificate(contact_id)

    def phone_list(self) -> bytes:
        """The list as found, as German Excel opens it (the Helferkreis's phone list)."""
        return spreadsheet_csv(
            headings(self.columns),
            ([match_row(m)[key] for key in self.columns] for m in self.matches),
        )

    def save_list(self) -> None:
        self._save(_("Save phone list"), ".csv", _("CSV files (*.csv)"), self.phone_list)

    def save_pdf(self) -> None:
        """The list on paper for the Helferkreis, with what was searched for as subtitle."""
        wanted, matches = self.wanted(), list(self.matches)
        self._save(
            _("Save PDF"),
            ".pdf",
            _("PDF files (*.pdf)"),
            lambda: run_in_background(lambda _progress: printed_list(matches, wanted).pdf),
        )

    def _save(self, caption: str, suffix: str, kinds: str, content: Callable[[], bytes]) -> None:
        suggested = str(documents_folder() / (_("Volunteers") + suffix))
        path, _filter = QFileDialog.getSaveFileName(self, caption, suggested, kinds)
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        ok, data = attempt(self, content)
        if not ok or data is None:
            return
        try:
            write_bytes_atomically(target, data)
        except ExchangeError as error:
            show_error(self, str(error))
            return
        announce(self, _("The list was saved as {path}").format(path=target))
