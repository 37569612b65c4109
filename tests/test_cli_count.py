"""`gwa count` reads an up-to-date file without SQLAlchemy and counts what the services count.

Any other database (older, with a stale search index, altered, newer, not a database)
takes the full open, which upgrades, reindexes or refuses exactly as before (issue 12).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.services.counts import COUNTED, quick_counts
from gwa_desktop.services.demo_data import load_demo_data
from gwa_desktop.services.list_table import ENTITY_COLUMNS
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reindex import ensure_current, stale_indexes
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.errors import StorageError
from gwa_desktop.storage.reading import open_for_reading

POSTGRESQL_URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")


def _execute(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        for statement in statements:
            connection.execute(statement)


def _printed(counts: dict[str, int]) -> str:
    return "".join(f"{entity}\t{number}\n" for entity, number in counts.items())


def test_the_counted_names_are_those_of_the_lists_and_of_their_tables(database):
    services = Services.on(database)
    assert list(COUNTED) == list(ENTITY_COLUMNS)
    assert [getattr(services, entity).model.__tablename__ for entity in COUNTED] == list(COUNTED)


def test_the_quick_counts_are_the_services_counts(database, database_path, capsys):
    load_demo_data(database)
    ensure_current(database)
    services = Services.on(database)
    expected = {entity: getattr(services, entity).count(ListQuery()) for entity in COUNTED}
    assert all(expected.values())
    assert {entity: getattr(services, entity).count() for entity in COUNTED} == expected
    assert quick_counts(str(database_path), COUNTED) == expected
    assert main(["--database", str(database_path), "count"]) == 0
    assert capsys.readouterr().out == _printed(expected)
    assert main(["--database", str(database_path), "count", "offers"]) == 0
    assert capsys.readouterr().out == f"offers\t{expected['offers']}\n"


def test_gwa_count_on_an_up_to_date_file_imports_neither_sqlalchemy_nor_the_models(
    database_path,
):
    assert main(["--database", str(database_path), "count"]) == 0  # computes the index
    script = (
        "import json, sys\n"
        "from gwa_desktop.cli.main import main\n"
        f"code = main(['--database', {str(database_path)!r}, 'count'])\n"
        "print(json.dumps([code, sorted(n for n in sys.modules\n"
        "    if n.split('.')[0] in ('sqlalchemy', 'alembic') or n.endswith('models'))]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    assert json.loads(lines[-1]) == [0, []]
    assert lines[:-1] == ["contacts\t0", "offers\t0", "activities\t0"]


def test_a_stale_search_index_is_brought_up_to_date_by_the_full_open(database, database_path):
    ensure_current(database)
    assert quick_counts(str(database_path), COUNTED) == dict.fromkeys(COUNTED, 0)
    _execute(database_path, "UPDATE index_versions SET version = 'older' WHERE kind = 'search'")
    assert quick_counts(str(database_path), COUNTED) is None
    assert main(["--database", str(database_path), "count"]) == 0
    assert stale_indexes(database) == []
    assert quick_counts(str(database_path), COUNTED) == dict.fromkeys(COUNTED, 0)


def test_an_older_database_is_upgraded_by_the_full_open(tmp_path, capsys):
    from alembic import command

    from gwa_desktop.storage.database import alembic_config, head_revision, migration_engine

    path = tmp_path / "alt.sqlite"
    engine = migration_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0021")
    engine.dispose()
    assert open_for_reading(str(path)) is None
    assert main(["--database", str(path), "count"]) == 0
    assert capsys.readouterr().out == _printed(dict.fromkeys(COUNTED, 0))
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
    assert open_for_reading(str(path)) is not None


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(
            lambda path: _execute(path, "UPDATE alembic_version SET version_num = '9999'"),
            id="newer",
        ),
        pytest.param(
            lambda path: _execute(
                path,
                "CREATE TRIGGER wipe AFTER INSERT ON contacts BEGIN DELETE FROM activities; END",
            ),
            id="altered",
        ),
        pytest.param(
            lambda path: _execute(path, "INSERT INTO alembic_version VALUES ('0001')"),
            id="two-revisions",
        ),
        pytest.param(lambda path: _execute(path, "DROP TABLE alembic_version"), id="foreign"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
        pytest.param(lambda path: path.write_text("contacts;offers\n"), id="not-sqlite"),
    ],
)
def test_a_refused_file_is_refused_by_the_full_open_and_left_unchanged(
    database_path, capsys, spoil
):
    assert main(["--database", str(database_path), "count"]) == 0
    capsys.readouterr()
    spoil(database_path)
    before = database_path.read_bytes()
    with pytest.raises(StorageError) as refusal:
        open_database(str(database_path))
    assert open_for_reading(str(database_path)) is None
    assert main(["--database", str(database_path), "count"]) == 2
    assert capsys.readouterr() == ("", f"{refusal.value}\n")
    assert database_path.read_bytes() == before


def test_a_server_url_or_a_folder_is_not_read_the_quick_way(tmp_path):
    folder = tmp_path / "ordner.sqlite"
    folder.mkdir()
    assert open_for_reading(str(folder)) is None
    assert open_for_reading(str(tmp_path / "none-yet.sqlite")) is None
    assert not (tmp_path / "none-yet.sqlite").exists()
    assert open_for_reading("postgresql+psycopg://gwa@127.0.0.1/gwa") is None


@pytest.mark.skipif(not POSTGRESQL_URL, reason="GWA_TEST_POSTGRESQL_URL is not set")
def test_gwa_count_on_postgresql_counts_through_the_services(capsys):
    from tests.storage.test_postgresql import wipe

    wipe()
    database = open_database(POSTGRESQL_URL)
    try:
        load_demo_data(database)
        services = Services.on(database)
        expected = {entity: getattr(services, entity).count(ListQuery()) for entity in COUNTED}
    finally:
        database.close()
    assert all(expected.values())
    assert main(["--database", POSTGRESQL_URL, "count"]) == 0
    assert capsys.readouterr().out == _printed(expected)
