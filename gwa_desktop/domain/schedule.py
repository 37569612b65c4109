"""When an offer takes place: one-off, or a recurrence between a start and end date.

Monthly offers in villages are announced as "every 2nd Tuesday", not "every 14th", so
monthly recurrence keeps the weekday and its ordinal within the month of the start
date; a start in the fifth week means "the last <weekday> of the month".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import islice
from typing import Iterator

from gwa_desktop.domain.enums import Recurrence


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

    def occurrences(self) -> Iterator[date]:
        """All dates in order; endless when a recurrence has no end date."""
        if self.recurrence is Recurrence.ONCE:
            yield self.start_date
            return
        step = {Recurrence.WEEKLY: 7, Recurrence.BIWEEKLY: 14}.get(self.recurrence)
        candidates = self._every(step) if step else self._monthly()
        for day in candidates:
            if self.end_date is not None and day > self.end_date:
                return
            yield day

    def next_dates(self, after: date, count: int = 3) -> list[date]:
        """The next `count` dates on or after `after`."""
        return list(islice((d for d in self.occurrences() if d >= after), count))

    def _every(self, step_days: int) -> Iterator[date]:
        day = self.start_date
        while True:
            yield day
            day += timedelta(days=step_days)

    def _monthly(self) -> Iterator[date]:
        year, month = self.start_date.year, self.start_date.month
        while True:
            day = _nth_weekday(year, month, self.weekday, self.month_ordinal)
            if day >= self.start_date:
                yield day
            month += 1
            if month > 12:
                year, month = year + 1, 1


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    return days[-1] if ordinal == -1 else days[ordinal - 1]
