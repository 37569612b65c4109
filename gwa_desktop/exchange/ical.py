"""Offers and activities as iCalendar for calendar programs and phones.

An offer becomes one recurring event with an RRULE, so "every 2nd Tuesday" stays a rule
in the calendar instead of hundreds of copies; activities are single events. Cancelled
and paused dates are its EXDATEs, a moved date an event of the same UID whose
RECURRENCE-ID names the date it replaces (RFC 5545 3.8.4.4). Times are
local to the municipality (Europe/Berlin) and the time zone is included, so a phone
set to another zone still shows the right hour. Texts pass `plain_text` first:
icalendar escapes line breaks but writes NUL and ESC as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from gwa_desktop import __version__
from gwa_desktop.domain.plain_text import one_line, plain_text
from gwa_desktop.domain.schedule import Schedule

ZONE = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    title: str
    schedule: Schedule
    location: str = ""
    description: str = ""


def recurrence_rule(schedule: Schedule) -> vRecur | None:
    """The RRULE for a schedule (its `rule_parts`, the one definition); None for a one-off date."""
    parts = schedule.rule_parts()
    if parts is None:
        return None
    rule = vRecur.from_ical(";".join(f"{name}={value}" for name, value in parts.items()))
    if schedule.end_date is not None:
        # With a zoned start, UNTIL must be in UTC (RFC 5545 3.3.10); the end of the last day.
        last = datetime.combine(schedule.end_date, time(23, 59, 59), ZONE).astimezone(UTC)
        rule["until"] = last if schedule.start_time is not None else schedule.end_date
    recurrence: vRecur = rule
    return recurrence


def events_for(entry: CalendarEntry, stamp: datetime) -> list[Event]:
    """The entry's event, then one event per moved date; none for a series without dates."""
    schedule = entry.schedule
    first = next(schedule.occurrences(), None)
    if first is None:
        return []
    event = _event(entry, stamp, first, schedule.start_time, schedule.end_time)
    rule = recurrence_rule(schedule)
    if rule is not None:
        event.add("rrule", rule)
        skipped = sorted(_skipped_dates(schedule))
        if skipped:
            event.add("exdate", [_moment(day, schedule.start_time) for day in skipped])
    events = [event]
    for session in schedule.moved_sessions():
        moved = _event(entry, stamp, session.day, session.start_time, session.end_time)
        moved.add("recurrence-id", _moment(session.series_day, schedule.start_time))
        events.append(moved)
    return events


def _skipped_dates(schedule: Schedule) -> set[date]:
    """Series dates that do not take place: cancelled, or within a pause."""
    skipped = {change.on for change in schedule.changes if change.cancelled}
    for pause in schedule.pauses:
        skipped.update(schedule.series_dates(pause.first, pause.last))
    moved = {change.on for change in schedule.changes if not change.cancelled}
    return skipped - moved


def _moment(day: date, start: time | None) -> date | datetime:
    return day if start is None else datetime.combine(day, start, ZONE)


def _event(
    entry: CalendarEntry, stamp: datetime, day: date, start_time: time | None, end_time: time | None
) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("summary", one_line(entry.title))
    if start_time is None:
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        start = datetime.combine(day, start_time, ZONE)
        event.add("dtstart", start)
        end = datetime.combine(day, end_time, ZONE) if end_time else start + timedelta(hours=1)
        event.add("dtend", end)
    if entry.location:
        event.add("location", one_line(entry.location))
    if entry.description:
        event.add("description", plain_text(entry.description))
    return event


def write_calendar(entries: list[CalendarEntry], name: str, stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//GWA Desktop {__version__}//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(name))
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for entry in entries:
        for event in events_for(entry, stamp):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    encoded: bytes = calendar.to_ical()
    return encoded
