"""The import dialog shows the dry run first: nothing is stored until the officer chooses Import."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from tests.exchange.sample_data import fill

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))


@pytest.fixture
def district(tmp_path, template_database):
    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    yield Services.on(database)
    database.close()


def stick(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    return folder


def test_the_dry_run_shows_each_verdict_and_imports_only_when_confirmed(
    qtbot, services, district, tmp_path, monkeypatch
):
    fill(services)
    first = export_district(
        services.database, Q1, stick(tmp_path, "a"), created=datetime(2026, 4, 1, 9)
    )
    services.settings.save(MunicipalityData(name="Lindental-Nord", district="Landkreis Süd"))
    corrected = export_district(
        services.database, Q1, stick(tmp_path, "b"), created=datetime(2026, 4, 2, 9)
    )
    second = export_district(
        services.database, Q2, stick(tmp_path, "c"), created=datetime(2026, 7, 1, 9)
    )
    broken = tmp_path / "kaputt.zip"
    broken.write_bytes(second.read_bytes()[:-200])
    dialog = DistrictImportDialog(district)
    qtbot.addWidget(dialog)
    dialog.import_files([first])
    dialog.resize(1000, 640)
    dialog.show()
    chosen = [corrected, second, broken]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in chosen], "")
    )

    dialog.choose_and_import()

    assert dialog.plan_box.isVisible() and dialog.confirm_button.isEnabled()
    rows = [
        [dialog.plan.item(r, c).text() for c in range(4)] for r in range(dialog.plan.rowCount())
    ]
    assert [row[3] for row in rows] == ["ersetzt", "neu", "abgelehnt"]
    assert rows[0][1:3] == ["Lindental-Nord", "01.01.2026 – 31.03.2026"]
    why = dialog.plan.item(0, 4).text()
    assert "Ersetzt das Paket für 01.01.2026 – 31.03.2026" in why
    assert "Gemeinde Lindental heißt jetzt Lindental-Nord" in why
    assert "kein GWA-Paket" in dialog.plan.item(2, 4).text()
    assert "Probelauf" in dialog.plan_label.text() and "2 von 3" in dialog.plan_label.text()
    # Nothing is stored yet: the overview still shows the first package under its old name.
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Gemeinde Lindental"
    folder = os.environ.get("GWA_SCREENSHOT_DIR")
    if folder:
        dialog.grab().save(os.path.join(folder, "district-dry-run.png"))

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    assert not dialog.plan_box.isVisible()
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "Lindental-Nord",
        "Lindental-Nord",
    ]
    assert "kaputt.zip" in dialog.log.toPlainText()


def test_discarding_the_dry_run_imports_nothing(qtbot, services, district, tmp_path):
    fill(services)
    package = export_district(services.database, Q1, tmp_path)
    dialog = DistrictImportDialog(district)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preview_files([package])
    assert dialog.plan.item(0, 3).text() == "neue Gemeinde"
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.plan_box.isVisible() and dialog.table.rowCount() == 0
