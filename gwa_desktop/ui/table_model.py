"""A read-only table model that fetches rows from a service page by page.

Sorting and searching happen in SQL; the model only holds the rows fetched so far, so
a list of 100,000 activities opens as fast as one of 100. Qt's views call `fetchMore`
as the user scrolls.

Qt calls these methods from inside painting and layout: an exception must not escape
into Qt there. A failed fetch leaves the rows fetched so far, is reported once
(ui.operations) and tried again on the next search or refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication

from gwa_desktop.domain.languages import language_names
from gwa_desktop.i18n import ui_language
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.ui.operations import guarded, is_foreseen, report_unexpected

PAGE_SIZE = 500
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    """One visible column: the row key it shows, its header and how to display a value."""

    key: str
    title: Callable[[], str]
    display: Callable[[Any, tuple], str] = lambda value, _row: "" if value is None else str(value)
    align_right: bool = False


def label_of(value, _row: tuple) -> str:
    """Display of an enum column: the member's translated label."""
    return value.label if value is not None else ""


def names_of_languages(value, _row: tuple) -> str:
    """Display of joined language codes ("ar, prs"): their names in the UI language."""
    return language_names(value, ui_language()) if value else ""


class PagedTableModel(QAbstractTableModel):
    #: After a click on a column header has fetched the rows in their new order.
    resorted = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        row_keys: Sequence[str],
        fetch: Callable[[ListQuery, int, int], list[tuple]],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._positions = {key: i + 1 for i, key in enumerate(row_keys)}
        self._fetch = fetch
        self.query = ListQuery()
        self._rows: list[tuple] = []
        #: Each fetched row's display texts, made when it is first painted, then kept.
        self._texts: list[list[str | None] | None] = []
        self._exhausted = False
        #: False until the first `reload`: a sort before it (the view's
        #: `setSortingEnabled`) only sets the order that first load uses.
        self._loaded = False

    # Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        # Called for every role of every painted cell, some 1,200 times for a page on
        # view: the roles that show nothing answer first, and the guard of `guarded` is
        # written out here (its extra call was a tenth of a search's paint).
        try:
            if role not in _TEXT_ROLES:
                if role == _ALIGNMENT_ROLE and index.isValid():
                    return _RIGHT_ALIGNED if self.columns[index.column()].align_right else None
                return None
            if not index.isValid():
                return None
            text = self._display_text(index.row(), index.column())
            if text and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                # In a right-to-left window each cell takes its direction from its own
                # first letter, so "0123 45670-151" is not shown as "45670-151 0123".
                return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE
            return text
        except Exception as error:
            report_unexpected(error, once=True)
            return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    @guarded()
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        self._fetch_page()

    @guarded()
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.query.sort_key = self.columns[column].key
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:
            return
        self.reload()
        self.resorted.emit()

    def _display_text(self, row_number: int, column_number: int) -> str:
        """A view paints a cell again on every hover and scroll: an offer's schedule in
        words, dates and labels are formatted once per fetched row and column instead.
        A cell whose display fails stays uncached (and empty), its neighbours show."""
        texts = self._texts[row_number]
        if texts is None:
            texts = self._texts[row_number] = [None] * len(self.columns)
        text = texts[column_number]
        if text is None:
            row = self._rows[row_number]
            column = self.columns[column_number]
            text = texts[column_number] = column.display(row[self._positions[column.key]], row)
        return text

    # For the pages -----------------------------------------------------------------

    def fetch_first(self, query: ListQuery) -> list[tuple]:
        """The first page of `query`, without touching the model: safe on a worker thread."""
        return self._fetch(query, 0, PAGE_SIZE)

    def show_first(self, query: ListQuery, rows: list[tuple]) -> None:
        """Show a first page fetched by `fetch_first` (on the GUI thread)."""
        self.beginResetModel()
        self.query = query
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self._exhausted = len(rows) < PAGE_SIZE
        self.endResetModel()

    def reload(self) -> None:
        """Fetch the first page again, e.g. after a search, a filter or a write.

        Storage failures are raised for the caller's `attempt`, which explains them at
        once; anything unforeseen is reported and leaves the list empty.
        """
        self._loaded = True
        self.beginResetModel()
        self._rows = []
        self._texts = []
        self._exhausted = False
        self.endResetModel()
        try:
            self._fetch_page()
        except Exception as error:
            if is_foreseen(error):
                raise
            report_unexpected(error)

    def _fetch_page(self) -> None:
        try:
            rows = self._fetch(self.query, len(self._rows), PAGE_SIZE)
        except Exception:
            self._exhausted = True
            raise
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self._texts.extend([None] * len(rows))
            self.endInsertRows()

    def row_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of_id(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row[0] == row_id), None)
