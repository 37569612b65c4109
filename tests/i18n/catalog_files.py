"""Reading the committed catalogs and extracting the code's messages, for the i18n tests."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from gwa_desktop.i18n import DOMAIN

REPOSITORY = Path(__file__).resolve().parents[2]
SOURCE = REPOSITORY / "translations"
#: The keywords of `./dev translations` for the UI domain (the print marker P_ is not one).
UI_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as po_file:
        return read_po(po_file)


@cache
def template() -> Catalog:
    return read_catalog(SOURCE / f"{DOMAIN}.pot")


@cache
def ui_catalog(language: str) -> Catalog:
    return read_catalog(SOURCE / language / "LC_MESSAGES" / f"{DOMAIN}.po")


def all_po_files() -> list[Path]:
    """Every committed catalog of every domain (the UI's and the print texts')."""
    return sorted(SOURCE.glob("*/LC_MESSAGES/*.po"))


def extracted_ids() -> set[str | tuple[str, str]]:
    """The message ids the code marks today, as `./dev translations` would extract them."""
    with (REPOSITORY / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(REPOSITORY), method_map, options_map, keywords=UI_KEYWORDS
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def message_key(message_id: str | tuple) -> str | tuple:
    return message_id if isinstance(message_id, str) else tuple(message_id)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def is_translated(string: str | tuple) -> bool:
    return bool(string) if isinstance(string, str) else all(string)
