"""Long steps run off the GUI thread: the window keeps working, and Cancel leaves nothing.

The export is the real one; only its progress reports are gated so the test controls
when the worker may go on. A worker on the GUI thread would wait for timer ticks that
can never come (the event loop would be stuck in the export): the gate times out and
the test fails instead of hanging.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog, QPushButton

from gwa_desktop.exchange.errors import Cancelled
from gwa_desktop.services import district_export
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.ui.dialogs import district_export_dialog
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.dialogs.print_dialogs import ConsentPrintDialog
from gwa_desktop.ui.progress import run_in_background
from tests.exchange.sample_data import fill
from tests.output.print_samples import flat_text


def _choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code))


GATE_SECONDS = 5


@pytest.fixture
def dialog(qtbot, services, tmp_path):
    fill(services)
    export_dialog = DistrictExportDialog(services)
    qtbot.addWidget(export_dialog)
    export_dialog.start.set_date(date(2026, 1, 1))
    export_dialog.end.set_date(date(2026, 12, 31))
    stick = tmp_path / "stick"
    stick.mkdir()
    export_dialog.folder.setText(str(stick))
    return export_dialog


class GatedExport:
    """The real export, whose worker waits at each progress report for the GUI's ticks."""

    def __init__(self, ticks_wanted: int) -> None:
        self.ticks = 0
        self.ticks_wanted = ticks_wanted
        self.gate = threading.Event()
        self.worker_threads: set[int] = set()
        self.gate_timed_out = False

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks >= self.ticks_wanted:
            self.gate.set()

    def __call__(self, database, period, folder, password, progress):
        def gated(done: int, total: int, text: str) -> None:
            self.worker_threads.add(threading.get_ident())
            if not self.gate_timed_out and not self.gate.wait(GATE_SECONDS):
                self.gate_timed_out = True
            progress(done, total, text)

        return district_export.export_district(database, period, folder, password, gated)


def start_export(dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # the preview of what leaves
    ok.click()  # the export


def test_the_event_loop_keeps_running_while_the_export_works(dialog, monkeypatch):
    export = GatedExport(ticks_wanted=5)
    monkeypatch.setattr(district_export_dialog, "export_district", export)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(export.tick)
    timer.start()

    start_export(dialog)
    timer.stop()

    assert not export.gate_timed_out, "the GUI thread's timer did not tick while the export ran"
    assert export.ticks >= 5
    assert threading.get_ident() not in export.worker_threads, "the work ran on the GUI thread"
    assert dialog.written is not None and dialog.written.exists()


def test_cancel_stops_the_export_and_leaves_no_file(dialog, monkeypatch, tmp_path):
    export = GatedExport(ticks_wanted=10_000)  # the gate opens only when Cancel was pressed
    monkeypatch.setattr(district_export_dialog, "export_district", export)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a: told.append(text)
    )

    def press_cancel() -> None:
        progress = dialog.findChild(QProgressDialog)
        if progress is None:
            QTimer.singleShot(20, press_cancel)
            return
        progress.findChild(QPushButton).click()
        export.gate.set()

    QTimer.singleShot(50, press_cancel)
    start_export(dialog)

    assert not export.gate_timed_out
    assert told == [str(Cancelled())]
    assert dialog.written is None
    assert list((tmp_path / "stick").iterdir()) == [], (
        "a cancelled export leaves neither a package nor a part file"
    )


def test_a_failure_in_the_worker_is_raised_in_the_calling_thread(qapp):
    def work(progress):
        progress(0, 1, "")
        raise ValueError("from the worker")

    with pytest.raises(ValueError, match="from the worker"):
        run_in_background(work)


class GatedConsentForms:
    """The printing service's consent form, built on the worker only when the gate opens."""

    def __init__(self, printing) -> None:
        self.printing = printing
        self.real = printing.consent_form
        self.built: list[str] = []
        self.threads: set[int] = set()
        self.gate = threading.Event()

    def __call__(self, language: str):
        self.threads.add(threading.get_ident())
        self.gate.wait(GATE_SECONDS)
        self.built.append(language)
        return self.real(language)


def test_preview_is_built_on_a_worker_and_a_change_meanwhile_builds_again(qtbot, services):
    printing = PrintingService.from_services(services)
    consent = ConsentPrintDialog(printing)
    qtbot.addWidget(consent)
    gated = GatedConsentForms(printing)
    printing.consent_form = gated
    _choose(consent.language, "ar")

    def change_language_while_building() -> None:
        _choose(consent.language, "uk")  # starts the rebuild timer
        consent.rebuild()  # as the timer would: only noted, a build is running
        gated.gate.set()

    QTimer.singleShot(30, change_language_while_building)
    consent.rebuild()

    assert gated.built == ["ar", "uk"], (
        "the build begun for Arabic is followed by one for the new choice"
    )
    assert threading.get_ident() not in gated.threads
    assert consent.result is not None and "Згода" in flat_text(consent.result.pdf)
