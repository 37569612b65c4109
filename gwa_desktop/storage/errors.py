"""Storage failures the user can understand and act on.

Each error carries a translated message saying what is wrong and what to do; the raw
driver error stays attached as `__cause__` for the log.
"""

from __future__ import annotations

from gwa_desktop.i18n import _


class StorageError(Exception):
    """Base class: `str(error)` is a message for the user."""


class NotADatabaseError(StorageError):
    def __init__(self, location: str) -> None:
        super().__init__(
            _(
                "The file {path} is not a GWA Desktop database (it is damaged or another "
                "kind of file). Nothing was changed. Choose another file or restore a backup."
            ).format(path=location)
        )


class EmptyDatabaseFileError(NotADatabaseError):
    """A zero-byte file: refused rather than silently turned into a new, empty database.

    Such a file is what is left when a copy or a disk failed; starting afresh in it
    would hide that the data are gone.
    """

    def __init__(self, location: str) -> None:
        StorageError.__init__(
            self,
            _(
                "The file {path} is empty (0 bytes) and holds no data. Nothing was changed. "
                "Restore a backup, or delete the empty file to start a new database."
            ).format(path=location),
        )


class DamagedDatabaseError(NotADatabaseError):
    def __init__(self, location: str, problems: list[str]) -> None:
        self.problems = problems
        StorageError.__init__(
            self,
            _(
                "The file {path} is damaged (SQLite's integrity check failed: {problem}). "
                "Nothing was changed. Restore or choose an intact backup."
            ).format(path=location, problem=problems[0] if problems else "?"),
        )


class AlteredDatabaseError(NotADatabaseError):
    """The schema is not the program's own: a table or column missing, or an object added."""

    def __init__(self, location: str, differences: list[str]) -> None:
        self.differences = differences
        shown = ", ".join(differences[:5]) + (" …" if len(differences) > 5 else "")
        StorageError.__init__(
            self,
            _(
                "The file {path} does not have the structure GWA Desktop creates ({details}); "
                "it may have been altered. Nothing was changed. Restore or choose an intact backup."
            ).format(path=location, details=shown),
        )


class NewerDatabaseError(StorageError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(
            _(
                "The database {path} was written by a newer version of GWA Desktop "
                "(schema {revision}). Please install the newer program version; the "
                "database was not changed."
            ).format(path=location, revision=revision)
        )


class ReadOnlyDatabaseError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The database cannot be written (read-only file, folder or medium). "
                "Your entry was not saved, but it is still in the form. Check the write "
                "permissions or copy the database to a writable folder."
            )
        )


class DiskFullError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The disk is full. Your entry was not saved, but it is still in the form. "
                "Free some space and save again."
            )
        )


class DatabaseUnavailableError(StorageError):
    def __init__(self, location: str) -> None:
        super().__init__(
            _(
                "The database {path} cannot be opened. Check that the folder exists, that "
                "the USB stick or network drive is connected, and that you may write there."
            ).format(path=location)
        )


class DatabaseBusyError(StorageError):
    """Another connection held the write lock longer than the busy timeout (5 s)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "The database is busy: another window, program or computer is writing to it. "
                "Your entry was not saved, but it is still in the form. Try again in a moment."
            )
        )


def translate_operational_error(error: Exception, location: str = "") -> StorageError | None:
    """Map a driver error to a user-facing StorageError, or None when it is unexpected."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError()
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return DiskFullError()
    if "file is not a database" in text or "malformed" in text:
        return NotADatabaseError(location)
    if (
        "database is locked" in text
        or "database table is locked" in text
        or "database is busy" in text
    ):
        return DatabaseBusyError()
    if "unable to open database" in text:
        return DatabaseUnavailableError(location)
    return None
