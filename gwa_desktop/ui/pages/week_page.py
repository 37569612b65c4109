"""The start page "Diese Woche": the coming days' dates and what still needs a headcount.

Next dates used to exist only inside each offer's form. Here the officer sees every offer
date of the next 7 or 14 days (cancelled ones struck through with their reason), the
activities planned, the past dates without a headcount, each one Enter from recording it,
and the month's figures.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.agenda import AgendaEntry, agenda, missing_headcounts
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.changes import ACTIVITIES, OFFERS, SETTINGS
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.session_text import change_note, time_range_text

#: The item data role holding an entry's (offer id, day) for recording.
ENTRY_ROLE = Qt.ItemDataRole.UserRole


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
        self.dates = QTreeWidget()
        self.dates.setAccessibleName(_("Dates of the coming days"))
        self.dates.setHeaderLabels([_("When"), _("What"), _("Place"), _("Note")])
        self.dates.setRootIsDecorated(False)
        self.dates.itemActivated.connect(self._record_item)
        self.missing_label = QLabel()
        self.missing = QListWidget()
        self.missing.setAccessibleName(_("Dates without a headcount"))
        self.missing.itemActivated.connect(self._record_item)
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
                agenda(database, today, self.span.currentData()),
                missing_headcounts(database, today),
                self.services.activities.totals(ListQuery(filters={"period": "month"})),
            ),
        )
        if not ok or found is None:
            return
        coming, missing, (activities, participants, hours) = found
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
        self.dates.clear()
        day: date | None = None
        for entry in entries:
            if entry.day != day:
                day = entry.day
                heading = QTreeWidgetItem([format_date(day, fmt="EEEE, d. MMMM")])
                font = QFont(heading.font(0))
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFirstColumnSpanned(True)
                self.dates.addTopLevelItem(heading)
                heading.setFirstColumnSpanned(True)
            item = QTreeWidgetItem(
                [_times(entry), isolated(entry.title), isolated(entry.place), _note(entry)]
            )
            if entry.cancelled:
                for column in range(4):
                    font = QFont(item.font(column))
                    font.setStrikeOut(column < 3)
                    item.setFont(column, font)
            if entry.offer_id is not None and not entry.cancelled:
                item.setData(0, ENTRY_ROLE, (entry.offer_id, entry.day))
            self.dates.addTopLevelItem(item)
        if not entries:
            self.dates.addTopLevelItem(QTreeWidgetItem([_("No dates in these days.")]))
        for column in range(4):
            self.dates.resizeColumnToContents(column)

    def _show_missing(self, entries: list[AgendaEntry]) -> None:
        self.missing.clear()
        for entry in entries:
            text = f"{isolated(format_date(entry.day, fmt='EEE dd.MM.'))}  {_times(entry)}  "
            item = QListWidgetItem(text + isolated(entry.title))
            item.setData(ENTRY_ROLE, (entry.offer_id, entry.day))
            self.missing.addItem(item)
        self.missing_label.setText(
            ngettext(
                "{n} date without a headcount", "{n} dates without a headcount", len(entries)
            ).format(n=len(entries))
            if entries
            else _("Every date of the last four weeks has its headcount.")
        )
        if entries:
            self.missing.setCurrentRow(0)
        self.record_button.setEnabled(bool(entries))

    def _record_item(self, item: QTreeWidgetItem | QListWidgetItem, *_column: int) -> None:
        wanted = (
            item.data(0, ENTRY_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(ENTRY_ROLE)
        )
        if wanted:
            offer_id, day = wanted
            self.record_requested.emit(offer_id, day)

    def _record_chosen(self) -> None:
        item = self.missing.currentItem()
        if item is not None:
            self._record_item(item)


def _times(entry: AgendaEntry) -> str:
    return time_range_text(entry.start_time, entry.end_time)


def _note(entry: AgendaEntry) -> str:
    note = change_note(entry.cancelled, entry.reason, entry.moved_from)
    if not note and entry.activity_id is not None:
        return _("planned activity")
    return note
