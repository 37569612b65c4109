"""Migration 0019: an existing database gets its installation id; district rows keep their names."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing

from gwa_desktop.services import installation_identity
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_an_existing_database_gets_one_id_and_its_district_rows_keep_their_names(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0018")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO district_packages (id, municipality, district, period_start, period_end, "
            "created_at, imported_at, format_version, program_version, sha256, file_name) VALUES "
            "(1, 'Gemeinde Altdorf', 'Landkreis Süd', '2025-01-01', '2025-12-31', "
            "'2026-01-05 09:00:00', '2026-01-06 10:00:00', 2, '1.0', ?, 'alt.zip')",
            ("a" * 64,),
        )
        connection.execute(
            "INSERT INTO village_keys (id, municipality, public_key, pinned_at) VALUES "
            "(1, 'Gemeinde Altdorf', ?, '2026-01-06 10:00:00')",
            (b"k" * 32,),
        )

    database = open_database(str(path))
    try:
        made = installation_identity.installation_id(database)
        assert uuid.UUID(made).version == 4 and str(uuid.UUID(made)) == made
        (village,) = village_figures(database)
        assert village.municipality == "Gemeinde Altdorf"
    finally:
        database.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute(
            "SELECT installation_id FROM installation_identity"
        ).fetchall() == [(made,)]
        assert connection.execute(
            "SELECT municipality, sent_name, installation_id, package_id, replaces "
            "FROM district_packages"
        ).fetchall() == [("Gemeinde Altdorf", "Gemeinde Altdorf", None, None, None)]
        assert connection.execute(
            "SELECT municipality, installation_id FROM village_keys"
        ).fetchall() == [("Gemeinde Altdorf", None)]


def test_every_new_database_gets_an_id_of_its_own(tmp_path):
    ids = []
    for name in ("a.sqlite", "b.sqlite"):
        database = open_database(str(tmp_path / name))
        try:
            with closing(sqlite3.connect(tmp_path / name)) as connection:
                ids.append(
                    connection.execute(
                        "SELECT installation_id FROM installation_identity"
                    ).fetchall()
                )
        finally:
            database.close()
    assert len(ids[0]) == len(ids[1]) == 1 and ids[0] != ids[1]
