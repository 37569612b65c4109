"""The figures of a period (months by kind, headcounts, hours, languages) as grouped queries.

One GROUP BY over year, month and kind answers everything the summary sheets, the CSV
of months and the district overview show; migration 0011's covering index lets SQLite
answer it from the index alone. The counting rules are those of the records that
leave (district_collect): an activity counts when its date lies in the period and not
after today (services/periods.py), and an activity whose record would show a small
count adds only what `kept_breakdowns` lets its record carry: a small total carries only
itself, its volunteers and their hours, never breakdowns or languages. A district
database holds records already reduced that way, so its figures are plain sums.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, extract, func, not_, or_, select
from sqlalchemy.orm import Session

from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, is_small
from gwa_desktop.exchange.disclosure import CATEGORY_GROUPS
from gwa_desktop.exchange.records import COUNT_KEYS, Period
from gwa_desktop.exchange.summary import Figures, MonthRow, from_rows
from gwa_desktop.services.periods import counted_in
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictActivity
from gwa_desktop.storage.models import Activity, ActivityLanguage

BREAKDOWN_KEYS = tuple(key for group in CATEGORY_GROUPS for key in group)


def kept_breakdowns(counts: Mapping[str, int | None], threshold: int) -> set[str]:
    """The one rule on a single record: which of its breakdowns travel.

    A record whose total is small keeps none (nor its languages). Otherwise a small
    breakdown is left out, and when its group (gender, age, new or regular) adds up to
    the total, so is the rest of the group: "4 people, 3 women" would give the one man
    away."""
    total = counts.get("participants_total") or 0
    if total < threshold:
        return set()
    kept: set[str] = set()
    for group in CATEGORY_GROUPS:
        values = {key: counts.get(key) or 0 for key in group}
        small = {key for key, value in values.items() if is_small(value, threshold)}
        if small and sum(values.values()) == total:
            continue
        kept.update(key for key in group if key not in small)
    return kept


def kept_in_sql(key: str, threshold: int) -> ColumnElement[bool]:
    """`kept_breakdowns` as an SQL condition on Activity for one breakdown, for the sums."""
    group = next(g for g in CATEGORY_GROUPS if key in g)

    def small(name: str) -> ColumnElement[bool]:
        # NULL (not counted) is no small count; without coalesce not_() would keep it NULL.
        column = func.coalesce(getattr(Activity, name), 0)
        return and_(column > 0, column < threshold)

    added: ColumnElement[int] = func.coalesce(getattr(Activity, group[0]), 0)
    for name in group[1:]:
        added = added + func.coalesce(getattr(Activity, name), 0)
    complete = added == Activity.participants_total
    return and_(
        Activity.participants_total >= threshold,
        not_(small(key)),
        not_(and_(complete, or_(*(small(name) for name in group)))),
    )


def period_figures(
    database: Database,
    period: Period,
    today: date | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> Figures:
    """The activities' figures of `period` as the package for it reports them."""
    with database.session() as session:
        return session_figures(session, period, today or date.today(), threshold)


def session_figures(
    session: Session, period: Period, today: date, threshold: int = DEFAULT_THRESHOLD
) -> Figures:
    in_period = counted_in(Activity.occurred_on, period, today)
    large = Activity.participants_total >= threshold
    sums: list[ColumnElement[Any]] = [
        func.sum(case((kept_in_sql(key, threshold), getattr(Activity, key))))
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
