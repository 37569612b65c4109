"""The calendar's range of dates: the same sessions as the next dates and the iCalendar
file, recorded headcounts on their date, and `gwa calendar` printing the same."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.services.agenda import calendar
from gwa_desktop.services.device_export import export_ical
from gwa_desktop.services.holidays import HolidayPeriodData, HolidayService

FIRST, LAST = date(2026, 11, 30), date(2027, 5, 31)


def _twice_weekly(offers, settings, database) -> int:
    """Monday and Thursday, Bavarian holidays and school holidays skipped, one date
    cancelled and one moved."""
    settings.save(replace(settings.get(), name="Musterdorf", federal_state="BY"))
    HolidayService(database).add(
        [HolidayPeriodData("Weihnachtsferien", date(2026, 12, 23), date(2027, 1, 5))]
    )
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 11, 2),
            recurrence=Recurrence.WEEKLY,
            weekdays=[0, 3],
            start_time=time(17),
            end_time=time(19),
            place_name="Gemeindehaus",
            skips_public_holidays=True,
            skips_school_holidays=True,
        )
    )
    stored = offers.get(offer_id)
    offers.update(
        replace(
            stored,
            date_changes=[
                DateChange(date(2026, 12, 10), "Krankheit"),
                DateChange(date(2026, 12, 14), "Saal belegt", moved_to=date(2026, 12, 15)),
            ],
        )
    )
    return offer_id


def _ical_dates(path) -> list[date]:
    """What a calendar program shows: the RRULE minus EXDATEs, the moved events added."""
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    series = next(e for e in events if "RRULE" in e)
    moved = [e for e in events if "RECURRENCE-ID" in e]
    start = series.decoded("dtstart")
    dates = rruleset()
    dates.rrule(rrulestr(series["RRULE"].to_ical().decode(), dtstart=start))
    exdates = series.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for value in group.dts:
            dates.exdate(value.dt)
    replaced = {e.decoded("recurrence-id").date() for e in moved}
    low = datetime.combine(FIRST, time(), start.tzinfo)
    high = datetime.combine(LAST, time(23, 59), start.tzinfo)
    shown = [m.date() for m in dates.between(low, high, inc=True) if m.date() not in replaced]
    shown.extend(e.decoded("dtstart").date() for e in moved)
    return sorted(d for d in shown if FIRST <= d <= LAST)


def test_next_dates_calendar_and_icalendar_agree(offers, settings, database, tmp_path):
    offer_id = _twice_weekly(offers, settings, database)
    schedule = offers.get(offer_id).schedule
    next_dates = [d for d in schedule.next_dates(FIRST, 100) if d <= LAST]
    entries = [e for e in calendar(database, FIRST, LAST) if e.offer_id == offer_id]
    shown = [e.day for e in entries if not e.cancelled]
    export_ical(database, tmp_path / "termine.ics")
    assert next_dates == shown == _ical_dates(tmp_path / "termine.ics")
    # The rules did apply: the cancelled date, the move, the holidays, the school holidays.
    cancelled = {e.day: e.reason for e in entries if e.cancelled}
    assert cancelled[date(2026, 12, 10)] == "Krankheit"
    assert cancelled[date(2026, 12, 24)] == "Weihnachtsferien"
    assert cancelled[date(2027, 1, 4)] == "Weihnachtsferien"
    assert date(2026, 12, 15) in shown and date(2026, 12, 14) not in shown
    assert date(2027, 1, 7) in shown
    assert "Himmelfahrt" in cancelled[date(2027, 5, 6)]
    assert "Ostermontag" in cancelled[date(2027, 3, 29)]
    moved = next(e for e in entries if e.day == date(2026, 12, 15))
    assert moved.moved_from == date(2026, 12, 14)


def test_a_recorded_session_shows_its_headcount_on_its_date(offers, activities, database):
    start = date.today() - timedelta(weeks=3)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Elterncafé")],
            category=OfferCategory.FAMILY,
            start_date=start,
            recurrence=Recurrence.WEEKLY,
            start_time=time(15),
        )
    )
    recorded = activities.create(
        ActivityData(
            occurred_on=start + timedelta(weeks=1),
            kind=ActivityKind.OFFER_SESSION,
            title="Elterncafé",
            offer_id=offer_id,
            participants_total=9,
        )
    )
    twice = activities.create(
        ActivityData(
            occurred_on=start + timedelta(weeks=1),
            kind=ActivityKind.OFFER_SESSION,
            title="Elterncafé",
            offer_id=offer_id,
            participants_total=4,
        )
    )
    alone = activities.create(
        ActivityData(
            occurred_on=start + timedelta(days=2), kind=ActivityKind.EVENT, title="Dorffest"
        )
    )
    entries = calendar(database, start, start + timedelta(weeks=2))
    by_activity = {e.activity_id: e for e in entries}
    assert (by_activity[recorded].offer_id, by_activity[recorded].participants) == (offer_id, 9)
    assert by_activity[recorded].recorded
    # The second session of the same date is not hidden: it stands beside the first.
    assert by_activity[twice].participants == 4
    assert by_activity[alone].title == "Dorffest" and by_activity[alone].offer_id is None
    offer_dates = [e for e in entries if e.offer_id == offer_id and e.activity_id != twice]
    assert [e.day for e in offer_dates] == [start + timedelta(weeks=w) for w in range(3)]
    assert [e.activity_id for e in offer_dates] == [None, recorded, None]


def test_gwa_calendar_prints_the_month(offers, settings, database, database_path, capsys):
    offer_id = _twice_weekly(offers, settings, database)
    argv = ["--database", str(database_path), "calendar", "--month", "2026-12"]
    assert main([*argv, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = [e for e in calendar(database, date(2026, 12, 1), date(2026, 12, 31)) if e.offer_id]
    assert [(r["day"], r["cancelled"], r["offer_id"]) for r in rows] == [
        (e.day.isoformat(), e.cancelled, offer_id) for e in expected
    ]
    assert main(argv) == 0
    table = capsys.readouterr().out
    line = next(line for line in table.splitlines() if "10.12.2026" in line)
    assert "Sprachcafé" in line and "Krankheit" in line


def test_gwa_calendar_refuses_a_month_that_is_none(database_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--database", str(database_path), "calendar", "--month", "2026-13"])
    assert stop.value.code == 2
    assert "2026-13" in capsys.readouterr().err
