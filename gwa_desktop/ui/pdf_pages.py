"""PDF pages as images, for the print preview and for printing through Qt.

PySide6-Essentials has no QtPdf, so pages are rendered with pdfium (pypdfium2) and the
printer receives images at its own resolution (capped, so that a 1200 dpi printer does
not get gigabytes).
"""

from __future__ import annotations

import pypdfium2
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MAX_PRINT_DPI = 300


def page_image(pdf: bytes, index: int = 0, dpi: float = 60) -> QImage:
    """Page `index` of `pdf` rendered at `dpi`, white background."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[index].render(scale=dpi / 72)
        image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    data = image.tobytes()
    return QImage(
        data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
    ).copy()


def page_image_fitting(pdf: bytes, width: int, height: int, index: int = 0) -> QImage:
    """Page `index` rendered as large as fits a `width` x `height` box, proportions kept.

    A3 and landscape pages are bigger or wider than A4: rendered at an A4 scale, the
    preview showed only their middle.
    """
    document = pypdfium2.PdfDocument(pdf)
    try:
        page_width, page_height = document[index].get_size()
    finally:
        document.close()
    scale = min(width / page_width, height / page_height)
    return page_image(pdf, index, dpi=72 * scale)


def page_count(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(pdf: bytes, parent: QWidget | None, title: str) -> bool:
    """Ask for a printer and print every page; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    send_to_printer(pdf, printer)
    return True


def send_to_printer(pdf: bytes, printer: QPrinter) -> None:
    """Draw each page, scaled to the printable area with its proportions kept."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter(printer)
    try:
        for index in range(page_count(pdf)):
            if index:
                printer.newPage()
            image = page_image(pdf, index, dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
