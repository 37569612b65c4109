"""The key figures of a period for the dashboard and the funders' report, as grouped queries.

Everything is summed by the database (a handful of GROUP BY statements over the
figures index of migration 0011), never by loading activities: a year of a busy
village is 20,000 of them and the dashboard must answer while the officer changes the
period. An activity counts as in the district export (services/periods.py): its date
lies in the period and not after today. An offer counts for a period when it runs in
it (its first and last day overlap the period) and is not only planned.

The figures here are the raw counts the officer sees in the house; the report that
leaves it hides small counts (services/report_tables.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, extract, func, or_, select
from sqlalchemy.orm import Session

from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.exchange.records import COUNT_KEYS, Period
from gwa_desktop.services.periods import counted_in
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import (
    Activity,
    ActivityLanguage,
    Offer,
    OfferLanguage,
    OfferTargetGroup,
    OfferText,
)

#: An offer "lost attendance" when its average per session fell by at least this share
#: against the period of the same length before.
ATTENDANCE_LOSS = 0.2
#: Fewer sessions than this in the earlier period say nothing about a trend.
MIN_EARLIER_SESSIONS = 2


@dataclass(frozen=True)
class Scope:
    """Which activities and offers the figures count: everything, or a programme's part."""

    activities: ColumnElement[bool] | None = None
    offers: ColumnElement[bool] | None = None


EVERYTHING = Scope()


@dataclass
class MonthFigures:
    """One calendar month of the period (months without activities included, as zeros)."""

    month: date
    by_kind: Counter[str] = field(default_factory=Counter)
    participants: int = 0
    newcomers: int = 0
    regulars: int = 0
    volunteer_hours: float = 0.0

    @property
    def activities(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True)
class OfferAttendance:
    """The sessions of one offer in the period and how many came on average."""

    offer_id: int
    title: str
    category: str
    sessions: int
    participants: int
    #: The sessions and participants of the period of the same length before.
    earlier_sessions: int = 0
    earlier_participants: int = 0

    @property
    def average(self) -> float:
        return self.participants / self.sessions if self.sessions else 0.0

    @property
    def earlier_average(self) -> float | None:
        """The average before; None when too few sessions say nothing about a trend."""
        if self.earlier_sessions < MIN_EARLIER_SESSIONS:
            return None
        return self.earlier_participants / self.earlier_sessions


@dataclass
class ReportFigures:
    period: Period
    activities: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    months: list[MonthFigures] = field(default_factory=list)
    #: The sums of every COUNT_KEYS column (participants, breakdowns, volunteers).
    counts: Counter[str] = field(default_factory=Counter)
    volunteer_hours: float = 0.0
    offers: int = 0
    offers_by_category: Counter[str] = field(default_factory=Counter)
    offers_by_target_group: Counter[str] = field(default_factory=Counter)
    offers_by_language: Counter[str] = field(default_factory=Counter)
    activities_by_language: Counter[str] = field(default_factory=Counter)
    sessions: list[OfferAttendance] = field(default_factory=list)

    @property
    def participants(self) -> int:
        return self.counts["participants_total"]

    @property
    def newcomer_share(self) -> float | None:
        """Newcomers among the participants whose first visit was recorded, in percent."""
        known = self.counts["newcomers"] + self.counts["regulars"]
        return 100 * self.counts["newcomers"] / known if known else None

    @property
    def session_count(self) -> int:
        return sum(offer.sessions for offer in self.sessions)

    @property
    def lost_attendance(self) -> list[OfferAttendance]:
        """Offers whose average attendance fell by ATTENDANCE_LOSS or more, worst first."""
        lost = [
            offer
            for offer in self.sessions
            if offer.earlier_average
            and offer.average <= offer.earlier_average * (1 - ATTENDANCE_LOSS)
        ]
        return sorted(lost, key=lambda o: o.average / (o.earlier_average or 1))

    @property
    def is_empty(self) -> bool:
        """Nothing happened and nothing ran: the report says so instead of showing zeros."""
        return not self.activities and not self.offers


def figures(
    database: Database, period: Period, scope: Scope = EVERYTHING, today: date | None = None
) -> ReportFigures:
    """The key figures of `period` within `scope`, counted up to `today`."""
    with database.session() as session:
        return session_figures(session, period, scope, today or date.today())


def session_figures(session: Session, period: Period, scope: Scope, today: date) -> ReportFigures:
    result = ReportFigures(period, months=[MonthFigures(m) for m in months_of(period)])
    if period.start > today:
        return result
    activities = _activity_condition(period, scope, today)
    _add_months(session, result, activities)
    result.activities_by_language.update(
        dict(
            session.execute(
                select(ActivityLanguage.code, func.count())
                .join(Activity)
                .where(activities)
                .group_by(ActivityLanguage.code)
            ).all()
        )
    )
    _add_offers(session, result, period, scope)
    result.sessions = _sessions(session, period, scope, today)
    return result


