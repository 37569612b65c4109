"""Bad files and failing writes become errors the user can understand and act on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sqlalchemy import event, text

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.i18n import _, set_ui_language, translation_for
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database, create_database_engine, open_database
from gwa_desktop.storage.errors import (
    DatabaseUnavailableError,
    DiskFullError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    translate_operational_error,
)

READ_ONLY_MESSAGE = (
    "The database cannot be written (read-only file, folder or medium). "
    "Your entry was not saved, but it is still in the form. Check the write "
    "permissions or copy the database to a writable folder."
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` with its content: a refused file must stay exactly as it was."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def refuse(path: Path, error_class: type[StorageError]) -> StorageError:
    before = snapshot(path.parent)
    with pytest.raises(error_class) as caught:
        open_database(str(path), backup_dir=path.parent / "backups")
    assert snapshot(path.parent) == before
    assert not (path.parent / "backups").exists()
    assert str(caught.value).strip()
    return caught.value


# --- files that are refused untouched -----------------------------------------------------------------------


def test_text_file_named_sqlite_is_not_a_database(tmp_path):
    path = tmp_path / "kontakte.sqlite"
    path.write_text("Name;Telefon\nMüller;06221 12345\n", encoding="utf-8")
    error = refuse(path, NotADatabaseError)
    assert str(path) in str(error)


def test_damaged_sqlite_file_is_not_a_database(tmp_path):
    path = tmp_path / "kaputt.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    refuse(path, NotADatabaseError)


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "fremd.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE mitglieder (name TEXT, beitrag INTEGER)")
    connection.execute("INSERT INTO mitglieder VALUES ('Müller', 24)")
    connection.commit()
    connection.close()

    refuse(path, NotADatabaseError)

    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # not switched to WAL
    assert check.execute("SELECT name FROM sqlite_master").fetchall() == [("mitglieder",)]
    check.close()


def test_database_from_a_newer_program_version_is_refused_untouched(database_path):
    connection = sqlite3.connect(database_path)
    connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.commit()
    connection.close()

    error = refuse(database_path, NewerDatabaseError)

    assert "0099_future" in str(error)
    check = sqlite3.connect(database_path)
    assert check.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099_future",)]
    check.close()


def test_path_in_a_missing_folder_is_unavailable(tmp_path):
    path = tmp_path / "USB-Stick" / "gwa.sqlite"
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database(str(path))
    assert str(path) in str(caught.value)
    assert not path.parent.exists()


# --- failing writes --------------------------------------------------------------------------------------------------


def test_read_only_database_refuses_the_write_and_keeps_the_data(database_path):
    """Open the file read-only through SQLite itself.

    Tests run as root, where chmod 0o444 does not stop writes, so SQLite is asked to
    open the file read-only (`mode=ro`). The write then really goes through the
    services and `Database.session()` and fails in SQLite, as it would on a write-
    protected USB stick or a file without write permission.
    """
    writable = open_database(str(database_path))
    ContactService(writable).create(ContactData(name="Schon gespeichert"))
    SettingsService(writable).save(MunicipalityData(name="Gemeinde Neustadt"))
    writable.close()

    engine = create_database_engine(f"sqlite:///file:{database_path}?mode=ro&uri=true")
    read_only = Database(engine, str(database_path))
    try:
        contacts = ContactService(read_only)
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            contacts.create(ContactData(name="Neu", kind=ContactKind.ORGANISATION))
        assert str(caught.value) == _(READ_ONLY_MESSAGE)
        assert isinstance(
            caught.value.__cause__, Exception
        )  # the driver error stays attached for the log
        with pytest.raises(ReadOnlyDatabaseError):
            SettingsService(read_only).save(MunicipalityData(name="Andere Gemeinde"))
        # reading still works and shows what was there before
        assert [row[1] for row in contacts.list_rows(ListQuery())] == ["Schon gespeichert"]
    finally:
        read_only.close()

    again = open_database(str(database_path))
    try:
        assert [row[1] for row in ContactService(again).list_rows(ListQuery())] == [
            "Schon gespeichert"
        ]
        assert SettingsService(again).get().name == "Gemeinde Neustadt"
    finally:
        again.close()


def test_full_disk_refuses_the_write_rolls_back_and_keeps_the_data(database_path):
    """Simulate a full disk: every connection may grow the file by a few pages only."""
    earlier = open_database(str(database_path))
    ContactService(earlier).create(ContactData(name="Schon gespeichert"))
    earlier.close()

    engine = create_database_engine(f"sqlite:///{database_path}")

    @event.listens_for(engine, "connect")
    def limit_size(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + 8}")
        cursor.close()

    full = Database(engine, str(database_path))
    contacts = ContactService(full)
    saved = []
    try:
        with pytest.raises(DiskFullError) as caught:
            for number in range(100):
                name = f"Verein {number:03d}"
                contacts.create(
                    ContactData(name=name, kind=ContactKind.ORGANISATION, notes="x" * 8000)
                )
                saved.append(name)
        assert str(caught.value).strip()
        assert 0 < len(saved) < 100
        # the failed entry left nothing behind, and the connection is not stuck in a transaction
        assert contacts.count() == len(saved) + 1
        contacts.delete([row[0] for row in contacts.list_rows(ListQuery(text="verein 000"))])
        contacts.create(ContactData(name="Klein"))
    finally:
        full.close()

    again = open_database(str(database_path))
    try:
        names = [row[1] for row in ContactService(again).list_rows(ListQuery())]
    finally:
        again.close()
    assert names == ["Klein", "Schon gespeichert", *saved[1:]]


def test_other_database_errors_are_not_disguised(database):
    with pytest.raises(Exception) as caught, database.session() as session:
        session.execute(text("INSERT INTO tags (id, name) VALUES (1, 'a'), (2, 'a')"))
    assert not isinstance(caught.value, StorageError)
    with database.session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM tags")).scalar() == 0


# --- messages -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("driver_message", "error_class"),
    [
        ("attempt to write a readonly database", ReadOnlyDatabaseError),
        ("database or disk is full", DiskFullError),
        ("[Errno 28] No space left on device", DiskFullError),
        ("file is not a database", NotADatabaseError),
        ("database disk image is malformed", NotADatabaseError),
        ("unable to open database file", DatabaseUnavailableError),
    ],
)
def test_driver_errors_are_translated(driver_message, error_class):
    error = translate_operational_error(
        sqlite3.OperationalError(driver_message), "/media/usb/gwa.sqlite"
    )
    assert isinstance(error, error_class)
    assert str(error).strip()


def test_unexpected_driver_errors_are_left_alone():
    assert translate_operational_error(sqlite3.OperationalError("no such table: x")) is None


@pytest.fixture
def pseudo_german(tmp_path):
    """A German catalog with one entry, to see that storage messages go through `_`."""
    catalog = Catalog(locale="de", domain="gwa_desktop")
    catalog.add(READ_ONLY_MESSAGE, "Die Datenbank kann nicht geschrieben werden.")
    catalog.add(
        "The database {path} cannot be opened. Check that the folder exists, that "
        "the USB stick or network drive is connected, and that you may write there.",
        "Die Datenbank {path} kann nicht geöffnet werden.",
    )
    folder = tmp_path / "translations" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "gwa_desktop.mo").open("wb") as handle:
        write_mo(handle, catalog)
    previous = os.environ.get("GWA_TRANSLATIONS_DIR")
    os.environ["GWA_TRANSLATIONS_DIR"] = str(tmp_path / "translations")
    translation_for.cache_clear()
    set_ui_language("de")
    yield
    if previous is None:
        os.environ.pop("GWA_TRANSLATIONS_DIR", None)
    else:
        os.environ["GWA_TRANSLATIONS_DIR"] = previous
    translation_for.cache_clear()
    set_ui_language("de")


def test_storage_messages_are_translated(pseudo_german, tmp_path):
    assert str(ReadOnlyDatabaseError()) == "Die Datenbank kann nicht geschrieben werden."
    path = tmp_path / "fehlt" / "gwa.sqlite"
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_database(str(path))
    assert str(caught.value) == f"Die Datenbank {path} kann nicht geöffnet werden."
