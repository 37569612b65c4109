"""The handbook window: contents on the left, the text on the right, search, back/forward.

A QTextBrowser is enough for the plain HTML of the handbook and loads no web engine.
It never loads anything from the network: only files of the handbook folder are read,
and links to web sites open in the system's browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _, ui_language


class HandbookBrowser(QTextBrowser):
    """A text browser that reads only the handbook's own files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)

    def loadResource(self, kind: int, url: QUrl):
        from gwa_desktop.ui.handbook import HANDBOOK_DIR

        if url.isLocalFile() and HANDBOOK_DIR in _parents(url.toLocalFile()):
            return super().loadResource(kind, url)
        return None

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.isRelative() or url.isLocalFile():
            self.setSource(self.source().resolved(url))


def _parents(path: str) -> list[Path]:
    resolved = Path(path).resolve()
    return [resolved, *resolved.parents]


class HelpViewer(QDialog):
    """The handbook in the UI language (or its fallback), opened at one section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # The handbook's reader (html.parser) loads with the first handbook window, not
        # with every dialog that offers F1.
        from gwa_desktop.ui.handbook import contents, handbook_file

        super().__init__(parent)
        self.setWindowTitle(_("Handbook"))
        self.file = handbook_file(ui_language())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search in the handbook… (Enter: next hit)"))
        self.search.setAccessibleName(_("Search in the handbook"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.back_button = QPushButton(_("Back"))
        self.forward_button = QPushButton(_("Forward"))
        self.contents = QListWidget()
        self.contents.setAccessibleName(_("Contents"))
        for heading in contents(ui_language()):
            item = QListWidgetItem(("    " if heading.level == 3 else "") + heading.text)
            item.setData(Qt.ItemDataRole.UserRole, heading.anchor)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)
        self.browser = HandbookBrowser()
        self.browser.setAccessibleName(_("Handbook"))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Back, self, self.browser.backward)
        QShortcut(QKeySequence.StandardKey.Forward, self, self.browser.forward)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.forward_button)
        top.addWidget(self.search, 1)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setSizes([270, 610])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(900, 620)

    def show_section(self, anchor: str) -> None:
        url = QUrl.fromLocalFile(str(self.file))
        url.setFragment(anchor)
        self.browser.setSource(url)
        self.browser.scrollToAnchor(anchor)

    def current_anchor(self) -> str:
        return self.browser.source().fragment()

    def _open_item(self, item: QListWidgetItem) -> None:
        self.show_section(item.data(Qt.ItemDataRole.UserRole))

    def find_next(self) -> bool:
        """Find the search text after the cursor, starting again at the top at the end."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        return self.browser.find(text, QTextDocument.FindFlag(0))


def open_help(parent: QWidget, anchor: str) -> HelpViewer:
    """Show the handbook at `anchor`, reusing the window that is already open."""
    viewer = next((child for child in parent.children() if isinstance(child, HelpViewer)), None)
    if viewer is None:
        viewer = HelpViewer(parent)
    viewer.show_section(anchor or "top")
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


class _HelpKey(QObject):
    """F1 in its dialog opens the handbook at the dialog's `help_anchor`.

    The main window's F1 shortcut does not reach a modal dialog, and a shortcut of the
    dialog needs it to be the active window, which a dialog opened before the window was
    shown is not. The key, unused by the dialog's fields, reaches the dialog itself:
    this filter on the dialog sees it there. Not a filter on the application: with a
    Python event filter on the application PySide6 6.11 converts every object an event
    is sent to, and one being destroyed crashed the process (the accessibility walk over
    every dialog). The viewer is a child of the dialog, which keeps it usable while the
    dialog is modal.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        dialog = self.parent()
        if (
            watched is not dialog
            or event.type() != QEvent.Type.KeyPress
            or event.key() != Qt.Key.Key_F1
        ):
            return False
        anchor = getattr(dialog, "help_anchor", "")
        if not anchor or not isinstance(dialog, QWidget):
            return False
        open_help(dialog, anchor)
        return True


def add_help_key(dialog: QWidget) -> None:
    """Called by each dialog that names a handbook section (`help_anchor`)."""
    dialog.installEventFilter(_HelpKey(dialog))
