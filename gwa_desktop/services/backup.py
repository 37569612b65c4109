"""Backups of the database file, automatic rotation, restore with a safety copy, integrity.

Copies are taken with SQLite's online backup API: it reads one consistent snapshot even
while the program writes (a plain file copy could catch half a transaction or miss the
part still in the -wal file). The snapshot is taken into memory and written encrypted
(exchange.backup_file): with the key file of the data folder (services.backup_key), or
with a password the officer chooses for a backup that travels. Every backup is a single
self-contained file, readable by its owner only. Backups of older versions (plain
`.sqlite` files) are still listed and restored.

A restore re-applies every erasure the replaced database logged and the backup does not
know (services.erasure): a person deleted after the backup was taken stays deleted.

A backup is restored only after the checks the program applies to its own database
(storage.database.check_sqlite_database: full integrity check, foreign keys, the exact
schema of its revision, a known revision), run on the very copy that is then put in
place, so nothing can change between the check and the restore. Copies do not outlive
their use: safety copies are rotated, monthly backups kept for a set period only, and
temporary `.part` files a crash left behind are removed at the next start.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
import sqlite3
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gwa_desktop.exchange import backup_file
from gwa_desktop.exchange.atomic import atomic_path, write_error
from gwa_desktop.exchange.errors import ExchangeError, PackageError
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date, format_time
from gwa_desktop.paths import backups_dir, data_dir
from gwa_desktop.preferences import stored_backup_months
from gwa_desktop.services.backup_key import backup_key, key_file_path, stored_key
from gwa_desktop.storage import schema_check
from gwa_desktop.storage.errors import (
    AlteredDatabaseError,
    DamagedDatabaseError,
    NewerDatabaseError,
    StorageError,
)
from gwa_desktop.storage.reading import SQLITE_HEADER

# SQLAlchemy and the database module are imported where they are used: `gwa count`
# tidies the data folders at start (tidy_data_folders) without either.
if TYPE_CHECKING:
    from gwa_desktop.services.erasure import LoggedErasure
    from gwa_desktop.storage.database import Database

AUTOMATIC_PREFIX = "auto-"
MANUAL_PREFIX = "gwa-backup-"
SAFETY_PREFIX = "before-restore-"
SUFFIX = ".gwabak"
#: What versions before encrypted backups wrote: still listed and restored.
PLAIN_SUFFIX = ".sqlite"
KEEP_LATEST = 10
#: Safety copies taken before restores: enough to undo the last few restores.
KEEP_SAFETY_COPIES = 3
#: How long the newest automatic backup of each month is kept, unless set on this computer.
DEFAULT_KEEP_MONTHS = 24
STAMP_FORMAT = "%Y%m%d-%H%M%S"
STAMP_PATTERN = re.compile(r"(\d{8}-\d{6})")
COUNTED_TABLES = ("contacts", "offers", "activities", "district_packages")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, shown before the user decides to restore it."""

    path: Path
    municipality: str
    revision: str
    counts: dict[str, int]
    modified: datetime

    def describe(self) -> str:
        """The preview in words, for the restore dialog and the command line."""
        text = _(
            "Backup of {municipality} from {when}: {contacts} contacts, {offers} offers, {activities} activities."
        ).format(
            municipality=self.municipality or "–",
            when=self.modified.strftime("%d.%m.%Y %H:%M"),
            contacts=self.counts.get("contacts", 0),
            offers=self.counts.get("offers", 0),
            activities=self.counts.get("activities", 0),
        )
        packages = self.counts.get("district_packages", 0)
        if packages:
            text += " " + _("It also holds {packages} imported district packages.").format(
                packages=packages
            )
        return text


def database_file(database: Database) -> Path:
    path = database.file_path
    if path is None:
        raise ExchangeError(
            _(
                "Backups work only for a database file. Back up a database server with its own tools."
            )
        )
    return path


