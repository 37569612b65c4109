"""Holidays that pause offers: the state's public holidays and the school holidays.

Public holidays follow from the federal state chosen in the settings; school holidays
change every year and differ by state, so the officer enters them or imports the
state's iCalendar file (every ministry publishes one). An offer says whether it pauses
for either; its dates, the prints and the calendar export then leave those days out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.domain.offer import OfferData
from gwa_desktop.domain.plain_text import one_line
from gwa_desktop.domain.public_holidays import public_holidays
from gwa_desktop.domain.schedule import Pause
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import HolidayPeriod, MunicipalitySettings, Offer

#: An endless series is paused this far ahead; later holidays are not known anyway.
YEARS_AHEAD = 3
#: A holiday file larger than this is not a school-holiday calendar.
MAX_CALENDAR_BYTES = 2 * 1024 * 1024
MAX_PERIODS = 500


@dataclass(frozen=True)
class HolidayPeriodData:
    name: str
    first_day: date
    last_day: date
    id: int | None = None


class PauseSource:
    """The pauses of offers, from the settings and holiday periods read once per session."""

    def __init__(self, session: Session) -> None:
        self.state = session.scalar(select(MunicipalitySettings.federal_state)) or ""
        self.periods = tuple(
            Pause(first, last, name)
            for name, first, last in session.execute(
                select(HolidayPeriod.name, HolidayPeriod.first_day, HolidayPeriod.last_day)
            )
        )

    def within(self, first: date, last: date) -> RangePauses:
        """The pauses of `first` to `last`: a list of dates asks no offer for the holidays
        of all its years, only for the days it shows."""
        return RangePauses(
            tuple(public_holidays(self.state, first, last)),
            tuple(p for p in self.periods if p.last >= first and p.first <= last),
        )

    def for_offer(self, offer: Offer | OfferData) -> tuple[Pause, ...]:
        if not (offer.skips_public_holidays or offer.skips_school_holidays):
            return ()
        first = offer.start_date
        last = offer.end_date or date.today().replace(month=12, day=31) + timedelta(
            days=365 * YEARS_AHEAD
        )
        pauses: list[Pause] = []
        if offer.skips_public_holidays:
            pauses.extend(public_holidays(self.state, first, last))
        if offer.skips_school_holidays:
            pauses.extend(p for p in self.periods if p.last >= first and p.first <= last)
        return tuple(pauses)


@dataclass(frozen=True)
class RangePauses:
    """The pauses that overlap one range of days, worked out once for all offers."""

    public: tuple[Pause, ...]
    school: tuple[Pause, ...]

    def of(self, skips_public: bool, skips_school: bool) -> tuple[Pause, ...]:
        return (self.public if skips_public else ()) + (self.school if skips_school else ())


class HolidayService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def periods(self) -> list[HolidayPeriodData]:
        with self.database.session() as session:
            rows = session.scalars(select(HolidayPeriod).order_by(HolidayPeriod.first_day))
            return [HolidayPeriodData(r.name, r.first_day, r.last_day, r.id) for r in rows]

    def add(self, periods: list[HolidayPeriodData]) -> int:
        """Add holiday periods, all or none; returns how many."""
        check = Checker()
        for period in periods:
            check.required("name", period.name, _("The name of the holidays"))
            check.date_order("last_day", period.first_day, period.last_day)
            check.lengths(period, HolidayPeriod)
        check.raise_if_any()
        with self.database.session() as session:
            session.add_all(
                HolidayPeriod(name=p.name.strip(), first_day=p.first_day, last_day=p.last_day)
                for p in periods
            )
        return len(periods)

    def delete(self, period_ids: list[int]) -> None:
        with self.database.session() as session:
            for period in session.scalars(
                select(HolidayPeriod).where(HolidayPeriod.id.in_(period_ids))
            ):
                session.delete(period)

    def import_calendar(self, content: bytes) -> int:
        """Add the events of an iCalendar file (a ministry's school holidays) as periods."""
        return self.add(read_holiday_calendar(content))


def read_holiday_calendar(content: bytes) -> list[HolidayPeriodData]:
    """The events of an iCalendar file as holiday periods; a clear refusal for anything else.

    An event's DTEND is exclusive for whole days (RFC 5545): a holiday "from 23.12. to
    3.1." is written with DTEND 4.1.
    """
    from icalendar import Calendar

    refused = ValidationError(
        {
            "file": _(
                "This file is not a holiday calendar (iCalendar, .ics). Download the "
                "school holidays of your state as an .ics file and choose that file."
            )
        }
    )
    if len(content) > MAX_CALENDAR_BYTES or not content.lstrip().startswith(b"BEGIN:VCALENDAR"):
        raise refused
    try:
        calendar = Calendar.from_ical(content)
        events = list(calendar.walk("VEVENT"))
        periods = [_period_of(event) for event in events]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise refused from error
    if not periods or len(periods) > MAX_PERIODS:
        raise refused
    return periods


def _period_of(event: Any) -> HolidayPeriodData:
    start = event.decoded("dtstart")
    end = event.decoded("dtend") if "DTEND" in event else None
    first = start.date() if isinstance(start, datetime) else start
    if end is None:
        last = first
    elif isinstance(end, datetime):
        last = end.date()
    else:
        last = end - timedelta(days=1)
    if not isinstance(first, date) or not isinstance(last, date):
        raise ValueError("no dates")
    name = one_line(str(event.get("summary", ""))).strip()[:200] or _("Holidays")
    return HolidayPeriodData(name, first, max(first, last))
