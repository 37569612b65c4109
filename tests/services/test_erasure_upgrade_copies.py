"""Erasing a person also removes the copies put aside before program upgrades.

Those copies are plain SQLite files made at the first start of a new version. Left in
place, they would keep every person erased afterwards readable on the laptop.
"""

from __future__ import annotations

from pathlib import Path

from gwa_desktop.domain.retention import ErasureReason
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.storage.database import before_upgrade_copies, open_database
from tests.storage.test_migrations import old_database

NAME = "Anna Müller"


def _upgraded(tmp_path: Path):
    path = old_database(tmp_path / "gwa.sqlite")
    backups = tmp_path / "backups"
    database = open_database(str(path), backup_dir=backups)
    (copy,) = before_upgrade_copies(backups, path)
    assert NAME.encode() in copy.read_bytes()
    return database, path, backups


def _every_byte_under(folder: Path) -> bytes:
    return b"".join(item.read_bytes() for item in folder.rglob("*") if item.is_file())


def test_an_erasure_removes_the_upgrade_copies_that_still_name_her(tmp_path):
    database, path, backups = _upgraded(tmp_path)
    try:
        ErasureService(database).erase(2, ErasureReason.REQUEST, even_if_sole_contact=True)
    finally:
        database.close()
    assert before_upgrade_copies(backups, path) == []
    assert NAME.encode() not in _every_byte_under(backups)
    assert NAME.encode() not in path.read_bytes()


def test_deleting_a_contact_removes_the_upgrade_copies_too(tmp_path):
    database, path, backups = _upgraded(tmp_path)
    try:
        ContactService(database).delete([3])
    finally:
        database.close()
    assert before_upgrade_copies(backups, path) == []


def test_a_database_without_erasures_keeps_its_upgrade_copy(tmp_path):
    database, path, backups = _upgraded(tmp_path)
    database.close()
    reopened = open_database(str(path), backup_dir=backups)
    reopened.close()
    assert len(before_upgrade_copies(backups, path)) == 1
