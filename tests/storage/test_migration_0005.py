"""Migration 0005 refolds search text written by older versions."""

from __future__ import annotations

import sqlite3

from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_old_search_text_finds_accents_and_umlaut_spellings_after_upgrade(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0004")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, notes, "
            "search_text, created_at, updated_at) VALUES (1, 'organisation', 'Nähcafé Müller', '', '', '', '', '', '', "
            "'nähcafé müller', '2026-01-01', '2026-01-01')"
        )
    connection.close()

    database = open_database(str(path))
    try:
        contacts = ContactService(database)
        for typed in ("cafe", "naehcafe", "muller", "mueller", "müller"):
            assert contacts.count(ListQuery(text=typed)) == 1, typed
    finally:
        database.close()
