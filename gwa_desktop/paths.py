"""Where the program keeps its files, in one place.

platformdirs gives the per-user folders of each operating system; environment variables
override them so tests and a shared district database can point elsewhere.

Portable mode (`--portable`, or a file `portable.txt` beside the program) keeps every
file in a folder `GWA-Daten` beside the program, e.g. on a USB stick taken from laptop
to laptop. Then the host's folders and environment variables are never used: when the
stick is read-only, full or pulled out, the user gets a message instead of a silent
fallback that would leave personal data on a borrowed computer.
"""

from __future__ import annotations

import errno
import os
import sys
from contextlib import suppress
from pathlib import Path

from platformdirs import PlatformDirs

from gwa_desktop.i18n import _

APP_NAME = "GWA-Desktop"
DATABASE_ENV = "GWA_DATABASE"
DATA_DIR_ENV = "GWA_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "GWA-Daten"
#: Inside the portable folder: what libraries below the program (Qt, fontconfig) would
#: otherwise write into the host's configuration and cache folders.
SYSTEM_FOLDER = "system"
_XDG_FOLDERS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
}
#: Written and removed at start to find a read-only or full stick before any real work.
_PROBE_BYTES = 64 * 1024
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}

_dirs = PlatformDirs(APP_NAME, appauthor=False)
_portable_folder: Path | None = None


class DataFolderError(OSError):
    """The data folder cannot be used; `str(error)` is a message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def program_dir() -> Path:
    """The folder the program was started from, where `portable.txt` and `GWA-Daten` lie.

    A frozen build: the folder of the executable. Otherwise the folder of the started
    launcher (the `gwa` and `gwa-desktop` scripts of an installation); `python -m
    gwa_desktop` counts as started from the folder that holds the package (a checkout).
    """
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    package = Path(__file__).resolve().parent
    # Not `is_file()`: Windows' launchers may report themselves without ".exe".
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] not in ("", "-c") else None
    if script is None or not script.parent.is_dir() or package in script.parents:
        return package.parent
    return script.parent


def portable_marker() -> Path:
    return program_dir() / PORTABLE_MARKER


def start_portable(requested: bool) -> Path | None:
    """Switch to portable mode when asked or marked; returns the portable folder or None.

    Called once at start, before anything is read or written. Raises DataFolderError
    when the folder cannot be created or written (read-only or full stick).
    """
    global _portable_folder
    if not requested and not portable_marker().is_file():
        return None
    folder = program_dir() / PORTABLE_FOLDER
    # Even when the stick turns out unusable, Qt and fontconfig must not fall back to
    # the host's folders while the message is shown.
    _keep_libraries_on_the_stick(folder)
    _prepare(folder)
    _portable_folder = folder
    return folder


def portable_folder() -> Path | None:
    """The portable data folder when the program runs portable, else None."""
    return _portable_folder


def data_dir() -> Path:
    if _portable_folder is not None:
        if not _portable_folder.is_dir():
            raise DataFolderError(_folder_gone_message(_portable_folder))
        return _portable_folder
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_data_dir() -> None:
    """Raise DataFolderError when the portable folder is gone (stick pulled out).

    Cheap enough for every write; the user's own folders are not touched here.
    """
    if _portable_folder is not None:
        data_dir()


def default_database_path() -> Path:
    return data_dir() / "gwa.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(exist_ok=True)
    return path


def database_location(cli_value: str | None = None) -> str:
    """The database the user asked for: command line, then environment, then default.

    The value may be a file path or a full SQLAlchemy URL (e.g. for a shared PostgreSQL
    database at the district office). A portable program ignores the host's environment.
    """
    if cli_value:
        return cli_value
    from_environment = os.environ.get(DATABASE_ENV) if _portable_folder is None else None
    return from_environment or str(default_database_path())


def _prepare(folder: Path) -> None:
    """Create the folder (never its parents: they are the stick), write a probe file and
    create the libraries' folders inside."""
    probe = folder / ".write-test"
    try:
        folder.mkdir(exist_ok=True)
        with probe.open("wb") as handle:
            handle.write(b"\0" * _PROBE_BYTES)
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
        for name in _XDG_FOLDERS.values():
            (folder / SYSTEM_FOLDER / name).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _remove_quietly(probe)
        raise DataFolderError(_unusable_message(folder, error)) from error


def _unusable_message(folder: Path, error: OSError) -> str:
    if error.errno in _READ_ONLY:
        text = _(
            "The portable data folder {folder} cannot be written to (the USB stick is read-only or write-protected). "
            "Nothing was written to this computer. Move the write-protect switch of the stick or copy the program "
            "to a writable stick, then start it again."
        )
    elif error.errno in _FULL:
        text = _(
            "The USB stick with the portable data folder {folder} is full. Nothing was written to this computer. "
            "Free some space on the stick (e.g. delete old backups there), then start the program again."
        )
    elif error.errno in (errno.ENOENT, errno.ENOTDIR):
        text = _folder_gone_message(folder)
    else:
        text = _(
            "The portable data folder {folder} cannot be used ({reason}). Nothing was written to this computer. "
            "Check the USB stick, then start the program again."
        )
    return text.format(folder=folder, reason=error.strerror or type(error).__name__)


def _folder_gone_message(folder: Path) -> str:
    return _(
        "The portable data folder {folder} can no longer be reached (was the USB stick removed?). Nothing was "
        "written to this computer instead. Connect the stick again; if a change was not saved, repeat it."
    ).format(folder=folder)


def _keep_libraries_on_the_stick(folder: Path) -> None:
    """Point the XDG folders at the stick, so Qt's settings and fontconfig's cache go there.

    Windows and macOS have no such variables; there the program itself writes nothing
    else, and Qt's own settings are redirected in the UI (see ui.app).
    """
    if os.name != "posix":
        return
    for variable, name in _XDG_FOLDERS.items():
        os.environ[variable] = str(folder / SYSTEM_FOLDER / name)


def portable_help() -> str:
    """The help of the `--portable` option of both programs."""
    return _(
        "keep all data, settings, backups and the log in the folder GWA-Daten beside the program "
        "(e.g. on a USB stick); also on when a file portable.txt lies beside the program"
    )


def _remove_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
