"""The report's figures equal counts written independently in raw SQL, on SQLite and PostgreSQL.

The data is crafted so each rule shows: an activity after today, one the day before the
period, an offer only planned, one ended before the period, an offer whose attendance
fell against the quarter before and one that held steady.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from gwa_desktop.domain.enums import ActivityKind, OfferCategory, OfferStatus, TargetGroup
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.periods import kindergarten_year_of, report_period
from gwa_desktop.services.report_figures import earlier_period, figures, months_of
from gwa_desktop.storage.database import open_database
from tests.services.service_builders import activity_data, offer_data, sql

POSTGRESQL_URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")
QUARTER = Period(date(2025, 1, 1), date(2025, 3, 31))
TODAY = date(2025, 3, 20)


@pytest.fixture(params=["sqlite", "postgresql"])
def crafted(request, database_path):
    """A database with the crafted village; yields it and the offers' ids by name."""
    if request.param == "sqlite":
        url = str(database_path)
    else:
        if not POSTGRESQL_URL:
            pytest.skip("GWA_TEST_POSTGRESQL_URL is not set (no PostgreSQL server to test against)")
        wipe = create_engine(POSTGRESQL_URL)
        with wipe.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        wipe.dispose()
        url = POSTGRESQL_URL
    database = open_database(url)
    ids = fill(database)
    yield database, ids
    database.close()


def fill(database) -> dict[str, int]:
    offers, activities = OfferService(database), ActivityService(database)
    ids = {
        "cafe": offers.create(
            offer_data(
                "Sprachcafé",
                start_date=date(2024, 9, 3),
                target_groups=[TargetGroup.NEWCOMERS, TargetGroup.WOMEN],
                languages=["de", "ar"],
            )
        ),
        "gym": offers.create(
            offer_data(
                "Kinderturnen",
                category=OfferCategory.LEISURE,
                start_date=date(2024, 10, 1),
                end_date=date(2025, 6, 30),
                target_groups=[TargetGroup.CHILDREN],
                languages=["de"],
            )
        ),
        "planned": offers.create(
            offer_data(
                "Bewerbungstraining",
                category=OfferCategory.WORK,
                start_date=date(2025, 2, 1),
                status=OfferStatus.PLANNED,
                languages=["uk"],
            )
        ),
        "ended": offers.create(
            offer_data(
                "Alte Runde",
                category=OfferCategory.LEISURE,
                start_date=date(2024, 1, 1),
                end_date=date(2024, 12, 31),
                status=OfferStatus.ENDED,
            )
        ),
    }
    session = ActivityKind.OFFER_SESSION
    rows = [
        # The quarter before: the café had 10 a session, the gym 6.
        (date(2024, 11, 5), session, "cafe", 10, 4, 6, 0, ["de", "ar"]),
        (date(2024, 12, 3), session, "cafe", 10, 2, 8, 0, ["de"]),
        (date(2024, 11, 6), session, "gym", 6, None, None, 0, []),
        (date(2024, 12, 31), session, "gym", 6, None, None, 0, []),  # the day before
        # The quarter: the café down to 5 a session, the gym steady at 6.
        (date(2025, 1, 7), session, "cafe", 6, 3, 3, 2.5, ["de", "ar"]),
        (date(2025, 2, 4), session, "cafe", 4, 1, 3, 2.0, ["ar"]),
        (date(2025, 1, 8), session, "gym", 7, None, None, 0, ["de"]),
        (date(2025, 3, 5), session, "gym", 5, 5, 0, 1.0, []),
        (date(2025, 2, 12), ActivityKind.NETWORK_MEETING, None, 9, None, None, 0, ["de"]),
        (date(2025, 3, 18), ActivityKind.EVENT, None, 40, 10, None, 6.5, ["de", "uk"]),
        (date(2025, 3, 28), ActivityKind.EVENT, None, 0, None, None, 0, []),  # after today
    ]
    for day, kind, offer, total, newcomers, regulars, hours, languages in rows:
        activities.create(
            activity_data(
                occurred_on=day,
                kind=kind,
                offer_id=ids[offer] if offer else None,
                participants_total=total,
                newcomers=newcomers,
                regulars=regulars,
                volunteers_count=1 if hours else 0,
                volunteer_hours=hours,
                languages=languages,
            )
        )
    return ids


def raw(database, statement: str, **params) -> list[tuple]:
    bounds = {"first": QUARTER.start.isoformat(), "last": TODAY.isoformat()}
    return sql(database, statement, **bounds, **params)


IN_QUARTER = "occurred_on >= :first AND occurred_on <= :last"
RUNNING = (
    "start_date <= '2025-03-31' AND (end_date IS NULL OR end_date >= '2025-01-01')"
    " AND status <> 'planned'"
)


