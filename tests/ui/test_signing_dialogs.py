"""The officer's side of signed packages: her fingerprint, weak passwords refused, a new key accepted by phone."""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox
from sqlalchemy import text

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services import installation_key
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from tests.exchange.sample_data import PERIOD, fill


@pytest.fixture
def village(services):
    fill(services)
    return services


@pytest.fixture
def district(tmp_path, template_database):
    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    yield Services.on(database)
    database.close()


def screenshot(widget, name: str) -> None:
    folder = os.environ.get("GWA_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


@pytest.mark.parametrize(
    "weak", [" " * 12, "Passwort1234", "aaaaaaaaaaaaaaaa", "Gemeinde Lindental 2026"]
)
def test_the_export_dialog_shows_the_fingerprint_and_refuses_weak_passwords(
    qtbot, village, tmp_path, weak
):
    set_ui_language("en")
    dialog = DistrictExportDialog(village)
    qtbot.addWidget(dialog)
    dialog.show()
    assert installation_key.fingerprint(village.database) in dialog.fingerprint.text()
    dialog.encrypted.setChecked(True)
    dialog.folder.setText(str(tmp_path))
    dialog.password.setText(weak)
    dialog.repeat.setText(weak)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.isVisible() and dialog.written is None
    assert "12 characters" in dialog.error.text() or "too easy to guess" in dialog.error.text()
    assert not list(tmp_path.glob("Kreisbericht*"))
    screenshot(dialog, f"export-weak-password-{len(weak)}")


def test_a_new_key_is_accepted_only_with_the_fingerprint_read_out(
    qtbot, village, district, tmp_path, monkeypatch
):
    set_ui_language("en")
    first = export_district(
        village.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 15, 10)
    )
    importer = DistrictImportDialog(district)
    qtbot.addWidget(importer)
    importer.import_files([first])
    old = installation_key.fingerprint(village.database)
    assert old in importer.log.toPlainText() and not importer.accept_key_button.isEnabled()

    with village.database.session() as session:  # a new laptop: a new key
        session.execute(text("DELETE FROM installation_keys"))
    new = installation_key.fingerprint(village.database)
    second = export_district(
        village.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 20, 9)
    )
    importer.import_files([second])
    assert importer.accept_key_button.isEnabled()
    assert (
        new in importer.log.toPlainText() and "Call the municipality" in importer.log.toPlainText()
    )
    importer.show()
    screenshot(importer, "import-key-changed")

    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, message: warnings.append(message)
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (old, True))
    importer.accept_key_button.click()
    assert warnings and new in warnings[0]
    assert importer.table.item(0, 3).text() == "8" and importer.accept_key_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (new.lower(), True))
    importer.accept_key_button.click()
    assert "replaces " + old in importer.log.toPlainText()
    assert not importer.accept_key_button.isEnabled()
    screenshot(importer, "import-key-accepted")


def test_the_file_menu_shows_the_fingerprint_of_this_installation(window, services, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, message: shown.append((title, message))
    )
    window.exchange_actions["fingerprint"].trigger()
    assert shown and installation_key.fingerprint(services.database) in shown[0][1]