def check_backup_password(database: Database, password: str) -> None:
    """Refuse a weak password; the municipality's own names count as easy to guess."""
    from gwa_desktop.exchange.encrypted import check_password  # the window starts without it
    from gwa_desktop.services.settings import SettingsService

    municipality = SettingsService(database).get()
    check_password(password, (municipality.name, municipality.district, municipality.officer_name))


def backup_database(
    database: Database, folder: Path, prefix: str = MANUAL_PREFIX, password: str | None = None
) -> Path:
    """An encrypted, consistent copy of the open database in `folder`; returns its path.

    Encrypted with `password` when one is given, else with the data folder's key file.
    """
    folder = _private_folder(Path(folder))
    target = _free_name(folder, prefix)
    write_backup(target, serialized(database_file(database)), password)
    return target


def serialized(source: Path) -> bytes:
    """The database at `source` as bytes, copied with the online backup API into memory:
    the plain copy never lies on a disk."""
    with (
        closing(sqlite3.connect(source)) as origin,
        closing(sqlite3.connect(":memory:")) as copy,
    ):
        origin.backup(copy)
        plain = bytearray(copy.serialize())
    # Bytes 18 and 19 of the header say "WAL mode", copied from the source; a database
    # deserialized with them looks for a -wal file it cannot have. 1 is rollback mode.
    plain[18:20] = b"\x01\x01"
    return bytes(plain)


def write_backup(target: Path, plain: bytes, password: str | None = None) -> None:
    """Encrypt `plain` into a temporary file that replaces `target` when complete.

    The temporary file is created 0600 and keeps that mode when renamed: only its owner
    may read the copy (chmod does nothing on Windows, where the user folder is private).
    """
    if password is None:
        pieces = backup_file.seal(plain, backup_key(), backup_file.Protection.KEY_FILE)
    else:
        pieces = backup_file.seal(plain, password, backup_file.Protection.PASSWORD)
    with atomic_path(target) as temporary:
        os.chmod(temporary, 0o600)
        with temporary.open("wb") as handle:
            for piece in pieces:
                handle.write(piece)


def keep_months() -> int:
    """How many months monthly backups are kept on this computer (a per-machine preference)."""
    return stored_backup_months() or DEFAULT_KEEP_MONTHS


def automatic_backup(database: Database, folder: Path | None = None) -> Path | None:
    """Back up on exit and thin out older automatic backups; None for a database server."""
    if database.file_path is None:
        return None
    folder = Path(folder) if folder is not None else backups_dir()
    path = backup_database(database, folder, AUTOMATIC_PREFIX)
    rotate(folder, in_use=database.file_path, months=keep_months())
    return path


def rotate(
    folder: Path,
    keep: int = KEEP_LATEST,
    in_use: Path | None = None,
    months: int = DEFAULT_KEEP_MONTHS,
    today: datetime | None = None,
) -> list[Path]:
    """Delete automatic backups except the newest `keep` and, for the last `months`
    months, the newest of each month.

    Older monthly backups go: personal data deleted from the database must not live on
    in backups for ever. A backup the program has opened as its database (someone opened
    it directly instead of restoring it) is never deleted.
    """
    now = today or datetime.now()
    backups = list_backups(folder, AUTOMATIC_PREFIX)
    kept = set(backups[:keep])
    if in_use is not None:
        kept.update(p for p in backups if p.resolve() == in_use.resolve())
    seen: set[str] = set()
    for path in backups:
        stamp = _stamp_of(path)
        assert stamp is not None, "list_backups returns stamped names only"
        month = stamp[:6]
        age = (now.year * 12 + now.month) - (int(month[:4]) * 12 + int(month[4:]))
        if month not in seen and age < months:
            kept.add(path)
        seen.add(month)
    return _remove([path for path in backups if path not in kept])


def rotate_safety_copies(
    folder: Path, keep: int = KEEP_SAFETY_COPIES, in_use: Path | None = None
) -> list[Path]:
    """Delete the safety copies taken before restores except the newest `keep`."""
    copies = list_backups(folder, SAFETY_PREFIX)
    return _remove([p for p in copies[keep:] if in_use is None or p.resolve() != in_use.resolve()])


