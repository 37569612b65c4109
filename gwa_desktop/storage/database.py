"""Opening the database: URL resolution, SQLite pragmas, checks and migrations at start.

A database from an older program version is upgraded in place, in one transaction,
after a copy of the file has been put aside; a new one is built under a temporary name
and appears complete or not at all. One from a newer version, a foreign or altered
SQLite file, an empty file or a file that is not SQLite at all is refused before
anything is written to it.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from gwa_desktop.storage.errors import (
    AlteredDatabaseError,
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
    translate_operational_error,
)
from gwa_desktop.storage.reading import check_sqlite_file
from gwa_desktop.storage.revisions import (
    MIGRATIONS_DIR,
    graph_head,
    is_known_head_schema,
    revision_graph,
)
from gwa_desktop.storage.schema_check import (
    Schema,
    integrity_problems,
    read_schema,
    schema_differences,
    sqlite_driver,
)

if TYPE_CHECKING:
    from alembic.config import Config

#: Copies put aside before upgrades, per database: enough to go back a few versions.
KEEP_BEFORE_UPGRADE = 3
#: Key of the PostgreSQL advisory lock held while migrating ("gwa" in ASCII).
_MIGRATION_LOCK = 0x677761
_STAMP = re.compile(r"\d{8}-\d{6}")


def to_url(location: str) -> str:
    """A SQLAlchemy URL for a file path or an URL given as is."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def alembic_config() -> Config:
    # Alembic is imported only where it runs (an upgrade, a first creation, a schema not
    # recognised at once): a start at head never loads it (see storage.revisions).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    graph = revision_graph(MIGRATIONS_DIR / "versions")
    head = graph_head(graph) if graph is not None else None
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations have one head"
    return head


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Deleted or withdrawn personal data is overwritten, not left readable in free pages;
    # Windows builds of SQLite do not do this by default.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class Database:
    """An open, migrated database and the factory for its transactional sessions."""

    def __init__(self, engine: Engine, location: str, backup_dir: Path | None = None) -> None:
        self.engine = engine
        self.location = location
        #: Where copies from before upgrades are put aside (None: none are made).
        self.backup_dir = backup_dir
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file_path(self) -> Path | None:
        if not self.is_sqlite or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except (OperationalError, DatabaseError) as error:
            session.rollback()
            translated = (
                translate_operational_error(error.orig, self.location) if error.orig else None
            )
            if translated is None:
                raise
            raise translated from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def create_database_engine(url: str) -> Engine:
    engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def migration_engine(url: str) -> Engine:
    """An engine whose transactions cover DDL too, for migrating and nothing else.

    Python's sqlite3 driver (before 3.12's `autocommit` attribute; we support 3.11) opens
    a transaction only before INSERT/UPDATE/DELETE: CREATE/ALTER/DROP before the first of
    those commit on their own, so a kill in mid-upgrade left a half-migrated database.
    This is SQLAlchemy's documented workaround (SQLite dialect, "Enabling Non-Legacy
    SQLite Transactional Modes"): the driver's own BEGIN is switched off and SQLAlchemy
    emits it. It is BEGIN IMMEDIATE, so a second program starting at the same moment
    waits for the write lock and then finds the database already upgraded. Foreign keys
    are off for the whole connection (the pragma cannot change inside a transaction):
    batch migrations rebuild tables (copy, drop, rename), and with them on the drop would
    cascade and delete linked rows; `foreign_key_check` runs before COMMIT instead. The
    engine of the running program keeps the driver's default behaviour.
    """
    engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_migration_pragmas)
        event.listen(engine, "begin", _begin_immediate)
    return engine


