"""A shared district server (issue 17, item 5): two officers import at once on PostgreSQL.

Two processes import two packages of the same municipality and period (the village's
first export and its corrected one) at the same moment. The import lock (a row lock on
`import_lock`, taken by the first statement of each import) makes the second wait for
the first's commit; it then sees the first's package and replaces it or leaves it, so
the district counts each activity once whichever process comes first. Behind the lock,
the unique constraints refuse a second package row for one municipality and period
and a second row of one file. PostgreSQL runs when GWA_TEST_POSTGRESQL_URL is set.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.district_export import export_district
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.district_models import DistrictPackage
from tests.exchange.sample_data import PERIOD
from tests.exchange.test_concurrent_imports import (
    german,
    import_while_held,
    package_rows,
)
from tests.services.service_builders import activity_data

URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")
pytestmark = pytest.mark.skipif(
    not URL, reason="GWA_TEST_POSTGRESQL_URL is not set (no PostgreSQL server to test against)"
)


REPLACED_TEXT = (
    "{municipality}, {period}: replaced the older package; {offers} offers and {activities} "
    "activities imported."
)
OLDER_TEXT = (
    "{municipality}, {period}: a newer package is already imported; this older one was not taken."
)


@pytest.fixture
def server():
    from tests.storage.test_postgresql import wipe

    wipe()
    open_database(URL).close()
    return URL


@pytest.fixture
def first_and_corrected(filled, tmp_path) -> tuple[Path, Path]:
    """The village's package, and the one it sent an hour later with one activity more."""
    folders = [tmp_path / "first-stick", tmp_path / "second-stick"]  # one file name
    for folder in folders:
        folder.mkdir()
    first = export_district(
        filled.database, Period(*PERIOD), folders[0], created=datetime(2026, 11, 15, 10)
    )
    ActivityService(filled.database).create(activity_data(occurred_on=date(2026, 3, 10)))
    corrected = export_district(
        filled.database, Period(*PERIOD), folders[1], created=datetime(2026, 11, 15, 11)
    )
    return first, corrected


def activity_rows(url: str) -> tuple[int, str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT COUNT(*) FROM district_activities")).scalar()
            sha = connection.execute(text("SELECT sha256 FROM district_packages")).scalar()
            return count, sha
    finally:
        engine.dispose()


def import_both_at_once(url: str, held: Path, waiting: Path, receipts: Path) -> tuple[int, str]:
    """`held` is imported by a process that stops inside its transaction until `waiting`'s
    import is blocked on the lock; the latter's exit code and output."""
    (first_code, first_text), second = import_while_held(
        url, url, held, waiting, receipts, must_wait=True
    )
    assert first_code == 0, first_text
    return second


@pytest.mark.parametrize("corrected_first", [False, True])
def test_two_packages_of_one_period_imported_at_once_count_once(
    server, first_and_corrected, tmp_path, corrected_first
):
    first, corrected = first_and_corrected
    held, waiting = (corrected, first) if corrected_first else (first, corrected)

    code, waiting_text = import_both_at_once(server, held, waiting, tmp_path)

    assert package_rows(server) == 1
    count, sha = activity_rows(server)
    newest = read_package(corrected)
    assert (count, sha) == (len(newest.data.activities), newest.sha256)
    told = OLDER_TEXT if corrected_first else REPLACED_TEXT
    older = read_package(first)
    assert (
        german(told).format(
            municipality="Gemeinde Lindental",
            period="01.01.2026 – 31.12.2026",
            offers=len(newest.data.offers),
            activities=len(newest.data.activities),
        )
        in waiting_text
    ), waiting_text
    assert code == (2 if corrected_first else 0)  # an older package not taken is a refusal
    assert len(older.data.activities) == count - 1  # the two packages really differ


def test_unique_constraints_back_the_lock(server):
    """Were the lock ever bypassed, the database itself refuses a second package row."""
    database = open_database(server)
    row = {
        "municipality": "Gemeinde Lindental",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 3, 31),
        "created_at": datetime(2026, 4, 1),
        "format_version": 2,
    }
    try:
        with database.session() as session:
            session.add(DistrictPackage(**row, sha256="a" * 64))
        for other in ({"sha256": "b" * 64}, {"sha256": "a" * 64, "period_end": date(2026, 6, 30)}):
            with pytest.raises(IntegrityError), database.session() as session:
                session.add(DistrictPackage(**{**row, **other}))
                session.flush()
        assert package_rows(server) == 1
    finally:
        database.close()
