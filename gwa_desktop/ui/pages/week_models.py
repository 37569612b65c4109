"""The start page's two lists as item models: a line's text is worded when Qt shows it.

With two thousand offers the start page lists some six hundred coming dates and, for
four weeks back, a couple of thousand without a headcount. A QTreeWidget/QListWidget
made an item per line (and a font per struck-through cell) before anything was shown,
which cost more than reading the dates; these models keep the entries and word only the
lines in view. The day headings are rows of the dates model spanning the columns.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QTreeView

from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.agenda import AgendaEntry
from gwa_desktop.ui.session_text import change_note, time_range_text

#: The data role holding an entry's (offer id, day) for recording.
ENTRY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 4
DISPLAY = Qt.ItemDataRole.DisplayRole
FONT = Qt.ItemDataRole.FontRole
Index = QModelIndex | QPersistentModelIndex


class DatesModel(QAbstractTableModel):
    """The coming dates under a heading per day: "Donnerstag, 4. Dezember", then its
    dates with times, title, place and what happened to them."""

    def __init__(self) -> None:
        super().__init__()
        self._headers = [_("When"), _("What"), _("Place"), _("Note")]
        #: A day (a heading), an entry, or None for the line saying there are none.
        self._rows: list[date | AgendaEntry | None] = []
        self._bold = QFont()
        self._struck = QFont()

    def set_entries(self, entries: list[AgendaEntry], font: QFont) -> None:
        """Show `entries`; headings bold and cancelled dates struck through in `font`
        (the view's, read at each refresh)."""
        self.beginResetModel()
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._struck = QFont(font)
        self._struck.setStrikeOut(True)
        rows: list[date | AgendaEntry | None] = []
        day: date | None = None
        for entry in entries:
            if entry.day != day:
                day = entry.day
                rows.append(day)
            rows.append(entry)
        self._rows = rows or [None]
        self.endResetModel()

    def headings(self) -> list[int]:
        """The rows that head a day (they span the columns)."""
        return [row for row in range(len(self._rows)) if self.is_heading(row)]

    def is_heading(self, row: int) -> bool:
        return isinstance(self._rows[row], date)

    def column_texts(self, sample: int) -> list[set[str]]:
        """The distinct texts of each column in the first `sample` lines below the day
        headings (which span the columns and so do not widen the first)."""
        texts: list[set[str]] = [set() for _column in range(COLUMNS)]
        lines = (line for line in self._rows if not isinstance(line, date))
        for _row, line in zip(range(sample), lines, strict=False):
            for column in range(COLUMNS):
                if line is None:
                    texts[column].add(_("No dates in these days.") if column == 0 else "")
                else:
                    texts[column].add(cell_text(line, column))
        return texts

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        line = self._rows[index.row()]
        column = index.column()
        if isinstance(line, date):
            if role == DISPLAY and column == 0:
                return format_date(line, fmt="EEEE, d. MMMM")
            return self._bold if role == FONT else None
        if line is None:
            return _("No dates in these days.") if role == DISPLAY and column == 0 else None
        if role == DISPLAY:
            return cell_text(line, column)
        if role == FONT:
            return self._struck if line.cancelled and column < COLUMNS - 1 else None
        if role == ENTRY_ROLE and column == 0:
            return (line.offer_id, line.day) if recordable(line) else None
        return None


class MissingModel(QStringListModel):
    """The past dates without a headcount: "Mo 01.12.  15:00–17:00  Elterncafé".

    A string list worded up front (a day's name once for all its dates): laying out two
    thousand lines, Qt asks a Python model for its row count several times per line,
    which cost more than wording them; a string list answers in C++.
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[AgendaEntry] = []

    def set_entries(self, entries: list[AgendaEntry]) -> None:
        days: dict[date, str] = {}
        lines = []
        for entry in entries:
            day = days.get(entry.day)
            if day is None:
                day = days[entry.day] = isolated(format_date(entry.day, fmt="EEE dd.MM."))
            lines.append(f"{day}  {_times(entry)}  {isolated(entry.title)}")
        self._entries = entries
        self.setStringList(lines)

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if role == ENTRY_ROLE:
            entry = self._entries[index.row()]
            return entry.offer_id, entry.day
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Chosen and activated, not edited in place as a string list would be."""
        return super().flags(index) & ~Qt.ItemFlag.ItemIsEditable


def cell_text(entry: AgendaEntry, column: int) -> str:
    """What the dates list shows of `entry` in `column`."""
    if column == 0:
        return _times(entry)
    if column == 1:
        return isolated(entry.title)
    if column == 2:
        return isolated(entry.place)
    return _note(entry)


def recordable(entry: AgendaEntry) -> bool:
    """An offer's date that takes place: one Enter records its session."""
    return entry.offer_id is not None and not entry.cancelled


class TextWidths:
    """How wide texts are in a font, measured once: shaping a text with its direction
    marks is the slow part of fitting the columns, and a refresh shows the same titles."""

    #: Forgotten beyond this many texts (a refresh measures a few hundred).
    LIMIT = 5000

    def __init__(self) -> None:
        self._font = ""
        self._widths: dict[str, int] = {}

    def of(self, metrics: QFontMetricsF, font: QFont, text: str) -> int:
        if font.key() != self._font or len(self._widths) > self.LIMIT:
            self._font, self._widths = font.key(), {}
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = math.ceil(metrics.horizontalAdvance(text))
        return width


def fit_columns(view: QTreeView, model: DatesModel, sample: int, widths: TextWidths) -> None:
    """Columns as wide as the header and the first `sample` dates' texts.

    What `resizeColumnToContents` does (to the pixel), measured with the font metrics
    instead of a delegate size hint per cell: on six hundred dates that took longer than
    reading them.
    """
    font = view.font()
    metrics = QFontMetricsF(font)
    header = view.header()
    # The delegate's padding: a focus frame margin on each side plus one pixel each; the
    # text's width is its exact advance rounded up, as Qt's text layout does.
    style = view.style()
    margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    for column, texts in enumerate(model.column_texts(sample)):
        widest = max((widths.of(metrics, font, text) for text in texts), default=0)
        view.setColumnWidth(column, max(header.sectionSizeHint(column), widest + margin))


def _times(entry: AgendaEntry) -> str:
    return time_range_text(entry.start_time, entry.end_time)


def _note(entry: AgendaEntry) -> str:
    note = change_note(entry.cancelled, entry.reason, entry.moved_from)
    if not note and entry.activity_id is not None:
        return _("planned activity")
    return note