def _set_migration_pragmas(dbapi_connection: sqlite3.Connection, record: object) -> None:
    dbapi_connection.isolation_level = None
    _set_sqlite_pragmas(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def known_revisions() -> set[str]:
    graph = revision_graph(MIGRATIONS_DIR / "versions")
    if graph is not None:
        return set(graph)
    from alembic.script import ScriptDirectory

    return {
        revision.revision
        for revision in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def _run_migrations(connection: Connection, revision: str) -> None:
    """Alembic inside the caller's transaction: env.py finds it open and adds none of its own."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


@functools.cache
def expected_schema(revision: str) -> Schema:
    """The structure the migrations give a database at `revision`, read from a scratch
    database in memory that they built; the measure for every file the program accepts."""
    engine = migration_engine("sqlite://")
    try:
        with engine.connect() as connection, connection.begin():
            _run_migrations(connection, revision)
            return read_schema(sqlite_driver(connection))
    finally:
        engine.dispose()


def upgrade(engine: Engine, location: str) -> None:
    """Run every pending migration, and the first creation, in ONE transaction.

    Either all of them are committed, checked, or none is: a kill or power cut at any
    moment leaves the database at its old revision or at the new one. On PostgreSQL DDL
    is transactional anyway; an advisory lock makes a second program wait instead of
    migrating the same tables at the same time.
    """
    head = head_revision()
    with engine.connect() as connection, connection.begin():
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        _run_migrations(connection, head)
        if engine.dialect.name == "sqlite":
            driver = sqlite_driver(connection)
            if driver.execute("PRAGMA foreign_key_check").fetchone():
                raise NotADatabaseError(location)
            differences = differences_from_revision(read_schema(driver), head)
            if differences:
                raise AlteredDatabaseError(location, differences)


def check_sqlite_database(
    connection: sqlite3.Connection, location: str, *, integrity: bool
) -> str | None:
    """The revision of a database file the program may use; raises saying what is wrong.

    Refused are: a file without the program's version table, an unknown (newer)
    revision, with `integrity` any complaint of `integrity_check` or
    `foreign_key_check`, and any schema other than the one the migrations create at that
    revision (a missing table or column, an extra trigger, view or index). None for a
    file SQLite has initialised but that holds no objects at all yet.
    """
    if connection.execute("SELECT 1 FROM sqlite_master").fetchone() is None:
        return None
    tables = {
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables:
        raise NotADatabaseError(location)
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1:
        raise NotADatabaseError(location)
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise NewerDatabaseError(location, revision)
    if integrity and (problems := integrity_problems(connection, full=True)):
        raise DamagedDatabaseError(location, problems)
    differences = differences_from_revision(read_schema(connection), revision)
    if differences:
        raise AlteredDatabaseError(location, differences)
    return revision


def differences_from_revision(actual: Schema, revision: str) -> list[str]:
    """How `actual` differs from the schema the migrations give at `revision`.

    The schema at head is recognised by its fingerprint (storage.revisions) without
    building it; any other schema is compared object by object with the one built by
    the migrations, which also names what differs.
    """
    if is_known_head_schema(actual, revision):
        return []
    return schema_differences(actual, expected_schema(revision))


def open_database(location: str, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) and migrate the database at `location`.

    `backup_dir` receives a copy of an existing SQLite file before it is upgraded.
    """
    url = to_url(location)
    sqlite_path = _sqlite_path(url)
    try:
        if sqlite_path is None:
            _prepare_server(url, location)
        elif check_sqlite_file(sqlite_path, location):
            _prepare_file(url, sqlite_path, location, backup_dir)
        else:
            _create_file(sqlite_path, location)
    except StorageError:
        raise
    except (OperationalError, DatabaseError) as error:
        translated = translate_operational_error(error.orig, location) if error.orig else None
        raise translated or NotADatabaseError(location) from error
    except sqlite3.Error as error:
        raise translate_operational_error(error, location) or NotADatabaseError(location) from error
    return Database(create_database_engine(url), location, backup_dir)


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _prepare_file(url: str, path: Path, location: str, backup_dir: Path | None) -> None:
    """Check an existing file and upgrade it when it comes from an older version.

    The look is taken without the program's pragmas (switching to WAL would already
    rewrite a file we refuse). The schema is compared at every start (a few pragma
    reads); the full integrity check, which reads the whole file, runs before an
    upgrade: neither a damaged file is migrated nor a copy of it put aside as the state
    "before the upgrade".
    """
    with closing(sqlite3.connect(path)) as probe:
        revision = check_sqlite_database(probe, location, integrity=False)
        if revision == head_revision():
            return
        if revision is not None:
            check_sqlite_database(probe, location, integrity=True)
    if revision is not None and backup_dir is not None:
        _copy_before_upgrade(path, backup_dir, revision)
    engine = migration_engine(url)
    try:
        upgrade(engine, location)
    finally:
        engine.dispose()


def _create_file(path: Path, location: str) -> None:
    """Build a new database under a hidden temporary name beside `path`, then link it in.

    SQLite creates its file (0 bytes) before it writes the first page, so a kill during
    a first creation in place left an empty or half-built file. Here `path` appears only
    complete; a kill leaves a hidden `.part` file that the next start removes. Linking
    (not renaming) never replaces a database another program created meanwhile.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        engine = migration_engine(f"sqlite:///{temporary}")
        try:
            upgrade(engine, location)
        finally:
            engine.dispose()
        _link_into_place(temporary, path)
    finally:
        for leftover in (
            temporary,
            *(Path(f"{temporary}{suffix}") for suffix in ("-wal", "-shm", "-journal")),
        ):
            leftover.unlink(missing_ok=True)


def _link_into_place(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        return
    except OSError:
        # No hard links on this file system (a FAT-formatted USB stick): rename instead.
        if not path.exists():
            os.replace(temporary, path)
    if os.name == "posix":
        descriptor = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _prepare_server(url: str, location: str) -> None:
    engine = migration_engine(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            current = (
                _stored_revision(connection, location) if "alembic_version" in tables else None
            )
        if current is None and tables:
            raise NotADatabaseError(location)
        if current is not None and current not in known_revisions():
            raise NewerDatabaseError(location, current)
        if current != head_revision():
            upgrade(engine, location)
    finally:
        engine.dispose()


def _stored_revision(connection: Connection, location: str) -> str | None:
    """The revision in Alembic's version table, read with plain SQL (no Alembic import)."""
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    if len(rows) > 1:
        raise NotADatabaseError(location)
    return str(rows[0][0]) if rows else None


def before_upgrade_copies(backup_dir: Path, path: Path) -> list[Path]:
    """The copies put aside before upgrades of the database at `path`, newest first."""
    pattern = f"{glob.escape(path.stem)}-before-upgrade-*-{_identity(path)}{path.suffix}"
    return sorted(Path(backup_dir).glob(pattern), key=_stamp_key, reverse=True)


def discard_upgrade_copies(database: Database) -> None:
    """Delete the copies put aside before upgrades: they still hold what was erased since.

    A copy is the way back from an upgrade that went wrong; once a person has been
    erased from the upgraded database, keeping a readable copy with her in it would make
    the erasure a pretence (Art. 17 GDPR). The encrypted backups are not touched: a
    restore re-applies the erasure log.
    """
    path = database.file_path
    if database.backup_dir is None or path is None:
        return
    for copy in before_upgrade_copies(database.backup_dir, path):
        copy.unlink(missing_ok=True)


def _stamp_key(path: Path) -> str:
    match = _STAMP.search(path.name.split("-before-upgrade-", 1)[-1])
    return match.group(0) if match else ""


def _identity(path: Path) -> str:
    """Tells apart databases of the same name (the default "gwa.sqlite" on a stick and at home)."""
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]


def _copy_before_upgrade(path: Path, backup_dir: Path, revision: str) -> None:
    """One copy per database and revision upgraded from, the oldest `KEEP_BEFORE_UPGRADE` pruned.

    If an upgrade from this revision was tried before, the copy made then shows the state
    before it: a later attempt copies nothing (it cannot be better, and must never
    replace the good copy).
    """
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    identity = _identity(path)
    if any(
        backup_dir.glob(
            f"{glob.escape(path.stem)}-before-upgrade-{revision}-*-{identity}{path.suffix}"
        )
    ):
        return
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-before-upgrade-{revision}-{stamp}-{identity}{path.suffix}"
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=backup_dir)
    os.close(handle)
    temporary = Path(name)
    try:
        # SQLite's backup API also copies transactions still in the -wal file (e.g. after a
        # crash); a plain file copy would silently miss them.
        with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(temporary)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    for old in before_upgrade_copies(backup_dir, path)[KEEP_BEFORE_UPGRADE:]:
        old.unlink(missing_ok=True)
