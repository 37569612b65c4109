"""The exchange dialogs as a user drives them: export for the district, restore, the File menu."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.paths import backups_dir
from gwa_desktop.services import backup
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from gwa_desktop.ui.dialogs.restore_dialog import RestoreDialog
from gwa_desktop.ui.startup_checks import back_up_on_exit, offer_restore_if_damaged
from tests.exchange.sample_data import fill


@pytest.fixture
def filled(services):
    fill(services)
    return services


def manifest_of(path) -> dict:
    return json.loads(zipfile.ZipFile(path).read("manifest.json"))


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_export_dialog_writes_the_anonymous_package_for_the_chosen_period(qtbot, filled, tmp_path):
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    assert dialog.anonymous.isChecked() and dialog.warning.isHidden() and dialog.password.isHidden()
    dialog.start.set_date(date(2026, 1, 1))
    dialog.end.set_date(date(2026, 6, 30))
    dialog.folder.setText(str(tmp_path))
    press_ok(dialog)
    assert (
        dialog.preview.period is not None
        and dialog.written is None
        and not list(tmp_path.glob("*.zip"))
    )
    press_ok(dialog)

    assert dialog.result() == dialog.DialogCode.Accepted
    manifest = manifest_of(dialog.written)
    assert (
        manifest["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
        and manifest["personal_data"] is False
    )


def test_export_dialog_encrypted_mode_warns_and_checks_the_password(qtbot, filled, tmp_path):
    set_ui_language("en")
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.encrypted.setChecked(True)
    assert dialog.warning.isVisible() and dialog.password.isVisible()
    warning = dialog.warning.text()
    for what in (
        "names",
        "phone numbers",
        "e-mail addresses",
        "postal addresses",
        "notes",
        "consent records",
    ):
        assert what in warning
    dialog.start.set_date(date(2026, 1, 1))
    dialog.end.set_date(date(2026, 12, 31))
    dialog.folder.setText(str(tmp_path))
    dialog.password.setText("ein langes Passwort für den Kreis")
    dialog.repeat.setText("ein anderes Passwort")
    press_ok(dialog)
    assert dialog.error.isVisible() and dialog.written is None
    assert not list(tmp_path.glob("*.zip"))

    dialog.repeat.setText("ein langes Passwort für den Kreis")
    press_ok(dialog)
    press_ok(dialog)
    assert dialog.written.name.endswith("_vertraulich.gwa")
    assert dialog.written.read_bytes().startswith(b"GWA-ENC\x00")


def test_export_dialog_refuses_a_reversed_period(qtbot, filled, tmp_path):
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.set_date(date(2026, 12, 31))
    dialog.end.set_date(date(2026, 1, 1))
    dialog.folder.setText(str(tmp_path))
    press_ok(dialog)
    assert dialog.error.isVisible() and dialog.written is None


def test_restore_dialog_previews_and_restores(qtbot, filled, monkeypatch):
    path = backup.backup_database(filled.database, backups_dir())
    filled.contacts.create(ContactData(name="Nach der Sicherung"))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )

    dialog = RestoreDialog(filled)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == path
    assert "4" in dialog.preview.text() and dialog.restore_button.isEnabled()
    dialog.restore_button.click()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert filled.contacts.count() == 4
    assert backup.describe_backup(dialog.safety_copy).counts["contacts"] == 5


def test_restore_dialog_shows_why_a_file_cannot_be_restored(qtbot, filled, tmp_path):
    bad = backups_dir() / "gwa-backup-20260101-120000.sqlite"
    bad.write_bytes(b"kaputt")
    dialog = RestoreDialog(filled)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and "kaputt" not in dialog.preview.text()
    assert dialog.preview.text()


def test_import_dialog_shows_the_combined_overview_and_removes_a_package(
    qtbot, filled, other_services, tmp_path, monkeypatch
):
    dialog = DistrictExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.start.set_date(date(2026, 1, 1))
    dialog.end.set_date(date(2026, 12, 31))
    dialog.folder.setText(str(tmp_path))
    press_ok(dialog)
    press_ok(dialog)

    importer = DistrictImportDialog(other_services)
    qtbot.addWidget(importer)
    importer.import_files([dialog.written])
    assert importer.table.rowCount() == 1
    assert [importer.table.item(0, c).text() for c in (0, 2, 3, 4)] == [
        "Gemeinde Lindental",
        "3",
        "8",
        "202",
    ]
    assert "Gemeinde Lindental" in importer.log.toPlainText()

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    importer.table.selectRow(0)
    importer.remove_button.click()
    assert importer.table.rowCount() == 0
    importer.import_files([dialog.written])
    assert importer.table.rowCount() == 1


def test_file_menu_has_the_exchange_entries(window):
    assert set(window.exchange_actions) == {
        "export_district",
        "import_packages",
        "completeness",
        "fingerprint",
        "backup",
        "restore",
        "vcard",
        "ical",
    }
    file_menu = window.menuBar().actions()[0].menu()
    assert window.exchange_actions["restore"] in file_menu.actions()


def test_startup_check_and_backup_on_exit(window, services, monkeypatch):
    assert offer_restore_if_damaged(window) is False
    back_up_on_exit(services.database)
    assert backup.list_backups(backups_dir(), backup.AUTOMATIC_PREFIX)


@pytest.fixture
def other_services(tmp_path, template_database):
    import shutil

    from gwa_desktop.services.registry import Services
    from gwa_desktop.storage.database import open_database

    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    yield Services.on(database)
    database.close()
