"""Portable mode: everything stays in GWA-Daten beside the program, nothing on the host.

The programs are started as a user would start them from a stick: real processes,
through launcher scripts that lie on the "stick" beside `portable.txt`, with their own
HOME, XDG folders and TMPDIR. Afterwards every file below those folders is listed.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gwa_desktop import paths
from gwa_desktop.cli import main as cli
from gwa_desktop.logbook import stop_logging

ROOT = Path(__file__).resolve().parents[1]

GWA_LAUNCHER = """\
import sys
from gwa_desktop.cli.main import main
sys.exit(main())
"""

#: The desktop program, driven from its own event loop as a user would: once the window
#: is up, go to the offers, open and cancel a file dialog (Qt remembers its history in
#: its own settings), and quit with the window's close button.
GUI_LAUNCHER = """\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from gwa_desktop.ui import app
from gwa_desktop.ui.main_window import MainWindow


def cancel_dialog():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, cancel_dialog)
    else:
        dialog.reject()


def drive():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, drive)
        return
    window = windows[0]
    window.show_page(window.pages.index(window.offers_page))
    print("PAGE", type(window.stack.currentWidget()).__name__)
    print("TITLE", window.windowTitle())
    print("STATUS", window.location_label.text())
    QTimer.singleShot(0, cancel_dialog)
    QFileDialog.getOpenFileName(window, "Logo", "")
    window.close()


QTimer.singleShot(0, drive)
sys.exit(app.main())
"""

HOST_FOLDERS = ("home", "config", "cache", "data", "state", "runtime", "tmp")


@pytest.fixture
def scratch(compiled_catalogs):
    """A fake host (HOME, XDG folders, TMPDIR) and a fake stick, open to any user.

    The folders are world-writable so that a fallback to the host would succeed, and be
    seen, even for the unprivileged user of the read-only test.
    """
    root = Path(tempfile.mkdtemp(prefix="gwa-portable-"))
    for name in HOST_FOLDERS:
        (root / name).mkdir()
        (root / name).chmod(0o777)
    (root / "runtime").chmod(0o700)
    stick = root / "stick"
    stick.mkdir()
    (stick / "gwa").write_text(GWA_LAUNCHER, encoding="utf-8")
    (stick / "gwa-desktop").write_text(GUI_LAUNCHER, encoding="utf-8")
    (stick / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    shutil.copytree(compiled_catalogs, root / "catalogs")
    for folder, _dirs, files in os.walk(root):
        Path(folder).chmod(Path(folder).stat().st_mode | 0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def host_environment(root: Path) -> dict[str, str]:
    """A clean environment: no GWA_* variables but the compiled catalogs, scratch folders."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root / "home"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_RUNTIME_DIR": str(root / "runtime"),
        "TMPDIR": str(root / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        "GWA_TRANSLATIONS_DIR": str(root / "catalogs"),
        "GWA_DATA_DIR": str(root / "home" / "would-be-data"),
        "GWA_DATABASE": str(root / "home" / "would-be.sqlite"),
    }


def run(
    root: Path, program: str, *arguments: str, user: list[str] | None = None
) -> subprocess.CompletedProcess:
    command = [*(user or []), sys.executable, str(root / "stick" / program), *arguments]
    return subprocess.run(
        command,
        env=host_environment(root),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root / "stick",
    )


def files_below(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def written_outside_the_portable_folder(root: Path) -> set[str]:
    allowed = {
        "stick/gwa",
        "stick/gwa-desktop",
        f"stick/{paths.PORTABLE_MARKER}",
        "stick/Flyer.pdf",
    }
    return {
        name
        for name in files_below(root)
        if not name.startswith(("stick/GWA-Daten/", "catalogs/")) and name not in allowed
    }


def test_cli_and_window_write_only_into_the_portable_folder(scratch):
    demo = run(scratch, "gwa", "demo")
    assert demo.returncode == 0, demo.stderr
    backup = run(scratch, "gwa", "backup")
    assert backup.returncode == 0, backup.stderr
    flyer = run(
        scratch, "gwa", "print", "flyer", "1", "--lang", "de", "--lang", "ar", "--out", "Flyer.pdf"
    )
    assert flyer.returncode == 0, flyer.stderr
    window = run(scratch, "gwa-desktop")
    assert window.returncode == 0, window.stderr

    assert written_outside_the_portable_folder(scratch) == set()
    data = scratch / "stick" / paths.PORTABLE_FOLDER
    stored = files_below(data)
    assert {"gwa.sqlite", "preferences.json", "logs/gwa.log"} <= stored
    assert any(name.startswith("backups/gwa-backup-") for name in stored)
    assert any(name.startswith("backups/auto-") for name in stored), "the backup at exit"
    assert "system/config/QtProject.conf" in stored, "Qt's file-dialog history stays on the stick"
    assert (scratch / "stick" / "Flyer.pdf").stat().st_size > 0
    lines = dict(line.split(" ", 1) for line in window.stdout.splitlines() if " " in line)
    assert lines["PAGE"] == "OffersPage"
    assert lines["TITLE"].endswith("– Portabel")
    assert lines["STATUS"] == f"Portabel – \u2068{data}\u2069"


def test_without_the_marker_the_users_folders_are_used(scratch):
    """The counter-check: the same run without portable.txt writes to the host."""
    (scratch / "stick" / paths.PORTABLE_MARKER).unlink()
    assert run(scratch, "gwa", "count").returncode == 0
    assert "home/would-be.sqlite" in written_outside_the_portable_folder(scratch)
    assert run(scratch, "gwa", "--portable", "count").returncode == 0
    assert (scratch / "stick" / paths.PORTABLE_FOLDER / "gwa.sqlite").is_file()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root to start the program as an unprivileged user",
)
def test_a_stick_without_write_permission_is_refused_without_writing_elsewhere(scratch):
    """As root the permission bits would not count, so the program runs as `nobody`."""
    (scratch / "stick").chmod(0o755)
    nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    result = run(scratch, "gwa", "demo", user=nobody)
    assert result.returncode == 2
    assert "schreibgeschützt" in result.stderr
    assert str(scratch / "stick" / paths.PORTABLE_FOLDER) in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        files_below(scratch / "home") == set()
        and written_outside_the_portable_folder(scratch) == set()
    )
    assert not (scratch / "stick" / paths.PORTABLE_FOLDER).exists()


