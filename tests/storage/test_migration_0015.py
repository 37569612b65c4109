"""Migration 0015 adds the funding programmes beside existing data, which stays as it was."""

from __future__ import annotations

import sqlite3
from datetime import date

from gwa_desktop.domain.programme import ProgrammeData
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.programmes import ProgrammeService
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_offers_and_activities_survive_and_can_join_a_programme(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0014")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO offers (id, category, status, place_name, street, postal_code, city, "
            "recurrence, start_date, cost_note, registration_required, registration_note, "
            "web_url, search_text, created_at, updated_at) VALUES (7, 'language', 'active', "
            "'Gemeindehaus', '', '', '', 'weekly', '2025-01-07', '', 0, '', '', '', "
            "'2025-01-01', '2025-01-01')"
        )
        connection.execute(
            "INSERT INTO offer_texts (offer_id, language, title, description, position) "
            "VALUES (7, 'de', 'Sprachcafé', '', 0)"
        )
        connection.execute(
            "INSERT INTO activities (id, occurred_on, kind, title, offer_id, notes, search_text, "
            "participants_total, volunteers_count, volunteer_hours, created_at, updated_at) "
            "VALUES (3, '2025-02-04', 'offer_session', 'Sprachcafé', 7, '', '', 12, 1, 2, "
            "'2025-02-04', '2025-02-04')"
        )
    connection.close()

    database = open_database(str(path))
    try:
        assert OfferService(database).get(7).title == "Sprachcafé"
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT id, participants_total, offer_id FROM activities"
            ).all() == [(3, 12, 7)]
            assert connection.exec_driver_sql("SELECT count(*) FROM funding_programmes").all() == [
                (0,)
            ]
        programmes = ProgrammeService(database)
        programme_id = programmes.create(
            ProgrammeData("Sprache verbindet", date(2025, 1, 1), date(2025, 12, 31), offer_ids=[7])
        )
        assert programmes.get(programme_id).offer_ids == [7]
    finally:
        database.close()
