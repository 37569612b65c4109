"""Labelled fields ("Wann", "Wo", "Kosten" ...) side by side in a few columns.

Stacked flyers print several languages one below the other; fields in one column each
would make every language section long and narrow, so they go into a grid that reads
from the right in right-to-left languages.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from gwa_desktop.domain.languages import is_rtl

from .styles import PRIMARY, Text

GAP = 12.0


class FieldGrid(Flowable):
    """`fields` are (label, value) pairs; rows are as tall as their tallest field."""

    def __init__(
        self,
        fields: list[tuple[str, str]],
        language: str,
        columns: int,
        label_size: float,
        value_size: float,
        space_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.language = language
        self.columns = max(1, columns)
        self.cells = [
            (
                Text(label, language, label_size, bold=True, color=PRIMARY),
                Text(value, language, value_size, space_before=label_size * 0.15),
            )
            for label, value in fields
            if value.strip()
        ]
        self.spaceBefore = space_before
        self._rows: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.cell_width = (availWidth - GAP * (self.columns - 1)) / self.columns
        self._rows = []
        for start in range(0, len(self.cells), self.columns):
            heights = [
                label.wrap(self.cell_width, 1e6)[1]
                + value.getSpaceBefore()
                + value.wrap(self.cell_width, 1e6)[1]
                for label, value in self.cells[start : start + self.columns]
            ]
            self._rows.append(max(heights))
        self.height = sum(self._rows) + GAP * 0.5 * max(0, len(self._rows) - 1)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        rtl = is_rtl(self.language)
        top = self.height
        for row_index, row_height in enumerate(self._rows):
            for column, (label, value) in enumerate(
                self.cells[row_index * self.columns : (row_index + 1) * self.columns]
            ):
                slot = self.columns - 1 - column if rtl else column
                x = slot * (self.cell_width + GAP)
                label_height = label.wrap(self.cell_width, 1e6)[1]
                label.drawOn(self.canv, x, top - label_height)
                value_height = value.wrap(self.cell_width, 1e6)[1]
                value.drawOn(
                    self.canv, x, top - label_height - value.getSpaceBefore() - value_height
                )
            top -= row_height + GAP * 0.5
