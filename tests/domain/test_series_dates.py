"""The series' dates counted out for a range are exactly the rule's, as dateutil expands it.

`Schedule.series_dates` counts dates directly instead of expanding the RFC 5545 rule from
the first date (which made long-running offers slow); here every rhythm, several weekdays,
starts in the fifth week of a month and ranges before, across and after the series are
compared with dateutil's expansion of `rule()`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule


@st.composite
def schedules(draw) -> Schedule:
    recurrence = draw(st.sampled_from(list(Recurrence)))
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
    end = None
    if draw(st.booleans()):
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=2000)))
    weekdays = tuple(draw(st.sets(st.integers(0, 6), max_size=4)))
    return Schedule(recurrence, start, end, weekdays=weekdays)


def dateutil_dates(schedule: Schedule, first: date, last: date) -> list[date]:
    rule = schedule.rule()
    if rule is None:
        return [schedule.start_date] if first <= schedule.start_date <= last else []
    moments = rule.between(
        datetime.combine(first, time()), datetime.combine(last, time()), inc=True
    )
    return [moment.date() for moment in moments]


@settings(max_examples=400, deadline=None)
@given(
    schedules(),
    st.integers(min_value=-400, max_value=4000),
    st.integers(min_value=0, max_value=120),
)
def test_the_dates_of_any_range_are_the_rules(schedule, offset, length):
    first = schedule.start_date + timedelta(days=offset)
    last = first + timedelta(days=length)
    assert schedule.series_dates(first, last) == dateutil_dates(schedule, first, last)


@settings(max_examples=200, deadline=None)
@given(schedules(), st.integers(min_value=-30, max_value=3000))
def test_a_day_is_a_series_date_exactly_when_the_rule_has_it(schedule, offset):
    day = schedule.start_date + timedelta(days=offset)
    assert schedule.is_series_date(day) == (dateutil_dates(schedule, day, day) == [day])


def test_a_fortnightly_series_keeps_its_rhythm_years_later():
    # Begun on Wednesday 7 January 2015: every other Wednesday, so 25 November 2026 is one
    # (620 weeks later) and 2 December 2026 is not.
    schedule = Schedule(Recurrence.BIWEEKLY, date(2015, 1, 7))
    assert schedule.series_dates(date(2026, 11, 23), date(2026, 12, 6)) == [date(2026, 11, 25)]
    assert not schedule.is_series_date(date(2026, 12, 2))


def test_the_last_weekday_of_a_month_in_december_and_in_a_leap_february():
    schedule = Schedule(Recurrence.MONTHLY, date(2024, 1, 29))  # the fifth Monday: last one
    assert schedule.series_dates(date(2024, 2, 1), date(2024, 2, 29)) == [date(2024, 2, 26)]
    assert schedule.series_dates(date(2024, 12, 1), date(2024, 12, 31)) == [date(2024, 12, 30)]


def test_a_series_running_to_the_end_of_the_calendar_does_not_overflow():
    schedule = Schedule(Recurrence.WEEKLY, date(9999, 12, 1))
    assert schedule.series_dates(date(9999, 12, 20), date.max) == [
        date(9999, 12, 22),
        date(9999, 12, 29),
    ]
    assert list(schedule.occurrences())[-1] == date(9999, 12, 29)
