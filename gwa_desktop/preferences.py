"""Per-machine preferences of the person at this computer: UI language, window, backups.

They live in one small JSON file in the data folder, not in the database: a database on
a USB stick or a shared server is used from several computers by people who read
different languages. A missing or damaged file, or a damaged value in it, simply means
"no preference yet"; each value is checked when read. The file is written as every
file of the program is (`write_bytes_atomically`: temporary file, fsync, rename), so a
crash or a pulled stick leaves the old file or the new one.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.i18n import DEFAULT_LANGUAGE, UI_LANGUAGES
from gwa_desktop.paths import data_dir

PREFERENCES_FILE = "preferences.json"


def preferences_path() -> Path:
    return data_dir() / PREFERENCES_FILE


def _load() -> dict[str, Any]:
    try:
        content = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def _save(preferences: dict[str, Any]) -> None:
    text = json.dumps(preferences, ensure_ascii=False, indent=1)
    write_bytes_atomically(preferences_path(), text.encode("utf-8"))


def stored_language() -> str | None:
    """The UI language chosen on this computer, or None before the first choice."""
    language = _load().get("language")
    return language if language in UI_LANGUAGES else None


def store_language(language: str) -> None:
    if language not in UI_LANGUAGES:
        raise ValueError(f"not a UI language: {language}")
    _save({**_load(), "language": language})


def language_of_locale(locale_name: str | None) -> str | None:
    """The UI language for a locale name such as "uk_UA" or "ar-SY", if there is one."""
    if not locale_name:
        return None
    language = locale_name.replace("-", "_").split("_")[0].lower()
    return language if language in UI_LANGUAGES else None


def choose_language(requested: str | None, system_locale: str | None) -> str:
    """The language to start in: the command line, then the stored choice, then the
    system's language when the program has it, else German."""
    for candidate in (requested, stored_language(), language_of_locale(system_locale)):
        if candidate in UI_LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def stored_backup_months() -> int | None:
    """For how many months monthly backups are kept on this computer, None if not set."""
    months = _load().get("backup_months")
    return months if type(months) is int and months > 0 else None


def store_backup_months(months: int) -> None:
    if type(months) is not int or months < 1:
        raise ValueError(f"not a number of months: {months!r}")
    _save({**_load(), "backup_months": months})


#: The screens in the order versions before the start page stored them by number.
_SCREENS_BY_OLD_NUMBER = ("contacts", "offers", "activities", "settings")


@dataclass(frozen=True)
class WindowState:
    """Where the main window was: Qt's own geometry and toolbar state, and the screen shown.

    The screen is kept by name: by its number, a new screen before it would open another.
    """

    geometry: bytes = b""
    state: bytes = b""
    screen: str = ""


def stored_window_state() -> WindowState:
    """The window state saved on this computer; parts that are missing or damaged are empty."""
    stored = _load().get("window")
    if not isinstance(stored, dict):
        return WindowState()
    return WindowState(
        _decoded(stored.get("geometry")), _decoded(stored.get("state")), _screen(stored)
    )


def _screen(stored: dict[str, object]) -> str:
    screen = stored.get("screen")
    if isinstance(screen, str):
        return screen
    page = stored.get("page")
    if type(page) is int and 0 <= page < len(_SCREENS_BY_OLD_NUMBER):
        return _SCREENS_BY_OLD_NUMBER[page]
    return ""


def store_window_state(window: WindowState) -> None:
    _save(
        {
            **_load(),
            "window": {
                "geometry": base64.b64encode(window.geometry).decode("ascii"),
                "state": base64.b64encode(window.state).decode("ascii"),
                "screen": window.screen,
            },
        }
    )


def _decoded(value: object) -> bytes:
    if not isinstance(value, str):
        return b""
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return b""


def tour_seen() -> bool:
    """Whether the first-run tour was shown on this computer (Help → Tour replays it)."""
    return _load().get("tour_seen") is True


def store_tour_seen() -> None:
    _save({**_load(), "tour_seen": True})


def stored_disclosure_threshold() -> int | None:
    """The threshold this computer kept before it moved into the database (see
    services/disclosure_settings), None if none was set; read, no longer written."""
    threshold = _load().get("disclosure_threshold")
    return threshold if type(threshold) is int and threshold > 0 else None


def stored_hidden_columns(entity: str) -> list[str] | None:
    """The columns hidden in one list on this computer; None before the user chose."""
    lists = _load().get("hidden_columns")
    hidden = lists.get(entity) if isinstance(lists, dict) else None
    if not isinstance(hidden, list) or not all(isinstance(key, str) for key in hidden):
        return None
    return hidden


def store_hidden_columns(entity: str, keys: list[str]) -> None:
    lists = _load().get("hidden_columns")
    lists = dict(lists) if isinstance(lists, dict) else {}
    _save({**_load(), "hidden_columns": {**lists, entity: sorted(keys)}})
