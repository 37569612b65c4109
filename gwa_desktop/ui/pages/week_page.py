"""The start page "Diese Woche": the coming days' dates and what still needs a headcount.

Next dates used to exist only inside each offer's form. Here the officer sees every offer
date of the next 7 or 14 days (cancelled ones struck through with their reason), the
activities planned, the past dates without a headcount, each one Enter from recording it,
and the month's figures.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.agenda import AgendaEntry, start_page
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.changes import ACTIVITIES, OFFERS, SETTINGS
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.pages.week_models import (
    ENTRY_ROLE,
    DatesModel,
    MissingModel,
    TextWidths,
    fit_columns,
)

#: Columns fit the first rows this many, not every one of a thousand.
COLUMN_SAMPLE_ROWS = 200


class WeekPage(QWidget):
    help_anchor = "week"  #: the handbook section F1 opens on this screen
    status_changed = Signal(str)
    #: Offer dates and planned activities change with offers, activities and holidays.
    shows = frozenset({OFFERS, ACTIVITIES, SETTINGS})
    #: "Termin erfassen" for (offer id, day): the main window opens the activity form.
    record_requested = Signal(int, object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        heading = QLabel(_("This week"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.span = QComboBox()
        self.span.setAccessibleName(_("Days shown"))
        self.span.addItem(_("next 7 days"), 7)
        self.span.addItem(_("next 14 days"), 14)
        self.span.currentIndexChanged.connect(self.refresh)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.dates = QTreeView()
        self.dates.setAccessibleName(_("Dates of the coming days"))
        self.dates_model = DatesModel()
        self.dates.setModel(self.dates_model)
        self.text_widths = TextWidths()
        self.dates.setRootIsDecorated(False)
        # One line per date: Qt then measures one row, not every one of a thousand dates.
        self.dates.setUniformRowHeights(True)
        self.dates.activated.connect(self._record_index)
        self.missing_label = QLabel()
        self.missing = QListView()
        self.missing.setAccessibleName(_("Dates without a headcount"))
        self.missing_model = MissingModel()
        self.missing.setModel(self.missing_model)
        self.missing.setUniformItemSizes(True)
        self.missing.activated.connect(self._record_index)
        self.record_button = QPushButton(_("Record session…"))
        self.record_button.clicked.connect(self._record_chosen)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.span)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_label, 1)
        missing_row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(self.dates, 3)
        layout.addLayout(missing_row)
        layout.addWidget(self.missing, 1)

    def refresh(self, *_args: object) -> None:
        today = date.today()
        database = self.services.database
        ok, found = attempt(
            self,
            lambda: (
                start_page(database, today, self.span.currentData()),
                self.services.activities.totals(ListQuery(filters={"period": "month"})),
            ),
        )
        if not ok or found is None:
            return
        (coming, missing), (activities, participants, hours) = found
        self._show_dates(coming)
        self._show_missing(missing)
        self.figures.setText(
            _(
                "This month: {activities} activities, {participants} participants, "
                "{hours} volunteer hours"
            ).format(activities=activities, participants=participants, hours=f"{hours:g}")
        )
        self.status_changed.emit(self.missing_label.text())

    def _show_dates(self, entries: list[AgendaEntry]) -> None:
        self.dates_model.set_entries(entries, self.dates.font())
        for row in self.dates_model.headings():
            self.dates.setFirstColumnSpanned(row, QModelIndex(), True)
        fit_columns(self.dates, self.dates_model, COLUMN_SAMPLE_ROWS, self.text_widths)

    def _show_missing(self, entries: list[AgendaEntry]) -> None:
        self.missing_model.set_entries(entries)
        self.missing_label.setText(
            ngettext(
                "{n} date without a headcount", "{n} dates without a headcount", len(entries)
            ).format(n=len(entries))
            if entries
            else _("Every date of the last four weeks has its headcount.")
        )
        if entries:
            self.missing.setCurrentIndex(self.missing_model.index(0))
        self.record_button.setEnabled(bool(entries))

    def _record_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        wanted = index.siblingAtColumn(0).data(ENTRY_ROLE)
        if wanted:
            offer_id, day = wanted
            self.record_requested.emit(offer_id, day)

    def _record_chosen(self) -> None:
        index = self.missing.currentIndex()
        if index.isValid():
            self._record_index(index)
