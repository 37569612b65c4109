"""Migration 0021: the district's packages stay; the list of municipalities starts empty."""

from __future__ import annotations

import sqlite3
from datetime import date

from gwa_desktop.services.completeness import completeness, suggested_entries
from gwa_desktop.services.district_municipalities import MunicipalityListService
from gwa_desktop.services.reporting_cycles import ReportingCycle
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to


def test_imported_packages_survive_and_can_fill_the_new_list(tmp_path):
    path = tmp_path / "gwa.sqlite"
    migrate_to(path, "0020")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO district_packages (id, municipality, district, period_start, period_end, "
            "created_at, imported_at, format_version, program_version, sha256, file_name) VALUES "
            "(1, 'Gemeinde Lindental', 'Landkreis Musterland', '2026-04-01', '2026-06-30', "
            "'2026-07-03 10:00:00', '2026-07-05 09:00:00', 1, '0.1.0', ?, 'lindental.zip')",
            ("a" * 64,),
        )
    connection.close()

    database = open_database(str(path))
    try:
        listing = MunicipalityListService(database)
        assert listing.entries() == []
        today = date(2026, 12, 1)
        assert completeness(database, date(2026, 1, 1), today, today).unknown == [
            "Gemeinde Lindental"
        ]
        (suggestion,) = suggested_entries(database)
        assert (suggestion.name, suggestion.cycle, suggestion.active_from) == (
            "Gemeinde Lindental",
            ReportingCycle.QUARTERLY,
            date(2026, 4, 1),
        )
        listing.add_all([suggestion])
        result = completeness(database, date(2026, 1, 1), today, today)
        (entry,) = result.entries
        cells = [result.cell(entry.id, p) for p in result.periods]
        assert [c.status.value for c in cells] == ["on_time", "overdue", "not_yet_due"]
        assert cells[0].packages[0].file_name == "lindental.zip"
    finally:
        database.close()
