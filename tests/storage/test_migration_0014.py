"""Migration 0014: existing consents keep their meaning and do not cover public prints."""

from __future__ import annotations

import sqlite3

from gwa_desktop.services.contacts import ContactService
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_an_existing_consent_does_not_become_a_consent_to_be_named_publicly(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0013")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, notes, "
            "legal_basis, search_text, created_at, updated_at, version) VALUES (1, 'person', "
            "'Erika Beispiel', '0151 2345678', '', '', '', '', '', 'consent', '', "
            "'2026-01-01', '2026-01-01', 1)"
        )
        connection.execute(
            "INSERT INTO consent_records (id, contact_id, given_on, purpose, form_version, "
            "form_language, method, created_at, updated_at) VALUES (1, 1, '2026-01-02', "
            "'Kontakt und Information', '1', 'de', 'written', '2026-01-02', '2026-01-02')"
        )
    connection.close()

    database = open_database(str(path))
    try:
        contact = ContactService(database).get(1)
        assert [(c.purpose, c.names_publicly) for c in contact.consents] == [
            ("Kontakt und Information", False)
        ]
        assert contact.phone == "0151 2345678"
    finally:
        database.close()
