"""A start at head needs no Alembic: the revisions and the head schema are known without it.

storage.revisions reads the revision graph from the migration files and recognises the
schema at head by a recorded fingerprint; both must agree with Alembic itself, or a
start would accept what the migrations do not create (or refuse what they do).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from gwa_desktop.storage import database as storage
from gwa_desktop.storage import revisions
from gwa_desktop.storage.database import alembic_config, migration_engine, open_database
from gwa_desktop.storage.schema_check import read_schema

OPEN_AND_REPORT = (
    "import json, sys\n"
    "from gwa_desktop.storage.database import open_database\n"
    "open_database(sys.argv[1]).close()\n"
    "print(json.dumps('alembic' in sys.modules))\n"
)


def _alembic_imported_by_opening(path: Path) -> bool:
    run = subprocess.run(
        [sys.executable, "-c", OPEN_AND_REPORT, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.splitlines()[-1])


def _revision_of(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_the_revisions_read_from_the_files_are_alembics():
    scripts = ScriptDirectory.from_config(alembic_config())
    graph = revisions.revision_graph(storage.MIGRATIONS_DIR / "versions")
    assert graph is not None
    assert revisions.graph_head(graph) == scripts.get_current_head() == storage.head_revision()
    assert set(graph) == {script.revision for script in scripts.walk_revisions()}
    assert storage.known_revisions() == set(graph)
    assert all(graph[s.revision] == s.down_revision for s in scripts.walk_revisions())


def test_the_recorded_head_schema_is_the_one_the_migrations_build():
    """Fails after a new or changed migration: print the new values with
    `.venv/bin/python -m gwa_desktop.storage.revisions` and put them in revisions.py."""
    head = storage.head_revision()
    assert head == revisions.HEAD_SCHEMA_REVISION
    assert revisions.schema_digest(storage.expected_schema(head)) == revisions.HEAD_SCHEMA_DIGEST


def test_a_schema_that_differs_from_heads_is_not_recognised(database_path):
    with closing(sqlite3.connect(database_path)) as connection:
        assert revisions.is_known_head_schema(read_schema(connection), storage.head_revision())
        connection.execute("CREATE INDEX ix_spy ON contacts (phone)")
        assert not revisions.is_known_head_schema(read_schema(connection), storage.head_revision())
        assert storage.differences_from_revision(
            read_schema(connection), storage.head_revision()
        ) == ["+index ix_spy"]


def test_opening_a_database_at_head_does_not_import_alembic(database_path):
    assert _alembic_imported_by_opening(database_path) is False
    assert _revision_of(database_path) == storage.head_revision()


def test_a_database_at_an_older_revision_is_still_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = migration_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0008")
    finally:
        engine.dispose()
    assert _alembic_imported_by_opening(path) is True
    assert _revision_of(path) == storage.head_revision()
    open_database(str(path)).close()
