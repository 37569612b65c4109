"""Menu entries that also work as window-wide shortcuts, built the same way for every menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

#: key -> (menu text, shortcut or None, what the entry does)
MenuEntries = dict[
    str, tuple[str, QKeySequence | QKeySequence.StandardKey | None, Callable[[], None]]
]


def add_menu_actions(window: QMainWindow, menu: QMenu, entries: MenuEntries) -> dict[str, QAction]:
    """Add `entries` to `menu`, their shortcuts to `window`, then a separator; the actions by key.

    The window holds the actions too, so their shortcuts work while the menu is closed.
    """
    actions = {}
    for key, (text, shortcut, handler) in entries.items():
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(handler)
        window.addAction(action)
        menu.addAction(action)
        actions[key] = action
    menu.addSeparator()
    return actions
