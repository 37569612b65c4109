"""A file refused at restore does not stay in the list looking like a backup (issue 10, item 13)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from gwa_desktop.paths import backups_dir
from gwa_desktop.services import backup
from gwa_desktop.ui.dialogs.restore_dialog import RestoreDialog


def test_a_foreign_file_chosen_for_restore_is_marked_as_not_a_backup(
    qtbot, services, tmp_path, monkeypatch
):
    genuine = backup.backup_database(services.database, backups_dir())
    foreign = tmp_path / "urlaubsfotos.sqlite"
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(foreign), ""))
    dialog = RestoreDialog(services)
    qtbot.addWidget(dialog)
    genuine_label = dialog.backups.item(0).text()

    other = next(
        b for b in dialog.findChildren(type(dialog.restore_button)) if b.text() == "Andere Datei…"
    )
    other.click()
    other.click()

    assert dialog.backups.count() == 2
    refused = dialog.backups.item(1)
    assert refused.text() == "Keine GWA-Sicherung: urlaubsfotos.sqlite"
    assert not dialog.restore_button.isEnabled() and dialog.preview.text() in refused.toolTip()
    dialog.backups.setCurrentRow(0)
    assert dialog.restore_button.isEnabled() and dialog.backups.item(0).text() == genuine_label
    assert dialog.chosen() == genuine


def test_a_damaged_file_in_the_backups_folder_is_marked_too(qtbot, services):
    bad = backups_dir() / "gwa-backup-20260101-120000.sqlite"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"kaputt")
    dialog = RestoreDialog(services)
    qtbot.addWidget(dialog)

    assert dialog.backups.currentItem().text().startswith("Keine GWA-Sicherung")
