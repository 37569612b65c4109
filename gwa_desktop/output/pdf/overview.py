"""The notice-board overview: active offers grouped by category or weekday.

Newspaper-style columns (their number follows the paper), one coloured band per
group, and per offer its title in one or two languages, when, where, cost and whom to
call, in type large enough to read from a metre away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from itertools import groupby
from typing import Literal

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.schedule_text import weekday_name

from . import print_texts as t
from .board import Band, BoardEntry, BoardPage, draw_board_page, require_entries
from .document import (
    PrintResult,
    PrintWarning,
    catalog_warnings,
    font_warning,
    logo_warning,
    offers_info,
    translation_warning,
)
from .logo import load_logo
from .paginate import Block, Column, Rect, count_pages, render
from .print_texts import PrintTexts
from .styles import MUTED, PRIMARY, RULE, WARNING, FittedText, Rule, Text, unbreakable

Grouping = Literal["category", "weekday"]
MAX_LANGUAGES = 2
#: Body type on A4, in points; BoardPage.factor scales it to the paper.
BASE_SIZE = 11.5
#: Type sizes tried relative to BASE_SIZE, largest first.
SCALES = (1.6, 1.45, 1.3, 1.15, 1.0, 0.92, 0.85)


@dataclass(frozen=True)
class OverviewOptions:
    languages: tuple[str, ...] = ("de",)
    paper: str = "A4"
    landscape: bool = False
    group_by: Grouping = "category"


@dataclass(frozen=True)
class BoardContent:
    """What a board print shows: the selected offers, the sender, and today's date."""

    entries: list[BoardEntry]
    municipality: MunicipalityData
    today: date


def column_count(paper: str, landscape: bool) -> int:
    return {("A4", False): 2, ("A4", True): 3, ("A3", False): 3, ("A3", True): 4}.get(
        (paper, landscape), 2
    )


def _group_key(entry: BoardEntry, group_by: Grouping) -> int:
    offer = entry.offer
    return (
        offer.schedule.weekday
        if group_by == "weekday"
        else list(type(offer.category)).index(offer.category)
    )


def _sort_key(entry: BoardEntry, group_by: Grouping) -> tuple[int, time | bytes]:
    start = entry.offer.start_time or time(0)
    return (
        _group_key(entry, group_by),
        start if group_by == "weekday" else sort_key(entry.views[0].title),
    )


def _heading(
    entry: BoardEntry, group_by: Grouping, languages: list[str], continued: bool = False
) -> list[tuple[str, str]]:
    if group_by == "weekday":
        names = [weekday_name(entry.offer.schedule.weekday, code) for code in languages]
    else:
        names = [PrintTexts(code).category(entry.offer.category) for code in languages]
    if continued:
        names = [
            PrintTexts(code)(t.CONTINUED).format(heading=name)
            for name, code in zip(names, languages)
        ]
    return list(zip(dict.fromkeys(names), languages))


def entry_items(entry: BoardEntry, size: float) -> list[Flowable]:
    """Title (both languages), when (both languages), then place, cost and phone on one line."""
    first = entry.views[0]
    leading = size * 1.32
    items = [
        FittedText(
            first.title,
            first.language,
            size * 1.3,
            bold=True,
            color=PRIMARY,
            leading=size * 1.6,
            space_before=size * 0.2,
        )
    ]
    for view in entry.views[1:]:
        if not view.is_fallback:  # the German title is already there
            items.append(
                FittedText(
                    view.title,
                    view.language,
                    size * 1.12,
                    bold=True,
                    color=PRIMARY,
                    leading=size * 1.45,
                )
            )
    for view in entry.views:
        items.append(Text(view.when, view.language, size, leading=leading))
        if view.cancelled:
            items.append(
                Text(view.cancelled, view.language, size, bold=True, color=WARNING, leading=leading)
            )
    phone = unbreakable(next((c.phone for c in first.contacts if c.phone), ""))
    facts = " · ".join(
        part for part in (first.where.split("\n")[0], first.cost.split("\n")[0], phone) if part
    )
    if facts:
        items.append(Text(facts, first.language, size * 0.9, color=MUTED, leading=leading))
    items.append(Rule(RULE, thickness=0.5, space=size * 0.4))
    return items


