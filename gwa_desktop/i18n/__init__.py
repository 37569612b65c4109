"""Translation objects for the user interface and for prints.

The UI language and the language of a printed flyer are independent (a German-speaking
officer prints an Arabic flyer), so besides the process-wide UI translation there is
`translation_for(language)` which returns a separate catalog per print language.
Message ids are English; German is the default UI language.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DOMAIN = "gwa_desktop"
#: Fixed texts on prints ("Wann", "Wo", "kostenlos") live in their own small catalog,
#: translated into many more languages than the user interface.
PRINT_DOMAIN = "gwa_print"
DEFAULT_LANGUAGE = "de"
UI_LANGUAGES = ("de", "en", "ar", "uk")
#: Environment variable naming a folder of compiled catalogs to read instead of the
#: package's own; the tests point it at the committed .po files compiled afresh.
TRANSLATIONS_ENV = "GWA_TRANSLATIONS_DIR"

_ui_translation: gettext.NullTranslations = gettext.NullTranslations()
_ui_language = "en"


def translations_dir() -> Traversable:
    """Folder with `<lang>/LC_MESSAGES/<domain>.mo`.

    The catalogs are package data (`gwa_desktop/locale`), compiled from the `.po` files in
    the top-level `translations/` when the package is built and by `./dev setup`, so an
    installed wheel or a frozen build finds them wherever it lies.
    """
    override = os.environ.get(TRANSLATIONS_ENV)
    if override:
        return Path(override)
    return files("gwa_desktop") / "locale"


@cache
def translation_for(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """Catalog for one language; English (the message ids) when no catalog exists."""
    catalog = translations_dir() / language / "LC_MESSAGES" / f"{domain}.mo"
    if not catalog.is_file():
        return gettext.NullTranslations()
    with catalog.open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def print_translation(language: str) -> gettext.NullTranslations:
    """The catalog of fixed print texts for one print language."""
    return translation_for(language, PRINT_DOMAIN)


def set_ui_language(language: str) -> None:
    """Switch the process-wide UI language used by `_` and `ngettext`."""
    global _ui_translation, _ui_language
    _ui_translation = translation_for(language)
    _ui_language = language


def ui_language() -> str:
    return _ui_language


def _(message: str) -> str:
    """Translate a UI message into the current UI language."""
    return _ui_translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _ui_translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a UI message for extraction only; it is translated later, where it is shown."""
    return message


def P_(message: str) -> str:
    """Mark a fixed print text for extraction into the print catalog (`print_translation`)."""
    return message


set_ui_language(DEFAULT_LANGUAGE)
