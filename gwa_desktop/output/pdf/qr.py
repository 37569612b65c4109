"""QR codes on flyers: the offer's web page, or else a phone number to call.

Many newcomers use their phone before they use a web browser, so a `tel:` code that
starts a call is as useful as a link.  Encoded with ReportLab's own QR encoder and
drawn as vector rectangles straight onto the page (no image files).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

#: The quiet zone around the code, in modules (the QR standard's four).
QUIET_ZONE = 4


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


@lru_cache(maxsize=16)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the code for `payload`, top row first, at
    error correction level M and the smallest version that holds it.  Kept for a few
    payloads: a flyer of several pages prints the same code on each."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The code as a square `size` points wide with its lower left corner at (x, y),
    the quiet zone included: one filled rectangle per run of dark modules in a row,
    the rectangles ReportLab's QR widget draws, without building a shape per run
    (the widget's drawing tree was half of a flyer's drawing time, and its renderer
    named the unembedded Helvetica in the page's resources)."""
    modules = qr_modules(payload)
    box = size / (len(modules) + QUIET_ZONE * 2.0)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.setFillColor(black)
    for row_index, row in enumerate(modules):
        column = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                top = (row_index + QUIET_ZONE + 1) * box
                canvas.rect(
                    (column + QUIET_ZONE) * box, size - top, count * box, box, stroke=0, fill=1
                )
            column += count
    canvas.restoreState()
