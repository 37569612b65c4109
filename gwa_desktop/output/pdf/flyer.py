"""A flyer for one offer in one to four languages, side by side or stacked.

Page 1 ends with the sender footer, a QR code (web page or phone number) and
optionally tear-off strips.  The whole flyer is scaled to fill page 1: a short text
grows, a long one shrinks a little (down to the last of `SCALES`); if even that does
not fit, it keeps its normal size and continues on page 2, because small print helps
nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.settings import MunicipalityData

from . import print_texts as t
from .document import (
    PrintResult,
    PrintWarning,
    catalog_warnings,
    font_warning,
    logo_warning,
    page_size,
    translation_warning,
)
from .flyer_blocks import SIDE_BY_SIDE, STACKED, column_blocks, section_blocks
from .footer import draw_footer
from .logo import Logo, load_logo
from .offer_view import OfferView
from .paginate import Column, Rect, count_pages, render
from .print_texts import PrintTexts
from .qr import qr_drawing, qr_payload
from .strips import draw_strips
from .styles import PRIMARY, RULE, Text

Layout = Literal["side_by_side", "stacked"]
MAX_LANGUAGES = 4
#: Tried in order: a short text grows to fill the page, a long one shrinks a little.
SCALES = (1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78)


@dataclass(frozen=True)
class FlyerOptions:
    languages: tuple[str, ...]
    paper: str = "A4"
    layout: Layout = "side_by_side"
    tear_off_strips: bool = False


@dataclass(frozen=True)
class FlyerContent:
    """Everything a flyer prints; `views` holds one OfferView per chosen language, in order."""

    views: list[OfferView]
    category: OfferCategory
    municipality: MunicipalityData
    web_url: str = ""
    phone: str = ""


@dataclass(frozen=True)
class _Geometry:
    width: float
    height: float
    margin: float
    gutter: float
    footer: float
    strips: float
    qr: float


def _geometry(paper: str, strips: bool, has_qr: bool) -> _Geometry:
    width, height = page_size(paper)
    factor = width / page_size("A4")[0]
    qr = 28 * mm * factor if has_qr else 0.0
    return _Geometry(width, height, margin=17 * mm * factor, gutter=9 * mm * factor,
                     footer=max(20 * mm * factor, qr + 11 * mm * factor),
                     strips=52 * mm * factor if strips else 0.0, qr=qr)


def build_flyer(content: FlyerContent, options: FlyerOptions) -> PrintResult:
    """The flyer as PDF bytes, with warnings (fallback texts, logo, fonts)."""
    languages = list(options.languages)
    if not 1 <= len(languages) <= MAX_LANGUAGES:
        raise ValueError(f"a flyer has 1 to {MAX_LANGUAGES} languages, not {len(languages)}")
    logo, logo_broken = load_logo(content.municipality.logo)
    payload, is_web = qr_payload(content.web_url, content.phone)
    geometry = _geometry(options.paper, options.tear_off_strips, bool(payload))
    factor = geometry.width / page_size("A4")[0]
    # One language alone has the whole width: its fields read better in a grid, as stacked.
    side_by_side = options.layout == "side_by_side" and len(languages) > 1
    base = (SIDE_BY_SIDE if side_by_side else STACKED)[len(languages)].scaled(max(factor, 0.8))

    def columns(scale: float) -> list[Column]:
        sizes = base.scaled(scale)
        if side_by_side:
            return [Column.of(column_blocks(view, content.category, sizes)) for view in content.views]
        grid = 4 if len(languages) > 2 else 3
        blocks = [block for index, view in enumerate(content.views)
                  for block in section_blocks(view, content.category, sizes, grid, index == 0)]
        return [Column.of(blocks)]

    def frames(page: int) -> list[Rect]:
        return _frames(geometry, len(content.views) if side_by_side else 1, page)

    pagesize = (geometry.width, geometry.height)
    scale = next((s for s in SCALES if count_pages(pagesize, columns(s), frames) == 1), 1.0)

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        _decorate(canvas, geometry, content, options, logo, payload, is_web, page, pages)
        if side_by_side:
            _column_rules(canvas, frames(page))

    pdf, pages = render(pagesize, lambda: columns(scale), frames, decorate, title=content.views[0].title)
    warnings = _warnings(content, logo_broken)
    if options.tear_off_strips and not content.phone:
        warnings.append(PrintWarning("strips_without_phone", _(
            "The tear-off strips have no phone number: neither the contact persons nor the officer in the "
            "settings have one. Add a number there, or print without strips.")))
    if pages > 1:
        warnings.append(PrintWarning("pages", ngettext(
            "The flyer needs {n} page: for one page choose fewer languages, leave out the tear-off strips "
            "or shorten the description.",
            "The flyer needs {n} pages: for one page choose fewer languages, leave out the tear-off strips "
            "or shorten the description.", pages).format(n=pages)))
    return PrintResult(pdf, pages, warnings)


def _frames(geometry: _Geometry, count: int, page: int) -> list[Rect]:
    bar = 4 * mm
    top = geometry.height - geometry.margin - bar - geometry.gutter * 0.8
    bottom = geometry.margin * 0.5 + geometry.footer + geometry.gutter * 0.6
    if page == 1:
        bottom += geometry.strips
    width = (geometry.width - 2 * geometry.margin - geometry.gutter * (count - 1)) / count
    return [(geometry.margin + index * (width + geometry.gutter), bottom, width, top - bottom) for index in range(count)]


def _column_rules(canvas: Canvas, frames: list[Rect]) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    for (x, y, width, height), (next_x, _, _, _) in zip(frames, frames[1:]):
        middle = (x + width + next_x) / 2
        canvas.line(middle, y, middle, y + height)
    canvas.restoreState()


def _decorate(canvas: Canvas, geometry: _Geometry, content: FlyerContent, options: FlyerOptions,
              logo: Logo | None, payload: str, is_web: bool, page: int, pages: int) -> None:
    margin, width = geometry.margin, geometry.width - 2 * geometry.margin
    canvas.saveState()
    canvas.setFillColor(PRIMARY)
    canvas.rect(margin, geometry.height - margin - 4 * mm, width, 4 * mm, stroke=0, fill=1)
    canvas.restoreState()
    bottom = geometry.margin * 0.5 + (geometry.strips if page == 1 else 0.0)
    first_page_qr = geometry.qr if page == 1 and payload else 0.0
    reserve = first_page_qr * 2.5 if first_page_qr else 0.0
    draw_footer(canvas, (margin, bottom, width, geometry.footer), content.municipality, logo, page, pages,
                size=9 * geometry.width / page_size("A4")[0] + 0.5, right_reserve=reserve)
    if first_page_qr:
        _draw_qr(canvas, payload, is_web, content, margin + width, bottom, geometry)
    if page == 1 and options.tear_off_strips:
        titles = [(view.title, view.text_language) for view in content.views[:2]]
        strip_rect = (margin, geometry.margin * 0.3, width, geometry.strips - geometry.margin * 0.2)
        draw_strips(canvas, strip_rect, titles, content.phone)


def _draw_qr(canvas: Canvas, payload: str, is_web: bool, content: FlyerContent, right: float, bottom: float,
             geometry: _Geometry) -> None:
    """The code at the right, and beside it what it does (and the number, for a phone code)."""
    size = geometry.qr
    top = bottom + geometry.footer - 3 * mm
    qr_drawing(payload, size).drawOn(canvas, right - size, top - size)
    language = content.views[0].language
    factor = geometry.width / page_size("A4")[0]
    lines = [Text(PrintTexts(language)(t.SCAN_WEB if is_web else t.SCAN_PHONE), language, 8.5 * factor + 1,
                  bold=True, color=PRIMARY, centered=True)]
    if not is_web and content.phone:
        lines.append(Text(content.phone, "de", 11 * factor + 1, bold=True, centered=True))
    caption_width = size * 1.4
    heights = [line.wrap(caption_width, 1e6)[1] for line in lines]
    y = top - size / 2 + sum(heights) / 2
    for line, height in zip(lines, heights):
        y -= height
        line.drawOn(canvas, right - size - caption_width - 2 * mm, y)


def _warnings(content: FlyerContent, logo_broken: bool) -> list[PrintWarning]:
    warnings = [logo_warning()] if logo_broken else []
    missing = [view.language for view in content.views if view.is_fallback]
    if missing:
        warnings.append(translation_warning(content.views[0].title, missing))
    warnings += catalog_warnings([view.language for view in content.views])
    texts = [view.all_text() for view in content.views] + [content.municipality.name, content.municipality.officer_name]
    return warnings + font_warning(texts)
