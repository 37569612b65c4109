"""When an offer takes place: one-off, or a recurrence between a start and end date.

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

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice

from dateutil.rrule import rrule, rrulestr

from gwa_desktop.domain.enums import Recurrence

#: RFC 5545 weekday codes, Monday first like `date.weekday()`.
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Schedule:
    recurrence: Recurrence
    start_date: date
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None

    @property
    def weekday(self) -> int:
        return self.start_date.weekday()

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
        weekday = WEEKDAY_CODES[self.weekday]
        if self.recurrence is Recurrence.WEEKLY:
            return {"FREQ": "WEEKLY", "BYDAY": weekday}
        if self.recurrence is Recurrence.BIWEEKLY:
            return {"FREQ": "WEEKLY", "INTERVAL": "2", "BYDAY": weekday}
        if self.recurrence is Recurrence.MONTHLY:
            return {"FREQ": "MONTHLY", "BYDAY": f"{self.month_ordinal}{weekday}"}
        return None

    def rule(self) -> rrule | None:
        """The dateutil rule of `rule_parts`, from the start date to the end of the end date."""
        parts = self.rule_parts()
        if parts is None:
            return None
        if self.end_date is not None:
            parts = {**parts, "UNTIL": f"{self.end_date:%Y%m%d}T235959"}
        text = ";".join(f"{name}={value}" for name, value in parts.items())
        return rrulestr(text, dtstart=datetime.combine(self.start_date, time()))

    def occurrences(self) -> Iterator[date]:
        """All dates in order; endless when a recurrence has no end date."""
        rule = self.rule()
        if rule is None:
            yield self.start_date
            return
        for moment in rule:
            yield moment.date()

    def next_dates(self, after: date, count: int = 3) -> list[date]:
        """The next `count` dates on or after `after`."""
        rule = self.rule()
        if rule is None:
            return [self.start_date][:count] if self.start_date >= after else []
        moments = rule.xafter(datetime.combine(after, time()), count=count, inc=True)
        return [moment.date() for moment in islice(moments, count)]
