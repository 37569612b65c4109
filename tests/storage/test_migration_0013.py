"""Migration 0013 moves each contact's single role into `contact_roles`, losing none."""

from __future__ import annotations

import sqlite3

from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to

OLD_ROWS = [
    (1, "person", "Amal Nasser", "volunteer"),
    (2, "person", "Olena Bondar", "language_mediator"),
    (3, "organisation", "Kita Sonnenschein", "daycare"),
    (4, "person", "Ohne Rolle", None),
]


def test_the_single_role_becomes_the_main_role_of_the_new_table(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0012")
    with sqlite3.connect(path) as connection:
        for number, kind, name, role in OLD_ROWS:
            connection.execute(
                "INSERT INTO contacts (id, kind, name, role, legal_basis, phone, email, street, postal_code, city, "
                "notes, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, 'public_task', '', '', '', '', '', "
                "'', '', '2026-01-01', '2026-01-01')",
                (number, kind, name, role),
            )
    connection.close()

    database = open_database(str(path))
    try:
        with database.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT contact_id, role, position FROM contact_roles ORDER BY contact_id"
            ).all()
        assert rows == [(1, "volunteer", 0), (2, "language_mediator", 0), (3, "daycare", 0)]
        contacts = ContactService(database)
        assert contacts.get(1).roles == [ContactRole.VOLUNTEER]
        assert contacts.get(4).roles == []
        mediators = contacts.list_rows(ListQuery(filters={"role": ContactRole.LANGUAGE_MEDIATOR}))
        assert [row[1] for row in mediators] == ["Olena Bondar"]
    finally:
        database.close()
