"""Multilingual PDF text with ReportLab: bundled fonts, bidi, shaping, line breaking.

Qt-free, so that PDF output can be built and tested without a display.

The names below are loaded on first use, not when the package is imported: the
services import the light modules of this package (`offer_view`, `document`) for
every command and the window, and only a print needs ReportLab and HarfBuzz.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bidi_text import BidiParagraph
    from .fonts import (
        ARABIC,
        ETHIOPIC,
        FALLBACK_CHAIN,
        LATIN,
        FontFamily,
        register_fonts,
        uncovered_characters,
    )
    from .layout import Line, VisualRun

_HOMES = {
    "BidiParagraph": "bidi_text",
    "ARABIC": "fonts",
    "ETHIOPIC": "fonts",
    "FALLBACK_CHAIN": "fonts",
    "LATIN": "fonts",
    "FontFamily": "fonts",
    "register_fonts": "fonts",
    "uncovered_characters": "fonts",
    "Line": "layout",
    "VisualRun": "layout",
}

__all__ = [
    "ARABIC",
    "ETHIOPIC",
    "FALLBACK_CHAIN",
    "LATIN",
    "BidiParagraph",
    "FontFamily",
    "Line",
    "VisualRun",
    "register_fonts",
    "uncovered_characters",
]


def __getattr__(name: str) -> Any:
    """The public names, imported from their module when first asked for (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
