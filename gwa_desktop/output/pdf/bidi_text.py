"""A ReportLab flowable for one paragraph of text in any of our scripts and directions.

ReportLab's own Paragraph cannot do right-to-left text here: its RTL support needs
`rlbidi`, which is not installable, and without it RTL settings are silently ignored
(words run left to right).  Its shaping mode also crashes when a line starts with a
word ending in an Arabic vowel mark.  `BidiParagraph` does bidi, font fallback,
shaping and line breaking itself (see `layout`) and only uses ReportLab to place
shaped glyphs.
"""

from __future__ import annotations

import copy
from typing import Literal, get_args

from reportlab.platypus.flowables import Flowable

from .bidi_levels import Direction
from .fonts import register_fonts
from .layout import Line, LineBreak, TextAnalysis, analyse, line_breaks, make_lines

Alignment = Literal["start", "end", "center"]

# Each line gets a box `leading` high, the extra leading split evenly above and
# below; the baseline sits this fraction of the font size above the bottom of the
# glyph area, leaving room for Arabic descenders and marks below the letters.
_BASELINE_ABOVE_BOX_BOTTOM = 0.3


class BidiParagraph(Flowable):
    """A paragraph laid out in logical order, drawn in visual order.

    `alignment` is relative to the paragraph direction: 'start' is the right edge
    for right-to-left text.  `direction` 'auto' takes the direction of the first
    strong character.  `language` (BCP 47) picks language-specific glyph forms.
    `leading` defaults to 1.5 times the font size, room for Arabic marks above and
    below.  The paragraph splits between lines across frames and pages.
    """

    def __init__(
        self,
        text: str,
        font_size: float = 11.0,
        leading: float | None = None,
        bold: bool = False,
        alignment: Alignment = "start",
        direction: Direction = "auto",
        language: str | None = None,
    ) -> None:
        super().__init__()
        if alignment not in get_args(Alignment):
            raise ValueError(f"alignment must be one of {get_args(Alignment)}, not {alignment!r}")
        if direction not in get_args(Direction):
            raise ValueError(f"direction must be one of {get_args(Direction)}, not {direction!r}")
        register_fonts()
        self.font_size = font_size
        self.leading = leading if leading is not None else 1.5 * font_size
        self.alignment = alignment
        self._analysis: TextAnalysis = analyse(text, font_size, bold, direction, language)
        self._start = 0
        self._end = len(self._analysis.text)
        self._breaks: tuple[LineBreak, ...] | None = None
        self._lines: list[Line] | None = None

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        """The resolved paragraph direction."""
        return "rtl" if self._analysis.rtl else "ltr"

    @property
    def lines(self) -> list[Line]:
        """The lines computed by the last `wrap`, first line first.

        Shaped only when asked for (to draw them, or for their widths): measuring a
        paragraph for a trial layout needs where its lines end, not their glyphs.
        """
        if self._breaks is None:
            raise RuntimeError("BidiParagraph.lines is only known after wrap()")
        if self._lines is None:
            self._lines = make_lines(self._analysis, self._breaks)
        return self._lines

    def _layout(self, width: float) -> tuple[LineBreak, ...]:
        breaks = line_breaks(self._analysis, self._start, self._end, width)
        if breaks is not self._breaks:
            self._breaks, self._lines = breaks, None
        return breaks

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out for `availWidth`; the paragraph always takes the full width so
        that right and centre alignment have an edge to align to."""
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[BidiParagraph]:
        """The lines that fit in `availHeight`, and a paragraph with the rest, which
        is laid out afresh for the next frame's width; [] if not even one line fits."""
        breaks = self._layout(availWidth)
        fitting = int((availHeight + 1e-6) // self.leading)
        if fitting <= 0:
            return []
        if fitting >= len(breaks):
            return [self]
        return [
            self._piece(self._start, breaks[fitting - 1][1]),
            self._piece(breaks[fitting][0], self._end),
        ]

    def _piece(self, start: int, end: int) -> BidiParagraph:
        piece = copy.copy(self)
        piece._start, piece._end = start, end
        piece._breaks = piece._lines = None
        return piece

    def _line_x(self, line: Line) -> float:
        free = self.width - line.width
        if self.alignment == "center":
            return free / 2
        at_right = (self.alignment == "start") == self._analysis.rtl
        return free if at_right else 0.0

    def draw(self) -> None:
        canvas = self.canv
        baseline_offset = (
            self.leading - self.font_size
        ) / 2 + _BASELINE_ABOVE_BOX_BOTTOM * self.font_size
        for index, line in enumerate(self.lines):
            if not line.runs:
                continue
            x = self._line_x(line)
            y = self.height - (index + 1) * self.leading + baseline_offset
            text_object = canvas.beginText()
            for run in line.runs:
                # Setting the font before every run makes ReportLab start the run
                # with a font operator; without one it raises IndexError when the
                # first glyph is a raised or lowered mark (e.g. the kasratan of "كافٍ").
                text_object.setFont(run.font_name, self.font_size, self.leading)
                text_object.setTextOrigin(x, y)
                text_object.textOut(run.shaped.glyphs)
                x += run.shaped.width
            canvas.drawText(text_object)
