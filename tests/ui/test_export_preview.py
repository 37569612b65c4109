"""The export dialog shows every text that will leave before it writes the package."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from tests.exchange.sample_data import fill


@pytest.fixture
def filled(services):
    fill(services)
    return services


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _table_texts(dialog) -> list[str]:
    table = dialog.preview.table
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def test_the_officer_sees_each_outgoing_text_with_the_blanked_parts_before_anything_is_written(
    qtbot, filled, tmp_path
):
    set_ui_language("en")
    filled.offers.create(
        OfferData(
            texts=[
                OfferTextData(
                    "de", "Nähtreff", "Im Wohnzimmer von Frau Müller, Hauptstr. 17, Tel. 06321-4711"
                )
            ],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 2, 1),
        )
    )
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.set_date(date(2026, 1, 1))
    dialog.end.set_date(date(2026, 12, 31))
    dialog.folder.setText(str(tmp_path))

    _ok(dialog).click()

    texts = _table_texts(dialog)
    assert dialog.preview.isVisible() and not list(tmp_path.glob("*.zip"))
    assert "Im Wohnzimmer von Frau [entfernt], Tel. [entfernt]" in texts
    assert "Sprachcafé" in texts and not any("Müller" in text or "4711" in text for text in texts)
    row = texts.index("Im Wohnzimmer von Frau [entfernt], Tel. [entfernt]")
    assert dialog.preview.table.item(row, 3).text() == "a name, an address, a phone number"
    assert _ok(dialog).text() == "Write the package"
    if os.environ.get("GWA_SCREENSHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["GWA_SCREENSHOT_DIR"]) / "export-preview.png"))

    dialog.end.set_date(date(2026, 6, 30))  # another period: shown again before writing
    assert dialog.preview.isHidden() and _ok(dialog).text() == "Export"
    _ok(dialog).click()
    assert dialog.written is None and dialog.preview.isVisible()
    _ok(dialog).click()
    assert dialog.written is not None and dialog.written.exists()
