"""When an offer takes place: one-off, or a recurrence between a start and end date.

A recurrence runs on one or several weekdays ("Montag und Donnerstag"); without chosen
weekdays it keeps the weekday of its first date. Single dates of a series can be
cancelled (with a reason) or moved, and pauses (public or school holidays) cancel the
dates they cover: `sessions` and `next_dates` show what really takes place.

Monthly offers in villages are announced as "every 2nd Tuesday", not "every 14th", so
monthly recurrence keeps the weekday and its ordinal within the month of the start
date; a start in the fifth week means "the last <weekday> of the month".

The recurrence is defined once, as the parts of an RFC 5545 rule (`rule_parts`): the
next dates are that rule expanded by python-dateutil, and the iCalendar export writes
the same parts as its RRULE (exchange/ical.py), so a phone's calendar shows the dates
the flyer prints (tests/domain/test_recurrence_agreement.py checks it for random
schedules).
"""

from __future__ import annotations

import heapq
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from dateutil.rrule import rrule, rrulestr

from gwa_desktop.domain.enums import Recurrence

#: RFC 5545 weekday codes, Monday first like `date.weekday()`.
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: How many days `_series_from` counts out at a time: a few dates of any rhythm.
SERIES_WINDOW_DAYS = 92
#: An endless series stops being counted here (`date` itself ends at 9999-12-31).
LAST_SERIES_DAY = date(9999, 1, 1)


@dataclass(frozen=True)
class DateChange:
    """One date of a series changed: cancelled with a reason, or moved to another day/time."""

    on: date
    reason: str = ""
    moved_to: date | None = None
    #: The time on the new day; None keeps the series' time.
    start_time: time | None = None
    end_time: time | None = None

    @property
    def cancelled(self) -> bool:
        return self.moved_to is None


@dataclass(frozen=True)
class Pause:
    """Days on which a series does not take place: a public holiday, the school holidays."""

    first: date
    last: date
    reason: str

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


class Session(NamedTuple):
    """One date of an offer as it stands: taking place, cancelled, or moved here.

    A named tuple rather than a frozen dataclass: the start page and the calendar make
    thousands of them per refresh, and a tuple is made in a seventh of the time.
    """

    day: date
    start_time: time | None
    end_time: time | None
    #: The date in the series this session belongs to (another day when it was moved).
    series_day: date
    cancelled: bool = False
    reason: str = ""

    @property
    def moved(self) -> bool:
        return self.day != self.series_day

    @property
    def order(self) -> tuple[date, time]:
        return self.day, self.start_time or time()


