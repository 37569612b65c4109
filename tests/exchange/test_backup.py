"""Backups: consistent while writing, rotating, restored with a preview and a safety copy."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.exchange.errors import ExchangeError, PackageError, WriteError
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services import backup
from gwa_desktop.services.backup import (
    AUTOMATIC_PREFIX,
    SAFETY_PREFIX,
    backup_database,
    backup_label,
    restore_in_place_of,
    rotate,
)
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.storage.database import Database, create_database_engine, open_database
from gwa_desktop.storage.search_index import INDEXED, fts_table


def plain_backup(filled, folder: Path) -> Path:
    """A backup as versions before encrypted backups wrote it: a plain SQLite file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "gwa-backup-20260101-120000.sqlite"
    with (
        closing(sqlite3.connect(filled.database.file_path)) as origin,
        closing(sqlite3.connect(path)) as copy,
    ):
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    return path


def sealed(plain: Path) -> Path:
    """`plain` encrypted with the key file, as the program writes backups; `plain` goes."""
    target = plain.with_suffix(backup.SUFFIX)
    backup.write_backup(target, backup.serialized(plain))
    plain.unlink()
    return target


def opened(path: Path) -> sqlite3.Connection:
    """The database inside an encrypted backup, in memory."""
    connection = sqlite3.connect(":memory:")
    connection.deserialize(backup._unsealed(path, None))
    return connection


def counts(services) -> tuple[int, int, int]:
    return services.contacts.count(), services.offers.count(), services.activities.count()


def test_backup_holds_everything_in_one_file(filled, tmp_path):
    path = backup.backup_database(filled.database, tmp_path / "stick")
    assert path.parent == tmp_path / "stick" and path.name.startswith("gwa-backup-")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    summary = backup.describe_backup(path)
    assert summary.municipality == "Gemeinde Lindental"
    assert (
        summary.counts["contacts"],
        summary.counts["offers"],
        summary.counts["activities"],
    ) == counts(filled)


def test_a_backup_taken_during_a_write_transaction_restores_consistently(
    filled, database_path, tmp_path
):
    before = counts(filled)
    writer = sqlite3.connect(database_path)
    writer.execute("BEGIN IMMEDIATE")
    for n in range(50):
        writer.execute(
            "INSERT INTO contacts (kind, name, phone, email, street, postal_code, city, notes, search_text,"
            " created_at, updated_at) VALUES ('person', ?, '', '', '', '', '', '', '', '2026-01-01', '2026-01-01')",
            (f"Halb {n}",),
        )
    path = backup.backup_database(filled.database, tmp_path / "backups")
    writer.commit()
    writer.close()
    assert filled.contacts.count() == before[0] + 50

    backup.restore_backup(filled.database, path, tmp_path / "safety")
    assert counts(filled) == before
    assert backup.integrity_problems(filled.database) == []


