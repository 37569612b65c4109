"""Title and description of an offer in several languages, one tab per language.

German is always there and cannot be removed; right-to-left languages get right-to-left
edit fields so Arabic or Farsi can be typed and read naturally: the title and the
description both stand at the right edge and run right to left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import COMMON_LANGUAGES, is_rtl, language_name
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE, OfferTextData
from gwa_desktop.i18n import _, ui_language


class _LanguageTab(QWidget):
    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("Title"))
        self.title.setAccessibleName(_("Title"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(_("Description"))
        self.description.setAccessibleName(_("Description"))
        # The text's own direction, whatever the UI language (German stays left to right
        # in the Arabic UI, Arabic stays right to left in the German one).
        rtl = is_rtl(language)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        for edit in (self.title, self.description):
            edit.setLayoutDirection(direction)
        # A plain text edit aligns by its document, not by its layout direction.
        option = self.description.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.description.document().setDefaultTextOption(option)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)


class OfferTextsEdit(QWidget):
    #: Any title or description typed, or a language added or removed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        # Many languages must not widen the dialog: the tab bar scrolls instead.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setExpanding(False)
        self.tabs.setMinimumWidth(200)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        add = QPushButton(_("Add language…"))
        add.clicked.connect(self._ask_language)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(top)
        self.add_language(REQUIRED_TEXT_LANGUAGE)
        self.setMinimumHeight(220)

    def languages(self) -> list[str]:
        return [self.tabs.widget(i).language for i in range(self.tabs.count())]

    def add_language(self, language: str) -> _LanguageTab:
        if language in self.languages():
            return self.tab(language)
        tab = _LanguageTab(language)
        tab.title.textChanged.connect(self.changed)
        tab.description.textChanged.connect(self.changed)
        index = self.tabs.addTab(tab, language_name(language, ui_language()))
        if language == REQUIRED_TEXT_LANGUAGE:
            self.tabs.tabBar().setTabButton(
                index, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
            self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.LeftSide, None)
        self.tabs.setCurrentWidget(tab)
        self.changed.emit()
        return tab

    def tab(self, language: str) -> _LanguageTab:
        return next(
            self.tabs.widget(i)
            for i in range(self.tabs.count())
            if self.tabs.widget(i).language == language
        )

    def texts(self) -> list[OfferTextData]:
        return [
            OfferTextData(tab.language, tab.title.text(), tab.description.toPlainText())
            for tab in (self.tabs.widget(i) for i in range(self.tabs.count()))
        ]

    def set_texts(self, texts: list[OfferTextData]) -> None:
        """Show exactly `texts` (a reload drops tabs of languages no longer saved)."""
        keep = {text.language for text in texts} | {REQUIRED_TEXT_LANGUAGE}
        for index in reversed(range(self.tabs.count())):
            if self.tabs.widget(index).language not in keep:
                self.tabs.removeTab(index)
        german = self.tab(REQUIRED_TEXT_LANGUAGE)
        german.title.clear()
        german.description.clear()
        for text in texts:
            tab = self.add_language(text.language)
            tab.title.setText(text.title)
            tab.description.setPlainText(text.description)
        self.tabs.setCurrentIndex(0)

    def _close_tab(self, index: int) -> None:
        if self.tabs.widget(index).language != REQUIRED_TEXT_LANGUAGE:
            self.tabs.removeTab(index)
            self.changed.emit()

    def _ask_language(self) -> None:
        options = [c for c in COMMON_LANGUAGES if c not in self.languages()]
        labels = [f"{language_name(c, ui_language())} ({c})" for c in options]
        label, ok = QInputDialog.getItem(
            self, _("Add language"), _("Language of the new text:"), labels, 0, False
        )
        if ok and label in labels:
            self.add_language(options[labels.index(label)])
