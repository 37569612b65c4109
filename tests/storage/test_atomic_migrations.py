"""An upgrade or a first creation is all or nothing, checked, and never copies a broken state.

The kill tests start a real process and SIGKILL it after the n-th SQL statement of the
upgrade (a hook in the child counts them): deterministic points spread over the whole
run, no timing. benchmarks/kill_migration.py does the same at random points and times.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from gwa_desktop.cli.main import main
from gwa_desktop.storage import database as storage
from gwa_desktop.storage.database import (
    before_upgrade_copies,
    check_sqlite_database,
    expected_schema,
    head_revision,
    open_database,
)
from gwa_desktop.storage.errors import AlteredDatabaseError, DamagedDatabaseError, NotADatabaseError
from gwa_desktop.storage.models import full_metadata
from gwa_desktop.storage.schema_check import read_schema, schema_differences
from tests.storage.test_migrations import old_database, row_counts

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and FIFOs are POSIX")

CHILD = """
import os, pathlib, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from gwa_desktop.storage.database import open_database
limit, seen = int(sys.argv[3]), [0]
@event.listens_for(Engine, "after_cursor_execute")
def count(*_args):
    seen[0] += 1
    if seen[0] == limit:
        os.kill(os.getpid(), signal.SIGKILL)
open_database(sys.argv[1], backup_dir=pathlib.Path(sys.argv[2])).close()
print(seen[0])
"""


def open_in_a_process(
    path: Path, backups: Path, kill_after: int = 0
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(backups), str(kill_after)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parents[2],
    )


def state_of(path: Path) -> str | None:
    """The revision, after the file passed every check the program applies to a backup."""
    with closing(sqlite3.connect(path)) as connection:
        return check_sqlite_database(connection, str(path), integrity=True)


@posix_only
def test_a_kill_at_any_point_of_an_upgrade_leaves_the_old_or_the_new_revision(tmp_path):
    template = old_database(tmp_path / "template.sqlite")
    expected = row_counts(template)
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    (calibration / "gwa.sqlite").write_bytes(template.read_bytes())
    statements = int(open_in_a_process(calibration / "gwa.sqlite", calibration / "backups").stdout)
    points = sorted({2, statements // 4, statements // 2, statements - 1, statements})
    left = []
    for point in points:
        work = tmp_path / f"kill-{point}"
        work.mkdir()
        path = work / "gwa.sqlite"
        path.write_bytes(template.read_bytes())
        result = open_in_a_process(path, work / "backups", point)
        assert result.returncode == -signal.SIGKILL, result.stderr
        left.append(state_of(path))
        assert row_counts(path) == expected
        open_database(
            str(path), backup_dir=work / "backups"
        ).close()  # the next start finishes the job
        assert state_of(path) == head_revision() and row_counts(path) == expected
        copies = before_upgrade_copies(work / "backups", path)
        assert len(copies) <= 1 and all(state_of(copy) == "0001" for copy in copies)
    assert set(left) <= {"0001", head_revision()}
    assert "0001" in left  # the kills did land inside the upgrade


@posix_only
def test_a_kill_during_the_first_creation_leaves_no_database_or_a_complete_one(tmp_path):
    statements = int(
        open_in_a_process(tmp_path / "calibration.sqlite", tmp_path / "backups").stdout
    )
    for point in sorted({1, statements // 2, statements - 1, statements}):
        work = tmp_path / f"kill-{point}"
        work.mkdir()
        path = work / "neu.sqlite"
        assert open_in_a_process(path, work / "backups", point).returncode == -signal.SIGKILL
        assert not path.exists() or state_of(path) == head_revision()
        open_database(str(path)).close()
        assert state_of(path) == head_revision()


def _failing_after_the_migrations(monkeypatch):
    expected_schema(head_revision())
    expected_schema("0001")
    original = storage._run_migrations

    def migrate_then_fail(connection, revision):
        original(connection, revision)
        raise RuntimeError("power cut")

    monkeypatch.setattr(storage, "_run_migrations", migrate_then_fail)


def test_a_failed_upgrade_leaves_every_migration_undone_and_one_good_copy(tmp_path, monkeypatch):
    path = old_database(tmp_path / "gwa.sqlite")
    before = row_counts(path)
    _failing_after_the_migrations(monkeypatch)
    for _attempt in range(3):
        with pytest.raises(RuntimeError):
            open_database(str(path), backup_dir=tmp_path / "backups")
        assert state_of(path) == "0001" and row_counts(path) == before
    (copy,) = before_upgrade_copies(tmp_path / "backups", path)
    assert state_of(copy) == "0001" and row_counts(copy) == before
    monkeypatch.undo()
    open_database(str(path), backup_dir=tmp_path / "backups").close()
    assert state_of(path) == head_revision()
    assert before_upgrade_copies(tmp_path / "backups", path) == [copy]


def test_a_damaged_old_database_is_neither_upgraded_nor_copied(tmp_path):
    path = old_database(tmp_path / "gwa.sqlite")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO contact_languages (contact_id, code, position) VALUES (999, 'de', 0)"
        )
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        open_database(str(path), backup_dir=tmp_path / "backups")
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_before_upgrade_copies_are_kept_per_database_and_rotated(tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    home, stick = (
        tmp_path / "home" / "gwa.sqlite",
        tmp_path / "stick" / "gwa.sqlite",
    )  # the same name
    for n in range(5):  # copies from upgrades of older versions
        (
            backups
            / f"gwa-before-upgrade-old{n}-2025010{n + 1}-120000-{storage._identity(home)}.sqlite"
        ).write_bytes(b"")
    for path in (home, stick):
        path.parent.mkdir()
        open_database(str(old_database(path)), backup_dir=backups).close()
    kept = before_upgrade_copies(backups, home)
    assert len(kept) == storage.KEEP_BEFORE_UPGRADE and state_of(kept[0]) == "0001"
    assert [state_of(copy) for copy in before_upgrade_copies(backups, stick)] == ["0001"]


def test_the_migrations_build_exactly_what_the_models_describe(tmp_path):
    """The reference every file is measured by agrees with the models' metadata."""
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        full_metadata().create_all(connection)
        connection.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
            " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        from_models = read_schema(connection.connection.driver_connection)
    engine.dispose()
    assert schema_differences(from_models, expected_schema(head_revision())) == []


