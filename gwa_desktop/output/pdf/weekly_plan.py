"""The weekly plan: a Monday-to-Sunday grid of the selected offers, by start time.

Each weekday is a column of its own; a busy day that does not fit continues in the
same column on the next page, never in the neighbouring day.
"""

from __future__ import annotations

from datetime import time

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.schedule_text import describe_rule, printed_date, time_range, weekday_name

from . import print_texts as t
from .board import Band, BoardEntry, BoardPage, draw_board_page, require_entries
from .document import PrintResult, offers_info
from .logo import load_logo
from .overview import BoardContent, OverviewOptions, board_warnings
from .paginate import Block, Column, Rect, render
from .print_texts import PrintTexts
from .styles import MUTED, PRIMARY, RULE, TINT, WARNING, FittedText, Rule, Text

DAYS = range(7)


def _cell(entry: BoardEntry, size: float) -> list[Flowable]:
    """Time, titles, place, and the rhythm (in each language) when it is not every week."""
    offer = entry.offer
    first = entry.views[0]
    leading = size * 1.32
    items = [
        Text(
            time_range(offer.schedule, first.language),
            first.language,
            size,
            bold=True,
            color=MUTED,
            leading=leading,
        )
    ]
    for index, view in enumerate(entry.views):
        if index == 0 or not view.is_fallback:
            items.append(
                FittedText(
                    view.title,
                    view.language,
                    size * (1.1 if index == 0 else 1.0),
                    bold=True,
                    color=PRIMARY,
                    leading=size * 1.4,
                )
            )
    if offer.recurrence is Recurrence.ONCE:
        rhythm = [
            (printed_date(offer.start_date, view.language), view.language) for view in entry.views
        ]
    elif offer.recurrence is not Recurrence.WEEKLY:
        rhythm = [
            (describe_rule(offer.schedule, view.language), view.language) for view in entry.views
        ]
    else:
        rhythm = []
    # Every language of the plan: a reader of the second one needs "every second Monday" too.
    for text in dict.fromkeys(rhythm):
        items.append(Text(*text, size * 0.9, leading=leading))
    for view in entry.views:
        if view.cancelled:
            items.append(
                Text(
                    view.cancelled,
                    view.language,
                    size * 0.9,
                    bold=True,
                    color=WARNING,
                    leading=leading,
                )
            )
    place = first.where.split("\n")[0]
    if place:
        items.append(Text(place, first.language, size * 0.9, color=MUTED, leading=leading))
    items.append(Rule(RULE, thickness=0.5, space=size * 0.4))
    return items


def build_weekly_plan(content: BoardContent, options: OverviewOptions) -> PrintResult:
    """The plan as PDF; raises EmptySelectionError when no offer is selected."""
    require_entries(content.entries)
    languages = list(options.languages)[:2]
    page = BoardPage.of(options.paper, options.landscape)
    size = (10.5 if options.landscape else 9.0) * page.factor
    logo, logo_broken = load_logo(content.municipality.logo)
    days = {
        day: sorted(
            (e for e in content.entries if e.offer.schedule.weekday == day),
            key=lambda e: (e.offer.start_time or time(0), sort_key(e.views[0].title)),
        )
        for day in DAYS
    }
    frames_on_page = page.columns(7, gutter=3 * mm, right_to_left=is_rtl(languages[0]))

    def make_columns() -> list[Column]:
        columns = []
        for day in DAYS:
            names = list(dict.fromkeys(weekday_name(day, code) for code in languages))
            band = Band([(name, code) for name, code in zip(names, languages)], size * 1.1)
            blocks = [Block([band])] + [Block(_cell(entry, size)) for entry in days[day]]
            columns.append(Column.of(blocks))
        return columns

    def frames(_page: int) -> list[Rect]:
        return frames_on_page

    def decorate(canvas: Canvas, number: int, pages: int) -> None:
        draw_board_page(
            canvas,
            page,
            t.WEEKLY_PLAN_TITLE,
            languages,
            content.municipality,
            logo,
            content.today,
            number,
            pages,
        )
        canvas.saveState()
        canvas.setFillColor(TINT)
        for day, (x, y, width, height) in enumerate(frames_on_page):
            if day >= 5:  # the weekend, shaded as on a calendar
                canvas.rect(x - 1.5 * mm, y, width + 3 * mm, height, stroke=0, fill=1)
        canvas.restoreState()

    title = PrintTexts(languages[0])(t.WEEKLY_PLAN_TITLE)
    pdf, pages = render(
        (page.width, page.height),
        make_columns,
        frames,
        decorate,
        title=title,
        info=offers_info(content.municipality.name, languages[0]),
    )
    return PrintResult(pdf, pages, board_warnings(content, languages, logo_broken))
