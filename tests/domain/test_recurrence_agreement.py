"""The dates the program shows and the dates a calendar computes from the export agree.

For random schedules, the next dates (`Schedule.occurrences`) are compared with what a
calendar program gets: the iCalendar file written by the export, parsed back with
icalendar, its RRULE expanded from its DTSTART by python-dateutil.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import islice

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.exchange.ical import CalendarEntry, write_calendar

COMPARED = 60


@st.composite
def schedules(draw) -> Schedule:
    recurrence = draw(st.sampled_from(list(Recurrence)))
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
    end = None
    if recurrence is not Recurrence.ONCE and draw(st.booleans()):
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=900)))
    start_time = end_time = None
    if draw(st.booleans()):
        start_time = time(draw(st.integers(0, 22)), draw(st.sampled_from((0, 15, 30, 45))))
        if draw(st.booleans()):
            end_time = time(start_time.hour + 1, start_time.minute)
    return Schedule(recurrence, start, end, start_time, end_time)


def calendar_dates(schedule: Schedule) -> list[date]:
    """What a calendar program makes of the exported event."""
    exported = write_calendar(
        [CalendarEntry(uid="offer-1@test", title="Sprachcafé", schedule=schedule)], "Test"
    )
    (event,) = Calendar.from_ical(exported).walk("VEVENT")
    start = event.decoded("dtstart")
    if "RRULE" not in event:
        return [start.date() if isinstance(start, datetime) else start]
    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    return [moment.date() for moment in islice(rule, COMPARED)]


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_next_dates_and_the_exported_rrule_agree(schedule):
    assert list(islice(schedule.occurrences(), COMPARED)) == calendar_dates(schedule)


@settings(max_examples=100, deadline=None)
@given(schedules(), st.dates(min_value=date(1999, 1, 1), max_value=date(2045, 1, 1)))
def test_next_dates_are_the_occurrences_from_that_day_on(schedule, after):
    expected = [day for day in islice(schedule.occurrences(), 2000) if day >= after][:3]
    if (
        len(expected) == 3
        or schedule.end_date is not None
        or schedule.recurrence is Recurrence.ONCE
    ):
        assert schedule.next_dates(after, 3) == expected


def test_a_zoned_rule_keeps_the_last_day_across_the_change_to_winter_time():
    """UNTIL is the end of the last day in Berlin, written in UTC: the 26 October 2026 counts."""
    schedule = Schedule(Recurrence.WEEKLY, date(2026, 10, 5), date(2026, 10, 26), time(23, 30))
    assert calendar_dates(schedule)[-1] == date(2026, 10, 26) == list(schedule.occurrences())[-1]
