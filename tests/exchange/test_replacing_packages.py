"""A village's corrected or wider re-export replaces its earlier packages; a refused one leaves nothing (issue 10, item 12)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime

from sqlalchemy import text

from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.records import Period
from gwa_desktop.services import installation_key
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, OLDER, OVERLAPS, REPLACED, import_package
from gwa_desktop.services.district_overview import village_figures

YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
MISTYPED = Period(date(2026, 1, 1), date(2026, 12, 30))


def district_rows(database) -> tuple[list[tuple], int]:
    with database.engine.connect() as connection:
        packages = [
            tuple(r)
            for r in connection.execute(
                text("SELECT period_start, period_end FROM district_packages ORDER BY period_start")
            )
        ]
        activities = connection.execute(
            text("SELECT COUNT(*) FROM district_activities")
        ).scalar_one()
    return packages, activities


def database_dump(database) -> list[str]:
    """Every row of every table (SQLite's -shm index changes with any reader, so not the files)."""
    with closing(sqlite3.connect(database.file_path)) as connection:
        return list(connection.iterdump())


def test_the_corrected_period_replaces_the_mistyped_one(filled, other_database, tmp_path):
    """31.12. typed, 30.12. exported: the corrected package must not be refused as overlapping."""
    mistyped = export_district(
        filled.database, MISTYPED, tmp_path, created=datetime(2026, 12, 1, 9)
    )
    corrected = export_district(filled.database, YEAR, tmp_path, created=datetime(2026, 12, 1, 10))
    assert import_package(other_database, mistyped, receipts=tmp_path).outcome == IMPORTED

    result = import_package(other_database, corrected, receipts=tmp_path)

    assert result.outcome == REPLACED
    packages, activities = district_rows(other_database)
    assert [tuple(map(str, p)) for p in packages] == [("2026-01-01", "2026-12-31")]
    assert activities == len(read_package(corrected).data.activities)
    (village,) = village_figures(other_database)
    assert village.period == YEAR


def test_the_year_replaces_its_quarters_at_once_and_counts_each_activity_once(
    filled, other_database, tmp_path
):
    quarters = [
        Period(date(2026, 1, 1), date(2026, 3, 31)),
        Period(date(2026, 4, 1), date(2026, 6, 30)),
    ]
    for minute, quarter in enumerate(quarters):
        package = export_district(
            filled.database, quarter, tmp_path, created=datetime(2026, 7, 1, 9, minute)
        )
        assert import_package(other_database, package, receipts=tmp_path).outcome == IMPORTED
    year = export_district(filled.database, YEAR, tmp_path, created=datetime(2026, 12, 1, 9))

    assert import_package(other_database, year, receipts=tmp_path).outcome == REPLACED

    packages, activities = district_rows(other_database)
    assert len(packages) == 1 and activities == len(read_package(year).data.activities)


def test_a_period_overlapping_only_part_of_an_imported_one_is_still_refused(
    filled, other_database, tmp_path
):
    first_half, shifted = _half_and_shifted_half(filled, tmp_path)
    import_package(other_database, first_half, receipts=tmp_path)
    before = district_rows(other_database)

    assert import_package(other_database, shifted, receipts=tmp_path).outcome == OVERLAPS
    assert district_rows(other_database) == before


def test_an_older_wider_package_does_not_replace_a_newer_one(filled, other_database, tmp_path):
    year = export_district(filled.database, YEAR, tmp_path, created=datetime(2026, 11, 1, 9))
    quarter = export_district(
        filled.database,
        Period(date(2026, 1, 1), date(2026, 3, 31)),
        tmp_path,
        created=datetime(2026, 12, 1, 9),
    )
    import_package(other_database, quarter, receipts=tmp_path)

    assert import_package(other_database, year, receipts=tmp_path).outcome == OLDER
    assert len(district_rows(other_database)[0]) == 1


def test_a_refused_package_does_not_pin_the_first_key_of_its_village(
    filled, other_database, tmp_path
):
    """Packages from before signing had no key pinned; a refused one must not pin its key."""
    first_half, shifted = _half_and_shifted_half(filled, tmp_path)
    import_package(other_database, first_half, receipts=tmp_path)
    with other_database.session() as session:
        session.execute(text("DELETE FROM village_keys"))
    before = database_dump(other_database)

    result = import_package(other_database, shifted, receipts=tmp_path)

    assert result.outcome == OVERLAPS and "recorded" not in result.message
    assert database_dump(other_database) == before
    assert "erstmals festgehalten" not in result.receipt.read_text(encoding="utf-8-sig")


def test_a_refused_package_does_not_change_the_pinned_key_even_when_accepted_by_phone(
    filled, other_database, tmp_path
):
    first_half = export_district(
        filled.database,
        Period(date(2026, 1, 1), date(2026, 6, 30)),
        tmp_path,
        created=datetime(2026, 7, 1, 9),
    )
    import_package(other_database, first_half, receipts=tmp_path)
    with filled.database.session() as session:  # a new laptop: a new key
        session.execute(text("DELETE FROM installation_keys"))
    new_key = installation_key.fingerprint(filled.database)
    shifted = export_district(
        filled.database,
        Period(date(2026, 4, 1), date(2026, 12, 31)),
        tmp_path,
        created=datetime(2026, 12, 1, 9),
    )
    before = database_dump(other_database)

    result = import_package(other_database, shifted, receipts=tmp_path, accept_key=new_key)

    assert result.outcome == OVERLAPS
    assert database_dump(other_database) == before


def _half_and_shifted_half(filled, tmp_path):
    """January–June, then April–December exported later: they overlap only in part."""
    first_half = export_district(
        filled.database,
        Period(date(2026, 1, 1), date(2026, 6, 30)),
        tmp_path,
        created=datetime(2026, 7, 1, 9),
    )
    shifted = export_district(
        filled.database,
        Period(date(2026, 4, 1), date(2026, 12, 31)),
        tmp_path,
        created=datetime(2026, 12, 1, 9),
    )
    return first_half, shifted
