"""Offers and activities as iCalendar for calendar programs and phones.

An offer becomes one recurring event with an RRULE, so "every 2nd Tuesday" stays a rule
in the calendar instead of hundreds of copies; activities are single events. Times are
local to the municipality (Europe/Berlin) and the time zone is included, so a phone
set to another zone still shows the right hour. Texts pass `plain_text` first:
icalendar escapes line breaks but writes NUL and ESC as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
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


def event_for(entry: CalendarEntry, stamp: datetime) -> Event:
    schedule = entry.schedule
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("summary", one_line(entry.title))
    if schedule.start_time is None:
        event.add("dtstart", schedule.start_date)
        event.add("dtend", schedule.start_date + timedelta(days=1))
    else:
        start = datetime.combine(schedule.start_date, schedule.start_time, ZONE)
        event.add("dtstart", start)
        end = (
            datetime.combine(schedule.start_date, schedule.end_time, ZONE)
            if schedule.end_time
            else start + timedelta(hours=1)
        )
        event.add("dtend", end)
    rule = recurrence_rule(schedule)
    if rule is not None:
        event.add("rrule", rule)
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
        calendar.add_component(event_for(entry, stamp))
    calendar.add_missing_timezones()
    encoded: bytes = calendar.to_ical()
    return encoded
