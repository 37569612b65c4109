"""The report for funders as a PDF: facts, tables, ReportLab bar charts and the officer's texts.

A4 portrait, one column, the sender footer of every print. Tables are rows of
`BidiParagraph` cells, so German, Ukrainian and Arabic headings are shaped and set in
their direction like every other print (a right-to-left report mirrors its columns);
each row is a block of its own, so a long table runs onto the next page with its
header repeated. The fonts are the bundled Noto fonts, embedded as subsets. ReportLab's
open-source edition writes no PDF/A, so the file is plain PDF 1.4 with embedded fonts,
which archives well.

The charts use ReportLab's own graphics (no further dependency); their labels are set
in Noto Sans, which has Latin and Cyrillic. A right-to-left report keeps its charts'
labels as they come (month abbreviations, numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.languages import is_rtl
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.report_document import (
    BarChart,
    Cell,
    ColumnKind,
    ReportDocument,
    Table,
    TextSection,
)
from gwa_desktop.i18n.formatting import format_number

from .document import PrintResult, font_warning, logo_warning
from .fonts import LATIN, register_fonts
from .footer import draw_footer
from .logo import load_logo
from .paginate import Block, Column, DocumentInfo, Rect, render
from .styles import MUTED, PRIMARY, RULE, TINT, Text

MARGIN = 18 * mm
FOOTER = 22 * mm
BODY_SIZE = 9.5
CHART_HEIGHT = 62 * mm
LEGEND_WIDTH = 46 * mm
#: Series colours of the charts: the print's blue, its accent and calm neighbours.
PALETTE = tuple(
    HexColor(code)
    for code in ("#1F4E79", "#E08A00", "#4F8A3B", "#8E44AD", "#C0392B", "#5A6470", "#2E86C1")
)
DASH = "–"


def number_text(value: Cell, kind: ColumnKind, language: str) -> str:
    """A cell as printed: numbers in the language's digits, None as a dash."""
    if value is None:
        return DASH
    if isinstance(value, str):
        return value
    if kind == "integer":
        return format_number(round(value), language)
    rounded = round(float(value), 1)
    text = format_number(rounded, language)
    if kind == "percent":
        return f"{text} %"
    if kind == "signed" and rounded > 0:
        return f"+{text}"
    return text


