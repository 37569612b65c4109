"""The sender line at the bottom of every print: logo, municipality, officer, page.

People keep flyers and photograph notice boards; the footer says who published the
paper and whom to call, in the same place on every print.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.domain.municipality import MunicipalityData

from .logo import Logo
from .paginate import Rect
from .styles import MUTED, PRIMARY, RULE, Text, unbreakable

LOGO_GAP = 8.0


def officer_line(municipality: MunicipalityData) -> str:
    return " · ".join(
        part
        for part in (
            municipality.officer_name,
            unbreakable(municipality.officer_phone),
            municipality.officer_email,
        )
        if part.strip()
    )


def draw_footer(
    canvas: Canvas,
    rect: Rect,
    municipality: MunicipalityData,
    logo: Logo | None,
    page: int,
    pages: int,
    size: float = 9.0,
    right_reserve: float = 0.0,
) -> None:
    """Draw into `rect` (x, y, width, height); `right_reserve` keeps room for a QR code."""
    x, y, width, height = rect
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(x, y + height, x + width, y + height)
    text_x = x
    if logo is not None:
        logo_width, logo_height = logo.size_for_height(min(height - 8, size * 4.2), width / 4)
        canvas.drawImage(
            logo.image, x, y + height - 6 - logo_height, logo_width, logo_height, mask="auto"
        )
        text_x = x + logo_width + LOGO_GAP
    lines = [
        Text(
            " – ".join(p for p in (municipality.name, municipality.district) if p.strip()),
            "de",
            size * 1.1,
            bold=True,
            color=PRIMARY,
        ),
        Text(officer_line(municipality), "de", size, color=MUTED),
    ]
    page_width = size * 4 if pages > 1 else 0.0
    text_width = width - (text_x - x) - right_reserve - page_width
    top = y + height - 5
    for line in lines:
        _, line_height = line.wrap(text_width, 1e6)
        top -= line_height
        line.drawOn(canvas, text_x, top)
    if pages > 1:
        canvas.setFillColor(MUTED)
        canvas.setFont("GWA-NotoSans", size)
        canvas.drawRightString(
            x + width - right_reserve, y + height - 5 - size * 1.4, f"{page} / {pages}"
        )
    canvas.restoreState()
