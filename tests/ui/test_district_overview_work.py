"""The district overview is computed off the GUI thread, and Cancel stops it mid-way.

Choosing the hidden cells of a district of many packages takes seconds; the import
window runs it through the progress helper. The overview service is the real one;
only its progress reports are gated, so the test controls when the worker may go on
(a worker on the GUI thread would wait for ticks that never come, and the gate would
time out instead of the test hanging).
"""

from __future__ import annotations

import shutil
import threading
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from gwa_desktop.exchange.errors import Cancelled
from gwa_desktop.services import district_overview
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.dialogs import district_import_dialog
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from tests.services.test_district_checks import activity, package

GATE_SECONDS = 5


@pytest.fixture
def district(tmp_path, template_database):
    """A district database with three villages' quarters: 1, 7 and 13 activities."""
    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    with database.session() as session:
        names = ("Gemeinde Ahornfeld", "Gemeinde Birkenau", "Gemeinde Eschbach")
        for number, name in enumerate(names):
            owner = package(session, name, date(2026, 1, 1), date(2026, 3, 31), number + 1)
            for day in range(1 + 6 * number):
                activity(session, owner, date(2026, 2, day + 1), 7)
        session.commit()
    yield Services.on(database)
    database.close()


class Gated:
    """The real overview, whose worker waits at each progress report until the gate opens."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.threads: set[int] = set()
        self.reports: list[tuple[int, int]] = []
        self.timed_out = False

    def __call__(self, database, progress):
        def gated(done: int, total: int, text: str) -> None:
            self.threads.add(threading.get_ident())
            self.reports.append((done, total))
            if not self.timed_out and not self.gate.wait(GATE_SECONDS):
                self.timed_out = True
            progress(done, total, text)

        return district_overview.village_figures(database, gated)


def test_the_overview_is_computed_on_a_worker_thread(qtbot, district, monkeypatch):
    overview = Gated()
    monkeypatch.setattr(district_import_dialog, "village_figures", overview)
    QTimer.singleShot(50, overview.gate.set)  # only the GUI thread's event loop opens it

    importer = DistrictImportDialog(district)
    qtbot.addWidget(importer)

    assert not overview.timed_out, "the event loop did not run while the overview was computed"
    assert threading.get_ident() not in overview.threads, "the overview ran on the GUI thread"
    assert [importer.table.item(row, 0).text() for row in range(3)] == [
        "Gemeinde Ahornfeld",
        "Gemeinde Birkenau",
        "Gemeinde Eschbach",
    ]
    # One activity is hidden, and 7 with it, or the total would give the one away.
    assert [importer.table.item(row, 3).text() for row in range(3)] == [".", ".", "13"]
    assert overview.reports[0] == (0, 2) and overview.reports[-1] == (2, 2)


def test_cancel_stops_the_overview_and_says_how_to_compute_it_again(qtbot, district, monkeypatch):
    overview = Gated()
    monkeypatch.setattr(district_import_dialog, "village_figures", overview)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a: told.append(text)
    )
    pressed: list[QProgressDialog] = []

    def press_cancel() -> None:
        dialogs = [d for d in QApplication.allWidgets() if isinstance(d, QProgressDialog)]
        if not dialogs:
            QTimer.singleShot(20, press_cancel)
            return
        dialogs[0].cancel()
        pressed.append(dialogs[0])
        # The worker goes on only after the GUI thread's next poll passed the Cancel on.
        QTimer.singleShot(200, overview.gate.set)

    QTimer.singleShot(50, press_cancel)
    importer = DistrictImportDialog(district)
    qtbot.addWidget(importer)

    assert pressed and not overview.timed_out
    assert told == [str(Cancelled())]
    assert importer.table.rowCount() == 0 and importer.villages == []
    assert importer.log.toPlainText().endswith("„Übersicht aktualisieren“.")

    monkeypatch.setattr(
        district_import_dialog, "village_figures", district_overview.village_figures
    )
    importer.refresh_button.click()

    assert importer.table.rowCount() == 3
