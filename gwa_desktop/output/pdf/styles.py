"""Colours, coloured text and rules shared by all prints.

`BidiParagraph` draws in the canvas's current colour; prints need a few colours and
spacing around paragraphs, so `Text` adds both without touching the text engine.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor, black
from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.plain_text import phone_number

from .bidi_levels import direction_in_language
from .bidi_text import Alignment, BidiParagraph

PRIMARY = HexColor("#1F4E79")
ACCENT = HexColor("#E08A00")
MUTED = HexColor("#5A6470")
RULE = HexColor("#C5CDD6")
TINT = HexColor("#EAF0F6")
WARNING = HexColor("#9A3412")
NO_BREAK_SPACE = "\u00a0"
LEFT_TO_RIGHT_MARK = "\u200e"


def unbreakable(text: str) -> str:
    """A phone number kept on one line and in its own order: split over two lines, or
    reordered beside Arabic text ("0-06321 4711"), it would be misdialled. Directional
    marks typed into the number itself are dropped: an RLM swaps its digit groups."""
    text = phone_number(text)
    if not text:
        return text
    return LEFT_TO_RIGHT_MARK + text.replace(" ", NO_BREAK_SPACE) + LEFT_TO_RIGHT_MARK


class Text(BidiParagraph):
    """A paragraph in one colour with space above and below.

    The direction comes from the column's language wherever the text has a letter of
    that direction (`direction_in_language`).  Alignment follows the column, not the
    text: in a right-to-left column a place name such as "Café Mondial" is a
    left-to-right paragraph but still sits at the right edge, so the column keeps one
    clean edge.
    """

    def __init__(
        self,
        text: str,
        language: str,
        size: float,
        *,
        bold: bool = False,
        color: Color = black,
        space_before: float = 0.0,
        space_after: float = 0.0,
        centered: bool = False,
        leading: float | None = None,
    ) -> None:
        column_rtl = is_rtl(language)
        direction = direction_in_language(text, column_rtl)
        super().__init__(
            text, font_size=size, bold=bold, direction=direction, language=language, leading=leading
        )
        if centered:
            self.alignment: Alignment = "center"
        else:
            self.alignment = "start" if (self.direction == "rtl") == column_rtl else "end"
        self.color = color
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        super().draw()


class Rule(Flowable):
    """A horizontal line across the column, or a short accent line at its start edge."""

    def __init__(
        self,
        color: Color = RULE,
        thickness: float = 0.6,
        length: float | None = None,
        rtl: bool = False,
        space: float = 4.0,
    ) -> None:
        super().__init__()
        self.color, self.thickness, self.length, self.rtl = color, thickness, length, rtl
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.thickness
        return availWidth, self.thickness

    def draw(self) -> None:
        length = min(self.length or self.width, self.width)
        start = self.width - length if self.rtl else 0.0
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(start, self.thickness / 2, start + length, self.thickness / 2)


class FittedText(Flowable):
    """A heading that gets smaller when its longest word is wider than the column.

    Narrow columns (four languages on A5) would otherwise cut "Gemeindehaus" between
    letters; a slightly smaller title reads better than a broken word.
    """

    MIN_FACTOR = 0.55

    def __init__(self, text: str, language: str, size: float, **style: Any) -> None:
        super().__init__()
        self.text, self.language, self.size, self.style = text, language, size, style
        self.spaceBefore = style.get("space_before", 0.0)
        self.spaceAfter = style.get("space_after", 0.0)
        self._paragraph: Text | None = None
        self._for_width: float | None = None

    def _fitted(self, width: float) -> Text:
        if self._paragraph is None or self._for_width != width:
            size = self.size
            words = self.text.split() or [""]
            widest = max(
                _word_width(word, self.language, size, self.style.get("bold", False))
                for word in words
            )
            if widest > width:
                size = max(size * width / widest * 0.98, size * self.MIN_FACTOR)
            style = {k: v for k, v in self.style.items() if k != "leading"}
            leading = self.style.get("leading")
            self._paragraph = Text(
                self.text,
                self.language,
                size,
                leading=leading * size / self.size if leading else None,
                **style,
            )
            self._for_width = width
        return self._paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self._fitted(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self._fitted(self.width).drawOn(self.canv, 0, 0)


@lru_cache(maxsize=4096)
def _word_width(word: str, language: str, size: float, bold: bool) -> float:
    """The width of `word` on a line of its own; kept, because every trial layout and
    every entry of a board asks again for the same titles at the same sizes."""
    paragraph = BidiParagraph(word, font_size=size, bold=bold, language=language)
    paragraph.wrap(1e6, 1e6)
    return max((line.width for line in paragraph.lines), default=0.0)
