"""Forms that reflow on small screens instead of scrolling sideways.

At 1366×768, or at 150 % and 200 % scaling, a form taller than the screen must scroll,
but reading a row means scrolling right and back again. A form therefore scrolls
vertically only: its labels move above their fields when a row does not fit beside
them (`QFormLayout.WrapLongRows`), and the window is never narrower than the widest
field needs, so nothing is cut off either.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFormLayout, QScrollArea, QWidget


class VerticalScrollArea(QScrollArea):
    """A scroll area for a form: up and down only, as wide as the form needs at least."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        width = (
            body.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())


def wrap_long_rows(form: QFormLayout) -> None:
    """Labels go above their fields when the window is too narrow for both side by side."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
