"""One A4 page of columns, German beside the reader's language, that ends in a signature.

The consent form and the volunteer's certificate are the same kind of paper: a coloured
band on top, one column per language, a signature area across the page and the
municipality's footer. Both must fit one page, because a signature on page two of a
two-page consent is worth little, so the body size is stepped down until the columns fit.
Keeping the page in one place means a change to margins or footer reaches both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.domain.municipality import MunicipalityData

from .document import page_size
from .footer import draw_footer
from .logo import load_logo
from .paginate import Block, Column, DocumentInfo, Rect, count_pages, render
from .styles import PRIMARY, RULE

MARGIN = 16 * mm
FOOTER = 18 * mm
GUTTER = 9 * mm
BAND = 4 * mm
#: Where the footer starts: a little lower than the margin, so the body keeps its room.
FOOTER_BOTTOM = MARGIN * 0.6


@dataclass(frozen=True)
class SignedPage:
    """What one signed document puts on the shared page."""

    languages: list[str]
    municipality: MunicipalityData
    #: The blocks of one language's column at a body size.
    column: Callable[[str, float], list[Block]]
    #: Body sizes tried, largest first, until every column fits the one page.
    sizes: tuple[float, ...]
    signature_height: float
    #: Draws the signature area into the rectangle reserved for it on the last page.
    draw_signature: Callable[[Canvas, Rect], None]
    title: str
    info: DocumentInfo | None = None
    #: A thin line between the language columns.
    column_rules: bool = False
    #: Anything more the page carries (e.g. a form version), drawn on every page.
    annotate: Callable[[Canvas], None] | None = None


@dataclass(frozen=True)
class SignedResult:
    pdf: bytes
    pages: int
    logo_broken: bool


def build_signed_page(page: SignedPage) -> SignedResult:
    """Lay the columns out at the largest size that fits one page (the smallest if none does)."""
    width, height = page_size("A4")
    logo, logo_broken = load_logo(page.municipality.logo)
    count = len(page.languages)
    top = height - MARGIN - BAND - 6 * mm
    bottom = FOOTER_BOTTOM + FOOTER + page.signature_height
    column_width = (width - 2 * MARGIN - GUTTER * (count - 1)) / count

    def frames(number: int) -> list[Rect]:
        return [
            (MARGIN + index * (column_width + GUTTER), bottom, column_width, top - bottom)
            for index in range(count)
        ]

    def decorate(canvas: Canvas, number: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(PRIMARY)
        canvas.rect(MARGIN, height - MARGIN - BAND, width - 2 * MARGIN, BAND, stroke=0, fill=1)
        if page.column_rules:
            canvas.setStrokeColor(RULE)
            shown = frames(number)
            for (x, y, w, h), (next_x, *_rest) in pairwise(shown):
                canvas.line((x + w + next_x) / 2, y + 4 * mm, (x + w + next_x) / 2, y + h)
        canvas.restoreState()
        if number == pages:
            page.draw_signature(
                canvas,
                (
                    MARGIN,
                    FOOTER_BOTTOM + FOOTER + 4 * mm,
                    width - 2 * MARGIN,
                    page.signature_height - 8 * mm,
                ),
            )
        if page.annotate is not None:
            page.annotate(canvas)
        draw_footer(
            canvas,
            (MARGIN, FOOTER_BOTTOM, width - 2 * MARGIN, FOOTER),
            page.municipality,
            logo,
            number,
            pages,
        )

    def columns(size: float) -> list[Column]:
        return [Column.of(page.column(code, size)) for code in page.languages]

    size = next((s for s in page.sizes if count_pages(columns(s), frames) == 1), None)
    pdf, pages = render(
        (width, height),
        lambda: columns(size or page.sizes[-1]),
        frames,
        decorate,
        title=page.title,
        pages=None if size is None else 1,
        info=page.info,
    )
    return SignedResult(pdf, pages, logo_broken)