#: A `.part` file untouched this long is a crash's leftover; younger ones may belong to
#: another instance of the program that is writing at this moment.
LEFTOVER_AGE_SECONDS = 15 * 60


def tidy_data_folders(database_location: str) -> list[Path]:
    """At start: remove what a crash left, make the backups private, rotate safety copies.

    Hidden `.part` files are half-written copies (backups, exports, a new database) with
    plaintext personal data; the program removes its own: those in its data and backups
    folders, and those of the database file beside it. Older versions wrote copies
    readable by everyone; they are made owner-only. Returns the files removed.
    """
    try:
        return _tidy(database_location)
    except OSError:
        log.warning("tidying the data folders failed", exc_info=True)
        return []


def _tidy(database_location: str) -> list[Path]:
    backups = backups_dir()
    removed = [*_leftover_parts(data_dir(), ".*"), *_leftover_parts(backups, ".*")]
    if "://" not in database_location:
        database = Path(database_location).expanduser()
        if database.parent.is_dir():
            removed += _leftover_parts(database.parent, f".{glob.escape(database.name)}.*")
    _private_folder(backups)
    for copy in [*backups.glob(f"*{SUFFIX}"), *backups.glob(f"*{PLAIN_SUFFIX}")]:
        if copy.is_file() and not copy.is_symlink():
            _chmod(copy, 0o600)
    in_use = Path(database_location).expanduser() if "://" not in database_location else None
    return _remove(removed) + rotate_safety_copies(backups, in_use=in_use)


def _leftover_parts(folder: Path, pattern: str, now: float | None = None) -> list[Path]:
    """`.part` files old enough to be a crash's leftovers, not another running program's
    backup, export or new database still being written (which takes seconds, not
    LEFTOVER_AGE_SECONDS)."""
    if not folder.is_dir():
        return []
    found = [
        *folder.glob(f"{pattern}.part"),
        *folder.glob(f"{pattern}.part-wal"),
        *folder.glob(f"{pattern}.part-shm"),
        *folder.glob(f"{pattern}.part-journal"),
    ]
    cutoff = (time.time() if now is None else now) - LEFTOVER_AGE_SECONDS
    return [
        path
        for path in found
        if path.is_file() and not path.is_symlink() and _modified(path) < cutoff
    ]


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")  # gone meanwhile: nothing to remove


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(path)
    return removed


def _private_folder(folder: Path) -> Path:
    """Create `folder` owner-only; the program's own backups folder is made so if it is not."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.resolve() == (data_dir() / "backups").resolve():
        _chmod(folder, 0o700)
    return folder


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def list_backups(folder: Path, prefix: str = "") -> list[Path]:
    """Backups in `folder`, newest first (the names carry the time stamp)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [
        p
        for suffix in (SUFFIX, PLAIN_SUFFIX)
        for p in folder.glob(f"{prefix}*{suffix}")
        if _stamp_of(p) is not None
    ]
    return sorted(found, key=lambda p: (_stamp_of(p), p.name), reverse=True)


def describe_backup(path: Path, password: str | None = None) -> BackupSummary:
    """Counts, municipality and schema of a backup; refuses anything it could not restore.

    Only a regular file is read (a FIFO would block for ever, a link may point anywhere),
    and only after every check the program applies to its own database has passed. An
    encrypted backup is decrypted into a private temporary file of the data folder.
    """
    path = Path(path)
    if not _require_backup_file(path):
        return _summary(path, path)
    with _checked_snapshot(path, data_dir(), password) as (_snapshot, summary):
        return summary


