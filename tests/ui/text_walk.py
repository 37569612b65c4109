"""Walk a window's widgets for the texts a user reads, and for texts that do not fit.

Used by the language tests: in Arabic or Ukrainian a visible English message id means a
string that escaped translation; a label narrower than its text is cut off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from gwa_desktop.i18n import translation_for
from tests.i18n.catalog_files import template

#: Texts that are the same in every language: names, codes, formats, shortcuts.
NEUTRAL = re.compile(
    r"^(GWA Desktop.*|https?://|[\d\s.,:;–\-+/<>()%€]*|XLIFF.*|.*\.(sqlite|xlf|zip).*)$"
)


@cache
def english_ids() -> frozenset[str]:
    ids = set()
    for message in template():
        if message.id:
            ids.update([message.id] if isinstance(message.id, str) else message.id)
    return frozenset(ids)


def chrome_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(kind, text) of the fixed texts of `root`: titles, labels, buttons, menus, headers."""
    yield "window title", root.windowTitle()
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            yield "menu", menu_action.text()
            for action in menu_action.menu().actions():
                yield "menu entry", action.text()
    for widget in root.findChildren(QWidget):
        yield from _texts_of(widget)


def _texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            yield "choice", widget.itemText(index)
    elif isinstance(widget, QListWidget):
        for index in range(widget.count()):
            yield "list item", widget.item(index).text()
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        for section in range(widget.count()):
            yield "column", str(widget.model().headerData(section, Qt.Orientation.Horizontal) or "")


def untranslated(root: QWidget, language: str) -> list[tuple[str, str]]:
    """Texts still showing an English message id that `language` translates differently."""
    catalog = translation_for(language)
    found = []
    for kind, text in chrome_texts(root):
        plain = text.replace("&", "")
        # Once per text, even when both "&Edit…" and "Edit…" are message ids.
        if any(
            candidate in english_ids()
            and catalog.gettext(candidate) != candidate
            and not NEUTRAL.match(candidate)
            for candidate in (text, plain)
        ):
            found.append((kind, text))
    return found


def clipped(root: QWidget) -> list[tuple[str, str, int, int]]:
    """Visible one-line labels and buttons narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if (
            isinstance(widget, QLabel)
            and not widget.wordWrap()
            and widget.text()
            and widget.pixmap().isNull()
        ):
            needed = widget.sizeHint().width()
        elif isinstance(widget, QAbstractButton) and widget.text():
            needed = widget.minimumSizeHint().width()
        else:
            continue
        if widget.width() + 1 < needed:
            found.append((type(widget).__name__, widget.text(), widget.width(), needed))
    return found
