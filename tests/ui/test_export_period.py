"""The district export's period: presets, a sensible default, and the day the user typed (issue 10, item 12)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gwa_desktop.services.periods import default_export_period, named_period
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.widgets import DateEdit
from tests.exchange.sample_data import fill


def type_into(qtbot, edit: DateEdit, text: str) -> None:
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit.lineEdit(), text)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("shown", "typed", "meant"),
    [
        (
            date(2026, 11, 15),
            "31.12.2026",
            date(2026, 12, 31),
        ),  # Qt clamped the 31 to November's 30
        (date(2026, 1, 1), "29.02.2028", date(2028, 2, 29)),  # and the 29 to February 2026's 28
        (date(2026, 2, 10), "30.03.2026", date(2026, 3, 30)),
        (date(2026, 11, 15), "31122026", date(2026, 12, 31)),
        (date(2026, 11, 15), "31.12.26", date(2026, 12, 31)),
    ],
)
def test_the_date_field_keeps_the_day_the_user_typed(qtbot, shown, typed, meant):
    edit = DateEdit(shown)
    qtbot.addWidget(edit)
    changes = []
    edit.dateChanged.connect(changes.append)

    type_into(qtbot, edit, typed)

    assert edit.to_date() == meant and edit.text() == f"{meant:%d.%m.%Y}"
    assert changes[-1].toPython() == meant


def test_an_impossible_date_brings_the_last_valid_one_back(qtbot):
    edit = DateEdit(date(2026, 11, 15))
    qtbot.addWidget(edit)

    type_into(qtbot, edit, "31.11.2026")

    assert edit.to_date() == date(2026, 11, 15) and edit.text() == "15.11.2026"


def test_the_default_period_is_the_year_in_december_and_else_the_last_quarter():
    assert default_export_period(date(2026, 12, 2)).label() == "01.01.2026 – 31.12.2026"
    assert default_export_period(date(2027, 1, 10)).label() == "01.01.2026 – 31.12.2026"
    assert default_export_period(date(2026, 8, 20)).label() == "01.04.2026 – 30.06.2026"


@pytest.fixture
def filled(services):
    fill(services)
    return services


def test_presets_fill_the_dates_and_the_typed_end_names_the_package(qtbot, filled, tmp_path):
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.show()
    today = date.today()
    assert (dialog.start.to_date(), dialog.end.to_date()) == (
        default_export_period(today).start,
        default_export_period(today).end,
    )
    assert dialog.preset.currentData() is not None
    if os.environ.get("GWA_SCREENSHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["GWA_SCREENSHOT_DIR"]) / "export_dialog.png"))

    dialog.preset.setCurrentIndex(dialog.preset.findData("last_year"))
    dialog.preset.activated.emit(dialog.preset.currentIndex())
    last_year = named_period("last_year", today)
    assert (dialog.start.to_date(), dialog.end.to_date()) == (last_year.start, last_year.end)

    type_into(qtbot, dialog.start, "01.01.2026")
    type_into(qtbot, dialog.end, "30.11.2026")
    assert dialog.preset.currentData() is None
    type_into(qtbot, dialog.end, "31.12.2026")
    dialog.folder.setText(str(tmp_path))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    ok.click()

    assert dialog.written is not None and dialog.written.name.endswith("_2026-01-01_2026-12-31.zip")