def _summary(path: Path, shown: Path) -> BackupSummary:
    """The checks and the preview of the file at `path`; messages name `shown`."""
    from gwa_desktop.storage.database import check_sqlite_database

    not_intact = _(
        "The file {path} is not an intact GWA Desktop backup. Nothing was changed."
    ).format(path=shown)
    with closing(_open_read_only(path)) as connection:
        try:
            revision = check_sqlite_database(connection, str(shown), integrity=True)
            if revision is None:
                raise PackageError(not_intact)
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            counts = {
                t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in COUNTED_TABLES
                if t in tables
            }
            row = connection.execute(
                "SELECT name FROM municipality_settings WHERE id = 1"
            ).fetchone()
        except NewerDatabaseError as error:
            raise PackageError(
                _(
                    "The backup {path} was made by a newer version of GWA Desktop. Install that version to restore it."
                ).format(path=shown)
            ) from error
        except (DamagedDatabaseError, AlteredDatabaseError) as error:
            raise PackageError(str(error)) from error
        except (StorageError, sqlite3.DatabaseError) as error:
            raise PackageError(not_intact) from error
    return BackupSummary(
        shown,
        row[0] if row else "",
        revision,
        counts,
        datetime.fromtimestamp(shown.stat().st_mtime),
    )


@contextmanager
def _checked_snapshot(
    backup: Path, folder: Path, password: str | None = None
) -> Iterator[tuple[Path, BackupSummary]]:
    """A copy of `backup` in `folder` that has passed every check, and its summary.

    Checking the copy, not the original, means nothing can change between the check and
    the restore (a file on a stick or a share could be rewritten in between).
    """
    backup = Path(backup)
    sealed = _require_backup_file(backup)
    plain = _unsealed(backup, password) if sealed else None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".part", dir=folder)
        os.close(handle)
    except OSError as error:
        raise write_error(error, folder / backup.name) from error
    snapshot = Path(name)
    try:
        try:
            with (
                closing(_open_read_only(backup) if plain is None else _in_memory(plain)) as origin,
                closing(sqlite3.connect(snapshot)) as copy,
            ):
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.DatabaseError as error:
            raise PackageError(
                _(
                    "The file {path} is not an intact GWA Desktop backup. Nothing was changed."
                ).format(path=backup)
            ) from error
        yield snapshot, _summary(snapshot, backup)
    finally:
        snapshot.unlink(missing_ok=True)


class BackupPasswordNeeded(PackageError):
    """The backup is protected with a password and none was given: ask for it."""


def needs_password(path: Path) -> bool:
    """True for a backup encrypted with a password (the restore dialog asks for it)."""
    try:
        with Path(path).open("rb") as handle:
            header = backup_file.read_header(handle.read(backup_file.HEADER_BYTES))
    except OSError:
        return False
    return header is not None and header.protection is backup_file.Protection.PASSWORD


