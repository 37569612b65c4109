"""The UI language in Qt: our catalog, Qt's own dialog texts, locale and text direction.

Every text is set when a widget is built, so a language switch builds the main window
anew (`WindowRebuilder`) instead of re-translating each widget: nothing can be
forgotten, and the window comes back at the same place and page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.i18n import set_ui_language, ui_language
from gwa_desktop.preferences import store_language

#: Qt's plain "ar" is Egyptian Arabic with Eastern Arabic digits; Babel's "ar" (Modern
#: Standard Arabic) writes 1,234.5. The same locale in both keeps numbers consistent.
_QT_LOCALE_NAMES = {"ar": "ar_001"}

_qt_translators: list[QTranslator] = []


def qt_translations_folder() -> str:
    """Where PySide6 keeps Qt's own catalogs (qtbase_de.qm, …)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qt_locale(language: str) -> QLocale:
    return QLocale(_QT_LOCALE_NAMES.get(language, language))


def system_locale_name() -> str:
    return QLocale.system().name()


def apply_language(language: str) -> None:
    """Switch everything language-dependent for widgets built from now on.

    Qt's buttons in message and file dialogs ("Yes", "Cancel") come from qtbase_<lang>.qm;
    Arabic turns the whole application right to left, tables and navigation included.
    """
    set_ui_language(language)
    QLocale.setDefault(qt_locale(language))
    app = QApplication.instance()
    if app is None:
        return
    while _qt_translators:
        app.removeTranslator(_qt_translators.pop())
    translator = QTranslator(app)
    if translator.load(qt_locale(language), "qtbase", "_", qt_translations_folder()):
        app.installTranslator(translator)
        _qt_translators.append(translator)
    direction = (
        Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
    )
    app.setLayoutDirection(direction)


class WindowRebuilder:
    """Owns the main window and builds it anew in another language on request.

    `build` returns a window with a `language_chosen(str)` signal, a
    `save_window_state()` and a `take_unsaved_input(previous)` method (the main window);
    the new window restores the saved geometry and page and keeps unsaved input.
    """

    def __init__(self, build: Callable[[], QMainWindow]) -> None:
        self._build = build
        self.window = self._new_window()

    def switch(self, language: str) -> None:
        if language == ui_language():
            return
        store_language(language)
        apply_language(language)
        old = self.window
        old.save_window_state()
        self.window = self._new_window()
        self.window.take_unsaved_input(old)
        self.window.show()
        old.close()
        old.deleteLater()

    def _new_window(self) -> QMainWindow:
        window = self._build()
        window.language_chosen.connect(self.switch)
        return window
