"""Schedule: the dates on which an offer takes place."""

from __future__ import annotations

from datetime import date, time
from itertools import islice

import pytest

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule


def first(schedule: Schedule, count: int) -> list[date]:
    return list(islice(schedule.occurrences(), count))


def test_weekly_next_dates_keep_the_weekday():
    schedule = Schedule(
        Recurrence.WEEKLY, date(2025, 1, 7), start_time=time(16), end_time=time(18)
    )  # a Tuesday
    assert schedule.next_dates(date(2025, 2, 26)) == [
        date(2025, 3, 4),
        date(2025, 3, 11),
        date(2025, 3, 18),
    ]
    assert schedule.next_dates(date(2025, 3, 4), 2) == [
        date(2025, 3, 4),
        date(2025, 3, 11),
    ]  # "on or after"
    assert all(d.weekday() == 1 for d in first(schedule, 60))


def test_next_dates_before_the_start_begin_with_the_start():
    schedule = Schedule(Recurrence.WEEKLY, date(2025, 1, 7))
    assert schedule.next_dates(date(2024, 12, 1), 2) == [date(2025, 1, 7), date(2025, 1, 14)]


def test_weekly_crosses_the_year_end():
    schedule = Schedule(Recurrence.WEEKLY, date(2024, 12, 17))
    assert first(schedule, 4) == [
        date(2024, 12, 17),
        date(2024, 12, 24),
        date(2024, 12, 31),
        date(2025, 1, 7),
    ]


def test_biweekly_skips_every_other_week():
    schedule = Schedule(Recurrence.BIWEEKLY, date(2025, 1, 7))
    assert first(schedule, 4) == [
        date(2025, 1, 7),
        date(2025, 1, 21),
        date(2025, 2, 4),
        date(2025, 2, 18),
    ]
    assert schedule.next_dates(date(2025, 1, 8), 2) == [date(2025, 1, 21), date(2025, 2, 4)]


def test_monthly_second_tuesday():
    schedule = Schedule(Recurrence.MONTHLY, date(2025, 1, 14))  # 2nd Tuesday of January
    assert schedule.month_ordinal == 2
    assert first(schedule, 6) == [
        date(2025, 1, 14),
        date(2025, 2, 11),
        date(2025, 3, 11),
        date(2025, 4, 8),
        date(2025, 5, 13),
        date(2025, 6, 10),
    ]


def test_monthly_first_weekday_wraps_into_the_next_year():
    schedule = Schedule(Recurrence.MONTHLY, date(2024, 11, 1))  # 1st Friday
    assert first(schedule, 3) == [date(2024, 11, 1), date(2024, 12, 6), date(2025, 1, 3)]


def test_monthly_from_a_fifth_week_start_means_last_friday():
    schedule = Schedule(Recurrence.MONTHLY, date(2025, 1, 31))  # 5th (and last) Friday of January
    assert schedule.month_ordinal == -1
    # February 2025 has only four Fridays; the last one is the 28th
    assert first(schedule, 5) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 28),
        date(2025, 4, 25),
        date(2025, 5, 30),
    ]
    assert all(d.weekday() == 4 for d in first(schedule, 24))


def test_fourth_weekday_stays_fourth_even_when_it_was_the_last():
    schedule = Schedule(
        Recurrence.MONTHLY, date(2025, 2, 28)
    )  # 4th Friday, also the last in February
    assert schedule.month_ordinal == 4
    # May 2025 has five Fridays: the 4th is the 23rd, the last the 30th
    assert first(schedule, 4) == [
        date(2025, 2, 28),
        date(2025, 3, 28),
        date(2025, 4, 25),
        date(2025, 5, 23),
    ]


def test_monthly_next_dates():
    schedule = Schedule(Recurrence.MONTHLY, date(2025, 1, 14))
    assert schedule.next_dates(date(2025, 3, 12), 2) == [date(2025, 4, 8), date(2025, 5, 13)]


@pytest.mark.parametrize(
    ("recurrence", "end", "expected"),
    [
        (
            Recurrence.WEEKLY,
            date(2025, 1, 21),
            [date(2025, 1, 7), date(2025, 1, 14), date(2025, 1, 21)],
        ),
        (Recurrence.WEEKLY, date(2025, 1, 20), [date(2025, 1, 7), date(2025, 1, 14)]),
        (Recurrence.BIWEEKLY, date(2025, 2, 3), [date(2025, 1, 7), date(2025, 1, 21)]),
        (Recurrence.MONTHLY, date(2025, 3, 10), [date(2025, 1, 14), date(2025, 2, 11)]),
    ],
)
def test_end_date_is_respected(recurrence, end, expected):
    start = expected[0]
    schedule = Schedule(recurrence, start, end)
    assert list(schedule.occurrences()) == expected
    assert schedule.next_dates(end, 5) == ([end] if end in expected else [])


def test_end_date_on_start_date_gives_one_date():
    assert list(Schedule(Recurrence.WEEKLY, date(2025, 1, 7), date(2025, 1, 7)).occurrences()) == [
        date(2025, 1, 7)
    ]


def test_one_off():
    schedule = Schedule(Recurrence.ONCE, date(2025, 5, 17))
    assert list(schedule.occurrences()) == [date(2025, 5, 17)]
    assert schedule.next_dates(date(2025, 1, 1)) == [date(2025, 5, 17)]
    assert schedule.next_dates(date(2025, 5, 17)) == [date(2025, 5, 17)]
    assert schedule.next_dates(date(2025, 5, 18)) == []
