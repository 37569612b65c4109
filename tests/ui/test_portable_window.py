"""The window of a portable program: it says so, and survives the stick being pulled."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy.exc import OperationalError

from gwa_desktop import paths
from gwa_desktop.logbook import start_logging, stop_logging
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui import app as app_module
from gwa_desktop.ui import operations
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.startup_checks import back_up_on_exit
from tests.ui.conftest import drive_dialog


@pytest.fixture
def portable_window(qtbot, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sys, "argv", [str(stick / "gwa-desktop")])
    (stick / "gwa-desktop").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "_portable_folder", None)
    monkeypatch.setattr(operations, "_reported_once", set())
    for variable in paths._XDG_FOLDERS:
        monkeypatch.delenv(variable, raising=False)
    folder = paths.start_portable(True)
    start_logging(console=False)
    database = open_database(paths.database_location(), backup_dir=paths.backups_dir())
    window = MainWindow(Services.on(database))
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.pages.index(window.contacts_page))
    yield window, stick, folder
    stop_logging()
    database.close()


def test_the_window_says_it_runs_portable_and_from_where(portable_window):
    window, _stick, folder = portable_window
    assert window.windowTitle().endswith(" – Portabel")
    assert window.location_label.text() == f"Portabel – \u2068{folder}\u2069"
    assert window.location_label.isVisible()
    assert window.location_label.width() >= window.location_label.sizeHint().width(), "not cut off"


def test_a_pulled_stick_gives_a_message_at_the_next_write_and_nothing_goes_to_the_host(
    qtbot, portable_window, tmp_path, monkeypatch
):
    window, stick, _folder = portable_window
    shown: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(
            QMessageBox, name, lambda parent, title, text, *a, **k: shown.append(text)
        )
    shutil.rmtree(stick)

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Verein Dorfleben")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible(), "the entry stays in the form"
        assert dialog.name.text() == "Verein Dorfleben"
        dialog.reject()

    drive_dialog(window.new_action.trigger, fill)
    assert len(shown) == 1 and "USB-Stick abgezogen" in shown[0]
    window.show_page(window.pages.index(window.offers_page))
    rebuilt = MainWindow(window.services)  # as after a language switch
    qtbot.addWidget(rebuilt)
    rebuilt.close()
    window.close()
    back_up_on_exit(window.services.database)
    assert not stick.exists(), "nothing re-created on the stick's mount point"
    assert not (tmp_path / "data").exists(), "no fallback to the user's data folder"


def test_a_read_failing_after_the_stick_is_pulled_names_the_stick(
    qtbot, portable_window, monkeypatch
):
    """On Windows SQLite's next read fails with a bare I/O error when the stick is gone."""
    window, stick, _folder = portable_window
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text)
    )
    shutil.rmtree(stick)

    def disk_io_error(*_args):
        raise OperationalError(
            "SELECT contacts.id FROM contacts", {}, sqlite3.OperationalError("disk I/O error")
        )

    model = window.contacts_page.model
    model._fetch = disk_io_error
    model._exhausted = False
    model.fetchMore()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "USB-Stick abgezogen" in shown[0]


def test_the_window_does_not_start_on_a_read_only_stick_and_says_why(qtbot, tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sys, "argv", [str(stick / "gwa-desktop")])
    monkeypatch.setattr(paths, "_portable_folder", None)
    for variable in paths._XDG_FOLDERS:
        monkeypatch.delenv(variable, raising=False)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append(text)
    )

    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(Path, "mkdir", read_only)
    assert app_module.main(["--portable", "--language", "ar"]) == 2
    assert len(shown) == 1 and str(stick / paths.PORTABLE_FOLDER) in shown[0]
    assert "للقراءة فقط" in shown[0], "in the language asked for"
    assert paths.portable_folder() is None
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == [stick] and list(stick.iterdir()) == []
