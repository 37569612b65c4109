"""Context menus of the list screens, and which of their columns are shown.

A row's menu offers what can be done with that record (edit, delete, print, and what
its screen adds: record a session of an offer, copy a contact's phone number); the
header's menu shows or hides columns. At 1366×768 a list shows its important columns
without sideways scrolling: each screen hides a few by default (`hidden_by_default`),
the user's choice is remembered per list on this computer, and the hidden columns of
the selected row are shown in a details line below the table (cells cut short show
their whole text as a tooltip).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.paths import DataFolderError
from gwa_desktop.preferences import store_hidden_columns, stored_hidden_columns

if TYPE_CHECKING:
    from gwa_desktop.ui.pages.list_page import ListPage


def install_list_menus(page: ListPage) -> None:
    """Row and header menus for `page`, its remembered columns and its details line."""
    page.details = QLabel()
    page.details.setWordWrap(True)
    page.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    page.details.hide()
    page.layout().addWidget(page.details)
    table = page.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda pos: _show_row_menu(page, pos))
    # The menu key and Shift+F10 open the current row's menu on every platform (only
    # some turn the menu key into a context-menu event themselves).
    for keys in (QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")):
        action = QAction(table)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: _show_row_menu(page, None))
        table.addAction(action)
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda pos: header_menu(page).exec(header.mapToGlobal(pos))
    )
    table.selectionModel().currentRowChanged.connect(lambda *_args: show_details(page))
    page.model.modelReset.connect(lambda: show_details(page))
    try:
        stored = stored_hidden_columns(page.entity)
    except DataFolderError:
        stored = None
    hidden = set(page.hidden_by_default if stored is None else stored)
    for column, spec in enumerate(page.model.columns):
        header.setSectionHidden(column, spec.key in hidden and spec.key != page.name_key)


def hidden_keys(page: ListPage) -> list[str]:
    header = page.table.horizontalHeader()
    return [c.key for i, c in enumerate(page.model.columns) if header.isSectionHidden(i)]


def header_menu(page: ListPage) -> QMenu:
    """A checkable entry per column; the column naming the records always stays."""
    menu = QMenu(page.table)
    header = page.table.horizontalHeader()
    for column, spec in enumerate(page.model.columns):
        action = QAction(spec.title(), menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(spec.key != page.name_key)
        action.toggled.connect(lambda shown, c=column: set_column_shown(page, c, shown))
        menu.addAction(action)
    return menu


def set_column_shown(page: ListPage, column: int, shown: bool) -> None:
    page.table.horizontalHeader().setSectionHidden(column, not shown)
    page.refit_columns()
    show_details(page)
    # Without the data folder the choice holds until the program closes.
    with contextlib.suppress(DataFolderError, ExchangeError):
        store_hidden_columns(page.entity, hidden_keys(page))


def show_details(page: ListPage) -> None:
    """The hidden columns of the current row, in one line below the table."""
    index = page.table.currentIndex()
    header = page.table.horizontalHeader()
    parts = []
    if index.isValid():
        for column, spec in enumerate(page.model.columns):
            value = page.model.index(index.row(), column).data()
            if header.isSectionHidden(column) and value:
                parts.append(_("{column}: {value}").format(column=spec.title(), value=value))
    page.details.setText(" · ".join(parts))
    page.details.setVisible(bool(parts))


def _show_row_menu(page: ListPage, pos: QPoint | None) -> None:
    """The row under `pos` (a click), else the current row (a key)."""
    under = page.table.indexAt(pos) if pos is not None else None
    index = under if under is not None and under.isValid() else page.table.currentIndex()
    if not index.isValid():
        return
    menu = row_menu(page, index.row())
    at = pos if under is not None and under.isValid() else page.table.visualRect(index).center()
    open_menu(menu, page.table.viewport().mapToGlobal(at))


def open_menu(menu: QMenu, at: QPoint) -> None:
    """Show `menu` at `at` until the user picks or leaves (tests look at it instead)."""
    menu.exec(at)


def row_menu(page: ListPage, row: int) -> QMenu:
    """The menu for one row; the row becomes the selection (unless already in it)."""
    record_id = page.model.row_id(row)
    if record_id not in page.selected_ids():
        page.table.selectRow(row)
    page.table.setCurrentIndex(page.model.index(row, 0))
    menu = QMenu(page.table)
    menu.addAction(_("&Edit…"), page.edit_current)
    page.add_row_actions(menu, row)
    menu.addSeparator()
    menu.addAction(_("&Delete…"), page.delete_selected)
    return menu
