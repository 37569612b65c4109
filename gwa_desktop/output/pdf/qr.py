"""QR codes on flyers: the offer's web page, or else a phone number to call.

Many newcomers use their phone before they use a web browser, so a `tel:` code that
starts a call is as useful as a link.  Drawn with ReportLab's own QR module (vector,
no image files).
"""

from __future__ import annotations

import re

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing


def tel_uri(phone: str) -> str:
    """ "tel:" URI for a number as typed ("0123 456-78", "+49 (0)171 ..."), or "" if no digits."""
    number = phone.strip()
    number = re.sub(r"\(0\)", "", number) if number.startswith("+") else number
    digits = re.sub(r"[^\d+]", "", number)
    digits = digits[0] + digits[1:].replace("+", "") if digits else ""
    return f"tel:{digits}" if re.search(r"\d", digits) else ""


def qr_payload(web_url: str, phone: str) -> tuple[str, bool]:
    """What the code encodes and whether it is a web address (else a phone number or "")."""
    if web_url.strip():
        return web_url.strip(), True
    return tel_uri(phone), False


def qr_drawing(payload: str, size: float) -> Drawing:
    """A square drawing `size` points wide; the widget's quiet zone is kept.

    The widget is made `size` wide itself: asking it for its bounds to scale it
    would encode the code twice (the encoding is most of a flyer's QR cost).
    """
    widget = QrCodeWidget(payload, barLevel="M", barWidth=size, barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing
