"""Filling rectangles on pages with flowables, column by column.

ReportLab's document templates chain frames, so text that overflows one column would
continue in the next column, which on a bilingual flyer is the other language.  Here
each column keeps its own queue: a page fills every column from its queue, and further
pages follow while any queue has content left.  Flowables grouped in one `Block` stay on
the same page when they fit; a long block (a description) may split across pages.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

#: Geometry of one column on a page: x, y (bottom), width, height, in points.
Rect = tuple[float, float, float, float]
_FUZZ = 1e-3
#: A print longer than this is a layout bug, not a request: stop instead of looping.
MAX_PAGES = 500


@dataclass
class Block:
    """Flowables to keep together; `splittable` lets a long block run onto the next page.

    `continued` makes the heading that goes above the block when it is the first thing
    in a column but not the first of its group ("Mittwoch (Fortsetzung)"): a reader who
    starts at the top of the next column or page must still see which group it is.
    """

    items: list[Flowable]
    splittable: bool = False
    continued: Callable[[], Flowable] | None = None


@dataclass
class Column:
    """The queue of blocks still to be placed in one column."""

    blocks: deque[Block] = field(default_factory=deque)

    @classmethod
    def of(cls, blocks: Sequence[Block]) -> Column:
        return cls(deque(blocks))

    @property
    def done(self) -> bool:
        return not self.blocks


def _height(flowable: Flowable, width: float, with_space_before: bool) -> float:
    height: float = flowable.wrap(width, 1e6)[1]
    before: float = flowable.getSpaceBefore() if with_space_before else 0.0
    after: float = flowable.getSpaceAfter()
    return before + height + after


def fill(canvas: Canvas | None, rect: Rect, column: Column) -> None:
    """Draw blocks from the front of `column` into `rect` until it is full.

    Without a canvas the blocks are only measured and split exactly as they would be
    drawn: that is how a print counts its pages and tries type sizes, at the cost of
    wrapping the paragraphs and none of producing PDF operators.
    """
    x, bottom, width, height = rect
    top = bottom + height
    cursor = top
    first = column.blocks[0] if column.blocks else None
    if first is not None and first.continued is not None:
        first.items.insert(0, first.continued())
        first.continued = None

    def draw(flowable: Flowable) -> None:
        nonlocal cursor
        if cursor < top:
            cursor -= flowable.getSpaceBefore()
        _, item_height = flowable.wrap(width, cursor - bottom)
        cursor -= item_height
        if canvas is not None:
            flowable.drawOn(canvas, x, cursor)
        cursor -= flowable.getSpaceAfter()

    while column.blocks:
        block = column.blocks[0]
        needed = sum(
            _height(item, width, index > 0 or cursor < top)
            for index, item in enumerate(block.items)
        )
        if needed <= cursor - bottom + _FUZZ:
            for item in block.items:
                draw(item)
            column.blocks.popleft()
            continue
        at_top = cursor >= top
        if not (at_top or (block.splittable and cursor - bottom > height / 4)):
            return
        _draw_partially(block, draw, lambda: cursor - bottom, width, at_top)
        return


def _draw_partially(
    block: Block,
    draw: Callable[[Flowable], None],
    room: Callable[[], float],
    width: float,
    at_top: bool,
) -> None:
    """Draw the items of `block` that fit, split the first one that does not, keep the rest."""
    while block.items:
        item = block.items[0]
        space_before = item.getSpaceBefore()
        if _height(item, width, True) <= room() + _FUZZ:
            draw(block.items.pop(0))
            continue
        pieces = item.split(width, room() - space_before)
        if len(pieces) >= 2:
            draw(pieces[0])
            block.items[0:1] = pieces[1:]
        elif at_top:
            # Taller than a whole empty column and not splittable: drawing it here is
            # the only way to make progress; layouts keep such items small enough.
            draw(block.items.pop(0))
        return


@dataclass(frozen=True)
class Part:
    """Columns that begin on a fresh page and take as many pages as they need.

    A flyer too long for one page is printed as parts of a few languages each, so
    that every sheet stands alone on a notice board.  `frames(page)` counts the
    pages of this part from 1.
    """

    make_columns: Callable[[], list[Column]]
    frames: Callable[[int], list[Rect]]


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF says about itself besides its title: who issues it, its subject, and its
    main language (a BCP 47 code; the first print language). Without one a print is
    marked German, the language of the municipality that issues it."""

    author: str = ""
    subject: str = ""
    language: str = "de"


def render(
    pagesize: tuple[float, float],
    make_columns: Callable[[], list[Column]],
    frames: Callable[[int], list[Rect]],
    decorate: Callable[[Canvas, int, int], None],
    title: str = "",
    pages: int | None = None,
    info: DocumentInfo | None = None,
) -> tuple[bytes, int]:
    """Lay out the columns over as many pages as needed; returns the PDF and its page count.

    `frames(page)` gives one rectangle per column for page 1, 2, ...; `decorate(canvas,
    page, pages)` draws what every page has (footer, page number).  The footers say
    "1 / 2", so the page count must be known before the first page is drawn: pass it
    as `pages` when the caller measured it already (`count_pages` on the same
    columns), else it is measured here first.
    """
    return render_parts(
        pagesize,
        [Part(make_columns, frames)],
        lambda canvas, page, pages, _: decorate(canvas, page, pages),
        title,
        pages,
        info,
    )


def render_parts(
    pagesize: tuple[float, float],
    parts: Sequence[Part],
    decorate: Callable[[Canvas, int, int, int], None],
    title: str = "",
    pages: int | None = None,
    info: DocumentInfo | None = None,
) -> tuple[bytes, int]:
    """Like `render`, each part starting on a new page; `decorate(canvas, page, pages,
    part)` also gets the index of the part the page belongs to."""
    if pages is None:
        pages = sum(count_pages(part.make_columns(), part.frames) for part in parts)
    total = pages
    output = io.BytesIO()
    info = info or DocumentInfo()
    # /Lang in the catalog: screen readers pick their voice by it (PDF/UA, WCAG 3.1.1).
    canvas = Canvas(output, pagesize=pagesize, pageCompression=1, lang=info.language)
    canvas.setTitle(title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setCreator("GWA Desktop")
    # Viewers and screen readers announce the title, not the file name (PDF/UA 7.1).
    canvas.setViewerPreference("DisplayDocTitle", "true")
    done = 0
    for index, part in enumerate(parts):

        def decorate_page(c: Canvas, page: int, first: int = done, part_index: int = index) -> None:
            decorate(c, first + page, total, part_index)

        done += _lay_out(canvas, part.make_columns(), part.frames, decorate_page)
    if done != total:
        raise RuntimeError(f"the layout took {done} pages, {total} were measured")
    canvas.save()
    return output.getvalue(), total


def count_pages(columns: list[Column], frames: Callable[[int], list[Rect]]) -> int:
    """How many pages the columns need, measured without drawing (see `fill`)."""
    return _lay_out(None, columns, frames, lambda *_: None)


def _lay_out(
    canvas: Canvas | None,
    columns: list[Column],
    frames: Callable[[int], list[Rect]],
    decorate: Callable[[Canvas, int], None],
) -> int:
    page = 0
    while page == 0 or not all(column.done for column in columns):
        page += 1
        if page > MAX_PAGES:
            raise RuntimeError(f"layout did not finish within {MAX_PAGES} pages")
        if canvas is not None:
            decorate(canvas, page)
        for column, rect in zip(columns, frames(page)):
            fill(canvas, rect, column)
        if canvas is not None:
            canvas.showPage()
    return page
