"""A bar chart painted with QPainter: stacked vertical bars or horizontal bars, with a legend.

The program ships PySide6-Essentials, which has no QtCharts; a chart library would
add megabytes to the frozen build for three bar charts. Painting them is a page of
code and looks like the PDF's ReportLab charts (same colours, same data class).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gwa_desktop.domain.report_document import BarChart
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_number

PALETTE = ("#1F4E79", "#B36B00", "#4F8A3B", "#8E44AD", "#C0392B", "#5A6470", "#2E86C1")
GRID = QColor("#C5CDD6")


def nice_step(highest: float, ticks: int = 4) -> float:
    """A whole, round axis step (1, 2, 5, 10, ...): counts have no halves."""
    step = 1.0
    while highest / step > ticks:
        for factor in (2, 2.5, 2):
            step *= factor
            if highest / step <= ticks:
                break
    return step


class BarChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = BarChart("", [], [])
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        # Screen readers and the tooltip get the figures as text: a chart alone says
        # nothing to someone who cannot see it.
        lines = [
            f"{category}: "
            + ", ".join(f"{name} {format_number(values[i])}" for name, values in chart.series)
            for i, category in enumerate(chart.categories)
        ]
        self.setAccessibleDescription("; ".join(lines))
        self.setToolTip("\n".join(lines))
        self.update()

    def totals(self) -> list[float]:
        return [
            sum(values[i] for _n, values in self.chart.series)
            for i in range(len(self.chart.categories))
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(self.palette().windowText().color())
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(area.adjusted(0, 0, 0, -area.height() + line), self.chart.title)
        painter.setFont(self.font())
        area.setTop(area.top() + line * 1.4)
        totals = self.totals()
        if not self.chart.categories or not any(totals):
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No figures in this period."))
            return
        several = len(self.chart.series) > 1
        if several:
            area = self._legend(painter, area, metrics)
        highest = max(totals)
        step = nice_step(highest)
        top = step * max(1, -(-highest // step))
        if self.chart.horizontal:
            self._horizontal(painter, area, metrics, top, step)
        else:
            self._vertical(painter, area, metrics, top, step)

    def _legend(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> QRectF:
        x = area.left()
        y = area.bottom() - metrics.height()
        for index, (name, _values) in enumerate(self.chart.series):
            painter.fillRect(QRectF(x, y + 3, 10, 10), QColor(PALETTE[index % len(PALETTE)]))
            painter.drawText(QRectF(x + 14, y, 400, metrics.height()), name)
            x += 24 + metrics.horizontalAdvance(name)
        return area.adjusted(0, 0, 0, -metrics.height() * 1.4)

    def _vertical(
        self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float, step: float
    ) -> None:
        axis = metrics.horizontalAdvance(format_number(top)) + 6
        plot = area.adjusted(axis, 0, 0, -metrics.height() - 4)
        self._grid(painter, plot, metrics, top, step, vertical=True)
        count = len(self.chart.categories)
        slot = plot.width() / count
        width = slot * 0.65
        every = max(1, int(-(-metrics.horizontalAdvance("MMM 00") // slot)))
        for index, category in enumerate(self.chart.categories):
            x = plot.left() + index * slot + (slot - width) / 2
            base = plot.bottom()
            for series, (_name, values) in enumerate(self.chart.series):
                height = plot.height() * values[index] / top
                painter.fillRect(
                    QRectF(x, base - height, width, height), QColor(PALETTE[series % len(PALETTE)])
                )
                base -= height
            if index % every == 0:
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    QRectF(
                        plot.left() + index * slot - slot,
                        plot.bottom() + 2,
                        slot * 3,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter,
                    category,
                )

    def _horizontal(
        self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float, step: float
    ) -> None:
        labels = max(metrics.horizontalAdvance(c) for c in self.chart.categories) + 8
        plot = area.adjusted(labels, 0, -8, -metrics.height() - 4)
        self._grid(painter, plot, metrics, top, step, vertical=False)
        count = len(self.chart.categories)
        slot = plot.height() / count
        height = min(slot * 0.65, metrics.height() * 1.6)
        for index, category in enumerate(self.chart.categories):
            y = plot.top() + index * slot + (slot - height) / 2
            left = plot.left()
            for series, (_name, values) in enumerate(self.chart.series):
                width = plot.width() * values[index] / top
                painter.fillRect(
                    QRectF(left, y, width, height), QColor(PALETTE[series % len(PALETTE)])
                )
                left += width
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(area.left(), y, labels - 8, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                category,
            )

    def _grid(
        self,
        painter: QPainter,
        plot: QRectF,
        metrics: QFontMetrics,
        top: float,
        step: float,
        vertical: bool,
    ) -> None:
        value = 0.0
        while value <= top + 1e-9:
            share = value / top
            painter.setPen(QPen(GRID, 1))
            text = format_number(value)
            painter.setPen(QPen(GRID, 1))
            if vertical:
                y = plot.bottom() - plot.height() * share
                painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            else:
                x = plot.left() + plot.width() * share
                painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    QRectF(x - 30, plot.bottom() + 2, 60, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
            value += step
