"""The dates the program shows and the dates a calendar computes from the export agree.

For random schedules, the next dates (`Schedule.occurrences`) are compared with what a
calendar program gets: the iCalendar file written by the export, parsed back with
icalendar, its RRULE expanded from its DTSTART by python-dateutil. With several weekdays,
cancelled, moved and paused dates the dates that take place (`Schedule.upcoming`) are
compared with the RRULE minus its EXDATEs plus the events that replace single dates.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import islice

from dateutil.rrule import rruleset, rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import DateChange, Pause, Schedule
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


@st.composite
def changed_schedules(draw) -> Schedule:
    """A recurring schedule with chosen weekdays, some dates cancelled or moved, and pauses."""
    base = draw(schedules().filter(lambda s: s.recurrence is not Recurrence.ONCE))
    weekdays = tuple(draw(st.sets(st.integers(0, 6), min_size=1, max_size=3)))
    plain = Schedule(
        base.recurrence, base.start_date, base.end_date, base.start_time, base.end_time, weekdays
    )
    dates = list(islice(plain.occurrences(), 30))
    if not dates:
        return plain
    changed = draw(st.lists(st.sampled_from(dates), unique=True, max_size=4))
    taken = set(dates)
    changes = []
    for day in changed:
        if draw(st.booleans()):
            changes.append(DateChange(day, "Krankheit"))
            continue
        target = day + timedelta(days=draw(st.integers(-3, 3)))
        if target != day and target not in taken:
            taken.add(target)
            changes.append(DateChange(day, "Raum belegt", moved_to=target))
    pauses = []
    if draw(st.booleans()):
        first = draw(st.sampled_from(dates))
        pauses.append(Pause(first, first + timedelta(days=draw(st.integers(0, 20))), "Ferien"))
    return Schedule(
        base.recurrence,
        base.start_date,
        base.end_date,
        base.start_time,
        base.end_time,
        weekdays,
        tuple(changes),
        tuple(pauses),
    )


def calendar_sessions(schedule: Schedule) -> list[date]:
    """The dates a calendar program shows: RRULE and RDATE minus EXDATE, moved events added."""
    exported = write_calendar(
        [CalendarEntry(uid="offer-1@test", title="Sprachcafé", schedule=schedule)], "Test"
    )
    events = Calendar.from_ical(exported).walk("VEVENT")
    if not events:
        return []
    series, *moved = events

    def as_moment(value) -> datetime:
        return value if isinstance(value, datetime) else datetime.combine(value, time())

    start = as_moment(series.decoded("dtstart"))
    dates = rruleset()
    dates.rrule(rrulestr(series["RRULE"].to_ical().decode(), dtstart=start))
    exdates = series.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for value in group.dts:
            dates.exdate(as_moment(value.dt).replace(tzinfo=start.tzinfo))
    replaced = {as_moment(e.decoded("recurrence-id")).date() for e in moved}
    shown = [m.date() for m in islice(dates, COMPARED * 2) if m.date() not in replaced]
    shown.extend(as_moment(e.decoded("dtstart")).date() for e in moved)
    return sorted(shown)


@settings(max_examples=300, deadline=None)
@given(changed_schedules())
def test_changed_dates_and_the_exported_calendar_agree(schedule):
    expected = [session.day for session in islice(schedule.upcoming(date.min), COMPARED)]
    shown = calendar_sessions(schedule)
    assert shown[: len(expected)] == expected
