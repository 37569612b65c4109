"""Back up now from the window: with the key file, or with a password for a stick."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.services import backup
from gwa_desktop.ui.dialogs.backup_dialog import BackupDialog
from tests.exchange.sample_data import fill

PASSWORD = "Blaue Kraniche zählen nachts Kieselsteine"


@pytest.fixture
def dialog(qtbot, services, tmp_path):
    fill(services)
    dialog = BackupDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path / "stick"))
    return dialog


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_default_backup_uses_the_key_file_and_asks_no_password(dialog, tmp_path):
    assert dialog.with_key.isChecked() and dialog.password.isHidden()
    press_ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.written is not None and dialog.written.parent == tmp_path / "stick"
    assert not backup.needs_password(dialog.written)
    assert backup.describe_backup(dialog.written).counts["contacts"] == 4


def test_a_password_backup_opens_with_that_password_only(dialog):
    dialog.with_password.setChecked(True)
    assert dialog.password.isVisible() and dialog.repeat.isVisible()
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    press_ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert backup.needs_password(dialog.written)
    assert backup.describe_backup(dialog.written, PASSWORD).counts["contacts"] == 4
    with pytest.raises(ExchangeError):
        backup.describe_backup(dialog.written, PASSWORD + "!")


@pytest.mark.parametrize(
    ("password", "repeat"),
    [("kurz", "kurz"), ("passwort12345", "passwort12345"), (PASSWORD, PASSWORD + " ")],
)
def test_a_weak_or_mistyped_password_writes_nothing_and_keeps_the_input(
    dialog, tmp_path, password, repeat
):
    dialog.with_password.setChecked(True)
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)
    press_ok(dialog)
    assert dialog.isVisible() and dialog.written is None
    assert dialog.error.isVisible() and dialog.error.text()
    assert dialog.password.text() == password and dialog.repeat.text() == repeat
    assert not (tmp_path / "stick").exists()
