"""The municipality's logo, checked before it goes onto a print.

A logo stored years ago may be unreadable today (a truncated file, a format Pillow no
longer opens); the print then goes out without it and the caller gets a warning,
instead of a crash in the middle of building the PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader


@dataclass(frozen=True)
class Logo:
    """A decoded logo ready for `canvas.drawImage`, with its aspect ratio."""

    image: ImageReader
    aspect: float  # width / height

    def size_for_height(self, height: float, max_width: float) -> tuple[float, float]:
        width = min(height * self.aspect, max_width)
        return width, width / self.aspect


def load_logo(content: bytes | None) -> tuple[Logo | None, bool]:
    """The logo and whether it was broken: (None, False) when there is none at all."""
    if not content:
        return None, False
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            converted = image.convert("RGBA") if image.mode not in ("RGB", "RGBA") else image.copy()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None, True
    if converted.width == 0 or converted.height == 0:
        return None, True
    return Logo(ImageReader(converted), converted.width / converted.height), False