def build_overview(content: BoardContent, options: OverviewOptions) -> PrintResult:
    """The overview PDF; raises EmptySelectionError when there is nothing to show."""
    require_entries(content.entries)
    languages = list(options.languages)[:MAX_LANGUAGES]
    page = BoardPage.of(options.paper, options.landscape)
    logo, logo_broken = load_logo(content.municipality.logo)
    count = column_count(options.paper, options.landscape)
    frames_on_page = page.columns(count, gutter=8 * mm, right_to_left=is_rtl(languages[0]))
    entries = sorted(content.entries, key=lambda e: _sort_key(e, options.group_by))

    def make_columns(size: float) -> list[Column]:
        blocks = []
        for _, grouped in groupby(entries, key=lambda e: _group_key(e, options.group_by)):
            group = list(grouped)
            band = Band(
                _heading(group[0], options.group_by, languages),
                size * 1.15,
                space_before=size * 0.5,
            )
            blocks.append(Block([band, *entry_items(group[0], size)]))

            def continued(entry: BoardEntry = group[0]) -> Band:
                return Band(
                    _heading(entry, options.group_by, languages, continued=True), size * 1.15
                )

            blocks.extend(
                Block(entry_items(entry, size), continued=continued) for entry in group[1:]
            )
        column = Column.of(blocks)
        return [column] * count  # one queue flowing through all columns, newspaper-style

    def frames(_page: int) -> list[Rect]:
        return frames_on_page

    measured: dict[float, int] = {}

    def pages_at(size: float) -> int:
        if size not in measured:
            measured[size] = count_pages(make_columns(size), frames)
        return measured[size]

    size = _fitting_size(BASE_SIZE * page.factor, pages_at)

    def decorate(canvas: Canvas, number: int, pages: int) -> None:
        draw_board_page(
            canvas,
            page,
            t.OVERVIEW_TITLE,
            languages,
            content.municipality,
            logo,
            content.today,
            number,
            pages,
        )

    title = PrintTexts(languages[0])(t.OVERVIEW_TITLE).format(
        municipality=content.municipality.name
    )
    pdf, pages = render(
        (page.width, page.height),
        lambda: make_columns(size),
        frames,
        decorate,
        title=title,
        pages=pages_at(size),
        info=offers_info(content.municipality.name, languages[0]),
    )
    return PrintResult(pdf, pages, board_warnings(content, languages, logo_broken))


def _fitting_size(base: float, pages_at: Callable[[float], int]) -> float:
    """The largest type size (from SCALES) that needs no more pages than the smallest.

    A few offers on A3 then fill the sheet in large type instead of leaving two thirds
    of it empty, and a board that would spill a handful of entries onto a nearly empty
    last page gets slightly smaller type instead.  Pages only grow with the size, so a
    binary search needs about four layouts.
    """
    fewest = pages_at(base * SCALES[-1])
    low, high = 0, len(SCALES) - 1  # SCALES[high] is known to reach `fewest`
    while low < high:
        middle = (low + high) // 2
        if pages_at(base * SCALES[middle]) <= fewest:
            high = middle
        else:
            low = middle + 1
    return base * SCALES[high]


def board_warnings(
    content: BoardContent, languages: list[str], logo_broken: bool
) -> list[PrintWarning]:
    """Logo, missing translations (one warning per offer), uncatalogued languages, fonts."""
    warnings = [logo_warning()] if logo_broken else []
    for entry in content.entries:
        missing = [view.language for view in entry.views if view.is_fallback]
        if missing:
            warnings.append(translation_warning(entry.views[0].title, missing))
    warnings += catalog_warnings(languages)
    return warnings + font_warning(
        [view.all_text() for entry in content.entries for view in entry.views]
    )
