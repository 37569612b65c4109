"""'database is locked' becomes a message with a way to try again, not a raw driver error."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import event

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.i18n import _
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.storage.database import Database, create_database_engine
from gwa_desktop.storage.errors import DatabaseBusyError, StorageError, translate_operational_error

BUSY_MESSAGE = (
    "The database is busy: another window, program or computer is writing to it. "
    "Your entry was not saved, but it is still in the form. Try again in a moment."
)


def _impatient(path) -> Database:
    """The program's engine, waiting 50 ms instead of 5 s for another writer."""
    engine = create_database_engine(f"sqlite:///{path}")
    event.listen(
        engine, "connect", lambda connection, _record: connection.execute("PRAGMA busy_timeout=50")
    )
    return Database(engine, str(path))


def test_a_write_while_another_program_holds_the_lock_is_refused_with_a_message(database_path):
    database = _impatient(database_path)
    contacts = ContactService(database)
    contact_id = contacts.create(ContactData(name="Mina Yusuf"))
    form = contacts.get(contact_id)
    form.name = "Mina Yusuf-Ahmadi"
    try:
        with closing(sqlite3.connect(database_path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
            with pytest.raises(DatabaseBusyError) as caught:
                contacts.update(form)
            other.execute("ROLLBACK")
        assert isinstance(caught.value, StorageError)
        assert str(caught.value) == _(BUSY_MESSAGE)
        assert contacts.get(contact_id).name == "Mina Yusuf"

        contacts.update(form)  # "Retry" once the other writer is done
        assert contacts.get(contact_id).name == "Mina Yusuf-Ahmadi"
    finally:
        database.close()


@pytest.mark.parametrize(
    "driver_text", ["database is locked", "database table is locked", "database is busy"]
)
def test_every_spelling_of_a_busy_database_is_translated(driver_text):
    assert isinstance(
        translate_operational_error(sqlite3.OperationalError(driver_text)), DatabaseBusyError
    )