def test_an_altered_live_database_is_refused_at_open(database_path, tmp_path):
    with closing(sqlite3.connect(database_path)) as connection, connection:
        connection.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON contacts BEGIN DELETE FROM activities; END"
        )
    before = database_path.read_bytes()
    with pytest.raises(AlteredDatabaseError, match="wipe"):
        open_database(str(database_path))
    assert database_path.read_bytes() == before


@posix_only
def test_a_folder_or_a_fifo_as_database_is_refused_without_blocking(tmp_path, capsys):
    folder = tmp_path / "ordner.sqlite"
    folder.mkdir()
    fifo = tmp_path / "fifo.sqlite"
    os.mkfifo(fifo)
    for path in (folder, fifo):
        with pytest.raises(NotADatabaseError):
            open_database(str(path))
        assert main(["--database", str(path), "count"]) == 2
        assert str(path) in capsys.readouterr().err


def test_the_cli_refuses_a_damaged_database_like_the_window(database_path, tmp_path, capsys):
    from gwa_desktop.domain.contact import ContactData
    from gwa_desktop.services.backup import backup_database
    from gwa_desktop.services.contacts import ContactService

    database = open_database(str(database_path))
    for n in range(300):
        ContactService(database).create(ContactData(name=f"Person {n} " + "x" * 150))
    saved = backup_database(database, tmp_path / "backups")
    database.close()
    content = bytearray(database_path.read_bytes())
    content[4096 * 5 : 4096 * 7] = b"\x00" * 8192  # pages of the contacts table
    database_path.write_bytes(bytes(content))

    assert main(["--database", str(database_path), "count"]) == 2
    assert str(database_path) in capsys.readouterr().err
    assert main(["--database", str(database_path), "restore", str(saved)]) == 0
    assert main(["--database", str(database_path), "count", "contacts"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "contacts\t300"
