"""The common shape of the Contacts, Offers and Activities screens.

Search as you type (debounced so fast typists do not queue queries, and run off the GUI
thread so the field keeps taking keys while a query runs), filters, a sortable table
fetched page by page, and New / Edit / Delete with confirmation. Subclasses say which
service, columns, filters and dialog they use.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.ui.accessibility import tab_in_order, widgets_of_layout
from gwa_desktop.ui.after_paint import after_next_paint
from gwa_desktop.ui.changes import Changes
from gwa_desktop.ui.list_menus import install_list_menus
from gwa_desktop.ui.list_output import export_list, print_list
from gwa_desktop.ui.operations import attempt, opened
from gwa_desktop.ui.progress import LatestOnly
from gwa_desktop.ui.table_model import Column, PagedTableModel

SEARCH_DELAY_MS = 200
#: Narrower than this, a column of names or titles says too little to be useful.
MINIMUM_TEXT_WIDTH = 90
#: How far a re-sorted list is fetched to find the selected record again (pages of 500).
RESELECT_PAGES = 20
#: Rows measured when the columns are first sized to their contents (besides the
#: header): about a screenful. Qt's default measures up to 1,000, i.e. the whole first
#: page of 500, which was half of the window's build at start.
SIZE_SAMPLE_ROWS = 30


class ListPage(QWidget):
    """Emits `status_changed` with a one-line summary for the status bar."""

    status_changed = Signal(str)
    #: A write on this screen changed these kinds of data (a `changes.Changes`).
    data_changed = Signal(object)
    #: The kind of data this screen's own writes change.
    changes: Changes = frozenset()
    #: The kinds of data this screen shows; it refreshes when a write changes one of them.
    shows: Changes = frozenset()
    #: The `gwa list` entity this screen lists (its print and export say which rows).
    entity = ""
    #: The column that names a record in questions such as "Delete …?".
    name_key = "title"
    #: Order of the first column when the screen opens (newest activities first).
    default_sort_order = Qt.SortOrder.AscendingOrder
    #: Columns hidden until the user shows them (header menu): what a 1366 px wide
    #: screen cannot show beside the important ones. Shown in the details line instead.
    hidden_by_default: frozenset[str] = frozenset()

    def __init__(
        self,
        service,
        columns: Sequence[Column],
        row_keys: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.model = PagedTableModel(columns, row_keys, service.list_rows, self)
        self._columns_sized = False
        #: The status-bar line of the rows loaded last, None until asked for.
        self._summary: str | None = None
        self._user_sized = False
        self._fitting = False
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search… (Ctrl+F)"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        #: The list's search and the status-bar summary after it, each newest-only.
        self._searches = LatestOnly(self)
        self._summaries = LatestOnly(self)
        self.search.textChanged.connect(self._search_timer.start)
        clear_search = QAction(self.search)
        clear_search.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.triggered.connect(self.search.clear)
        self.search.addAction(clear_search)
        self.new_button = QPushButton(_("New"))
        self.edit_button = QPushButton(_("Edit"))
        self.delete_button = QPushButton(_("Delete"))
        self.print_button = QPushButton(_("Print…"))
        self.export_button = QPushButton(_("Export…"))
        self.print_button.setToolTip(_("The list as shown, as a PDF table to print"))
        self.export_button.setToolTip(_("The list as shown, for Excel (XLSX or CSV)"))
        self.print_button.clicked.connect(lambda: print_list(self))
        self.export_button.clicked.connect(lambda: export_list(self))
        self._filter_combos: list[QComboBox] = []
        self.new_button.clicked.connect(self.create)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_selected)
        self.filter_bar = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addLayout(self.filter_bar, 3)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        self._top = top
        self._tabs_ordered = False
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, self.default_sort_order)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().sectionResized.connect(self._section_resized)
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.click_guard = DoubleClickGuard(self.table.viewport())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555; padding: 6px 2px;")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._update_buttons)
        self._kept_selection: tuple[list[int], int | None] = ([], None)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.resorted.connect(self._restore_selection)
        self.model.resorted.connect(self._search_again_if_pending)
        self.model.rowsInserted.connect(self._update_buttons)
        install_list_menus(self)

    # to be provided by subclasses ------------------------------------------------------

    def open_dialog(self, record_id: int | None) -> QDialog:
        raise NotImplementedError

    def delete_question(self, count: int) -> str:
        raise NotImplementedError

    def summary_of(self, query: ListQuery) -> str:
        """The status-bar line for `query`; may run on a worker thread (it only reads)."""
        raise NotImplementedError

    def summary(self) -> str:
        return self.summary_of(self.model.query)

    def add_row_actions(self, menu: QMenu, row: int) -> None:
        """What this screen offers for one record in its context menu, besides edit and
        delete (the list print by default)."""
        menu.addAction(_("Print…"), lambda: print_list(self))

    # shared behaviour -------------------------------------------------------------------

    def add_filter(self, combo: QComboBox) -> QComboBox:
        if not combo.accessibleName():
            # A screen reader hears "Filter: All kinds", then the entry chosen.
            combo.setAccessibleName(_("Filter: {first}").format(first=combo.itemText(0)))
        combo.currentIndexChanged.connect(self.apply_filters)
        self._filter_combos.append(combo)
        self.filter_bar.addWidget(combo)
        return combo

    def filters(self) -> dict:
        return {}

    def current_query(self) -> ListQuery:
        """The search, filters and order of the rows on view, for a print or export."""
        shown = self.model.query
        return ListQuery(self.search.text(), shown.sort_key, shown.descending, dict(self.filters()))

    def filter_conditions(self) -> list[str]:
        """The search and the chosen filters in words, for the title of a print."""
        text = self.search.text().strip()
        words = [_("Search “{text}”").format(text=text)] if text else []
        return words + [c.currentText() for c in self._filter_combos if c.currentData()]

    @property
    def searching(self) -> bool:
        """Whether a search or its summary is still on its way (tests wait for it)."""
        return self._searches.pending or self._summaries.pending

    def refresh(self) -> None:
        # What it reads now is newer than any search still running.
        self._searches.supersede()
        self._summaries.supersede()
        self.model.query.text = self.search.text()
        self.model.query.filters = self.filters()
        ok, _result = attempt(self, self.model.reload)
        if ok:
            self._rows_shown()
            self._summary = None
            if self.isVisible():
                self.status_changed.emit(self.current_summary())

    def current_summary(self) -> str:
        """`summary()` of the rows loaded last, worked out once per load.

        Its counts and totals are queries of their own (the activities' totals scan the
        period), so a screen not on view leaves them until it is shown: at start only
        the screen on view counts.
        """
        if self._summary is None:
            self._summary = self.summary()
        return self._summary

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._tabs_ordered:
            # Subclasses add their filters and buttons after the base built its own.
            tab_in_order([*widgets_of_layout(self._top), self.table])
            self._tabs_ordered = True
        self._size_columns_once()

    def _size_columns_once(self) -> None:
        """Fit the columns to the first rows, once, when the screen is first on view.

        Screens not on view at start are measured when first opened, not while the
        window is being built.
        """
        if self._columns_sized or not self.model.rowCount() or not self.isVisible():
            return
        self.table.resizeColumnsToContents()
        self._cap_column_widths()
        self._columns_sized = True
        self._fit_columns()

    def _rows_shown(self) -> None:
        self._size_columns_once()
        self._explain_if_empty()

    def _explain_if_empty(self) -> None:
        """An empty table says why and what to do, instead of staying blank."""
        if self.model.rowCount():
            self.empty_hint.hide()
            return
        narrowed = bool(self.search.text().strip()) or any(self.filters().values())
        self.empty_hint.setText(
            _(
                "Nothing matches the search or the filters. Clear the search field (Esc) or choose “all” in the filters."
            )
            if narrowed
            else _("Nothing here yet. Create the first entry with “New” (Ctrl+N).")
        )
        self.empty_hint.show()

    def apply_search(self) -> None:
        """Search on a worker thread; the text typed meanwhile stays and searches anew.

        The status-bar summary (counts, the activities' totals) follows the list in a
        second step, so the rows appear without waiting for it.
        """
        current = self.model.query
        query = ListQuery(
            text=self.search.text(),
            sort_key=current.sort_key,
            descending=current.descending,
            filters=self.filters(),
        )
        self._summaries.supersede()
        self._searches.start(
            lambda: self.model.fetch_first(query), lambda rows: self._show_found(query, rows)
        )

    def _show_found(self, query: ListQuery, rows: list[tuple]) -> None:
        self.model.show_first(query, rows)
        self._rows_shown()
        # After the rows are painted: the count's thread would slow the paint down.
        self._summaries.start(
            lambda: self.summary_of(query),
            self._summary_found,
            launch=lambda begin: after_next_paint(self.table.viewport(), begin),
        )

    def _summary_found(self, summary: str) -> None:
        self._summary = summary
        self.status_changed.emit(summary)

    def _search_again_if_pending(self) -> None:
        """A click on a header re-sorted the rows while a search ran: search in the new order."""
        if self._searches.pending:
            self.apply_search()

    def apply_filters(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_id(row) for row in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        selected = self.selected_ids()
        if index.isValid() and self.model.row_id(index.row()) in selected:
            return self.model.row_id(index.row())
        return selected[0] if selected else None

    def create(self) -> None:
        self.click_guard.reset()
        dialog = self._opened(None)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_write(dialog.saved_id)
        elif getattr(dialog, "saved_meanwhile", False):
            self._after_write(None)

    def edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        self.click_guard.reset()
        dialog = self._opened(record_id)
        if dialog is not None and (
            dialog.exec() == QDialog.DialogCode.Accepted
            or getattr(dialog, "saved_meanwhile", False)
        ):
            self._after_write(record_id)

    def _opened(self, record_id: int | None) -> QDialog | None:
        """The form, read through the error boundary: it loads the record and its pickers.

        A record deleted in another window, or a database gone away, is told in a
        message (and the list refreshed) instead of ending in an "unexpected" error.
        """
        dialog = opened(self, lambda: self.open_dialog(record_id))
        if dialog is None:
            self.refresh()
        return dialog

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.click_guard.reset()
        answer = QMessageBox.question(
            self,
            _("Delete"),
            self.delete_question(len(ids)) + "\n\n" + self._names_of_selection(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, _result = attempt(self, lambda: self.service.delete(ids))
        if ok:
            self.refresh()
            self.data_changed.emit(self.changes)

    def _names_of_selection(self, shown: int = 5) -> str:
        """The first few selected records by name, so the user sees what goes."""
        column = next(i for i, c in enumerate(self.model.columns) if c.key == self.name_key)
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        lines = [f"• {self.model.index(row, column).data()}" for row in rows[:shown]]
        rest = len(rows) - shown
        if rest > 0:
            lines.append(ngettext("… and {n} more", "… and {n} more", rest).format(n=rest))
        return "\n".join(lines)

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of_id(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _after_write(self, record_id: int | None) -> None:
        self.refresh()
        if record_id is not None:
            self.select_id(record_id)
        self.data_changed.emit(self.changes)

    def _update_buttons(self) -> None:
        has_selection = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)

    def _keep_selection(self) -> None:
        self._kept_selection = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        """Sorting reloads the rows; the records selected before stay selected, and the
        current one is fetched (within `RESELECT_PAGES`) and scrolled into view."""
        ids, current = self._kept_selection
        if not ids:
            return
        for _page in range(RESELECT_PAGES):
            if (
                current is None
                or self.model.row_of_id(current) is not None
                or not self.model.canFetchMore()
            ):
                break
            self.model.fetchMore()
        rows = {self.model.row_id(row): row for row in range(self.model.rowCount())}
        last_column = self.model.columnCount() - 1
        selection = QItemSelection()
        for row in (rows[record_id] for record_id in ids if record_id in rows):
            selection.select(self.model.index(row, 0), self.model.index(row, last_column))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)
        row = rows.get(current)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(row, 0))

    def _cap_column_widths(self, maximum: int = 320) -> None:
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            width = min(header.sectionSize(column) + 12, maximum)
            if spec.align_right:
                # A number column keeps its whole heading ("Ehrenamtsstunden"); its
                # figures are short, the heading is what measured too narrow.
                width = max(width, header.sectionSizeHint(column))
            header.resizeSection(column, width)
        self._natural_widths = [header.sectionSize(c) for c in range(self.model.columnCount())]

    def _fit_columns(self) -> None:
        """Keep every column within the visible width, narrowing the longest texts first.

        A right-aligned number in a column beyond the view's edge shows its first digits
        only ("1" for 18, in Ukrainian at 1366 px); long titles can be cut with "…"
        instead. Columns the user has widened by hand stay as she left them.
        """
        widths = list(getattr(self, "_natural_widths", []))
        available = self.table.viewport().width()
        if not widths or self._user_sized or available <= 0:
            return
        header = self.table.horizontalHeader()
        shown = [i for i in range(len(widths)) if not header.isSectionHidden(i)]
        texts = [i for i in shown if not self.model.columns[i].align_right]
        room = available - sum(widths[i] for i in shown if i not in texts)
        level = max((widths[i] for i in texts), default=0)
        # The one width all long text columns are cut to, so the short ones keep theirs.
        while level > MINIMUM_TEXT_WIDTH and sum(min(widths[i], level) for i in texts) > room:
            level -= 1
        widths = [min(w, level) if i in texts else w for i, w in enumerate(widths)]
        self._fitting = True
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        self._fitting = False

    def refit_columns(self) -> None:
        """A column was shown or hidden: share the width out again."""
        self._user_sized = False
        self._fit_columns()

    def _section_resized(self, column: int) -> None:
        """A column resized by hand; the last one only follows the view (it stretches)."""
        header = self.table.horizontalHeader()
        shown = [c for c in range(self.model.columnCount()) if not header.isSectionHidden(c)]
        if not self._fitting and self._columns_sized and shown and column != shown[-1]:
            self._user_sized = True

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.table.viewport()
            and event.type() == QEvent.Type.Resize
            and self._columns_sized
        ):
            self._fit_columns()
        return super().eventFilter(watched, event)


class DoubleClickGuard(QObject):
    """A double click counts on the table only if its first click landed there too.

    Double-clicking Save (or Yes) closes the dialog with the first click; the second
    one reaches the table behind it as a double click and would open whatever record
    lies under the pointer. After a dialog the table takes double clicks again once it
    has seen a click of its own.
    """

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self._pressed_here = True
        viewport.installEventFilter(self)

    def reset(self) -> None:
        """A dialog is opening: the next double click needs a press on the table first."""
        self._pressed_here = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed_here = True
        elif event.type() == QEvent.Type.MouseButtonDblClick and not self._pressed_here:
            return True
        return super().eventFilter(watched, event)
