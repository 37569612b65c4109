"""The cycle collector runs on the GUI thread, never inside a worker's database read."""

from __future__ import annotations

import gc
import threading

from gwa_desktop.ui.gui_thread_gc import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_is_off_in_threads_and_done_by_the_gui_timer(qapp):
    assert not gc.isenabled()  # installed for the tests as in the program
    collector = next(c for c in qapp.findChildren(GuiThreadCollector))
    collected_in: list[str] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)], name="gwa-read")
        worker.start()
        worker.join()
        assert "gwa-read" not in collected_in
        collector.check()
        assert collected_in and set(collected_in) == {threading.current_thread().name}
    finally:
        gc.callbacks.remove(note)
