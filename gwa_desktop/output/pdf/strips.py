"""Tear-off strips ("Abreißzettel") along the bottom edge of a flyer.

On village notice boards people tear off a strip with the phone number instead of
taking the flyer; the text runs along the strip (rotated by 90 degrees) so that title
and number fit on a strip two centimetres wide.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .paginate import Rect
from .styles import MUTED, PRIMARY, Text

STRIP_WIDTH = 21 * mm
PADDING = 3 * mm
MAX_TITLE_LINES = 2


def strip_count(width: float) -> int:
    return max(3, int(width // STRIP_WIDTH))


def _lines(titles: list[tuple[str, str]], phone: str, length: float, size: float) -> list[Text]:
    """Paragraphs for one strip: each title cut to two lines, then the phone number."""
    lines: list[Text] = []
    for text, language in titles:
        title = Text(text, language, size, bold=True, color=PRIMARY, leading=size * 1.3)
        title.wrap(length, 1e6)
        if len(title.lines) > MAX_TITLE_LINES:
            title = title.split(length, MAX_TITLE_LINES * title.leading)[0]
        lines.append(title)
    if phone:
        lines.append(Text(phone, "de", size * 1.1, bold=True, leading=size * 1.4))
    return lines


def draw_strips(
    canvas: Canvas, rect: Rect, titles: list[tuple[str, str]], phone: str, size: float = 8.0
) -> None:
    """Strips filling `rect`, each with `titles` ((text, language) pairs) and `phone`."""
    x, y, width, height = rect
    count = strip_count(width)
    strip = width / count
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(x, y + height, x + width, y + height)
    for index in range(1, count):
        canvas.line(x + index * strip, y, x + index * strip, y + height)
    canvas.restoreState()
    length = height - 2 * PADDING
    for index in range(count):
        lines = _lines(titles, phone, length, size)
        total = sum(line.wrap(length, 1e6)[1] for line in lines)
        if total > strip - 2:
            lines = _lines(titles[:1], phone, length, size)
            total = sum(line.wrap(length, 1e6)[1] for line in lines)
        canvas.saveState()
        # After this, x runs up the strip and y across it, towards the left edge.
        canvas.translate(x + (index + 1) * strip, y + PADDING)
        canvas.rotate(90)
        top = (strip + total) / 2
        for line in lines:
            line_height = line.wrap(length, 1e6)[1]
            top -= line_height
            line.drawOn(canvas, 0, top)
        canvas.restoreState()
