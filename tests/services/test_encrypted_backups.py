"""Backups are encrypted (key file or password), refuse tampering, and a restore keeps
every person erased after the backup was taken erased."""

from __future__ import annotations

import stat

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.domain.retention import ErasureAction, ErasureReason
from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.services import backup
from gwa_desktop.services.backup_key import key_file_path
from gwa_desktop.services.erasure import ErasureService
from tests.services.service_builders import person, sql

NAME = "Ottilie Brennesselkamp"
PHONE = "0160 5556667"
OTHER = "Wendelin Schlehenbusch"
PASSWORD = "Ziege tanzt leise neben dem Rathaus"


def _raw(database_path) -> bytes:
    wal = database_path.with_name(database_path.name + "-wal")
    return database_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def ottilie(contacts) -> int:
    return person(contacts, NAME, phone=PHONE, role=ContactRole.VOLUNTEER)


def test_a_backup_holds_no_readable_name_with_the_key_file_or_a_password(
    database, database_path, ottilie, tmp_path
):
    assert NAME.encode() in _raw(database_path)
    with_key = backup.backup_database(database, tmp_path / "stick")
    with_password = backup.backup_database(database, tmp_path / "stick", password=PASSWORD)
    for path in (with_key, with_password):
        content = path.read_bytes()
        assert content.startswith(b"GWA-BAK\x00")
        assert NAME.encode() not in content and PHONE.encode() not in content
        assert b"SQLite format 3" not in content
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file_path().stat().st_mode) == 0o600
    assert backup.describe_backup(with_key).counts["contacts"] == 1
    assert backup.describe_backup(with_password, PASSWORD).counts["contacts"] == 1
    assert backup.needs_password(with_password) and not backup.needs_password(with_key)


def test_restoring_an_older_backup_keeps_erased_persons_erased(
    database, database_path, contacts, ottilie, tmp_path
):
    other = person(contacts, OTHER, phone="0170 1112223")
    kept = person(contacts, "Bleibt Erhalten")
    older = backup.backup_database(database, tmp_path / "backups")
    erasure = ErasureService(database)
    erasure.erase(ottilie, ErasureReason.REQUEST)
    erasure.erase(other, ErasureReason.RETENTION, ErasureAction.ANONYMISED)

    backup.restore_backup(database, older, tmp_path / "safety")

    rows = sql(database, "SELECT id, name, phone FROM contacts ORDER BY id")
    assert rows == [
        (other, f"Anonymisierte Person {other}", ""),
        (kept, "Bleibt Erhalten", ""),
    ]
    assert [(e.contact_id, e.action) for e in ErasureService(database).log()] == [
        (ottilie, ErasureAction.DELETED),
        (other, ErasureAction.ANONYMISED),
    ]
    raw = _raw(database_path)
    for value in (NAME, PHONE, OTHER, "0170 1112223"):
        assert value.encode() not in raw, value
    # Restoring once more changes nothing: the restored log knows every erasure.
    backup.restore_backup(database, older, tmp_path / "safety")
    assert len(ErasureService(database).log()) == 2
    assert sql(database, "SELECT COUNT(*) FROM contacts") == [(2,)]


def test_a_wrong_or_missing_password_says_what_is_lost_and_changes_nothing(
    database, database_path, ottilie, tmp_path
):
    path = backup.backup_database(database, tmp_path / "stick", password=PASSWORD)
    before = _raw(database_path)
    with pytest.raises(backup.BackupPasswordNeeded):
        backup.restore_backup(database, path, tmp_path / "safety")
    with pytest.raises(PackageError) as refused:
        backup.restore_backup(database, path, tmp_path / "safety", password="falsch falsch falsch")
    message = str(refused.value)
    assert "Passwort" in message and "verloren" in message and "Nichts wurde geändert" in message
    assert _raw(database_path) == before
    assert not (tmp_path / "safety").exists()


@pytest.mark.parametrize("offset", [20, 60, -5])
def test_a_tampered_backup_is_refused_and_the_database_stays_unchanged(
    database, database_path, ottilie, tmp_path, offset
):
    path = backup.backup_database(database, tmp_path / "stick")
    content = bytearray(path.read_bytes())
    content[offset] ^= 0x01
    path.write_bytes(bytes(content))
    before = _raw(database_path)
    with pytest.raises(PackageError):
        backup.restore_backup(database, path, tmp_path / "safety")
    assert _raw(database_path) == before


def test_a_backup_of_another_key_file_is_refused_with_the_key_file_named(
    database, database_path, ottilie, tmp_path
):
    path = backup.backup_database(database, tmp_path / "stick")
    key_file_path().write_text("ein-anderer-schluessel\n", encoding="ascii")
    before = _raw(database_path)
    with pytest.raises(PackageError) as refused:
        backup.describe_backup(path)
    assert str(key_file_path()) in str(refused.value)
    assert "Schlüsseldatei" in str(refused.value)
    with pytest.raises(PackageError):
        backup.restore_backup(database, path, tmp_path / "safety")
    assert _raw(database_path) == before


def test_the_command_line_backs_up_with_a_password_and_restores(
    database, database_path, ottilie, tmp_path, capsys
):
    secret = tmp_path / "passwort.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    database.close()
    out = tmp_path / "stick"
    arguments = ["--database", str(database_path)]
    assert main([*arguments, "backup", "--out", str(out), "--password-file", str(secret)]) == 0
    assert "Passwort" in capsys.readouterr().out
    [saved] = out.glob("*.gwabak")
    assert NAME.encode() not in saved.read_bytes()
    assert main([*arguments, "erase", str(ottilie), "--reason", "request"]) == 0
    assert main([*arguments, "restore", str(saved)]) == 2
    assert "Passwort" in capsys.readouterr().err
    assert main([*arguments, "restore", str(saved), "--password-file", str(secret)]) == 0
    assert NAME.encode() not in _raw(database_path)
    assert main([*arguments, "backup"]) == 0
    assert str(key_file_path()) in capsys.readouterr().out


def test_a_restore_also_repeats_deletions_in_the_list_and_withdrawals(
    database, database_path, contacts, tmp_path
):
    from datetime import date

    from gwa_desktop.domain.contact import ConsentData
    from gwa_desktop.domain.enums import LegalBasis

    deleted = person(contacts, NAME, phone=PHONE)
    withdrawing = person(
        contacts,
        OTHER,
        phone="0170 1112223",
        email="wendelin@example.org",
        legal_basis=LegalBasis.CONSENT,
        consents=[ConsentData(given_on=date(2025, 1, 1), purpose="Einladungen")],
    )
    older = backup.backup_database(database, tmp_path / "backups")
    contacts.delete([deleted])
    contacts.withdraw_consent(withdrawing, date(2026, 11, 1))
    assert [
        (e.contact_id, e.action.value, e.reason.value) for e in ErasureService(database).log()
    ] == [
        (deleted, "deleted", "deleted_in_list"),
        (withdrawing, "reduced", "withdrawal"),
    ]

    backup.restore_backup(database, older, tmp_path / "safety")

    assert sql(database, "SELECT id, name, phone, email, legal_basis FROM contacts") == [
        (withdrawing, OTHER, "", "", None)
    ]
    assert contacts.get(withdrawing).consents[0].withdrawn_on is not None
    raw = _raw(database_path)
    for value in (NAME, PHONE, "0170 1112223", "wendelin@example.org"):
        assert value.encode() not in raw, value
