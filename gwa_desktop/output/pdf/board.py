"""Shared parts of notice-board prints (overview and weekly plan): page head and bands.

A notice board is read standing, from about a metre away, so these prints use large
type and strong headings; the page head names the municipality and the date, so an
outdated sheet is easy to spot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.domain.schedule_text import printed_date

from . import print_texts as t
from .document import EmptySelectionError, page_size
from .footer import draw_footer
from .logo import Logo
from .offer_view import OfferView
from .paginate import Rect
from .print_texts import PrintTexts
from .styles import MUTED, PRIMARY, Text

GAP = 6.0


@dataclass(frozen=True)
class BoardEntry:
    """One offer on a board: its data and its texts in each chosen language."""

    offer: OfferData
    views: list[OfferView]


@dataclass(frozen=True)
class BoardPage:
    """Paper and the derived measures every board layout uses."""

    width: float
    height: float
    factor: float  # type size relative to A4
    margin: float
    head: float
    footer: float

    @classmethod
    def of(cls, paper: str, landscape: bool) -> BoardPage:
        width, height = page_size(paper, landscape)
        factor = 2**0.5 if paper == "A3" else 1.0  # A3 is A4 enlarged by the square root of 2
        return cls(
            width,
            height,
            factor,
            margin=14 * mm * factor,
            head=30 * mm * factor,
            footer=16 * mm * factor,
        )

    def body(self) -> tuple[float, float]:
        """Bottom and top of the area below the head and above the footer."""
        return self.margin + self.footer + 4 * mm, self.height - self.margin - self.head

    def columns(self, count: int, gutter: float, right_to_left: bool = False) -> list[Rect]:
        """Column frames in reading order: from the right when the board is read right to left."""
        bottom, top = self.body()
        width = (self.width - 2 * self.margin - gutter * (count - 1)) / count
        frames = [
            (self.margin + i * (width + gutter), bottom, width, top - bottom) for i in range(count)
        ]
        return frames[::-1] if right_to_left else frames


def require_entries(entries: list[BoardEntry]) -> None:
    if not entries:
        raise EmptySelectionError("no offers to print")


class Band(Flowable):
    """A coloured heading bar; a second language's text sits at the other end or below."""

    def __init__(
        self,
        texts: list[tuple[str, str]],
        size: float,
        color: Color = PRIMARY,
        space_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.paragraphs = [
            Text(text, language, size, bold=True, color=white) for text, language in texts if text
        ]
        self.languages = [language for text, language in texts if text]
        self.color, self.size = color, size
        self.padding = size * 0.35
        self.spaceBefore, self.spaceAfter = space_before, size * 0.4
        self._one_row = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        inner = availWidth - 2 * self.padding
        natural = []
        for paragraph in self.paragraphs:
            paragraph.wrap(inner, 1e6)
            natural.append(max((line.width for line in paragraph.lines), default=0.0))
        self._one_row = sum(natural) + 4 * self.padding <= inner
        heights = [p.wrap(inner, 1e6)[1] for p in self.paragraphs]
        self.height = (
            max(heights, default=0) if self._one_row else sum(heights)
        ) + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.roundRect(0, 0, self.width, self.height, self.size * 0.25, stroke=0, fill=1)
        inner = self.width - 2 * self.padding
        top = self.height - self.padding
        for index, (paragraph, language) in enumerate(zip(self.paragraphs, self.languages)):
            if index and not self._one_row:
                top -= self.paragraphs[index - 1].height
            # In one row the first text keeps its own start edge, the second goes to the other end.
            if self._one_row and index and is_rtl(language) == is_rtl(self.languages[0]):
                paragraph.alignment = "end"
            paragraph.wrap(inner, 1e6)
            paragraph.drawOn(self.canv, self.padding, top - paragraph.height)


def draw_head(
    canvas: Canvas,
    page: BoardPage,
    title_message: str,
    languages: list[str],
    municipality: MunicipalityData,
    today: date,
) -> None:
    """Title in the first language (and the second at the other side), date below."""
    left, width = page.margin, page.width - 2 * page.margin
    top = page.height - page.margin
    canvas.saveState()
    canvas.setFillColor(PRIMARY)
    canvas.rect(left, top - 3 * mm, width, 3 * mm, stroke=0, fill=1)
    canvas.restoreState()
    size = 24 * page.factor
    stamp_size = 10 * page.factor
    room = page.head - 6 * mm - GAP - stamp_size * 1.6  # between the top rule and the date line
    for index, language in enumerate(languages[:2]):
        texts = PrintTexts(language)
        name = municipality.name.strip()
        message = (
            t.OVERVIEW_TITLE_PLAIN
            if "{municipality}" in title_message and not name
            else title_message
        )
        title = texts(message).format(municipality=name)
        half = width * (0.62 if index == 0 else 0.38) if len(languages) > 1 else width
        heading, height = _fitted_heading(
            title, language, size if index == 0 else size * 0.8, half, room
        )
        if index and is_rtl(language) == is_rtl(languages[0]):
            heading.alignment = "end"
        x = left if (index == 0) != is_rtl(languages[0]) else left + width - half
        heading.wrap(half, 1e6)
        heading.drawOn(canvas, x, top - 6 * mm - height)
    stamp = Text(
        PrintTexts(languages[0])(t.AS_OF).format(date=printed_date(today, languages[0])),
        languages[0],
        stamp_size,
        color=MUTED,
    )
    _, height = stamp.wrap(width, 1e6)
    stamp.drawOn(canvas, left, top - page.head + GAP)


def _fitted_heading(
    title: str, language: str, size: float, width: float, room: float
) -> tuple[Text, float]:
    """The title at the largest size whose lines fit the head: a long municipality name
    must not run into the first offers."""
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5):
        heading = Text(title, language, size * scale, bold=True, color=PRIMARY)
        _, height = heading.wrap(width, 1e6)
        if height <= room:
            break
    return heading, height


def draw_board_page(
    canvas: Canvas,
    page: BoardPage,
    title_message: str,
    languages: list[str],
    municipality: MunicipalityData,
    logo: Logo | None,
    today: date,
    number: int,
    pages: int,
) -> None:
    """What every page of a board print has: the head and the sender footer."""
    draw_head(canvas, page, title_message, languages, municipality, today)
    draw_footer(
        canvas,
        (page.margin, page.margin, page.width - 2 * page.margin, page.footer),
        municipality,
        logo,
        number,
        pages,
        size=8.5 * page.factor,
    )
