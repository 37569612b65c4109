"""The figures of a period (months by kind, headcounts, hours, languages) as grouped queries.

One GROUP BY over year, month and kind answers everything the summary sheets, the CSV
of months and the district overview show; migration 0011's covering index lets SQLite
answer it from the index alone. The counting rules are those of the records that
leave (district_collect): an activity counts when its date lies in the period and not
after today (services/periods.py), and an activity with fewer than SMALL_GROUP
participants adds only its total, its volunteers and their hours, never its
breakdowns or its languages, because its record carries none of them. A district
database holds records already reduced that way, so its figures are plain sums.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, extract, func, select
from sqlalchemy.orm import Session

from gwa_desktop.exchange.records import COUNT_KEYS, Period
from gwa_desktop.exchange.summary import Figures, MonthRow, from_rows
from gwa_desktop.services.periods import counted_in
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictActivity
from gwa_desktop.storage.models import Activity, ActivityLanguage

#: Below this many participants an activity's breakdowns would identify people.
SMALL_GROUP = 5
BREAKDOWN_KEYS = tuple(
    key for key in COUNT_KEYS if key not in ("participants_total", "volunteers_count")
)


def period_figures(database: Database, period: Period, today: date | None = None) -> Figures:
    """The activities' figures of `period` as the package for it reports them."""
    with database.session() as session:
        return session_figures(session, period, today or date.today())


def session_figures(session: Session, period: Period, today: date) -> Figures:
    in_period = counted_in(Activity.occurred_on, period, today)
    large = Activity.participants_total >= SMALL_GROUP
    sums: list[ColumnElement[Any]] = [
        func.sum(case((large, getattr(Activity, key))))
        if key in BREAKDOWN_KEYS
        else func.sum(getattr(Activity, key))
        for key in COUNT_KEYS
    ]
    year, month = extract("year", Activity.occurred_on), extract("month", Activity.occurred_on)
    months = session.execute(
        select(year, month, Activity.kind, func.count(), *sums, func.sum(Activity.volunteer_hours))
        .where(in_period)
        .group_by(year, month, Activity.kind)
    )
    languages = session.execute(
        select(ActivityLanguage.code, func.count())
        .join(Activity)
        .where(in_period, large)
        .group_by(ActivityLanguage.code)
    )
    return from_rows(
        ((y, m, kind.value, *rest) for y, m, kind, *rest in months),
        ((code, count) for code, count in languages),
    )


def package_figures(session: Session) -> dict[int, Figures]:
    """The activities' figures of every imported package, by package id."""
    table = DistrictActivity
    year, month = extract("year", table.occurred_on), extract("month", table.occurred_on)
    rows: dict[int, list[MonthRow]] = defaultdict(list)
    for package_id, *row in session.execute(
        select(
            table.package_id,
            year,
            month,
            table.kind,
            func.count(),
            *(func.sum(getattr(table, key)) for key in COUNT_KEYS),
            func.sum(table.volunteer_hours),
        ).group_by(table.package_id, year, month, table.kind)
    ):
        rows[package_id].append(tuple(row))
    # The languages of a district record are one comma-joined text; the distinct texts
    # are few, so the database groups by them and only the split happens here.
    languages: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for package_id, joined, count in session.execute(
        select(table.package_id, table.languages, func.count())
        .where(table.languages != "")
        .group_by(table.package_id, table.languages)
    ):
        for code in joined.split(","):
            languages[package_id][code] += count
    return {
        package_id: from_rows(month_rows, languages.get(package_id, {}).items())
        for package_id, month_rows in rows.items()
    }
