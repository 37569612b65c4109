"""Backups: consistent while writing, rotating, restored with a preview and a safety copy."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

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
from gwa_desktop.services.contacts import ContactData, ContactService
from gwa_desktop.storage.database import Database, create_database_engine, open_database


def counts(services) -> tuple[int, int, int]:
    return services.contacts.count(), services.offers.count(), services.activities.count()


def test_backup_holds_everything_in_one_file(filled, tmp_path):
    path = backup.backup_database(filled.database, tmp_path / "stick")
    assert path.parent == tmp_path / "stick" and path.name.startswith("gwa-backup-")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    summary = backup.describe_backup(path)
    assert summary.municipality == "Gemeinde Lindental"
    assert (summary.counts["contacts"], summary.counts["offers"], summary.counts["activities"]) == counts(filled)


def test_a_backup_taken_during_a_write_transaction_restores_consistently(filled, database_path, tmp_path):
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
        with closing(sqlite3.connect(path)) as copy:
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


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50])
def test_restore_refuses_a_file_that_is_no_backup(filled, tmp_path, content):
    before = counts(filled)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(PackageError):
        backup.restore_backup(filled.database, bad, tmp_path / "safety")
    assert counts(filled) == before
    assert not (tmp_path / "safety").exists()


def test_restore_refuses_a_backup_of_a_newer_version(filled, tmp_path):
    path = backup.backup_database(filled.database, tmp_path / "backups")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(PackageError, match="newer|neueren"):
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
    names = [f"auto-2025{month:02d}{day:02d}-120000.sqlite" for month in (1, 2, 3) for day in (1, 15)]
    names += [f"auto-202604{day:02d}-0900{day:02d}.sqlite" for day in range(1, 13)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "gwa-backup-20250101-120000.sqlite").write_bytes(b"")

    removed = backup.rotate(tmp_path)

    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 10 + 3 + 1
    assert {"auto-20250115-120000.sqlite", "auto-20250215-120000.sqlite", "auto-20250315-120000.sqlite"} <= set(left)
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
    content[page * 5: page * 9] = os.urandom(page * 4)
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
    assert backup_label(tmp_path / f"{AUTOMATIC_PREFIX}20261125-174407.sqlite") == "25.11.2026 17:44 – automatisch beim Beenden gespeichert"
    assert backup_label(tmp_path / f"{SAFETY_PREFIX}20260102-080000.sqlite").startswith("02.01.2026 08:00 – ")
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