def months_of(period: Period) -> list[date]:
    """The first day of every calendar month the period touches."""
    months, month = [], period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def earlier_period(period: Period) -> Period:
    """The period of the same length that ends the day before `period` starts."""
    length = period.end - period.start
    end = period.start - timedelta(days=1)
    return Period(end - length, end)


def _activity_condition(period: Period, scope: Scope, today: date) -> ColumnElement[bool]:
    condition = counted_in(Activity.occurred_on, period, today)
    return condition if scope.activities is None else and_(condition, scope.activities)


def offer_condition(period: Period, scope: Scope) -> ColumnElement[bool]:
    """Offers that run in `period`: begun by its end, not ended before its start, not only planned."""
    condition = and_(
        Offer.start_date <= period.end,
        or_(Offer.end_date.is_(None), Offer.end_date >= period.start),
        Offer.status != OfferStatus.PLANNED,
    )
    return condition if scope.offers is None else and_(condition, scope.offers)


def _add_months(session: Session, result: ReportFigures, condition: ColumnElement[bool]) -> None:
    year, month = extract("year", Activity.occurred_on), extract("month", Activity.occurred_on)
    sums = [func.sum(getattr(Activity, key)) for key in COUNT_KEYS]
    months = {m.month: m for m in result.months}
    hours = 0.0
    for y, m, kind, count, *values, month_hours in session.execute(
        select(year, month, Activity.kind, func.count(), *sums, func.sum(Activity.volunteer_hours))
        .where(condition)
        .group_by(year, month, Activity.kind)
    ):
        row = dict(zip(COUNT_KEYS, (int(v or 0) for v in values)))
        figures = months[date(int(y), int(m), 1)]
        figures.by_kind[kind.value] += count
        figures.participants += row["participants_total"]
        figures.newcomers += row["newcomers"]
        figures.regulars += row["regulars"]
        figures.volunteer_hours += float(month_hours or 0)
        result.activities += count
        result.by_kind[kind.value] += count
        result.counts.update(row)
        hours += float(month_hours or 0)
    result.volunteer_hours = round(hours, 2)
    for figures in result.months:
        figures.volunteer_hours = round(figures.volunteer_hours, 2)


def _add_offers(session: Session, result: ReportFigures, period: Period, scope: Scope) -> None:
    running = offer_condition(period, scope)
    result.offers = session.scalar(select(func.count()).select_from(Offer).where(running)) or 0
    grouped: list[tuple[Counter[str], Any]] = [
        (result.offers_by_category, select(Offer.category, func.count()).group_by(Offer.category)),
        (
            result.offers_by_target_group,
            select(OfferTargetGroup.group, func.count())
            .join(Offer, Offer.id == OfferTargetGroup.offer_id)
            .group_by(OfferTargetGroup.group),
        ),
        (
            result.offers_by_language,
            select(OfferLanguage.code, func.count())
            .join(Offer, Offer.id == OfferLanguage.offer_id)
            .group_by(OfferLanguage.code),
        ),
    ]
    for counter, statement in grouped:
        for key, count in session.execute(statement.where(running)):
            counter[getattr(key, "value", key)] += count


def _attendance(
    session: Session, period: Period, scope: Scope, today: date
) -> dict[int, tuple[int, int]]:
    """(sessions, participants) per offer of the activities in `period`."""
    condition = and_(_activity_condition(period, scope, today), Activity.offer_id.is_not(None))
    rows = session.execute(
        select(Activity.offer_id, func.count(), func.sum(Activity.participants_total))
        .where(condition)
        .group_by(Activity.offer_id)
    )
    return {offer_id: (count, int(total or 0)) for offer_id, count, total in rows if offer_id}


def _sessions(session: Session, period: Period, scope: Scope, today: date) -> list[OfferAttendance]:
    now = _attendance(session, period, scope, today)
    if not now:
        return []
    before = _attendance(session, earlier_period(period), scope, today)
    titles = session.execute(
        select(Offer.id, Offer.category, OfferText.title)
        .outerjoin(
            OfferText,
            (OfferText.offer_id == Offer.id) & (OfferText.language == REQUIRED_TEXT_LANGUAGE),
        )
        .where(Offer.id.in_(now))
    )
    result = []
    for offer_id, category, title in titles:
        count, participants = now[offer_id]
        result.append(
            OfferAttendance(
                offer_id,
                title or "",
                category.value,
                count,
                participants,
                *before.get(offer_id, (0, 0)),
            )
        )
    return sorted(result, key=lambda o: (-o.sessions, o.title.casefold(), o.offer_id))
