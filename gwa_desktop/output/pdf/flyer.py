"""A flyer for one offer in one to four languages, side by side or stacked.

Every page ends with the sender footer, a QR code (web page or phone number) and
optionally tear-off strips.  The flyer is scaled to fill one page: a short text grows,
a long one shrinks (down to the last of `SCALES`, and never below `MIN_BODY_SIZE` /
`MIN_LABEL_SIZE`).  When even that does not fit, the languages are shared out over
pages, two of four on each, and each page is a complete flyer of its languages with
its own strips and QR code: an officer hangs the sheets on different notice boards, and
a second sheet without strips or code (the old layout) was half empty and useless
alone.  Only a text too long for a page of its own continues on the next page, at its
normal size, because small print helps nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.i18n import _, ngettext

from . import flyer_plain
from . import print_texts as t
from .document import (
    PrintResult,
    PrintWarning,
    catalog_warnings,
    font_warning,
    logo_warning,
    offers_info,
    page_size,
    translation_warning,
)
from .flyer_blocks import SIDE_BY_SIDE, STACKED, Typography, column_blocks, section_blocks
from .footer import draw_footer
from .logo import Logo, load_logo
from .offer_view import OfferView
from .paginate import Column, Part, Rect, count_pages, render_parts
from .print_texts import PrintTexts
from .qr import draw_qr, qr_payload
from .strips import draw_strips
from .styles import PRIMARY, RULE, Text

Layout = Literal["side_by_side", "stacked"]
MAX_LANGUAGES = 4
#: Tried in order: a short text grows to fill the page, a long one shrinks a little.
SCALES = (1.3, 1.2, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)
#: Shrinking stops here (points): smaller running text and field labels are no longer
#: read on a notice board at arm's length, least of all in a script learnt late, and
#: the Arabic script looks smaller than Latin at the same size.  Layouts whose own sizes
#: are already this small (four languages on A5) print at their own size.
MIN_BODY_SIZE = 7.0
MIN_LABEL_SIZE = 6.0


@dataclass(frozen=True)
class FlyerOptions:
    languages: tuple[str, ...]
    paper: str = "A4"
    layout: Layout = "side_by_side"
    tear_off_strips: bool = False
    #: "Leichte Sprache": large type and short sentences, one fact per line (`flyer_plain`).
    plain_language: bool = False


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
    return _Geometry(
        width,
        height,
        margin=17 * mm * factor,
        gutter=9 * mm * factor,
        footer=max(20 * mm * factor, qr + 11 * mm * factor),
        strips=52 * mm * factor if strips else 0.0,
        qr=qr,
    )


def build_flyer(content: FlyerContent, options: FlyerOptions) -> PrintResult:
    """The flyer as PDF bytes, with warnings (fallback texts, logo, fonts)."""
    languages = list(options.languages)
    if not 1 <= len(languages) <= MAX_LANGUAGES:
        raise ValueError(f"a flyer has 1 to {MAX_LANGUAGES} languages, not {len(languages)}")
    logo, logo_broken = load_logo(content.municipality.logo)
    payload, is_web = qr_payload(content.web_url, content.phone)
    geometry = _geometry(options.paper, options.tear_off_strips, bool(payload))
    sheets = _Sheets(content, options, geometry)
    groups, scale, known_pages = sheets.plan()

    def decorate(canvas: Canvas, page: int, pages: int, part: int) -> None:
        group = groups[part]
        _decorate(canvas, geometry, content, group, options, logo, payload, is_web, page, pages)
        if sheets.side_by_side(group):
            _column_rules(canvas, sheets.frames(group))

    def part(group: list[OfferView]) -> Part:
        return Part(lambda: sheets.columns(group, scale), lambda _page: sheets.frames(group))

    parts = [part(group) for group in groups]
    pdf, pages = render_parts(
        sheets.pagesize,
        parts,
        decorate,
        title=content.views[0].title,
        pages=known_pages,
        info=offers_info(content.municipality.name, languages[0]),
    )
    warnings = _warnings(content, logo_broken)
    if options.tear_off_strips and not content.phone:
        warnings.append(
            PrintWarning(
                "strips_without_phone",
                _(
                    "The tear-off strips have no phone number: neither the contact persons nor the officer in the "
                    "settings have one. Add a number there, or print without strips."
                ),
            )
        )
    if pages > 1 and options.plain_language:
        overflowing = known_pages is None
        warnings.append(
            PrintWarning("pages", _plain_pages_message(pages, options.paper, overflowing))
        )
    elif pages > 1:
        warnings.append(
            PrintWarning(
                "pages",
                ngettext(
                    "The flyer needs {n} page: for one page choose fewer languages, leave out the tear-off strips "
                    "or shorten the description.",
                    "The flyer needs {n} pages: for one page choose fewer languages, leave out the tear-off strips "
                    "or shorten the description.",
                    pages,
                ).format(n=pages),
            )
        )
    return PrintResult(pdf, pages, warnings)


def _plain_pages_message(pages: int, paper: str, overflowing: bool) -> str:
    """Why the plain flyer takes more pages than the normal one would: its large type,
    either over too many languages or, on small paper, already within one language."""
    if overflowing and paper != "A4":
        return ngettext(
            "The plain-language flyer needs {n} page: at its large type one language does not fit on "
            "one {paper} page. For one page per language choose A4, or shorten the description.",
            "The plain-language flyer needs {n} pages: at its large type one language does not fit on "
            "one {paper} page. For one page per language choose A4, or shorten the description.",
            pages,
        ).format(n=pages, paper=paper)
    if overflowing:
        return ngettext(
            "The plain-language flyer needs {n} page: at its large type one language does not fit on "
            "one page. Shorten the description.",
            "The plain-language flyer needs {n} pages: at its large type one language does not fit on "
            "one page. Shorten the description.",
            pages,
        ).format(n=pages)
    return ngettext(
        "The plain-language flyer needs {n} page: its large type fits at most two languages on a "
        "page. For fewer pages choose fewer languages, leave out the tear-off strips or shorten the "
        "description.",
        "The plain-language flyer needs {n} pages: its large type fits at most two languages on a "
        "page. For fewer pages choose fewer languages, leave out the tear-off strips or shorten the "
        "description.",
        pages,
    ).format(n=pages)


class _Sheets:
    """Lays out groups of languages, each group starting a page of its own."""

    def __init__(self, content: FlyerContent, options: FlyerOptions, geometry: _Geometry) -> None:
        self.content, self.options, self.geometry = content, options, geometry
        self.pagesize = (geometry.width, geometry.height)
        self.factor = geometry.width / page_size("A4")[0]

    def side_by_side(self, group: list[OfferView]) -> bool:
        # One language alone has the whole width: its fields read better in a grid, as stacked.
        return self.options.layout == "side_by_side" and len(group) > 1

    def _base(self, group: list[OfferView]) -> Typography:
        if self.options.plain_language:
            plain = flyer_plain.SIDE_BY_SIDE if self.side_by_side(group) else flyer_plain.STACKED
            return plain[len(group)].scaled(max(self.factor, 0.8))
        sizes = SIDE_BY_SIDE if self.side_by_side(group) else STACKED
        return sizes[len(group)].scaled(max(self.factor, 0.8))

    def columns(self, group: list[OfferView], scale: float) -> list[Column]:
        sizes = self._base(group).scaled(scale)
        category = self.content.category
        if self.options.plain_language:
            return self._plain_columns(group, sizes)
        if self.side_by_side(group):
            return [Column.of(column_blocks(view, category, sizes)) for view in group]
        grid = 4 if len(group) > 2 else 3
        return [
            Column.of(
                [
                    block
                    for index, view in enumerate(group)
                    for block in section_blocks(view, category, sizes, grid, index == 0)
                ]
            )
        ]

    def _plain_columns(self, group: list[OfferView], sizes: Typography) -> list[Column]:
        category, phone = self.content.category, self.content.phone
        if self.side_by_side(group):
            return [
                Column.of(flyer_plain.plain_column_blocks(view, category, sizes, phone))
                for view in group
            ]
        return [
            Column.of(
                [
                    block
                    for index, view in enumerate(group)
                    for block in flyer_plain.plain_section_blocks(
                        view, category, sizes, phone, index == 0
                    )
                ]
            )
        ]

    def frames(self, group: list[OfferView]) -> list[Rect]:
        return _frames(self.geometry, len(group) if self.side_by_side(group) else 1)

    def _scales(self, groups: list[list[OfferView]]) -> list[float]:
        """The scales from `SCALES` at which every group stays readable."""

        plain = self.options.plain_language
        min_body = flyer_plain.MIN_BODY_SIZE if plain else MIN_BODY_SIZE
        min_label = flyer_plain.MIN_LABEL_SIZE if plain else MIN_LABEL_SIZE

        def readable(scale: float) -> bool:
            return scale >= 1.0 or all(
                sizes.body >= min_body and sizes.label >= min_label
                for sizes in (self._base(group).scaled(scale) for group in groups)
            )

        return [scale for scale in SCALES if readable(scale)]

    def _fits(self, group: list[OfferView], scale: float) -> bool:
        """Whether the group fits one page at `scale`, from measured heights (nothing
        is drawn; see `paginate.fill`)."""
        return count_pages(self.columns(group, scale), lambda _page: self.frames(group)) == 1

    def plan(self) -> tuple[list[list[OfferView]], float, int | None]:
        """The fewest pages with whole languages on each, at the largest readable scale
        at which every page's languages fit that page; all languages flowing over pages
        at their normal size when not even one language fits a page.  The third value
        is the page count where the planning measured it (one page per group)."""
        views = self.content.views
        plain = self.options.plain_language
        for count in range(_fewest_pages(len(views), plain), len(views) + 1):
            groups = _share(views, count)
            scales = self._scales(groups)
            if all(self._fits(group, scales[-1]) for group in groups):
                return groups, _largest(scales, partial(self._all_fit, groups)), len(groups)
        if plain:
            # Large type in four narrow columns breaks every other word: each language
            # flows over pages of its own instead.
            return [[view] for view in views], 1.0, None
        return [list(views)], 1.0, None

    def _all_fit(self, groups: list[list[OfferView]], scale: float) -> bool:
        return all(self._fits(group, scale) for group in groups)


#: The plain-language flyer puts at most this many languages on a page: its large type
#: in three or four columns leaves a few words per line.
PLAIN_LANGUAGES_PER_PAGE = 2


def _fewest_pages(languages: int, plain: bool) -> int:
    return -(-languages // PLAIN_LANGUAGES_PER_PAGE) if plain else 1


def _largest(scales: list[float], fits: Callable[[float], bool]) -> float:
    """The largest of the descending `scales` that fits, by bisection (a layout costs
    tens of milliseconds); the last one is known to fit.  Whatever comes back fits."""
    low, high = 0, len(scales) - 1
    while low < high:
        middle = (low + high) // 2
        if fits(scales[middle]):
            high = middle
        else:
            low = middle + 1
    return scales[low]


def _share(views: list[OfferView], count: int) -> list[list[OfferView]]:
    """`views` in `count` groups of consecutive languages, the earlier ones one larger."""
    size, extra = divmod(len(views), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(list(views[start:end]))
        start = end
    return groups


def _frames(geometry: _Geometry, count: int) -> list[Rect]:
    bar = 4 * mm
    top = geometry.height - geometry.margin - bar - geometry.gutter * 0.8
    bottom = geometry.margin * 0.5 + geometry.footer + geometry.gutter * 0.6 + geometry.strips
    width = (geometry.width - 2 * geometry.margin - geometry.gutter * (count - 1)) / count
    return [
        (geometry.margin + index * (width + geometry.gutter), bottom, width, top - bottom)
        for index in range(count)
    ]


def _column_rules(canvas: Canvas, frames: list[Rect]) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    for (x, y, width, height), (next_x, *_rest) in pairwise(frames):
        middle = (x + width + next_x) / 2
        canvas.line(middle, y, middle, y + height)
    canvas.restoreState()


def _decorate(
    canvas: Canvas,
    geometry: _Geometry,
    content: FlyerContent,
    group: list[OfferView],
    options: FlyerOptions,
    logo: Logo | None,
    payload: str,
    is_web: bool,
    page: int,
    pages: int,
) -> None:
    """Bar, footer, QR code and strips of one page; the QR caption and the strips speak
    the languages printed on that page."""
    margin, width = geometry.margin, geometry.width - 2 * geometry.margin
    canvas.saveState()
    canvas.setFillColor(PRIMARY)
    canvas.rect(margin, geometry.height - margin - 4 * mm, width, 4 * mm, stroke=0, fill=1)
    canvas.restoreState()
    bottom = geometry.margin * 0.5 + geometry.strips
    reserve = geometry.qr * 2.5 if payload else 0.0
    draw_footer(
        canvas,
        (margin, bottom, width, geometry.footer),
        content.municipality,
        logo,
        page,
        pages,
        size=9 * geometry.width / page_size("A4")[0] + 0.5,
        right_reserve=reserve,
    )
    if payload:
        _draw_qr(
            canvas,
            payload,
            is_web,
            content.phone,
            group[0].language,
            margin + width,
            bottom,
            geometry,
        )
    if options.tear_off_strips:
        titles = [(view.title, view.text_language) for view in group[:2]]
        strip_rect = (margin, geometry.margin * 0.3, width, geometry.strips - geometry.margin * 0.2)
        draw_strips(canvas, strip_rect, titles, content.phone)


def _draw_qr(
    canvas: Canvas,
    payload: str,
    is_web: bool,
    phone: str,
    language: str,
    right: float,
    bottom: float,
    geometry: _Geometry,
) -> None:
    """The code at the right, and beside it what it does (and the number, for a phone code)."""
    size = geometry.qr
    top = bottom + geometry.footer - 3 * mm
    draw_qr(canvas, payload, right - size, top - size, size)
    factor = geometry.width / page_size("A4")[0]
    lines = [
        Text(
            PrintTexts(language)(t.SCAN_WEB if is_web else t.SCAN_PHONE),
            language,
            8.5 * factor + 1,
            bold=True,
            color=PRIMARY,
            centered=True,
        )
    ]
    if not is_web and phone:
        lines.append(Text(phone, "de", 11 * factor + 1, bold=True, centered=True))
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
    texts = [view.all_text() for view in content.views] + [
        content.municipality.name,
        content.municipality.officer_name,
    ]
    return warnings + font_warning(texts)
