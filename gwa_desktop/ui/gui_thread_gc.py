"""Python's cycle collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is reached.
On a worker thread (ui/progress.py) it may free the last reference to a Qt wrapper — a
closed dialog, a page's helper object — and so delete a QObject outside its thread,
which crashed the process with a segmentation fault in the middle of a database read.
This is the known PySide/PyQt advice: switch automatic collection off and collect from a
timer in the GUI thread, with the same generation thresholds Python uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the thresholds are looked at; a collection itself takes a few milliseconds.
INTERVAL_MS = 500

_collector: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as Python would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_gui_thread(app: QObject) -> None:
    """Install the collector once for `app` (the QApplication)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
