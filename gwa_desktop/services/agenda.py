"""The officer's days ahead: every offer date (cancelled ones with their reason) and the
activities planned, in time order.

One query for the offers with their changed dates, one for the activities; the series
are expanded in memory only for the days asked for, so two thousand offers stay fast.
The start page, the calendar and `gwa agenda` all read this; `calendar` adds the
sessions already recorded (with their headcount) to the offer dates they belong to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.services.holidays import PauseSource
from gwa_desktop.services.offers import schedule_of
from gwa_desktop.services.periods import planned as is_planned
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Offer

#: Offers whose dates are shown: running ones and those about to start.
SHOWN_STATUSES = (OfferStatus.ACTIVE, OfferStatus.PLANNED)
MAX_DAYS = 366


@dataclass(frozen=True)
class AgendaEntry:
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

    @property
    def order(self) -> tuple[date, time, str]:
        return self.day, self.start_time or time(), self.title


#: How far back the start page looks for dates without a headcount.
MISSING_WEEKS = 4


def missing_headcounts(
    database: Database, today: date, weeks: int = MISSING_WEEKS
) -> list[AgendaEntry]:
    """Offer dates of the last weeks before today that took place but have no activity of
    that offer recorded on that day: "3 Termine ohne Teilnehmerzahl"."""
    first = today - timedelta(weeks=weeks)
    last = today - timedelta(days=1)
    dates = [e for e in agenda(database, first, (last - first).days + 1) if e.offer_id]
    with database.session() as session:
        rows = session.execute(
            select(Activity.offer_id, Activity.occurred_on).where(
                Activity.offer_id.is_not(None), Activity.occurred_on.between(first, last)
            )
        )
        recorded = {(offer_id, day) for offer_id, day in rows}
    return [
        entry
        for entry in dates
        if entry.activity_id is None
        and not entry.cancelled
        and (entry.offer_id, entry.day) not in recorded
    ]


def agenda(database: Database, first: date, days: int) -> list[AgendaEntry]:
    """Offer dates and planned activities from `first` for `days` days (at most a year)."""
    last = first + timedelta(days=max(1, min(days, MAX_DAYS)) - 1)
    with database.session() as session:
        entries = list(_offer_dates(session, first, last))
        planned = session.execute(
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
        for activity_id, day, start, end, title, offer_id in planned:
            entries.append(AgendaEntry(day, start, end, title, "", offer_id, activity_id))
    return sorted(entries, key=lambda entry: entry.order)


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
            entries[index] = replace(
                entries[index], activity_id=activity_id, recorded=recorded, participants=headcount
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
    return sorted(entries, key=lambda entry: entry.order)


def _offer_dates(session: Session, first: date, last: date) -> Iterator[AgendaEntry]:
    """The dates of the running and planned offers from `first` to `last`, as they stand."""
    pauses = PauseSource(session)
    offers = session.scalars(
        select(Offer)
        .where(Offer.status.in_(SHOWN_STATUSES))
        .where(Offer.start_date <= last)
        .where((Offer.end_date.is_(None)) | (Offer.end_date >= first))
        .options(selectinload(Offer.texts), selectinload(Offer.date_changes))
    )
    for offer in offers:
        text = offer.text_in(REQUIRED_TEXT_LANGUAGE)
        title = text.title if text else ""
        schedule = schedule_of(offer, pauses)
        changed = {change.on for change in schedule.changes}
        for dated in schedule.sessions(first, last):
            yield AgendaEntry(
                dated.day,
                dated.start_time,
                dated.end_time,
                title,
                offer.place_name,
                offer_id=offer.id,
                cancelled=dated.cancelled,
                reason=dated.reason,
                moved_from=dated.series_day if dated.moved else None,
                changed=dated.series_day in changed,
            )