def test_a_backup_while_another_thread_keeps_writing_is_consistent(filled, database_path, tmp_path):
    """Each write transaction adds an activity with exactly two languages: no half transaction may appear."""
    stop = threading.Event()

    def write() -> None:
        with closing(sqlite3.connect(database_path, timeout=10)) as connection:
            while not stop.is_set():
                with connection:
                    cursor = connection.execute(
                        "INSERT INTO activities (occurred_on, kind, title, participants_total, volunteers_count,"
                        " volunteer_hours, notes, search_text, created_at, updated_at) VALUES"
                        " ('2026-05-05', 'event', 'Laufend', 3, 0, 0, '', '', '2026-01-01', '2026-01-01')"
                    )
                    for position, code in enumerate(("de", "ar")):
                        connection.execute(
                            "INSERT INTO activity_languages (activity_id, code, position) VALUES (?, ?, ?)",
                            (cursor.lastrowid, code, position),
                        )

    thread = threading.Thread(target=write)
    thread.start()
    try:
        paths = [backup.backup_database(filled.database, tmp_path / "backups") for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    for path in paths:
        with closing(opened(path)) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            uneven = copy.execute(
                "SELECT a.id FROM activities a LEFT JOIN activity_languages l ON l.activity_id = a.id"
                " WHERE a.title = 'Laufend' GROUP BY a.id HAVING COUNT(l.code) != 2"
            ).fetchall()
            assert uneven == []


def test_restore_makes_a_safety_copy_and_keeps_the_database_usable(filled, tmp_path):
    before = counts(filled)
    path = backup.backup_database(filled.database, tmp_path / "backups")
    filled.contacts.create(ContactData(name="Nach der Sicherung"))

    safety = backup.restore_backup(filled.database, path, tmp_path / "safety")

    assert counts(filled) == before
    assert backup.describe_backup(safety).counts["contacts"] == before[0] + 1
    assert filled.contacts.create(ContactData(name="Wieder da")) > 0


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_restore_refuses_a_file_that_is_no_backup(filled, tmp_path, content):
    before = counts(filled)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(PackageError):
        backup.restore_backup(filled.database, bad, tmp_path / "safety")
    assert counts(filled) == before
    assert not (tmp_path / "safety").exists()


def test_restore_refuses_a_backup_of_a_newer_version(filled, tmp_path):
    path = plain_backup(filled, tmp_path / "backups")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    path = sealed(path)
    with pytest.raises(PackageError, match=r"newer|neueren"):
        backup.describe_backup(path)


def test_a_truncated_backup_is_refused(filled, tmp_path):
    path = backup.backup_database(filled.database, tmp_path / "backups")
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    with pytest.raises(PackageError):
        backup.describe_backup(path)


def test_a_full_medium_leaves_no_partial_backup(filled, tmp_path, monkeypatch):
    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    folder = tmp_path / "stick"
    with pytest.raises(WriteError, match="full"):
        backup.backup_database(filled.database, folder)
    assert list(folder.iterdir()) == []


def test_rotation_keeps_the_last_ten_and_one_per_month(tmp_path):
    names = [
        f"auto-2025{month:02d}{day:02d}-120000.sqlite" for month in (1, 2, 3) for day in (1, 15)
    ]
    names += [f"auto-202604{day:02d}-0900{day:02d}.sqlite" for day in range(1, 13)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "gwa-backup-20250101-120000.sqlite").write_bytes(b"")

    removed = backup.rotate(tmp_path)

    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 10 + 3 + 1
    assert {
        "auto-20250115-120000.sqlite",
        "auto-20250215-120000.sqlite",
        "auto-20250315-120000.sqlite",
    } <= set(left)
    assert "auto-20260401-090001.sqlite" in {p.name for p in removed}
    assert "gwa-backup-20250101-120000.sqlite" in left


def test_automatic_backup_goes_to_the_backup_folder(filled, tmp_path):
    path = backup.automatic_backup(filled.database, tmp_path / "auto")
    assert path.name.startswith("auto-") and backup.list_backups(tmp_path / "auto") == [path]


def test_integrity_check_finds_a_damaged_file(filled, database_path):
    for n in range(300):
        filled.contacts.create(ContactData(name=f"Person {n} " + "x" * 150))
    filled.database.close()
    with closing(sqlite3.connect(database_path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    content = bytearray(database_path.read_bytes())
    page = 4096
    content[page * 5 : page * 9] = os.urandom(page * 4)
    database_path.write_bytes(bytes(content))
    damaged = Database(create_database_engine(f"sqlite:///{database_path}"), str(database_path))
    try:
        assert backup.integrity_problems(damaged) != []
    finally:
        damaged.close()


def test_a_database_server_cannot_be_backed_up_as_a_file(tmp_path):
    server = Database(create_database_engine("sqlite://"), "sqlite://")
    with pytest.raises(ExchangeError):
        backup.backup_database(server, Path(tmp_path))
    assert backup.automatic_backup(server, tmp_path) is None


def test_backups_are_listed_by_date_and_reason(tmp_path):
    set_ui_language("de")
    assert (
        backup_label(tmp_path / f"{AUTOMATIC_PREFIX}20261125-174407.sqlite")
        == "25.11.2026 17:44 – automatisch beim Beenden gespeichert"
    )
    assert backup_label(tmp_path / f"{SAFETY_PREFIX}20260102-080000.sqlite").startswith(
        "02.01.2026 08:00 – "
    )
    assert backup_label(tmp_path / "kopie.sqlite") == "kopie.sqlite"


def test_rotation_never_deletes_the_database_in_use(tmp_path):
    old = [tmp_path / f"{AUTOMATIC_PREFIX}202601{day:02d}-120000.sqlite" for day in range(1, 16)]
    for path in old:
        path.write_bytes(b"SQLite format 3\x00")
    in_use = old[0]  # the oldest of January, opened directly as the database
    removed = rotate(tmp_path, keep=10, in_use=in_use)
    assert in_use.exists() and in_use not in removed
    assert len(removed) == 4


def test_a_backup_replaces_a_database_that_cannot_be_opened(filled, tmp_path):
    saved = backup_database(filled.database, tmp_path / "backups")
    expected = filled.contacts.count()
    damaged = tmp_path / "gwa.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    kept = restore_in_place_of(saved, damaged)

    assert kept.read_bytes().startswith(b"SQLite format 3\x00\xff")
    restored = open_database(str(damaged))
    try:
        assert ContactService(restored).count() == expected
    finally:
        restored.close()


# --- hostile and damaged backups: refused, the live database byte for byte unchanged ----------------


def _live_bytes(path: Path) -> tuple[bytes, bytes]:
    wal = Path(f"{path}-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def _altered_backup(filled, tmp_path, *statements: str) -> Path:
    path = plain_backup(filled, tmp_path / "hostile")
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    return sealed(path)


def _index_bit_flip(filled, tmp_path) -> Path:
    """One byte changed in an entry of the name index, ordering kept: the pages are sound,
    so quick_check passes; only integrity_check sees the index disagree with its table."""
    for n in range(120):
        filled.contacts.create(ContactData(name=f"Person {n:03d} " + "x" * 150))
    path = plain_backup(filled, tmp_path / "hostile")
    content = bytearray(path.read_bytes())
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    needle = b"Person 060 " + b"x" * 150
    for start in range(len(content)):
        start = content.find(needle, start)
        page = start // page_size
        if content[page * page_size] == 0x0A:  # a leaf page of an index b-tree
            content[start + len(needle) - 1] = ord("y")
            break
    path.write_bytes(bytes(content))
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    return sealed(path)


def _fifo(tmp_path) -> Path:
    path = tmp_path / "hostile" / "fifo.sqlite"
    path.parent.mkdir(exist_ok=True)
    os.mkfifo(path)
    return path


def _link(filled, tmp_path) -> Path:
    target = backup_database(filled.database, tmp_path / "hostile")
    link = target.with_name("link.sqlite")
    link.symlink_to(target)
    return link


def _written(tmp_path, content: bytes) -> Path:
    path = tmp_path / "hostile" / "bad.sqlite"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


HOSTILE_BACKUPS = {
    "index bit flip (passes quick_check)": _index_bit_flip,
    "trigger deleting all activities": lambda f, t: _altered_backup(
        f, t, "CREATE TRIGGER wipe AFTER INSERT ON contacts BEGIN DELETE FROM activities; END"
    ),
    "view": lambda f, t: _altered_backup(
        f, t, "CREATE VIEW everyone AS SELECT name, phone FROM contacts"
    ),
    "extra table": lambda f, t: _altered_backup(f, t, "CREATE TABLE outbox (payload TEXT)"),
    "extra index": lambda f, t: _altered_backup(f, t, "CREATE INDEX ix_spy ON contacts (phone)"),
    "missing table": lambda f, t: _altered_backup(f, t, "DROP TABLE offer_languages"),
    "missing column": lambda f, t: _altered_backup(f, t, "ALTER TABLE contacts DROP COLUMN email"),
    "foreign key dropped from a table": lambda f, t: _altered_backup(
        f,
        t,
        "DROP TABLE activity_languages",
        "CREATE TABLE activity_languages (activity_id INTEGER NOT NULL, code VARCHAR(12) NOT NULL,"
        " position INTEGER NOT NULL, CONSTRAINT pk_activity_languages PRIMARY KEY (activity_id, code))",
    ),
    "unknown revision": lambda f, t: _altered_backup(
        f, t, "UPDATE alembic_version SET version_num = 'ffff'"
    ),
    "two revisions": lambda f, t: _altered_backup(
        f, t, "INSERT INTO alembic_version VALUES ('0001')"
    ),
    "foreign_key_check violation": lambda f, t: _altered_backup(
        f, t, "INSERT INTO contact_languages (contact_id, code, position) VALUES (999, 'de', 0)"
    ),
    "zero-byte file": lambda f, t: _written(t, b""),
    "not SQLite": lambda f, t: _written(t, b"PK\x03\x04 ein Zip, keine Sicherung" * 20),
    "SQLite header, garbage": lambda f, t: _written(t, b"SQLite format 3\x00" + os.urandom(8000)),
    "FIFO": lambda f, t: _fifo(t),
    "symbolic link": _link,
    "folder": lambda f, t: (
        (t / "hostile" / "folder.sqlite").mkdir(parents=True) or t / "hostile" / "folder.sqlite"
    ),
}


@pytest.mark.parametrize("kind", HOSTILE_BACKUPS)
def test_a_hostile_or_damaged_backup_is_refused_and_the_database_stays_unchanged(
    filled, database_path, tmp_path, kind
):
    bad = HOSTILE_BACKUPS[kind](filled, tmp_path)
    before = _live_bytes(database_path)

    with pytest.raises(PackageError) as refused:
        backup.describe_backup(bad)
    assert str(bad) in str(refused.value)
    with pytest.raises(PackageError):
        backup.restore_backup(filled.database, bad, tmp_path / "safety")

    assert _live_bytes(database_path) == before
    assert not (tmp_path / "safety").exists()
    assert [p.name for p in database_path.parent.glob(".*.part")] == []


@pytest.mark.parametrize(
    "kind",
    [
        "index bit flip (passes quick_check)",
        "trigger deleting all activities",
        "missing table",
        "FIFO",
        "zero-byte file",
    ],
)
def test_a_hostile_backup_does_not_replace_an_unreadable_database_either(filled, tmp_path, kind):
    bad = HOSTILE_BACKUPS[kind](filled, tmp_path)
    unreadable = tmp_path / "unreadable.sqlite"
    unreadable.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(PackageError):
        restore_in_place_of(bad, unreadable)
    assert unreadable.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000
    assert sorted(p.name for p in tmp_path.glob("unreadable*")) == ["unreadable.sqlite"]


def test_the_restored_file_is_the_checked_copy(filled, database_path, tmp_path, monkeypatch):
    """The backup is read once into a private copy; that copy is checked and restored."""
    path = plain_backup(filled, tmp_path / "backups")
    original_summary = backup._summary

    def swap_after_check(checked, shown):
        summary = original_summary(checked, shown)
        with closing(sqlite3.connect(path)) as connection, connection:
            connection.execute(
                "CREATE TRIGGER wipe AFTER INSERT ON contacts BEGIN DELETE FROM activities; END"
            )
        return summary

    monkeypatch.setattr(backup, "_summary", swap_after_check)
    backup.restore_backup(filled.database, path, tmp_path / "safety")
    with closing(sqlite3.connect(database_path)) as connection:
        triggers = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    # Only the triggers that keep the search indexes in step (storage.search_index).
    assert sorted(name for (name,) in triggers) == sorted(
        f"{fts_table(table)}_{event}"
        for table in INDEXED
        for event in ("insert", "delete", "update")
    )


def test_a_backup_of_an_older_version_passes_the_checks_of_its_revision(filled, tmp_path):
    from tests.storage.test_migrations import old_database

    old = old_database(tmp_path / "alt.sqlite")
    summary = backup.describe_backup(old)
    assert (summary.revision, summary.counts["contacts"]) == ("0001", 3)
    backup.restore_backup(filled.database, old, tmp_path / "safety")
    assert filled.contacts.count() == 3


# --- retention and permissions ------------------------------------------------------------------------


def test_monthly_backups_are_kept_for_the_set_period_only(tmp_path):
    from datetime import datetime

    names = [
        f"auto-{year}{month:02d}01-120000.sqlite"
        for year in (2023, 2024, 2025, 2026)
        for month in range(1, 13)
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    removed = rotate(tmp_path, keep=2, months=24, today=datetime(2026, 12, 15))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left[0] == "auto-20250101-120000.sqlite" and len(left) == 24
    assert "auto-20241201-120000.sqlite" in {p.name for p in removed}
    rotate(tmp_path, keep=2, months=3, today=datetime(2026, 12, 15))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "auto-20261001-120000.sqlite",
        "auto-20261101-120000.sqlite",
        "auto-20261201-120000.sqlite",
    ]


def test_the_retention_is_a_setting_of_this_computer(filled, tmp_path):
    from gwa_desktop.preferences import store_backup_months

    assert backup.keep_months() == backup.DEFAULT_KEEP_MONTHS == 24
    store_backup_months(6)
    assert backup.keep_months() == 6
    old = tmp_path / "auto" / "auto-20200101-120000.sqlite"
    old.parent.mkdir()
    old.write_bytes(b"")
    for n in range(backup.KEEP_LATEST):
        (old.parent / f"auto-20990101-1200{n:02d}.sqlite").write_bytes(b"")  # ten newer ones
    backup.automatic_backup(filled.database, old.parent)
    assert not old.exists()


def test_the_cli_stores_the_retention(filled, database_path, tmp_path, capsys):
    from gwa_desktop.cli.main import main

    assert (
        main(
            [
                "--database",
                str(database_path),
                "backup",
                "--out",
                str(tmp_path / "b"),
                "--keep-months",
                "12",
            ]
        )
        == 0
    )
    assert "12" in capsys.readouterr().out
    assert backup.keep_months() == 12
    with pytest.raises(SystemExit):
        main(["--database", str(database_path), "backup", "--keep-months", "0"])


def test_safety_copies_are_rotated(filled, tmp_path):
    path = backup.backup_database(filled.database, tmp_path / "backups")
    for _ in range(backup.KEEP_SAFETY_COPIES + 2):
        backup.restore_backup(filled.database, path, tmp_path / "safety")
    assert len(backup.list_backups(tmp_path / "safety", SAFETY_PREFIX)) == backup.KEEP_SAFETY_COPIES


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_copy_is_readable_by_its_owner_only(filled, database_path, tmp_path):
    import stat

    from gwa_desktop.paths import backups_dir

    folder = backups_dir()
    os.chmod(folder, 0o755)
    older = folder / "auto-20200101-120000.sqlite"
    older.write_bytes(b"")
    os.chmod(older, 0o644)
    backup.tidy_data_folders(str(database_path))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(older.stat().st_mode) == 0o600

    made = [
        backup.backup_database(filled.database, tmp_path / "stick"),
        backup.automatic_backup(filled.database),
    ]
    made.append(backup.restore_backup(filled.database, made[0]))
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_leftover_part_files_are_removed_at_start(database_path, tmp_path):
    from gwa_desktop.paths import backups_dir, data_dir

    leftovers = [
        data_dir() / ".Kreisbericht.zip.k2j3.part",
        backups_dir() / ".auto-20260101-120000.sqlite.x1.part",
        backups_dir() / ".auto-20260101-120000.sqlite.x1.part-journal",
        database_path.parent / f".{database_path.name}.abc.part",
    ]
    foreign = [database_path.parent / ".someone-elses.part", data_dir() / "notes.part"]
    crashed_long_ago = time.time() - backup.LEFTOVER_AGE_SECONDS - 60
    for path in leftovers + foreign:
        path.write_bytes(b"Anna M\xc3\xbcller 06321 4711")
        os.utime(path, (crashed_long_ago, crashed_long_ago))
    removed = backup.tidy_data_folders(str(database_path))
    assert sorted(removed) == sorted(leftovers)
    assert all(not p.exists() for p in leftovers) and all(p.exists() for p in foreign)


def test_a_part_file_being_written_by_another_running_program_is_left_alone(database_path):
    """A second start must not delete the backup or new database another instance is
    writing this moment: only a `.part` untouched for a while is a crash's leftover."""
    from gwa_desktop.paths import backups_dir

    in_progress = [
        backups_dir() / ".gwa-backup-20261201-120000.sqlite.x1.part",
        database_path.parent / f".{database_path.name}.new.part",
    ]
    for path in in_progress:
        path.write_bytes(b"SQLite format 3\x00")
    assert backup.tidy_data_folders(str(database_path)) == []
    assert all(path.exists() for path in in_progress)


def test_a_full_medium_during_a_restore_is_a_message(filled, database_path, tmp_path, monkeypatch):
    import tempfile

    path = backup.backup_database(filled.database, tmp_path / "backups")
    before = _live_bytes(database_path)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(WriteError):
        backup.restore_backup(filled.database, path, tmp_path / "safety")
    assert _live_bytes(database_path) == before
