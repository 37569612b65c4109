"""Work that would slow a paint down waits for it: `after_next_paint` and `LatestOnly`'s launch."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel, QWidget

from gwa_desktop.ui.after_paint import after_next_paint
from gwa_desktop.ui.progress import LatestOnly


class _Painted(QLabel):
    def __init__(self, log: list[str]) -> None:
        super().__init__("rows")
        self.log = log

    def paintEvent(self, event) -> None:
        self.log.append("paint")
        super().paintEvent(event)


def test_a_widget_not_on_view_runs_the_callback_at_once(qapp):
    log: list[str] = []
    after_next_paint(_Painted(log), lambda: log.append("called"))
    assert log == ["called"]


def test_the_callback_runs_once_after_the_next_paint(qtbot):
    log: list[str] = []
    label = _Painted(log)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    qtbot.waitUntil(lambda: "paint" in log)
    log.clear()
    after_next_paint(label, lambda: log.append("called"))
    label.setText("other rows")  # schedules the paint, as a model reset does
    assert log == []
    qtbot.waitUntil(lambda: "called" in log)
    assert log[0] == "paint" and log.count("called") == 1
    qtbot.wait(150)  # the fallback timer has passed too
    assert log.count("called") == 1


def test_a_launched_call_is_pending_until_it_answers(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    reader = LatestOnly(owner)
    launches: list = []
    answers: list[int] = []
    reader.start(lambda: 42, answers.append, launch=launches.append)
    assert reader.pending and not reader.idle and answers == []
    launches[0]()
    qtbot.waitUntil(lambda: answers == [42])
    assert not reader.pending and reader.idle


def test_a_call_superseded_before_its_launch_never_runs(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    reader = LatestOnly(owner)
    launches: list = []
    ran = threading.Event()
    reader.start(ran.set, lambda _answer: None, launch=launches.append)
    reader.supersede()
    launches[0]()
    assert not ran.is_set() and reader.idle and not reader.pending