def test_activity_figures_equal_raw_sql_counts(crafted):
    database, _ids = crafted
    result = figures(database, QUARTER, today=TODAY)
    [(count, participants, newcomers, regulars, hours, volunteers)] = raw(
        database,
        "SELECT count(*), sum(participants_total), sum(newcomers), sum(regulars),"
        f" sum(volunteer_hours), sum(volunteers_count) FROM activities WHERE {IN_QUARTER}",
    )
    assert (result.activities, result.participants) == (count, participants) == (6, 71)
    assert (result.counts["newcomers"], result.counts["regulars"]) == (newcomers, regulars)
    assert result.counts["volunteers_count"] == volunteers
    assert result.volunteer_hours == pytest.approx(float(hours)) == 12.0
    assert result.newcomer_share == pytest.approx(100 * 19 / 25)
    by_kind = raw(
        database, f"SELECT kind, count(*) FROM activities WHERE {IN_QUARTER} GROUP BY kind"
    )
    assert dict(result.by_kind) == dict(by_kind)
    by_month = raw(
        database,
        "SELECT substr(CAST(occurred_on AS TEXT), 1, 7), count(*), sum(participants_total)"
        f" FROM activities WHERE {IN_QUARTER} GROUP BY 1 ORDER BY 1",
    )
    assert [(f"{m.month:%Y-%m}", m.activities, m.participants) for m in result.months] == by_month
    languages = raw(
        database,
        "SELECT code, count(*) FROM activity_languages JOIN activities"
        f" ON activities.id = activity_id WHERE {IN_QUARTER} GROUP BY code",
    )
    assert dict(result.activities_by_language) == dict(languages) == {"de": 4, "ar": 2, "uk": 1}


def test_offer_figures_equal_raw_sql_counts(crafted):
    database, _ids = crafted
    result = figures(database, QUARTER, today=TODAY)
    [(count,)] = raw(database, f"SELECT count(*) FROM offers WHERE {RUNNING}")
    assert result.offers == count == 2
    categories = raw(database, f"SELECT category, count(*) FROM offers WHERE {RUNNING} GROUP BY 1")
    assert dict(result.offers_by_category) == dict(categories)
    groups = raw(
        database,
        'SELECT "group", count(*) FROM offer_target_groups JOIN offers ON offers.id = offer_id'
        f" WHERE {RUNNING} GROUP BY 1",
    )
    assert dict(result.offers_by_target_group) == dict(groups)
    languages = raw(
        database,
        "SELECT code, count(*) FROM offer_languages JOIN offers ON offers.id = offer_id"
        f" WHERE {RUNNING} GROUP BY 1",
    )
    assert dict(result.offers_by_language) == dict(languages) == {"de": 2, "ar": 1}


def test_sessions_per_offer_and_lost_attendance(crafted):
    database, ids = crafted
    result = figures(database, QUARTER, today=TODAY)
    sessions = raw(
        database,
        "SELECT offer_id, count(*), sum(participants_total) FROM activities"
        f" WHERE {IN_QUARTER} AND offer_id IS NOT NULL GROUP BY offer_id",
    )
    assert {(o.offer_id, o.sessions, o.participants) for o in result.sessions} == set(sessions)
    by_title = {o.title: o for o in result.sessions}
    assert by_title["Sprachcafé"].average == 5.0
    assert by_title["Sprachcafé"].earlier_average == 10.0
    # The gym's session on 31 December lies in the quarter before, not in this one.
    assert by_title["Kinderturnen"].earlier_average == 6.0
    assert [o.offer_id for o in result.lost_attendance] == [ids["cafe"]]


def test_a_period_without_data_is_empty_not_an_error(crafted):
    database, _ids = crafted
    later = Period(date(2030, 1, 1), date(2030, 12, 31))
    result = figures(database, later, today=TODAY)
    assert result.is_empty
    assert (result.activities, result.sessions, result.newcomer_share) == (0, [], None)
    assert len(result.months) == 12


def test_periods_of_the_dashboard():
    assert kindergarten_year_of(date(2025, 7, 31)) == Period(date(2024, 8, 1), date(2025, 7, 31))
    assert kindergarten_year_of(date(2025, 8, 1)) == Period(date(2025, 8, 1), date(2026, 7, 31))
    assert report_period("quarter", date(2025, 5, 9)) == Period(date(2025, 4, 1), date(2025, 6, 30))
    assert [m.month for m in months_of(kindergarten_year_of(date(2025, 9, 1)))] == [
        8,
        9,
        10,
        11,
        12,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
    ]
    assert earlier_period(QUARTER) == Period(date(2024, 10, 3), date(2024, 12, 31))
