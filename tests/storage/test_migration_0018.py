"""Migration 0018: every legal basis gets the default retention period; contacts stay."""

from __future__ import annotations

import sqlite3
from datetime import date

from gwa_desktop.domain.retention import BASIS_KEYS, DEFAULT_MONTHS
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.services.retention import RetentionService
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_existing_persons_keep_their_data_and_get_the_default_periods(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0017")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO contacts (id, kind, name, phone, email, street, postal_code, city, notes, "
            "legal_basis, search_text, created_at, updated_at, version) VALUES (1, 'person', "
            "'Erika Beispiel', '0151 2345678', '', '', '', '', '', 'public_task', '', "
            "'2020-01-01', '2020-01-01', 1)"
        )
    connection.close()

    database = open_database(str(path))
    try:
        assert RetentionService(database).periods() == dict.fromkeys(BASIS_KEYS, DEFAULT_MONTHS)
        with sqlite3.connect(path) as raw:
            stored = dict(raw.execute("SELECT legal_basis, months FROM retention_periods"))
        raw.close()
        assert stored == dict.fromkeys(BASIS_KEYS, DEFAULT_MONTHS)
        due = RetentionService(database).due(date(2026, 12, 2))
        assert [(p.id, p.name, p.last_contact) for p in due] == [
            (1, "Erika Beispiel", date(2020, 1, 1))
        ]
        assert ErasureService(database).log() == []
    finally:
        database.close()
