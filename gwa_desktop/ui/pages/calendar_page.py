"""The calendar: a month or a week of offer dates and activities, worked by the keyboard.

Each day shows its dates in time order: cancelled ones struck through, moved ones on
their new day, recorded sessions with their headcount, planned activities. The arrows
move the day, Page Up/Down the month, T goes to today, M and W switch between month and
week. Enter on a day lists its entries beside the grid; Enter on an entry offers what
can be done with it: record the session (or open the one recorded), cancel the date
with a reason, move it, restore it.

The entries come from `services.agenda.calendar` for the visible days only, so the
calendar honours every schedule rule the start page and the agenda honour.
"""

from __future__ import annotations

import calendar as month_days
from collections.abc import Callable
from datetime import date, timedelta

from babel.dates import get_day_names
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.domain.schedule import Session
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.i18n.formatting import babel_locale, format_date
from gwa_desktop.services.agenda import AgendaEntry, calendar
from gwa_desktop.services.date_changes import DateChangeService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.changes import ACTIVITIES, OFFERS, SETTINGS, Changes
from gwa_desktop.ui.dialogs.offer_dates import MoveDateDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.session_text import change_note, day_text, time_range_text

MONTH, WEEK = "month", "week"
#: The day of a cell, and the entries it shows.
DAY_ROLE = Qt.ItemDataRole.UserRole
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKS_SHOWN = 6


