"""The offer form's schedule parts: the weekdays of a series and its coming dates.

The dates list shows what really takes place, cancelled dates struck through with their
reason, so the officer cancels Christmas or moves a date where she sees it; the changes
are saved with the offer (and checked by the service against the series).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from babel.dates import get_day_names
from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.domain.schedule import DateChange, Schedule, Session
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import babel_locale, format_date
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.session_text import change_note, time_range_text
from gwa_desktop.ui.widgets import DateEdit, qt_time_format

#: How many coming dates the form lists.
SHOWN_SESSIONS = 8


class WeekdayPicker(QWidget):
    """Seven check boxes, Monday first; none checked means the weekday of the first date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = get_day_names("abbreviated", locale=babel_locale(ui_language()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for day in range(7):
            box = QCheckBox(names[day])
            box.setAccessibleName(get_day_names("wide", locale=babel_locale(ui_language()))[day])
            box.toggled.connect(self.changed)
            row.addWidget(box)
            self.boxes.append(box)
        row.addStretch(1)

    def value(self) -> list[int]:
        return [day for day, box in enumerate(self.boxes) if box.isChecked()]

    def set_value(self, days: list[int]) -> None:
        for day, box in enumerate(self.boxes):
            box.setChecked(day in days)


class SessionDates(QWidget):
    """The coming dates of a schedule with Cancel, Move and Undo for the chosen one."""

    changed = Signal()

    def __init__(self, schedule: Callable[[], Schedule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schedule = schedule
        self.changes: list[DateChange] = []
        self.list = QListWidget()
        # Room for every listed date: a scrolled list hides the cancelled one at the end.
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * SHOWN_SESSIONS + 12)
        self.list.setAccessibleName(_("Coming dates"))
        self.cancel_button = QPushButton(_("Cancel date…"))
        self.move_button = QPushButton(_("Move date…"))
        self.undo_button = QPushButton(_("Undo change"))
        self.cancel_button.clicked.connect(self._cancel)
        self.move_button.clicked.connect(self._move)
        self.undo_button.clicked.connect(self._undo)
        self.list.currentRowChanged.connect(self._update_buttons)
        buttons = QVBoxLayout()
        for button in (self.cancel_button, self.move_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self._sessions: list[Session] = []
        self._update_buttons()

    def set_changes(self, changes: list[DateChange]) -> None:
        self.changes = list(changes)
        self.show_dates()

    def show_dates(self) -> None:
        """List the coming dates again (after an edit of the schedule or of a date)."""
        chosen = self._chosen()
        schedule = self._schedule()
        sessions = _coming(schedule, date.today())
        self._sessions = sessions
        self.list.clear()
        for session in sessions:
            item = QListWidgetItem(_session_text(session))
            item.setToolTip(item.text())
            if session.cancelled:
                font = QFont(item.font())
                font.setStrikeOut(True)
                item.setFont(font)
            self.list.addItem(item)
        if chosen is not None:
            rows = [i for i, s in enumerate(sessions) if s.series_day == chosen.series_day]
            if rows:
                self.list.setCurrentRow(rows[0])
        self._update_buttons()

    def _chosen(self) -> Session | None:
        row = self.list.currentRow()
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def _change_of(self, session: Session) -> DateChange | None:
        return next((c for c in self.changes if c.on == session.series_day), None)

    def _update_buttons(self, *_args: object) -> None:
        session = self._chosen()
        changed = session is not None and self._change_of(session) is not None
        self.cancel_button.setEnabled(session is not None and not changed)
        self.move_button.setEnabled(session is not None and not changed)
        self.undo_button.setEnabled(changed)

    def _replace(self, session: Session, change: DateChange | None) -> None:
        self.changes = [c for c in self.changes if c.on != session.series_day]
        if change is not None:
            self.changes.append(change)
            self.changes.sort(key=lambda c: c.on)
        self.show_dates()
        self.changed.emit()

    def _cancel(self) -> None:
        session = self._chosen()
        if session is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            _("Cancel date"),
            _(
                "Why is the date {day} cancelled? (shown on the start page and in the calendar)"
            ).format(day=format_date(session.day)),
        )
        if ok:
            self._replace(session, DateChange(session.series_day, reason.strip()))

    def _move(self) -> None:
        session = self._chosen()
        if session is None:
            return
        dialog = MoveDateDialog(session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._replace(session, dialog.change())

    def _undo(self) -> None:
        session = self._chosen()
        if session is not None:
            self._replace(session, None)


def _coming(schedule: Schedule, today: date) -> list[Session]:
    """The next dates from today, cancelled ones included, at most SHOWN_SESSIONS."""
    found: list[Session] = []
    for span in (31, 93, 366, 366 * 3):
        last = date.fromordinal(min(today.toordinal() + span, date.max.toordinal()))
        found = schedule.sessions(today, last)
        if len(found) >= SHOWN_SESSIONS:
            break
    return found[:SHOWN_SESSIONS]


def _session_text(session: Session) -> str:
    day = isolated(format_date(session.day, fmt="EEE dd.MM.yyyy"))
    text = f"{day}  {time_range_text(session.start_time, session.end_time)}"
    moved_from = session.series_day if session.moved else None
    note = change_note(session.cancelled, session.reason, moved_from)
    return f"{text}  {note}" if note else text


class MoveDateDialog(QDialog):
    """Where and when a single date takes place instead."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(_("Move date"))
        self.session = session
        self.day = DateEdit()
        self.day.set_date(session.day)
        self.start = QTimeEdit()
        self.start.setDisplayFormat(qt_time_format())
        if session.start_time is not None:
            self.start.setTime(QTime(session.start_time.hour, session.start_time.minute))
        self.start.setEnabled(session.start_time is not None)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. the hall is taken"))
        form = QFormLayout()
        form.addRow(_("New date"), self.day)
        form.addRow(_("Start time"), self.start)
        form.addRow(_("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def change(self) -> DateChange:
        start: time | None = None
        if self.session.start_time is not None:
            start = self.start.time().toPython()
            if start == self.session.start_time:
                start = None
        return DateChange(
            self.session.series_day, self.reason.text().strip(), self.day.to_date(), start
        )
