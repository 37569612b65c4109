"""The flyer's QR code: ReportLab's encoding, drawn module for module where it belongs."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.output.pdf.qr import QUIET_ZONE, draw_qr, qr_modules
from tests.output.test_flyer import flyer

PAYLOADS = ("tel:015123456780", "https://musterdorf.de/angebote/sprachcafe", "مقهى اللغة")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_modules_are_those_of_reportlabs_qr_widget(payload):
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    assert qr_modules(payload) == tuple(tuple(map(bool, row)) for row in widget.qr.modules)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_drawn_code_shows_every_module_and_a_white_quiet_zone(payload, tmp_path: Path):
    """Rendered, each module's centre is dark exactly where the code has a dark module,
    and the quiet zone around it stays white."""
    modules = qr_modules(payload)
    count = len(modules) + 2 * QUIET_ZONE
    size, x, y = 200.0, 50.0, 80.0
    output = io.BytesIO()
    canvas = Canvas(output, pagesize=(300, 300))
    draw_qr(canvas, payload, x, y, size)
    canvas.save()
    (tmp_path / "qr.pdf").write_bytes(output.getvalue())
    dpi = 144  # two pixels per point
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", tmp_path / "qr.pdf", tmp_path / "qr"],
        check=True,
    )
    image = Image.open(tmp_path / "qr.png").convert("L")
    scale, box = dpi / 72, size / count
    page_height = 300 * scale

    def dark(row: int, column: int) -> bool:
        centre_x = (x + (column + 0.5) * box) * scale
        centre_y = page_height - (y + size - (row + 0.5) * box) * scale
        return image.getpixel((int(centre_x), int(centre_y))) < 128

    seen = [[dark(row, column) for column in range(count)] for row in range(count)]
    expected = [[False] * count for _ in range(count)]
    for row, line in enumerate(modules):
        for column, module in enumerate(line):
            expected[row + QUIET_ZONE][column + QUIET_ZONE] = module
    assert seen == expected


def test_a_flyer_with_a_code_names_only_embedded_fonts():
    """Archives (PDF/A) and some print shops refuse a font that is named but not
    embedded; the code's drawing used to name Helvetica on every flyer."""
    result = flyer(["de", "ar"], strips=True)
    for page in pypdf.PdfReader(io.BytesIO(result.pdf)).pages:
        for name, font in page["/Resources"]["/Font"].items():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            assert embedded, (name, font["/BaseFont"])
