"""Backups of the database file, automatic rotation, restore with a safety copy, integrity.

Copies are taken with SQLite's online backup API: it reads one consistent snapshot even
while the program writes (a plain file copy could catch half a transaction or miss the
part still in the -wal file). Every backup is a single self-contained file.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gwa_desktop.exchange.atomic import atomic_path
from gwa_desktop.exchange.errors import ExchangeError, PackageError
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date, format_time
from gwa_desktop.paths import backups_dir
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from gwa_desktop.storage.database import SQLITE_HEADER, Database, alembic_config, open_database
from gwa_desktop.storage.errors import StorageError

AUTOMATIC_PREFIX = "auto-"
MANUAL_PREFIX = "gwa-backup-"
SAFETY_PREFIX = "before-restore-"
SUFFIX = ".sqlite"
KEEP_LATEST = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S"
STAMP_PATTERN = re.compile(r"(\d{8}-\d{6})")
COUNTED_TABLES = ("contacts", "offers", "activities", "district_packages")


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
        text = _("Backup of {municipality} from {when}: {contacts} contacts, {offers} offers, {activities} activities.").format(
            municipality=self.municipality or "–", when=self.modified.strftime("%d.%m.%Y %H:%M"),
            contacts=self.counts.get("contacts", 0), offers=self.counts.get("offers", 0),
            activities=self.counts.get("activities", 0))
        packages = self.counts.get("district_packages", 0)
        if packages:
            text += " " + _("It also holds {packages} imported district packages.").format(packages=packages)
        return text


def database_file(database: Database) -> Path:
    path = database.file_path
    if path is None:
        raise ExchangeError(_("Backups work only for a database file. Back up a database server with its own tools."))
    return path


def backup_database(database: Database, folder: Path, prefix: str = MANUAL_PREFIX) -> Path:
    """A complete, consistent copy of the open database in `folder`; returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, prefix)
    copy_database(database_file(database), target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Copy with the online backup API into a temporary file that replaces `target` when complete."""
    with atomic_path(target) as temporary:
        with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(temporary)) as copy:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")


def automatic_backup(database: Database, folder: Path | None = None) -> Path | None:
    """Back up on exit and thin out older automatic backups; None for a database server."""
    if database.file_path is None:
        return None
    folder = Path(folder) if folder is not None else backups_dir()
    path = backup_database(database, folder, AUTOMATIC_PREFIX)
    rotate(folder, in_use=database.file_path)
    return path


def rotate(folder: Path, keep: int = KEEP_LATEST, in_use: Path | None = None) -> list[Path]:
    """Delete automatic backups except the newest `keep` and the newest of each month.

    A backup the program has opened as its database (someone opened it directly instead
    of restoring it) is never deleted.
    """
    backups = list_backups(folder, AUTOMATIC_PREFIX)
    kept = set(backups[:keep])
    if in_use is not None:
        kept.update(p for p in backups if p.resolve() == in_use.resolve())
    months: set[str] = set()
    for path in backups:
        month = _stamp_of(path)[:6]
        if month not in months:
            months.add(month)
            kept.add(path)
    removed = [path for path in backups if path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(folder: Path, prefix: str = "") -> list[Path]:
    """Backups in `folder`, newest first (the names carry the time stamp)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{prefix}*{SUFFIX}") if _stamp_of(p) is not None]
    return sorted(found, key=lambda p: (_stamp_of(p), p.name), reverse=True)


def describe_backup(path: Path) -> BackupSummary:
    """Counts, municipality and schema of a backup; refuses anything it could not restore."""
    path = Path(path)
    with closing(_open_read_only(path)) as connection:
        try:
            problems = _check(connection, "quick_check")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or problems:
                raise PackageError(_("The file {path} is not an intact GWA Desktop backup. Nothing was changed.").format(path=path))
            (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES if t in tables}
            row = connection.execute("SELECT name FROM municipality_settings WHERE id = 1").fetchone()
        except sqlite3.DatabaseError as error:
            raise PackageError(_("The file {path} is not an intact GWA Desktop backup. Nothing was changed.").format(path=path)) from error
    if revision not in {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}:
        raise PackageError(_("The backup {path} was made by a newer version of GWA Desktop. Install that version to restore it.").format(path=path))
    return BackupSummary(path, row[0] if row else "", revision, counts, datetime.fromtimestamp(path.stat().st_mtime))


def restore_backup(database: Database, backup: Path, safety_folder: Path | None = None) -> Path:
    """Replace the database content with `backup`; returns the safety copy made first.

    The open `Database` stays usable: its connections are closed and reopen on the
    restored file, which is migrated when the backup comes from an older version.
    """
    describe_backup(backup)
    safety = backup_database(database, safety_folder or backups_dir(), SAFETY_PREFIX)
    target = database_file(database)
    database.engine.dispose()
    try:
        with closing(sqlite3.connect(backup)) as origin, closing(sqlite3.connect(target)) as current:
            origin.backup(current)
        open_database(database.location).close()
    except (sqlite3.Error, StorageError) as error:
        copy_back(safety, target)
        raise ExchangeError(_("The backup could not be restored ({reason}). The previous state was put back.").format(reason=error)) from error
    return safety


def restore_in_place_of(backup: Path, target: Path) -> Path:
    """Put `backup` where a database file that cannot be opened lies; returns where that
    file was moved to (it is kept: a specialist may still rescue entries from it).

    For a damaged database the normal restore cannot run, since it opens the database
    first to take a safety copy.
    """
    describe_backup(backup)
    stamp = datetime.now().strftime(STAMP_FORMAT)
    kept = target.with_name(f"{target.stem}-unreadable-{stamp}{target.suffix}")
    for suffix in ("-wal", "-shm"):
        companion = target.with_name(target.name + suffix)
        if companion.exists():
            companion.replace(kept.with_name(kept.name + suffix))
    if target.exists():
        target.replace(kept)
    try:
        copy_database(backup, target)
        open_database(str(target)).close()
    except (sqlite3.Error, StorageError, ExchangeError) as error:
        target.unlink(missing_ok=True)
        if kept.exists():
            kept.replace(target)
        raise ExchangeError(_("The backup could not be restored ({reason}). The previous file was put back.").format(reason=error)) from error
    return kept


def copy_back(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as current:
        origin.backup(current)


def integrity_problems(database: Database) -> list[str]:
    """Empty when SQLite finds the open database intact; else its complaints (start-up check)."""
    if not database.is_sqlite:
        return []
    try:
        with database.engine.connect() as connection:
            rows = [row[0] for row in connection.execute(text("PRAGMA quick_check"))]
    except DBAPIError as error:
        return [str(error.orig)]
    return [] if rows == ["ok"] else rows


def _check(connection: sqlite3.Connection, pragma: str) -> list[str]:
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise PackageError(_("The file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror)) from error
    if header != SQLITE_HEADER:
        raise PackageError(_("The file {path} is not a GWA Desktop backup. Nothing was changed.").format(path=path))
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
    reason = next((text for prefix, text in reasons.items() if path.name.startswith(prefix)), path.name)
    return f"{format_date(when.date())} {format_time(when.time())} – {reason}"


def _free_name(folder: Path, prefix: str) -> Path:
    stamp = datetime.now().strftime(STAMP_FORMAT)
    return next(
        path for n in range(1, 1000)
        if not (path := folder / f"{prefix}{stamp}{'' if n == 1 else f'-{n}'}{SUFFIX}").exists()
    )


def _stamp_of(path: Path) -> str | None:
    match = STAMP_PATTERN.search(path.stem)
    return match.group(1) if match else None