def visible_range(view: str, day: date) -> tuple[date, date]:
    """The days the grid shows around `day`: six whole weeks of its month, or its week."""
    if view == WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    monday = first - timedelta(days=first.weekday())
    return monday, monday + timedelta(days=7 * WEEKS_SHOWN - 1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = month_days.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


#: A day's cell text (what a screen reader reads, beside the painted lines) names this many
#: entries and counts the rest: the day list beside the grid has them all.
CELL_TEXT_ENTRIES = 12


def entry_line(entry: AgendaEntry) -> str:
    """One entry as the grid and the day list read it."""
    times = time_range_text(entry.start_time, entry.end_time)
    text = f"{times} {isolated(entry.title)}".strip()
    if entry.place:
        text += f" ({isolated(entry.place)})"
    note = change_note(entry.cancelled, entry.reason, entry.moved_from)
    if note:
        text += f" – {note}"
    if entry.recorded and entry.participants is not None:
        text += " – " + ngettext("{n} participant", "{n} participants", entry.participants).format(
            n=entry.participants
        )
    elif entry.activity_id is not None and not entry.recorded:
        text += " – " + _("planned activity")
    return text


#: Opacity of the day numbers of the neighbouring months (see tests/ui/test_contrast.py).
DIM_OPACITY = 0.65


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one line per entry, struck through when cancelled."""

    #: Elided lines remembered beyond this many are forgotten (a month paints some 300).
    ELIDED_LIMIT = 5000

    def __init__(self, page: CalendarPage) -> None:
        super().__init__(page)
        self.page = page
        self._elided: dict[tuple[str, int, str], str] = {}

    def _elide(self, painter: QPainter, text: str, width: int) -> str:
        """`text` cut to `width` in the painter's font, worked out once: every move of
        the current day repaints the cells, and eliding is half the cost of a line."""
        key = (text, width, painter.font().key())
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) >= self.ELIDED_LIMIT:
                self._elided.clear()
            elided = self._elided[key] = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, width
            )
        return elided

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        day: date | None = index.data(DAY_ROLE)
        entries: list[AgendaEntry] = index.data(ENTRIES_ROLE) or []
        if day is None:
            return
        shown_month = self.page.shown_month
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        # Days of the other months are quieter, still at 4.5:1 (half opacity was 3.9:1).
        dim.setAlphaF(DIM_OPACITY)
        painter.save()
        align = QStyle.visualAlignment(option.direction, Qt.AlignmentFlag.AlignLeft)
        rect = option.rect.adjusted(4, 2, -4, -2)
        line = option.fontMetrics.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        other_month = shown_month is not None and day.month != shown_month
        painter.setPen(dim if other_month else text_color)
        if day == date.today():
            painter.setPen(palette.color(QPalette.ColorRole.Link) if not selected else text_color)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        number = day_text(day, "d")
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), align, number)
        top = rect.top() + line
        room = max(0, (rect.bottom() - top) // line)
        for position, entry in enumerate(entries):
            if position == room - 1 and len(entries) > room:
                more = len(entries) - position
                painter.setFont(option.font)
                painter.setPen(dim)
                painter.drawText(
                    QRect(rect.left(), top, rect.width(), line),
                    align,
                    _("+ {n} more").format(n=more),
                )
                break
            if position >= room:
                break
            font = QFont(option.font)
            font.setStrikeOut(entry.cancelled)
            font.setItalic(entry.activity_id is not None and not entry.recorded)
            painter.setFont(font)
            painter.setPen(dim if entry.cancelled else text_color)
            short = time_range_text(entry.start_time, None)
            text = f"{short} {isolated(entry.title)}".strip()
            if entry.recorded and entry.participants is not None:
                text += f" ✓{entry.participants}"
            elided = self._elide(painter, text, rect.width())
            painter.drawText(QRect(rect.left(), top, rect.width(), line), align, elided)
            top += line
        painter.restore()


class CalendarPage(QWidget):
    help_anchor = "calendar"  #: the handbook section F1 opens on this screen
    status_changed = Signal(str)
    #: Offer dates change with offers, activities and holidays.
    shows = frozenset({OFFERS, ACTIVITIES, SETTINGS})
    #: "Termin erfassen" for (offer id, day): the main window opens the activity form.
    record_requested = Signal(int, object)
    #: Open a recorded or planned activity.
    activity_requested = Signal(int)
    #: A date was cancelled, moved or restored here.
    data_changed = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dates = DateChangeService(services.offers)
        self.view = MONTH
        self.day = date.today()
        self.first, self.last = visible_range(self.view, self.day)
        self.shown_month: int | None = self.day.month
        self._by_day: dict[date, list[AgendaEntry]] = {}
        #: The entries the day list shows.
        self._listed: list[AgendaEntry] = []
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.previous_button = QPushButton(_("◀ Back"))
        self.previous_button.setToolTip(_("Previous month or week (Page Up)"))
        self.today_button = QPushButton(_("Today"))
        self.today_button.setToolTip(_("Go to today (T)"))
        self.next_button = QPushButton(_("Forward ▶"))
        self.next_button.setToolTip(_("Next month or week (Page Down)"))
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.today_button.clicked.connect(lambda: self.show_day(date.today()))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.view_choice = QComboBox()
        self.view_choice.setAccessibleName(_("View"))
        self.view_choice.addItem(_("Month (M)"), MONTH)
        self.view_choice.addItem(_("Week (W)"), WEEK)
        self.view_choice.currentIndexChanged.connect(
            lambda: self.set_view(self.view_choice.currentData())
        )
        self.grid = QTableWidget(WEEKS_SHOWN, 7)
        self.grid.setAccessibleName(_("Calendar"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setItemDelegate(DayDelegate(self))
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setHorizontalHeaderLabels([_day_names()[day] for day in range(7)])
        self.grid.setWordWrap(False)
        self.grid.installEventFilter(self)
        self.grid.currentCellChanged.connect(self._cell_changed)
        self.grid.cellActivated.connect(lambda *_args: self._open_day())
        self.grid.cellDoubleClicked.connect(lambda *_args: self._open_day())
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setAccessibleName(_("Dates of the chosen day"))
        self.entries.setWordWrap(True)
        self.entries.itemActivated.connect(lambda _item: self._entry_menu())
        self.entries.currentRowChanged.connect(self._update_buttons)
        self.record_button = QPushButton(_("Record session…"))
        self.cancel_button = QPushButton(_("Cancel date…"))
        self.move_button = QPushButton(_("Move date…"))
        self.restore_button = QPushButton(_("Restore date"))
        self.record_button.clicked.connect(self.record_chosen)
        self.cancel_button.clicked.connect(self.cancel_chosen)
        self.move_button.clicked.connect(self.move_chosen)
        self.restore_button.clicked.connect(self.restore_chosen)
        self._build_layout()
        self._update_buttons()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.view_choice)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.day_label)
        column.addWidget(self.entries, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.restore_button)
        column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # What is shown -------------------------------------------------------------------

    def refresh(self, *_args: object) -> None:
        """Read the visible days again and show them."""
        first, last = visible_range(self.view, self.day)
        ok, found = attempt(self, lambda: calendar(self.services.database, first, last))
        if not ok or found is None:
            return
        self.first, self.last = first, last
        self.shown_month = self.day.month if self.view == MONTH else None
        by_day: dict[date, list[AgendaEntry]] = {}
        for entry in found:
            by_day.setdefault(entry.day, []).append(entry)
        self._by_day = by_day
        self._fill_grid()
        self._show_heading()
        self.status_changed.emit(self.summary())

    def summary(self) -> str:
        """ "Dezember 2026: 42 Termine, 3 abgesagt" for the status bar."""
        shown = [
            e
            for day, entries in self._by_day.items()
            if self.shown_month is None or day.month == self.shown_month
            for e in entries
        ]
        cancelled = sum(1 for e in shown if e.cancelled)
        dates = ngettext("{n} date", "{n} dates", len(shown)).format(n=len(shown))
        return _("{heading}: {dates}, {cancelled} cancelled").format(
            heading=self.heading.text(), dates=dates, cancelled=cancelled
        )

    def _fill_grid(self) -> None:
        rows = 1 if self.view == WEEK else WEEKS_SHOWN
        self.grid.blockSignals(True)
        self.grid.clearContents()
        self.grid.setRowCount(rows)
        for offset in range((self.last - self.first).days + 1):
            day = self.first + timedelta(days=offset)
            entries = self._by_day.get(day, [])
            lines = [day_text(day, "EEEE, d. MMMM yyyy")]
            lines.extend(entry_line(e) for e in entries[:CELL_TEXT_ENTRIES])
            if len(entries) > CELL_TEXT_ENTRIES:
                lines.append(_("+ {n} more").format(n=len(entries) - CELL_TEXT_ENTRIES))
            item = QTableWidgetItem("\n".join(lines))
            item.setData(DAY_ROLE, day)
            item.setData(ENTRIES_ROLE, entries)
            self.grid.setItem(offset // 7, offset % 7, item)
        row, column = self._cell_of(self.day)
        self.grid.setCurrentCell(row, column)
        self.grid.blockSignals(False)
        self._show_entries()

    def _show_heading(self) -> None:
        if self.view == MONTH:
            self.heading.setText(format_date(self.day, fmt="LLLL yyyy"))
            return
        week = self.first.isocalendar().week
        self.heading.setText(
            _("Week {number}: {first} – {last}").format(
                number=week,
                first=isolated(format_date(self.first, fmt="dd.MM.")),
                last=isolated(format_date(self.last, fmt="dd.MM.yyyy")),
            )
        )

    def _cell_of(self, day: date) -> tuple[int, int]:
        offset = (day - self.first).days
        return offset // 7, offset % 7

    def _show_entries(self) -> None:
        day_entries = self._by_day.get(self.day, [])
        if day_entries and day_entries == self._listed and self.entries.currentRow() >= 0:
            # The same dates as listed (a refresh with nothing changed): laying out a
            # hundred wrapped lines again would cost more than the whole grid.
            self._update_buttons()
            return
        chosen = self.chosen()
        self.entries.clear()
        self._listed = day_entries
        self.day_label.setText(day_text(self.day, "EEEE, d. MMMM yyyy"))
        for entry in day_entries:
            item = QListWidgetItem(entry_line(entry))
            if entry.cancelled:
                font = QFont(item.font())
                font.setStrikeOut(True)
                item.setFont(font)
            self.entries.addItem(item)
        if not self._by_day.get(self.day):
            self.entries.addItem(QListWidgetItem(_("No dates on this day.")))
            self.entries.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            keep = next((i for i, e in enumerate(self._by_day[self.day]) if _same(e, chosen)), 0)
            self.entries.setCurrentRow(keep)
        self._update_buttons()

    # Moving around -------------------------------------------------------------------

    def show_day(self, day: date) -> None:
        """Make `day` the current one, reading other days when it is not in view."""
        self.day = day
        if self.first <= day <= self.last and (self.view == WEEK or day.month == self.shown_month):
            row, column = self._cell_of(day)
            self.grid.setCurrentCell(row, column)
            self._show_entries()
            return
        self.refresh()

    def set_view(self, view: str) -> None:
        if view == self.view:
            return
        self.view = view
        self.view_choice.blockSignals(True)
        self.view_choice.setCurrentIndex(self.view_choice.findData(view))
        self.view_choice.blockSignals(False)
        self.refresh()

    def _step(self, direction: int) -> None:
        if self.view == WEEK:
            self.show_day(self.day + timedelta(weeks=direction))
        else:
            self.show_day(add_months(self.day, direction))

    def _cell_changed(self, row: int, column: int, *_previous: int) -> None:
        if row < 0 or column < 0:
            return
        day = self.first + timedelta(days=row * 7 + column)
        if day != self.day:
            self.show_day(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            action = self._key_action(event)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        forward = -1 if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else 1
        days = {
            Qt.Key.Key_Right: forward,
            Qt.Key.Key_Left: -forward,
            Qt.Key.Key_Down: 7,
            Qt.Key.Key_Up: -7,
        }
        key = event.key()
        if key in days:
            return lambda: self.show_day(self.day + timedelta(days=days[Qt.Key(key)]))
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_PageUp: lambda: self.show_day(add_months(self.day, -1)),
            Qt.Key.Key_PageDown: lambda: self.show_day(add_months(self.day, 1)),
            Qt.Key.Key_T: lambda: self.show_day(date.today()),
            Qt.Key.Key_M: lambda: self.set_view(MONTH),
            Qt.Key.Key_W: lambda: self.set_view(WEEK),
            Qt.Key.Key_Return: self._open_day,
            Qt.Key.Key_Enter: self._open_day,
        }
        return actions.get(key)

    def _open_day(self) -> None:
        """Enter on a day: its entries get the focus, the first one chosen."""
        if self._by_day.get(self.day):
            self.entries.setFocus()
            if self.entries.currentRow() < 0:
                self.entries.setCurrentRow(0)

    # What can be done with an entry ---------------------------------------------------

    def chosen(self) -> AgendaEntry | None:
        row = self.entries.currentRow()
        entries = self._by_day.get(self.day, [])
        return entries[row] if 0 <= row < len(entries) else None

    def _update_buttons(self, *_args: object) -> None:
        entry = self.chosen()
        offer_date = entry is not None and entry.offer_id is not None
        self.record_button.setEnabled(
            entry is not None and (entry.activity_id is not None or not entry.cancelled)
        )
        self.record_button.setText(
            _("Open session…")
            if entry is not None and entry.activity_id is not None
            else _("Record session…")
        )
        self.cancel_button.setEnabled(offer_date and entry is not None and not entry.cancelled)
        self.move_button.setEnabled(offer_date and entry is not None and not entry.cancelled)
        self.restore_button.setEnabled(offer_date and entry is not None and entry.changed)

    def _entry_menu(self) -> None:
        """Enter or a click on an entry: what can be done with it, as a menu."""
        entry = self.chosen()
        if entry is None:
            return
        menu = QMenu(self)
        for button, handler in (
            (self.record_button, self.record_chosen),
            (self.cancel_button, self.cancel_chosen),
            (self.move_button, self.move_chosen),
            (self.restore_button, self.restore_chosen),
        ):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(handler)
        item = self.entries.currentItem()
        where = (
            self.entries.visualItemRect(item).bottomLeft() if item else self.entries.rect().center()
        )
        menu.exec(self.entries.viewport().mapToGlobal(where))

    def record_chosen(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        if entry.activity_id is not None:
            self.activity_requested.emit(entry.activity_id)
        elif entry.offer_id is not None and not entry.cancelled:
            self.record_requested.emit(entry.offer_id, entry.day)

    def cancel_chosen(self) -> None:
        entry = self.chosen()
        if entry is None or entry.offer_id is None or entry.cancelled:
            return
        offer_id = entry.offer_id
        reason, ok = QInputDialog.getText(
            self,
            _("Cancel date"),
            _(
                "Why is the date {day} cancelled? (shown on the start page and in the calendar)"
            ).format(day=format_date(entry.day)),
        )
        if ok:
            self._change(lambda: self.dates.cancel(offer_id, _series_day(entry), reason))

    def move_chosen(self) -> None:
        entry = self.chosen()
        if entry is None or entry.offer_id is None or entry.cancelled:
            return
        offer_id = entry.offer_id
        session = Session(entry.day, entry.start_time, entry.end_time, _series_day(entry))
        dialog = MoveDateDialog(session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        change = dialog.change()
        target = change.moved_to or entry.day
        self._change(
            lambda: self.dates.move(
                offer_id, _series_day(entry), target, change.start_time, change.reason
            )
        )
        self.show_day(target)

    def restore_chosen(self) -> None:
        entry = self.chosen()
        if entry is None or entry.offer_id is None or not entry.changed:
            return
        offer_id = entry.offer_id
        self._change(lambda: self.dates.restore(offer_id, _series_day(entry)))

    def _change(self, write: Callable[[], None]) -> None:
        """Save one date's change; a refusal is told, the calendar stays as it was."""
        try:
            ok, _done = attempt(self, write)
        except ValidationError as error:
            QMessageBox.warning(self, _("Date not changed"), "\n".join(error.errors.values()))
            return
        if ok:
            changed: Changes = frozenset({OFFERS})
            self.refresh()
            self.data_changed.emit(changed)


def _day_names() -> dict[int, str]:
    """Monday=0; Babel's mapping is keyed so but ordered from Sunday."""
    return dict(get_day_names("abbreviated", locale=babel_locale(ui_language())))


def _series_day(entry: AgendaEntry) -> date:
    return entry.moved_from or entry.day


def _same(entry: AgendaEntry, other: AgendaEntry | None) -> bool:
    return other is not None and (entry.offer_id, entry.activity_id, entry.title) == (
        other.offer_id,
        other.activity_id,
        other.title,
    )
