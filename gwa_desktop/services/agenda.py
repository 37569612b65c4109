"""The officer's days ahead: every offer date (cancelled ones with their reason) and the
activities planned, in time order.

One query for the offers with their changed dates, one for the activities; the series
are expanded in memory only for the days asked for, so two thousand offers stay fast.
The start page, the calendar and `gwa agenda` all read this; `calendar` adds the
sessions already recorded (with their headcount) to the offer dates they belong to.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.domain.schedule import DateChange, Schedule
from gwa_desktop.services.holidays import PauseSource
from gwa_desktop.services.offers import weekdays_of
from gwa_desktop.services.periods import planned as is_planned
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Offer, OfferDateChange, OfferText

#: Offers whose dates are shown: running ones and those about to start.
SHOWN_STATUSES = (OfferStatus.ACTIVE, OfferStatus.PLANNED)
MAX_DAYS = 366


class AgendaEntry(NamedTuple):
    """One line of the agenda. A named tuple, not a frozen dataclass: a month of two
    thousand offers makes some four thousand per refresh, each made in a seventh of the
    time."""

    day: date
    start_time: time | None
    end_time: time | None
    title: str
    place: str
    offer_id: int | None = None
    activity_id: int | None = None
    cancelled: bool = False
    reason: str = ""
    #: The series date a moved session belongs to.
    moved_from: date | None = None
    #: For the calendar: the activity recorded for this date has taken place (not planned).
    recorded: bool = False
    participants: int | None = None
    #: The date was cancelled or moved on its own (not by the holidays): it can be restored.
    changed: bool = False


#: What an entry without a time sorts as.
MIDNIGHT = time()


def in_order(entry: AgendaEntry) -> tuple[date, time, str]:
    """Day, time, title: the order of every list of entries. A plain function, not a
    property, and one shared midnight: four thousand entries are sorted per refresh."""
    return entry.day, entry.start_time or MIDNIGHT, entry.title


#: How far back the start page looks for dates without a headcount.
MISSING_WEEKS = 4


def missing_headcounts(
    database: Database, today: date, weeks: int = MISSING_WEEKS
) -> list[AgendaEntry]:
    """Offer dates of the last weeks before today that took place but have no activity of
    that offer recorded on that day: "3 Termine ohne Teilnehmerzahl"."""
    first, last = today - timedelta(weeks=weeks), today - timedelta(days=1)
    with database.session() as session:
        return _without_headcount(session, list(_offer_dates(session, first, last)), first, last)


def agenda(database: Database, first: date, days: int) -> list[AgendaEntry]:
    """Offer dates and planned activities from `first` for `days` days (at most a year)."""
    last = first + timedelta(days=max(1, min(days, MAX_DAYS)) - 1)
    with database.session() as session:
        entries = list(_offer_dates(session, first, last)) + _planned(session, first, last)
    return sorted(entries, key=in_order)


def start_page(
    database: Database, today: date, days: int
) -> tuple[list[AgendaEntry], list[AgendaEntry]]:
    """`agenda(today, days)` and `missing_headcounts(today)` from one reading of the offers:
    the start page shows both, and with two thousand offers reading them is the cost."""
    first = today - timedelta(weeks=MISSING_WEEKS)
    last = today + timedelta(days=max(1, min(days, MAX_DAYS)) - 1)
    with database.session() as session:
        dates = list(_offer_dates(session, first, last))
        coming = [entry for entry in dates if entry.day >= today]
        coming.extend(_planned(session, today, last))
        past = [entry for entry in dates if entry.day < today]
        missing = _without_headcount(session, past, first, today - timedelta(days=1))
    return sorted(coming, key=in_order), missing


def _planned(session: Session, first: date, last: date) -> list[AgendaEntry]:
    """The activities planned from `first` to `last` (not yet taken place)."""
    rows = session.execute(
        select(
            Activity.id,
            Activity.occurred_on,
            Activity.start_time,
            Activity.end_time,
            Activity.title,
            Activity.offer_id,
        ).where(
            Activity.occurred_on.between(first, last),
            is_planned(Activity.occurred_on, date.today()),
        )
    )
    return [
        AgendaEntry(day, start, end, title, "", offer_id, activity_id)
        for activity_id, day, start, end, title, offer_id in rows
    ]


def _without_headcount(
    session: Session, dates: list[AgendaEntry], first: date, last: date
) -> list[AgendaEntry]:
    """The offer dates of `dates` (from `first` to `last`) with no activity recorded."""
    rows = session.execute(
        select(Activity.offer_id, Activity.occurred_on).where(
            Activity.offer_id.is_not(None), Activity.occurred_on.between(first, last)
        )
    )
    recorded = {(offer_id, day) for offer_id, day in rows}
    return sorted(
        (
            entry
            for entry in dates
            if not entry.cancelled and (entry.offer_id, entry.day) not in recorded
        ),
        key=in_order,
    )


def calendar(database: Database, first: date, last: date) -> list[AgendaEntry]:
    """Every offer date and every activity from `first` to `last` (at most a year), in order.

    An activity of an offer on one of its dates is shown in that date's entry (its id, its
    headcount once it took place); activities on other days stand on their own. Two
    activities of the same offer on the same date both show: the second stands alone, so
    the officer sees it was recorded twice. One query for the activities of the range,
    the schedules expanded only for these days.
    """
    last = min(last, first + timedelta(days=MAX_DAYS - 1))
    today = date.today()
    with database.session() as session:
        dates = list(_offer_dates(session, first, last))
        rows = session.execute(
            select(
                Activity.id,
                Activity.occurred_on,
                Activity.start_time,
                Activity.end_time,
                Activity.title,
                Activity.offer_id,
                Activity.participants_total,
            )
            .where(Activity.occurred_on.between(first, last))
            .order_by(Activity.occurred_on, Activity.start_time, Activity.id)
        )
        activities = list(rows)
    slots = {
        (entry.offer_id, entry.day): index
        for index, entry in enumerate(dates)
        if not entry.cancelled
    }
    entries = dates
    for activity_id, day, start, end, title, offer_id, participants in activities:
        recorded = day <= today
        headcount = participants if recorded else None
        index = slots.pop((offer_id, day), None)
        if index is not None:
            entries[index] = entries[index]._replace(
                activity_id=activity_id, recorded=recorded, participants=headcount
            )
            continue
        entries.append(
            AgendaEntry(
                day,
                start,
                end,
                title,
                "",
                offer_id,
                activity_id,
                recorded=recorded,
                participants=headcount,
            )
        )
    return sorted(entries, key=in_order)


def _offer_dates(session: Session, first: date, last: date) -> Iterator[AgendaEntry]:
    """The dates of the running and planned offers from `first` to `last`, as they stand.

    Plain rows, not ORM objects: two thousand offers with their texts and changes made
    some 16,000 objects per call. Only what can touch the range is read: the changes of
    a series date in it or moved into it, the holidays that overlap it.
    """
    shown = (
        select(Offer.id)
        .where(Offer.status.in_(SHOWN_STATUSES))
        .where(Offer.start_date <= last)
        .where((Offer.end_date.is_(None)) | (Offer.end_date >= first))
    )
    changes: dict[int, list[DateChange]] = {}
    for offer_id, on, reason, moved_to, start, end in session.execute(
        select(
            OfferDateChange.offer_id,
            OfferDateChange.on_date,
            OfferDateChange.reason,
            OfferDateChange.moved_to,
            OfferDateChange.start_time,
            OfferDateChange.end_time,
        ).where(
            OfferDateChange.offer_id.in_(shown),
            OfferDateChange.on_date.between(first, last)
            | OfferDateChange.moved_to.between(first, last),
        )
    ):
        changes.setdefault(offer_id, []).append(DateChange(on, reason, moved_to, start, end))
    pauses = PauseSource(session).within(first, last)
    rows = session.execute(
        select(
            Offer.id,
            Offer.recurrence,
            Offer.start_date,
            Offer.end_date,
            Offer.start_time,
            Offer.end_time,
            Offer.weekday_codes,
            Offer.skips_public_holidays,
            Offer.skips_school_holidays,
            Offer.place_name,
            OfferText.title,
        )
        .outerjoin(
            OfferText,
            (OfferText.offer_id == Offer.id) & (OfferText.language == REQUIRED_TEXT_LANGUAGE),
        )
        .where(Offer.id.in_(shown))
    )
    weekdays: dict[str, tuple[int, ...]] = {}
    for (
        offer_id,
        recurrence,
        start_date,
        end_date,
        start_time,
        end_time,
        codes,
        skips_public,
        skips_school,
        place,
        title,
    ) in rows:
        offer_changes = tuple(changes.get(offer_id, ()))
        # A few distinct weekday columns ("0,3") among two thousand offers: parsed once.
        days = weekdays.get(codes or "")
        if days is None:
            days = weekdays[codes or ""] = tuple(weekdays_of(codes or ""))
        schedule = Schedule(
            recurrence,
            start_date,
            end_date,
            start_time,
            end_time,
            days,
            offer_changes,
            pauses.of(skips_public, skips_school),
        )
        changed = {change.on for change in offer_changes}
        title = title or ""
        for day, start, end, series_day, cancelled, reason in schedule.sessions(first, last):
            # Positional: the fields in AgendaEntry's order, the cheapest way to make one.
            yield AgendaEntry(
                day,
                start,
                end,
                title,
                place,
                offer_id,
                None,
                cancelled,
                reason,
                series_day if day != series_day else None,
                False,
                None,
                series_day in changed,
            )
