"""A list screen's rows as a plain PDF table: the officer's phone list or "who speaks Dari".

One row per record in the order of the window, the window's columns, the header row
repeated on every page, page numbers, and the title with the filter and the date. Cells
are `Text` paragraphs, so Arabic and Cyrillic names are shaped and set in a font that
covers them, as on the flyers. Wide tables (more than five columns) go landscape.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from .document import PrintResult, font_warning, page_size
from .styles import MUTED, PRIMARY, RULE, TINT, Text

#: More columns than this do not fit portrait A4 at a readable size.
PORTRAIT_COLUMNS = 5
BODY_SIZE = 8.5
#: Words longer than this may break inside a column (long e-mail addresses).
MAX_WORD = 20
#: The average width of a character of body text, relative to its size.
CHAR_WIDTH = 0.56
#: The cell padding, in characters.
PADDING = 3
MARGIN = 12 * mm


def build_list_pdf(
    title: str,
    subtitle: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    language: str,
    page_label: str,
    progress: Callable[[int, int, str], None] | None = None,
) -> PrintResult:
    """The table as a PDF; `page_label` is a format text with {page} (e.g. "Seite {page}").

    Laying out the cells is the slow part (about 2.5 s per 1,000 rows), so `progress`
    hears of every 100 rows; it may raise to cancel."""
    wide = len(headings) > PORTRAIT_COLUMNS
    size = page_size("A4", wide)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=title,
    )
    width = size[0] - 2 * MARGIN
    shares = _column_shares(headings, rows, int(width / (BODY_SIZE * CHAR_WIDTH)))
    header = [Text(h, language, BODY_SIZE, bold=True, color=PRIMARY) for h in headings]
    body = []
    for done, row in enumerate(rows, 1):
        body.append([Text(cell, language, BODY_SIZE) for cell in row])
        if progress is not None and done % 100 == 0:
            progress(done, len(rows), "")
    table = Table([header, *body], colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, PRIMARY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, TINT]),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story = [
        Text(title, language, 14, bold=True, color=PRIMARY, space_after=2),
        Text(subtitle, language, 9, color=MUTED, space_after=6),
        table,
    ]

    def number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        footer = Text(page_label.format(page=doc.page), language, 8, color=MUTED)
        footer.wrap(width, 20)
        footer.drawOn(canvas, MARGIN, MARGIN - 2 * mm)

    document.build(story, onFirstPage=number, onLaterPages=number)
    texts = [title, subtitle, *headings, *(cell for row in rows for cell in row)]
    return PrintResult(buffer.getvalue(), document.page, font_warning(texts))


def _column_shares(
    headings: Sequence[str], rows: Sequence[Sequence[str]], line_chars: int
) -> list[float]:
    """Each column's share of the width, after its texts in the first 200 rows.

    Every column first gets room for its longest word (a number, "Aktiv", "Nr.") so
    nothing short breaks inside a word; the rest of the width goes to the columns
    with long texts, after how much longer they are."""
    sample = rows[:200]
    least, wanted = [], []
    for column, heading in enumerate(headings):
        cells = [row[column] for row in sample]
        # Split at plain spaces only: a phone number's no-break spaces keep it one word.
        words = [word for text in (heading, *cells) for word in text.split(" ")]
        shortest = min(max((len(word) for word in words), default=3), MAX_WORD)
        least.append(shortest + PADDING)
        longest = max((len(cell) for cell in cells), default=0)
        wanted.append(max(min(max(len(heading), longest), 40), shortest) + PADDING)
    spare = [w - m for w, m in zip(wanted, least, strict=True)]
    budget = max(line_chars - sum(least), 0)
    extra = sum(spare) or 1
    widths = [
        m + budget * s / extra if sum(spare) > budget else w
        for m, s, w in zip(least, spare, wanted, strict=True)
    ]
    total = sum(widths)
    return [width / total for width in widths]