class TableRow(Flowable):
    """One row of a table: cells side by side, the row as high as its tallest cell."""

    PADDING = 3.0

    def __init__(
        self,
        cells: Sequence[str],
        kinds: Sequence[ColumnKind],
        widths: Sequence[float],
        language: str,
        *,
        bold: bool = False,
        header: bool = False,
    ) -> None:
        super().__init__()
        self.cells, self.kinds, self.fractions = list(cells), list(kinds), list(widths)
        self.language, self.bold, self.header = language, bold, header
        self.rtl = is_rtl(language)
        self._paragraphs: list[tuple[float, float, Text]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        total = sum(self.fractions)
        self.width = availWidth
        self._paragraphs = []
        x = 0.0
        tallest = 0.0
        for text, kind, fraction in zip(self.cells, self.kinds, self.fractions):
            width = availWidth * fraction / total
            paragraph = Text(
                text,
                self.language,
                BODY_SIZE * (0.92 if self.header else 1.0),
                bold=self.bold or self.header,
                color=white if self.header else PRIMARY if self.bold else Color(0, 0, 0),
                leading=BODY_SIZE * 1.35,
            )
            if kind != "text":
                # Figures line up at the right edge, in a right-to-left report at the left;
                # "start" and "end" are relative to each paragraph's own direction.
                ltr = paragraph.direction == "ltr"
                at_right = not self.rtl
                paragraph.alignment = "end" if ltr == at_right else "start"
            inner = width - 2 * self.PADDING
            _, height = paragraph.wrap(inner, 1e6)
            tallest = max(tallest, height)
            left = availWidth - x - width if self.rtl else x
            self._paragraphs.append((left + self.PADDING, inner, paragraph))
            x += width
        self.height = tallest + 2 * self.PADDING
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if self.header:
            canvas.setFillColor(PRIMARY)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        elif self.bold:
            canvas.setFillColor(TINT)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(0, 0, self.width, 0)
        for left, _inner, paragraph in self._paragraphs:
            paragraph.drawOn(
                canvas, left, self.PADDING + self.height - 2 * self.PADDING - paragraph.height
            )


def heading(text: str, language: str, size: float = 13.0) -> Text:
    return Text(text, language, size, bold=True, color=PRIMARY, space_before=size, space_after=4)


def table_blocks(table: Table, language: str) -> list[Block]:
    widths = table.widths or [2.0] + [1.0] * (len(table.header) - 1)

    def header_row() -> TableRow:
        return TableRow(table.header, table.kinds, widths, language, header=True)

    title = heading(table.title, language, 11.5)
    if not table.rows:
        return [Block([title, Text(table.note or DASH, language, BODY_SIZE, color=MUTED)])]
    blocks = []
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        cells = [number_text(value, kind, language) for value, kind in zip(row, table.kinds)]
        item = TableRow(
            cells, table.kinds, widths, language, bold=table.total_row and index == last
        )
        if index == 0:
            blocks.append(Block([title, header_row(), item]))
        else:
            blocks.append(Block([item], continued=header_row))
    if table.note:
        blocks.append(
            Block([Text(table.note, language, BODY_SIZE * 0.85, color=MUTED, space_before=3)])
        )
    return blocks


def chart_drawing(chart: BarChart, width: float) -> tuple[Drawing, Any]:
    """A ReportLab bar chart (stacked when it has several series) and its bar chart object.

    The category labels and the legend are left to `ChartFlowable`: ReportLab's own
    strings are neither shaped nor set right to left, so Arabic month names came out
    as empty boxes; the print's text engine draws them instead.
    """
    register_fonts()
    font = LATIN.regular
    drawing = Drawing(width, CHART_HEIGHT)
    # The renderer's initial state takes the drawing's font; its default is Helvetica,
    # which would stand in the page unembedded.
    drawing.initialFontName = font
    legend_width = LEGEND_WIDTH if len(chart.series) > 1 else 0.0
    bars = HorizontalBarChart() if chart.horizontal else VerticalBarChart()
    label_room = 42 * mm if chart.horizontal else 0.0
    bars.x, bars.y = 8 * mm + label_room, 10 * mm
    bars.width = width - bars.x - legend_width - 4 * mm
    bars.height = CHART_HEIGHT - 16 * mm
    bars.data = [values for _name, values in chart.series] or [[0.0]]
    bars.categoryAxis.categoryNames = [""] * max(1, len(chart.categories))
    bars.categoryAxis.style = "stacked"
    for axis in (bars.categoryAxis, bars.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
        axis.strokeColor = RULE
    bars.valueAxis.valueMin = 0
    highest = max((sum(column) for column in zip(*bars.data)), default=0.0)
    bars.valueAxis.valueStep = nice_step(highest)
    bars.valueAxis.labelTextFormat = "%d" if bars.valueAxis.valueStep >= 1 else "%.1f"
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = RULE
    bars.valueAxis.gridStrokeWidth = 0.3
    for index in range(len(bars.data)):
        bars.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    return drawing, bars


def nice_step(highest: float, ticks: int = 5) -> float:
    """A whole, round step (1, 2, 5, 10, 20, ...) giving about `ticks` grid lines: counts
    have no halves, so an axis of 0.5 steps would show figures that cannot occur."""
    step = 1.0
    while highest / step > ticks:
        for factor in (2, 2.5, 2):
            step *= factor
            if highest / step <= ticks:
                break
    return step


class ChartFlowable(Flowable):
    """A chart that takes the column's width, its labels and legend in the print's text."""

    LABEL_SIZE = 6.5

    def __init__(self, chart: BarChart, language: str) -> None:
        super().__init__()
        self.chart, self.language = chart, language
        self._drawing: Drawing | None = None
        self._bars: Any = None
        self.spaceBefore = 4.0
        self.spaceAfter = 4.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._drawing is None or self._drawing.width != availWidth:
            self._drawing, self._bars = chart_drawing(self.chart, availWidth)
        self.width, self.height = availWidth, CHART_HEIGHT
        return self.width, self.height

    def _label(self, text: str, x: float, y: float, width: float, side: str) -> None:
        """Draw `text` in a box `width` wide at `x`, against its "left", "right" or "center"."""
        label = Text(text, self.language, self.LABEL_SIZE, color=MUTED)
        if side == "center":
            label.alignment = "center"
        else:
            ltr = label.direction == "ltr"
            label.alignment = "end" if ltr == (side == "right") else "start"
        _w, height = label.wrap(width, 1e6)
        label.drawOn(self.canv, x, y - height / 2)

    def _widest(self) -> float:
        widths = [0.0]
        for category in self.chart.categories:
            label = Text(category, self.language, self.LABEL_SIZE)
            label.wrap(1e6, 1e6)
            widths += [line.width for line in label.lines]
        return max(widths)

    def draw(self) -> None:
        assert self._drawing is not None, "wrapped before drawn"
        self._drawing.drawOn(self.canv, 0, 0)
        bars, categories = self._bars, self.chart.categories
        count = max(1, len(categories))
        if self.chart.horizontal:
            slot = bars.height / count
            for index, category in enumerate(categories):
                y = bars.y + (index + 0.5) * slot
                self._label(category, 2 * mm, y, bars.x - 4 * mm, "right")
        else:
            slot = bars.width / count
            every = max(1, int(-(-(self._widest() + 4) // slot)))
            for index, category in enumerate(categories):
                if index % every == 0:
                    x = bars.x + index * slot - slot / 2
                    self._label(category, x, bars.y - 5, slot * 2, "center")
        if len(self.chart.series) > 1:
            left = self.width - LEGEND_WIDTH + 2 * mm
            top = CHART_HEIGHT - 8 * mm
            for index, (name, _values) in enumerate(self.chart.series):
                y = top - index * 11
                self.canv.setFillColor(PALETTE[index % len(PALETTE)])
                self.canv.rect(left, y - 3, 7, 7, stroke=0, fill=1)
                self._label(name, left + 10, y, LEGEND_WIDTH - 14, "left")


def document_blocks(document: ReportDocument) -> list[Block]:
    language = document.language
    blocks = [Block([Text(document.title, language, 20, bold=True, color=PRIMARY, space_after=8)])]
    for label, value in document.facts:
        blocks.append(Block([TableRow([label, value], ["text", "text"], [1, 2.4], language)]))
    if document.notice:
        blocks.append(
            Block([Text(document.notice, language, 12, bold=True, color=PRIMARY, space_before=14)])
        )
    if document.hidden_note:
        note = Text(document.hidden_note, language, BODY_SIZE * 0.85, color=MUTED, space_before=6)
        blocks.append(Block([note]))
    for section in document.sections:
        if isinstance(section, Table):
            blocks += table_blocks(section, language)
        elif isinstance(section, BarChart):
            if any(value for _name, values in section.series for value in values):
                blocks.append(
                    Block(
                        [heading(section.title, language, 11.5), ChartFlowable(section, language)]
                    )
                )
        elif isinstance(section, TextSection):
            paragraphs = [
                Text(part, language, BODY_SIZE * 1.05, space_after=4)
                for part in (section.text.split("\n\n") if section.text.strip() else [DASH])
            ]
            blocks.append(Block([heading(section.title, language), paragraphs[0]]))
            blocks += [Block([p], splittable=True) for p in paragraphs[1:]]
    return blocks


def build_report(document: ReportDocument, municipality: MunicipalityData) -> PrintResult:
    """The report PDF; an empty period still gives a report that says so."""
    width, height = A4
    logo, logo_broken = load_logo(municipality.logo)
    body: Rect = (MARGIN, MARGIN + FOOTER, width - 2 * MARGIN, height - 2 * MARGIN - FOOTER)

    def frames(_page: int) -> list[Rect]:
        return [body]

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        draw_footer(
            canvas,
            (MARGIN, MARGIN, width - 2 * MARGIN, FOOTER - 4 * mm),
            municipality,
            logo,
            page,
            pages,
        )

    pdf, pages = render(
        (width, height),
        lambda: [Column.of(document_blocks(document))],
        frames,
        decorate,
        title=document.title,
        info=DocumentInfo(
            author=municipality.name, subject=document.title, language=document.language
        ),
    )
    texts = [document.title, *(v for _l, v in document.facts)]
    texts += [s.text for s in document.sections if isinstance(s, TextSection)]
    warnings = [logo_warning()] if logo_broken else []
    return PrintResult(pdf, pages, warnings + font_warning(texts))
