"""Opening the database: URL resolution, SQLite pragmas, migrations at start.

A database from an older program version is upgraded in place after a copy of the
file has been put aside; one from a newer version, a foreign SQLite file or a file that
is not SQLite at all is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from gwa_desktop.storage.errors import (
    DatabaseUnavailableError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
    translate_operational_error,
)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


def to_url(location: str) -> str:
    """A SQLAlchemy URL for a file path or an URL given as is."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
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

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
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
            translated = translate_operational_error(error.orig, self.location)
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


def open_database(location: str, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) and migrate the database at `location`.

    `backup_dir` receives a copy of an existing SQLite file before it is upgraded.
    """
    url = to_url(location)
    sqlite_path = _sqlite_path(url)
    if sqlite_path is not None:
        _check_sqlite_file(sqlite_path, location)
    engine = create_database_engine(url)
    try:
        _migrate(engine, location, sqlite_path, backup_dir)
    except StorageError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise translate_operational_error(error.orig, location) or NotADatabaseError(
            location
        ) from error
    return Database(engine, location)


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _check_sqlite_file(path: Path, location: str) -> None:
    if not path.parent.is_dir():
        raise DatabaseUnavailableError(location)
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise NotADatabaseError(location)


def _migrate(engine: Engine, location: str, sqlite_path: Path | None, backup_dir: Path | None) -> None:
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    # Look without the pragmas: switching to WAL would already rewrite a file we refuse.
    probe = create_engine(engine.url) if sqlite_path is not None else engine
    try:
        with probe.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            tables = set(inspect(connection).get_table_names())
    finally:
        if probe is not engine:
            probe.dispose()
    if current is None and tables:
        raise NotADatabaseError(location)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise NewerDatabaseError(location, current)
    if current == script.get_current_head():
        return
    if current is not None and sqlite_path is not None and backup_dir is not None:
        _copy_before_upgrade(sqlite_path, backup_dir, current)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # Batch migrations rebuild tables (copy, drop, rename); with foreign keys on,
            # the drop would cascade and silently delete linked rows.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if engine.dialect.name == "sqlite" and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise NotADatabaseError(location)
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def _copy_before_upgrade(path: Path, backup_dir: Path, revision: str) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-before-upgrade-{revision}-{stamp}{path.suffix}"
    # SQLite's backup API also copies transactions still in the -wal file (e.g. after a
    # crash); a plain file copy would silently miss them.
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