def _unsealed(path: Path, password: str | None) -> bytes:
    """The plain database of an encrypted backup, or a message saying what is lost."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise PackageError(
            _("The file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror)
        ) from error
    header = backup_file.read_header(content)
    if header is None:
        raise PackageError(
            _(
                "The backup {path} was made by a newer version of GWA Desktop. Install that version to restore it."
            ).format(path=path)
        )
    if header.protection is backup_file.Protection.PASSWORD:
        if not password:
            raise BackupPasswordNeeded(
                _("The backup {path} is protected with a password. Enter it to restore.").format(
                    path=path
                )
            )
        secret = password
        wrong = _(
            "The password for the backup {path} is wrong, or the file was changed. Nothing was changed. Without "
            "its password nobody can read this backup: what it holds (the contacts, offers and activities of the "
            "day it was made) is lost unless you remember the password or have another backup."
        ).format(path=path)
    else:
        key = stored_key()
        wrong = _(
            "The backup {path} cannot be opened with the key file {key}: it was made with another key file (on "
            "another computer or data folder, or before the key file was replaced) or it was changed. Nothing was "
            "changed. Without its key file nobody can read this backup; put the key file it was made with back "
            "into the data folder, or choose another backup."
        ).format(path=path, key=key_file_path())
        if key is None or backup_file.key_id(key) != header.key_id:
            raise PackageError(wrong)
        secret = key
    try:
        return bytes(backup_file.open_backup(content, secret))
    except PackageError as error:
        raise PackageError(wrong) from error


def _in_memory(plain: bytes) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.deserialize(plain)
    return connection


def restore_backup(
    database: Database,
    backup: Path,
    safety_folder: Path | None = None,
    password: str | None = None,
) -> Path:
    """Replace the database content with `backup`; returns the safety copy made first.

    The open `Database` stays usable: its connections are closed and reopen on the
    restored file, which is migrated when the backup comes from an older version. Every
    erasure logged in the replaced database is applied to the restored one again.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from gwa_desktop.services.erasure import ErasureService

    target = database_file(database)
    folder = safety_folder or backups_dir()
    erasures = ErasureService(database).log()
    with _checked_snapshot(backup, target.parent, password) as (snapshot, _summary_of_it):
        current = serialized(target)
        safety = _free_name(_private_folder(Path(folder)), SAFETY_PREFIX)
        write_backup(safety, current)
        database.engine.dispose()
        try:
            copy_back(snapshot, target)
            reapply_erasures(database.location, erasures)
        except (sqlite3.Error, SQLAlchemyError, StorageError) as error:
            _put_back(current, target)
            raise ExchangeError(
                _(
                    "The backup could not be restored ({reason}). The previous state was put back."
                ).format(reason=error)
            ) from error
    rotate_safety_copies(folder, in_use=target)
    return safety


def reapply_erasures(location: str, erasures: list[LoggedErasure]) -> list[LoggedErasure]:
    """Open (and migrate) the restored database and erase again whom `erasures` name."""
    from gwa_desktop.services.erasure import ErasureService
    from gwa_desktop.storage.database import open_database

    restored = open_database(location)
    try:
        return ErasureService(restored).reapply(erasures)
    finally:
        restored.close()


def _put_back(plain: bytes, target: Path) -> None:
    with closing(_in_memory(plain)) as origin, closing(sqlite3.connect(target)) as current:
        origin.backup(current)


def _logged_erasures(path: Path) -> list[LoggedErasure]:
    """The erasure log of a database file that cannot be opened as a whole, as far as it
    can still be read; empty when it cannot (the officer is told to check)."""
    from gwa_desktop.domain.retention import ErasureAction, ErasureReason
    from gwa_desktop.services.erasure import LoggedErasure

    try:
        with closing(_open_read_only(path)) as connection:
            rows = connection.execute(
                "SELECT token, contact_id, erased_at, action, reason FROM erasure_log ORDER BY id"
            ).fetchall()
        return [
            LoggedErasure(
                token,
                contact_id,
                datetime.fromisoformat(erased_at),
                ErasureAction(action),
                ErasureReason(reason),
            )
            for token, contact_id, erased_at, action, reason in rows
        ]
    except (sqlite3.Error, ValueError, TypeError):
        return []


def restore_in_place_of(backup: Path, target: Path, password: str | None = None) -> Path:
    """Put `backup` where a database file that cannot be opened lies; returns where that
    file was moved to (it is kept: a specialist may still rescue entries from it).

    For a damaged database the normal restore cannot run, since it opens the database
    first to take a safety copy.
    """
    from sqlalchemy.exc import SQLAlchemyError

    stamp = datetime.now().strftime(STAMP_FORMAT)
    kept = target.with_name(f"{target.stem}-unreadable-{stamp}{target.suffix}")
    erasures = _logged_erasures(target) if target.exists() else []
    with _checked_snapshot(backup, target.parent, password) as (snapshot, _summary_of_it):
        for suffix in ("-wal", "-shm"):
            companion = target.with_name(target.name + suffix)
            if companion.exists():
                companion.replace(kept.with_name(kept.name + suffix))
        if target.exists():
            target.replace(kept)
        try:
            os.replace(snapshot, target)
            reapply_erasures(str(target), erasures)
        except (OSError, sqlite3.Error, SQLAlchemyError, StorageError, ExchangeError) as error:
            target.unlink(missing_ok=True)
            if kept.exists():
                kept.replace(target)
            raise ExchangeError(
                _(
                    "The backup could not be restored ({reason}). The previous file was put back."
                ).format(reason=error)
            ) from error
    return kept


