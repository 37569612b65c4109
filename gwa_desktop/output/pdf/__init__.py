"""Multilingual PDF text with ReportLab: bundled fonts, bidi, shaping, line breaking.

Qt-free, so that PDF output can be built and tested without a display.
"""

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
