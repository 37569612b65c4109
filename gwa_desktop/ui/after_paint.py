"""Run a callback once a widget has painted, so work that competes with the paint waits.

A worker thread that starts while the GUI thread paints takes Python's lock from it
between the model's `data` calls: the rows of a search appeared tens of milliseconds
later when the status-bar count started with them (issue 12). The count now starts
after the rows are painted. A zero timer is not enough: Qt fires it before the paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: When no paint comes (the window is covered or minimised), run the callback anyway.
FALLBACK_MS = 100


class _AfterPaint(QObject):
    """Watches one widget until its next paint (or the fallback), then calls once."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # The filter runs before the paint: call once the paint is done.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._widget.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` after `widget`'s next paint; at once when it is not on view."""
    if not widget.isVisible():
        callback()
        return
    _AfterPaint(widget, callback)
