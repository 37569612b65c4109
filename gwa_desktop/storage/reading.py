"""A SQLite file looked at with the standard library only: its type, and a plain read.

`gwa count` on an up-to-date file needs neither SQLAlchemy nor the models, whose imports
made up most of its run (issue 12). `open_for_reading` hands out a plain sqlite3
connection only for a file `open_database` would accept as it is and leave unchanged:
a regular SQLite file whose one stored revision is the migrations' head and whose
schema has the head's fingerprint (storage.revisions). For anything else (no file yet,
an older revision to upgrade, a schema that needs the comparison object by object, a
file to refuse) it returns None, and the caller takes the full open, which upgrades or
refuses with its own message: a refused file is refused by the same code as before.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from gwa_desktop.storage.errors import (
    DatabaseUnavailableError,
    EmptyDatabaseFileError,
    NotADatabaseError,
    StorageError,
)
from gwa_desktop.storage.revisions import (
    MIGRATIONS_DIR,
    graph_head,
    is_known_head_schema,
    revision_graph,
)
from gwa_desktop.storage.schema_check import read_schema

SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, location: str) -> bool:
    """True for an existing file that starts like a SQLite database, False for none yet.

    A folder, a FIFO or a device is refused by its type before anything opens it (a
    FIFO would block the program forever); an empty file is refused, not filled anew.
    """
    if not path.parent.is_dir():
        raise DatabaseUnavailableError(location)
    try:
        status = path.stat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DatabaseUnavailableError(location) from error
    if not stat.S_ISREG(status.st_mode):
        raise NotADatabaseError(location)
    if status.st_size == 0:
        raise EmptyDatabaseFileError(location)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseUnavailableError(location) from error
    if header != SQLITE_HEADER:
        raise NotADatabaseError(location)
    return True


def open_for_reading(location: str) -> sqlite3.Connection | None:
    """A plain connection to the SQLite file at `location` when it is at head, else None.

    Opened like the full open's first look (no pragmas: nothing is written), so reads
    wait for a writer the same five seconds. The caller closes it.
    """
    if "://" in location:
        return None
    path = Path(location).expanduser().resolve()
    try:
        if not check_sqlite_file(path, location):
            return None
        connection = sqlite3.connect(path)
    except (StorageError, sqlite3.Error):
        return None
    try:
        if _at_known_head(connection):
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


def _at_known_head(connection: sqlite3.Connection) -> bool:
    """The one stored revision is the head and the schema is the head's, by fingerprint."""
    graph = revision_graph(MIGRATIONS_DIR / "versions")
    head = graph_head(graph) if graph is not None else None
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return (
        head is not None
        and len(rows) == 1
        and str(rows[0][0]) == head
        and is_known_head_schema(read_schema(connection), head)
    )