@pytest.fixture
def stick(tmp_path, monkeypatch):
    """The program as if started from a launcher on a stick in `tmp_path/stick`."""
    folder = tmp_path / "stick"
    folder.mkdir()
    launcher = folder / "gwa"
    launcher.write_text(GWA_LAUNCHER, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(launcher)])
    return folder


@pytest.fixture(autouse=True)
def restored_process_state(monkeypatch):
    """Portable mode changes process-wide state (the folder, XDG variables, the log)."""
    monkeypatch.setattr(paths, "_portable_folder", None)
    for variable in paths._XDG_FOLDERS:
        monkeypatch.delenv(variable, raising=False)
    yield
    stop_logging()


def test_the_marker_beside_a_frozen_program_turns_portable_mode_on(tmp_path, monkeypatch):
    program = tmp_path / "GWA Desktop"
    program.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "gwa-desktop.exe"))
    assert paths.start_portable(False) is None
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.start_portable(False) == program / paths.PORTABLE_FOLDER
    assert paths.data_dir() == program / paths.PORTABLE_FOLDER
    assert paths.default_database_path() == program / paths.PORTABLE_FOLDER / "gwa.sqlite"


def test_python_m_counts_as_started_from_the_folder_of_the_package(monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(ROOT / "gwa_desktop" / "__main__.py")])
    assert paths.program_dir() == ROOT


def test_portable_mode_ignores_the_hosts_variables(stick, monkeypatch):
    monkeypatch.setenv("GWA_DATABASE", "/somewhere/else.sqlite")
    assert paths.start_portable(True) == stick / paths.PORTABLE_FOLDER
    assert paths.database_location() == str(stick / paths.PORTABLE_FOLDER / "gwa.sqlite")
    assert paths.database_location("/explicit.sqlite") == "/explicit.sqlite"
    assert paths.backups_dir() == stick / paths.PORTABLE_FOLDER / "backups"


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EROFS, "schreibgeschützt"), (errno.ENOSPC, "voll")]
)
def test_a_read_only_or_full_stick_stops_the_start_with_a_message(
    stick, monkeypatch, capsys, tmp_path, code, words
):
    real_open = Path.open

    def refuse(self, mode="r", *args, **kwargs):
        if "w" in mode and self.parent.name == paths.PORTABLE_FOLDER:
            raise OSError(code, os.strerror(code))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert cli.main(["--portable", "demo"]) == 2
    message = capsys.readouterr().err
    assert words in message and str(stick / paths.PORTABLE_FOLDER) in message
    assert paths.portable_folder() is None
    assert not (tmp_path / "data").exists(), "no fallback to the user's data folder"
    assert list((stick / paths.PORTABLE_FOLDER).iterdir()) == [], "the probe file is removed again"


def test_a_pulled_stick_is_reported_and_nothing_goes_to_the_host(stick, tmp_path):
    paths.start_portable(True)
    shutil.rmtree(stick)
    with pytest.raises(paths.DataFolderError, match="USB-Stick"):
        paths.data_dir()
    with pytest.raises(paths.DataFolderError):
        paths.backups_dir()
    assert not stick.exists() and not (tmp_path / "data").exists()


def test_a_launcher_named_without_its_extension_still_finds_the_marker(stick, monkeypatch):
    """Windows' console-script launchers may put "…\\Scripts\\gwa" into argv[0] for gwa.exe."""
    (stick / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(stick / "gwa-desktop")])
    assert paths.start_portable(False) == stick / paths.PORTABLE_FOLDER
