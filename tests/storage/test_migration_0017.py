"""Migration 0017: existing settings keep their values and ask for no text language yet."""

from __future__ import annotations

import sqlite3

from gwa_desktop.services.duplicates import contact_pairs
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_existing_settings_and_contacts_survive_and_no_text_language_is_asked(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0016")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO municipality_settings (id, name, district, officer_name, officer_phone, "
            "officer_email, officer_address, logo_filename, federal_state, created_at, "
            "updated_at, version) VALUES (1, 'Musterdorf', 'Musterkreis', '', '', '', '', '', "
            "'BY', '2026-01-01', '2026-01-01', 3)"
        )
        for contact_id, name in ((1, "Erika Beispiel"), (2, "Erika Baispiel")):
            connection.execute(
                "INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, "
                "notes, search_text, created_at, updated_at, version) VALUES (?, 'person', ?, "
                "'', '', '', '', '', '', '', '2026-01-01', '2026-01-01', 1)",
                (contact_id, name),
            )
    connection.close()

    database = open_database(str(path))
    try:
        settings = SettingsService(database).get()
        assert (settings.name, settings.federal_state, settings.version) == ("Musterdorf", "BY", 3)
        assert settings.text_languages == "" and settings.text_language_codes == []
        assert [(p.first_id, p.second_id) for p in contact_pairs(database)] == [(1, 2)]
    finally:
        database.close()
