"""The threshold in the settings, and the district overview window hiding as the workbook does."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.disclosure_settings import disclosure_threshold
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from gwa_desktop.ui.disclosure_box import DisclosureBox
from tests.exchange.sample_data import fill


@pytest.fixture
def district(tmp_path, template_database):
    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    yield Services.on(database)
    database.close()


def test_the_settings_page_sets_the_threshold_at_once(qtbot, window):
    box = window.settings_page.findChild(DisclosureBox)
    assert box is not None and box.threshold.value() == 3
    assert "1 bis 2" in box.note.text()

    box.threshold.setValue(6)

    database = window.services.database
    assert disclosure_threshold(database) == 6 and "1 bis 5" in box.note.text()
    box.threshold.setValue(99)  # the spin box keeps to the allowed range
    assert disclosure_threshold(database) == 20


def test_the_overview_window_hides_what_the_workbook_hides(qtbot, services, district, tmp_path):
    fill(services)
    package = export_district(
        services.database, Period(date(2026, 1, 1), date(2026, 12, 31)), tmp_path
    )
    importer = DistrictImportDialog(district)
    qtbot.addWidget(importer)
    importer.import_files([package])
    row = [importer.table.item(0, c).text() for c in (0, 2, 3, 4)]
    assert row == ["Gemeinde Lindental", "3", "8", "202"]

    box = DisclosureBox(district.database)
    qtbot.addWidget(box)
    box.threshold.setValue(10)  # 8 activities are now a small count
    importer.refresh()

    row = [importer.table.item(0, c).text() for c in (0, 2, 3, 4)]
    assert row == ["Gemeinde Lindental", "3", HIDDEN, "202"]
    assert importer.table.item(0, 3).toolTip() == (
        ". = weniger als 10 Fälle, oder aus einer Summe errechenbar"
    )
    assert importer.table.item(0, 4).toolTip() == ""


def test_the_import_window_lists_the_questions_about_the_figures(qtbot, district):
    from tests.services.test_district_checks import activity, package

    importer = DistrictImportDialog(district)
    qtbot.addWidget(importer)
    importer.check_button.click()
    assert importer.log.toPlainText().endswith("Keine unplausiblen Zahlen gefunden.")
    with district.database.session() as session:
        owner = package(session, "Gemeinde Lindental", date(2026, 1, 1), date(2026, 3, 31), 1)
        activity(session, owner, date(2026, 2, 3), 8, volunteer_hours=2.5)
        session.commit()

    importer.check_button.click()

    assert importer.log.toPlainText().endswith(
        "Gemeinde Lindental, 01.01.2026 – 31.03.2026: "
        "1 Aktivität hat Ehrenamtsstunden, aber keine Ehrenamtlichen."
    )
