"""Migration 0020: packages imported before reviews existed are "not reviewed" and still count."""

from __future__ import annotations

import sqlite3

from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.district_review import NOT_REVIEWED, list_packages
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_an_imported_package_keeps_its_records_and_counts_unreviewed(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0019")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO district_packages (id, municipality, district, period_start, period_end, "
            "created_at, imported_at, format_version, program_version, sha256, file_name) VALUES "
            "(7, 'Gemeinde Lindental', '', '2026-01-01', '2026-03-31', '2026-04-02 10:00:00', "
            "'2026-04-03 09:00:00', 2, '0.1.0', 'ab', 'lindental.gwa')"
        )
        connection.execute(
            "INSERT INTO district_activities (package_id, occurred_on, kind, title, offer, "
            "languages, participants_total, volunteers_count, volunteer_hours) VALUES (7, "
            "'2026-02-10', 'event', 'Sprachcafé', '', '', 12, 1, 2.5)"
        )
    connection.close()

    database = open_database(str(path))
    try:
        (entry,) = list_packages(database)
        assert (entry.package_id, entry.activities, entry.review.state) == (7, 1, NOT_REVIEWED)
        (village,) = village_figures(database)
        assert village.municipality == "Gemeinde Lindental" and village.participants == 12
    finally:
        database.close()