@dataclass(frozen=True)
class Schedule:
    recurrence: Recurrence
    start_date: date
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    #: Monday=0; empty means the weekday of `start_date`.
    weekdays: tuple[int, ...] = ()
    changes: tuple[DateChange, ...] = ()
    pauses: tuple[Pause, ...] = ()

    @property
    def days_of_week(self) -> tuple[int, ...]:
        """The weekdays it runs on, Monday first; a one-off date has its own."""
        if self.recurrence is Recurrence.ONCE or not self.weekdays:
            return (self.start_date.weekday(),)
        return tuple(sorted(set(self.weekdays)))

    @property
    def weekday(self) -> int:
        """The first of its weekdays (what a print groups the offer under)."""
        return self.days_of_week[0]

    @property
    def month_ordinal(self) -> int:
        """1..4 for the n-th weekday of a month, -1 for the last one."""
        ordinal = (self.start_date.day - 1) // 7 + 1
        return -1 if ordinal >= 5 else ordinal

    def rule_parts(self) -> dict[str, str] | None:
        """The recurrence as RFC 5545 rule parts without its end (UNTIL); None for one date.

        The end is written by each user in its own form: a local date for the next dates,
        a UTC time in iCalendar when the start has a time of day.
        """
        codes = [WEEKDAY_CODES[day] for day in self.days_of_week]
        if self.recurrence is Recurrence.WEEKLY:
            return {"FREQ": "WEEKLY", "BYDAY": ",".join(codes)}
        if self.recurrence is Recurrence.BIWEEKLY:
            return {"FREQ": "WEEKLY", "INTERVAL": "2", "BYDAY": ",".join(codes)}
        if self.recurrence is Recurrence.MONTHLY:
            return {
                "FREQ": "MONTHLY",
                "BYDAY": ",".join(f"{self.month_ordinal}{code}" for code in codes),
            }
        return None

    def rule(self) -> rrule | None:
        """The dateutil rule of `rule_parts`, from the start date to the end of the end date."""
        return self._rule

    @cached_property
    def _rule(self) -> rrule | None:
        """Parsed once per schedule: listing a range asks for the rule once per changed date
        and once more for the moved ones, and the agenda does that for every offer."""
        parts = self.rule_parts()
        if parts is None:
            return None
        if self.end_date is not None:
            parts = {**parts, "UNTIL": f"{self.end_date:%Y%m%d}T235959"}
        text = ";".join(f"{name}={value}" for name, value in parts.items())
        # Weeks start on Monday, as in Germany: "every other Monday and Thursday" then
        # keeps both days in the same week (dateutil's default WKST is Monday too).
        return rrulestr(text, dtstart=datetime.combine(self.start_date, time()))

    def occurrences(self) -> Iterator[date]:
        """All dates of the series in order, changes and pauses aside; endless without an end date."""
        rule = self.rule()
        if rule is None:
            yield self.start_date
            return
        for moment in rule:
            yield moment.date()

    def is_series_date(self, day: date) -> bool:
        return self.series_dates(day, day) == [day]

    def series_dates(self, first: date, last: date) -> list[date]:
        """The series' own dates from `first` to `last` inclusive (changes and pauses aside).

        Counted out directly for the days asked, not by expanding the rule: dateutil
        walks a rule from its first date, so a start page asking 2,000 offers that began
        years ago for next week took seconds. The dates are the rule's own, checked
        against dateutil and the iCalendar export for random schedules
        (tests/domain/test_series_dates.py, test_recurrence_agreement.py).
        """
        if self.recurrence is Recurrence.ONCE:
            return [self.start_date] if first <= self.start_date <= last else []
        low = max(first, self.start_date)
        high = last if self.end_date is None else min(last, self.end_date)
        if low > high:
            return []
        if self.recurrence is Recurrence.MONTHLY:
            return _monthly_dates(self.days_of_week, self.month_ordinal, low, high)
        # Day numbers rather than dates: a step past 31 December 9999 is just a number.
        step = 14 if self.recurrence is Recurrence.BIWEEKLY else 7
        first_monday = self.start_date.toordinal() - self.start_date.weekday()
        low_day, high_day = low.toordinal(), high.toordinal()
        found: list[int] = []
        for weekday in self.days_of_week:
            day = low_day + (weekday - low.weekday()) % 7
            if (day - first_monday) // 7 % (step // 7):
                day += 7
            found.extend(range(day, high_day + 1, step))
        return [date.fromordinal(day) for day in sorted(found)]

    def sessions(self, first: date, last: date) -> list[Session]:
        """Every session from `first` to `last`: cancelled ones with their reason, moved ones
        at their new date."""
        found = [
            session
            for day in self.series_dates(first, last)
            if (session := self._session_on(day)) is not None
        ]
        if not self.changes:
            # The series' own dates are distinct days in order: nothing to sort.
            return found
        found.extend(s for s in self.moved_sessions() if first <= s.day <= last)
        return sorted(found, key=lambda session: session.order)

    def upcoming(self, after: date) -> Iterator[Session]:
        """The sessions that take place on or after `after`, in order (endless without an end)."""
        regular = (
            session
            for day in self._series_from(after)
            if (session := self._session_on(day)) is not None and not session.cancelled
        )
        moved_in = sorted(
            (s for s in self.moved_sessions() if s.day >= after), key=lambda s: s.order
        )
        return heapq.merge(regular, moved_in, key=lambda session: session.order)

    def series_date_from(self, after: date) -> date | None:
        """The series' own first date on or after `after` (changes and pauses aside)."""
        return next(self._series_from(after), None)

    def next_dates(self, after: date, count: int = 3) -> list[date]:
        """The next `count` dates on or after `after` on which the offer takes place."""
        return [session.day for session in islice(self.upcoming(after), count)]

    def _series_from(self, after: date) -> Iterator[date]:
        """The series' dates from `after` on, a few weeks at a time (endless without an end)."""
        if self.recurrence is Recurrence.ONCE:
            if self.start_date >= after:
                yield self.start_date
            return
        first = after
        while self.end_date is None or first <= self.end_date:
            last = first + timedelta(days=SERIES_WINDOW_DAYS - 1)
            yield from self.series_dates(first, last)
            if last >= LAST_SERIES_DAY:
                return
            first = last + timedelta(days=1)

    @cached_property
    def _changes_by_day(self) -> dict[date, DateChange]:
        """The first change of each series date, looked up once per date of a range."""
        found: dict[date, DateChange] = {}
        for change in self.changes:
            found.setdefault(change.on, change)
        return found

    def _session_on(self, day: date) -> Session | None:
        """The session of series date `day`; None when it was moved to another day."""
        change = self._changes_by_day.get(day) if self.changes else None
        if change is not None and not change.cancelled:
            return None
        if change is not None:
            return self._session(day, cancelled=True, reason=change.reason)
        if self.pauses:
            pause = next((pause for pause in self.pauses if pause.covers(day)), None)
            if pause is not None:
                return self._session(day, cancelled=True, reason=pause.reason)
        return self._session(day)

    def _session(self, day: date, cancelled: bool = False, reason: str = "") -> Session:
        return Session(day, self.start_time, self.end_time, day, cancelled, reason)

    def moved_sessions(self) -> list[Session]:
        """The dates moved elsewhere, at their new day and time."""
        return [
            Session(
                change.moved_to,
                change.start_time or self.start_time,
                change.end_time or self._end_after(change.start_time),
                change.on,
                reason=change.reason,
            )
            for change in self.changes
            if change.moved_to is not None and self.is_series_date(change.on)
        ]

    def _end_after(self, start: time | None) -> time | None:
        """The series' end time, or as long after a moved start as the series lasts."""
        if start is None or self.start_time is None or self.end_time is None:
            return self.end_time
        length = datetime.combine(date.min, self.end_time) - datetime.combine(
            date.min, self.start_time
        )
        end = datetime.combine(date.min, start) + length
        return end.time() if end.date() == date.min else time(23, 59)


def _monthly_dates(weekdays: tuple[int, ...], ordinal: int, low: date, high: date) -> list[date]:
    """The `ordinal`-th (or, for -1, the last) of each weekday per month, `low` to `high`."""
    found: list[date] = []
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        for weekday in weekdays:
            day = _nth_weekday(year, month, weekday, ordinal)
            if low <= day <= high:
                found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(found)


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    if ordinal > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)
