"""A plain document of headed sections: label/value rows and paragraphs.

For what the officer files or hands over rather than pins up: the information for one
person (Art. 15 GDPR) and the record of processing (Art. 30 GDPR). Every cell is a
`Text`, so Arabic or Cyrillic names are shaped and set in a font that covers them, as
on the flyers; the table rows split across pages, and each page carries its number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from .document import PrintResult, font_warning, page_size
from .styles import MUTED, PRIMARY, RULE, Text

MARGIN = 16 * mm
BODY_SIZE = 9.5
#: The label column's share of the width.
LABEL_SHARE = 0.34


@dataclass(frozen=True)
class Section:
    heading: str
    rows: Sequence[tuple[str, str]] = ()
    paragraphs: Sequence[str] = ()


def build_report(
    title: str,
    subtitle: str,
    sections: Sequence[Section],
    language: str,
    page_label: str,
    author: str = "",
) -> PrintResult:
    """The sections as an A4 PDF; `page_label` is a format text with {page} and {pages}."""
    size = page_size("A4")
    width = size[0] - 2 * MARGIN

    def story() -> list[Flowable]:
        """Made anew for each run: ReportLab's flowables keep state from a build."""
        flowables: list[Flowable] = [
            Text(title, language, 16, bold=True, color=PRIMARY, space_after=3),
            Text(subtitle, language, 9, color=MUTED, space_after=8),
        ]
        for section in sections:
            flowables.append(
                Text(section.heading, language, 11.5, bold=True, color=PRIMARY, space_before=8)
            )
            flowables += [Text(p, language, BODY_SIZE, space_before=3) for p in section.paragraphs]
            if section.rows:
                flowables.append(_table(section.rows, language, width))
        return flowables

    def document(pages: int) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        template = SimpleDocTemplate(
            buffer,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=title,
            author=author,
        )

        def number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
            footer = Text(page_label.format(page=doc.page, pages=pages), language, 8, color=MUTED)
            footer.wrap(width, 20)
            footer.drawOn(canvas, MARGIN, MARGIN - 2 * mm)

        template.build(story(), onFirstPage=number, onLaterPages=number)
        return buffer.getvalue(), template.page

    # The page count is known after a first run; the second prints "page 1 of n".
    _draft, pages = document(0)
    pdf, pages = document(pages)
    texts = [title, subtitle]
    for section in sections:
        texts += [section.heading, *section.paragraphs, *(t for row in section.rows for t in row)]
    return PrintResult(pdf, pages, font_warning(texts))


def _table(rows: Sequence[tuple[str, str]], language: str, width: float) -> Table:
    cells = [
        [Text(label, language, BODY_SIZE, bold=True), Text(value or "–", language, BODY_SIZE)]
        for label, value in rows
    ]
    table = Table(cells, colWidths=[width * LABEL_SHARE, width * (1 - LABEL_SHARE)])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