def copy_back(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as current:
        origin.backup(current)


def integrity_problems(database: Database, tables: Sequence[str] | None = None) -> list[str]:
    """Empty when SQLite finds the open database intact; else its complaints (start-up check).

    `quick_check` (every page, without comparing each index with its table) and
    `foreign_key_check`: fast enough for every start of the window and of `gwa`. The
    full `integrity_check`, which reads the whole file once more, runs where a file is
    about to be trusted: before a restore and before an upgrade. `tables` limits the
    check to the tables a command reads (see `schema_check.integrity_problems`).
    """
    from sqlalchemy.exc import DBAPIError

    if not database.is_sqlite:
        return []
    try:
        with database.engine.connect() as connection:
            return schema_check.integrity_problems(
                schema_check.sqlite_driver(connection), full=False, tables=tables
            )
    except (DBAPIError, sqlite3.Error) as error:
        return [str(getattr(error, "orig", error))]


def _require_backup_file(path: Path) -> bool:
    """Refuse anything but a regular file holding a SQLite header or an encrypted backup's,
    without blocking on it; True for an encrypted backup.

    The type is checked without following a link, and the file opened non-blocking: a
    FIFO swapped in between would otherwise hang the program on `open`.
    """
    cannot_read = _("The file {path} cannot be read ({reason}).")
    not_regular = _(
        "{path} is not a regular file (but a link, a folder or a device). Choose the backup file itself. Nothing was changed."
    )
    try:
        status = os.lstat(path)
    except OSError as error:
        raise PackageError(cannot_read.format(path=path, reason=error.strerror)) from error
    if not stat.S_ISREG(status.st_mode):
        raise PackageError(not_regular.format(path=path))
    try:
        descriptor = os.open(
            path,
            os.O_RDONLY
            | getattr(os, "O_NONBLOCK", 0)
            | getattr(os, "O_NOFOLLOW", 0)
            | getattr(os, "O_BINARY", 0),
        )
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise PackageError(not_regular.format(path=path))
            header = os.read(descriptor, backup_file.HEADER_BYTES)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise PackageError(cannot_read.format(path=path, reason=error.strerror)) from error
    if backup_file.is_backup_file(header):
        return True
    if not header.startswith(SQLITE_HEADER):
        raise PackageError(
            _("The file {path} is not a GWA Desktop backup. Nothing was changed.").format(path=path)
        )
    return False


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Read exactly the file, never write to it (also on a write-protected medium)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def backup_label(path: Path) -> str:
    """A backup as a person reads it: when, and why it was made; the file name otherwise."""
    stamp = _stamp_of(path)
    if stamp is None:
        return path.name
    when = datetime.strptime(stamp, STAMP_FORMAT)
    reasons = {
        MANUAL_PREFIX: _("saved by hand"),
        AUTOMATIC_PREFIX: _("saved automatically on closing"),
        SAFETY_PREFIX: _("safety copy before a restore"),
    }
    reason = next(
        (text for prefix, text in reasons.items() if path.name.startswith(prefix)), path.name
    )
    return f"{format_date(when.date())} {format_time(when.time())} – {reason}"


def _free_name(folder: Path, prefix: str) -> Path:
    stamp = datetime.now().strftime(STAMP_FORMAT)
    return next(
        path
        for n in range(1, 1000)
        if not (path := folder / f"{prefix}{stamp}{'' if n == 1 else f'-{n}'}{SUFFIX}").exists()
    )


def _stamp_of(path: Path) -> str | None:
    match = STAMP_PATTERN.search(path.stem)
    return match.group(1) if match else None
