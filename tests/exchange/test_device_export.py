"""vCard and iCalendar exports: readable by phones and calendars, recurring offers as rules."""

from __future__ import annotations

from datetime import date, datetime, time

from icalendar import Calendar

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.exchange.ical import recurrence_rule
from gwa_desktop.exchange.vcard import Card, card_lines, fold
from gwa_desktop.services.device_export import export_ical, export_vcard


def test_vcard_holds_the_contacts_without_notes(filled, tmp_path):
    count = export_vcard(filled.database, tmp_path / "kontakte.vcf")
    content = (tmp_path / "kontakte.vcf").read_bytes().decode("utf-8")
    assert count == 4 and content.count("BEGIN:VCARD") == 4
    assert "FN:Anna Müller\r\nN:Müller;Anna;;;\r\n" in content
    assert (
        "TEL;TYPE=VOICE:06321 4711" in content
        and "EMAIL;TYPE=INTERNET:anna.mueller@example.org" in content
    )
    assert "ORG:Caritas Lindental" in content
    assert "Dolmetscht" not in content


def test_vcard_escapes_and_folds_long_lines():
    lines = card_lines(
        Card(name="Verein für Sport, Spiel; Spaß", is_organisation=True, street="Straße " * 20)
    )
    assert "ORG:Verein für Sport\\, Spiel\\; Spaß" in lines
    assert all(len(part.encode()) <= 75 for line in lines for part in line.split("\r\n"))
    assert fold("ä" * 100).replace("\r\n ", "") == "ä" * 100


def test_offers_become_recurring_events_and_activities_single_ones(filled, tmp_path):
    count = export_ical(filled.database, tmp_path / "kalender.ics")
    calendar = Calendar.from_ical((tmp_path / "kalender.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert count == len(events) == 4 + 9
    cafe = next(
        e for e in events.values() if str(e["summary"]) == "Sprachcafé" and "offer" in str(e["uid"])
    )
    assert cafe["rrule"]["FREQ"] == ["WEEKLY"] and cafe["rrule"]["BYDAY"] == ["TU"]
    assert cafe.decoded("dtstart") == datetime(
        2025, 9, 2, 15, tzinfo=cafe.decoded("dtstart").tzinfo
    )
    assert str(cafe.decoded("dtstart").tzinfo) == "Europe/Berlin"
    assert calendar.walk("VTIMEZONE")
    fest = next(
        e for e in events.values() if str(e["summary"]) == "Kürbisfest" and "offer" in str(e["uid"])
    )
    assert "rrule" not in fest and fest.decoded("dtstart") == date(2026, 10, 3)


def test_recurrence_rules_follow_the_schedule():
    monthly_last = Schedule(
        Recurrence.MONTHLY, date(2026, 3, 31), date(2026, 12, 31), time(18), time(20)
    )
    rule = recurrence_rule(monthly_last)
    assert rule.to_ical() == b"FREQ=MONTHLY;UNTIL=20261231T225959Z;BYDAY=-1TU"
    biweekly = recurrence_rule(Schedule(Recurrence.BIWEEKLY, date(2026, 2, 4)))
    assert biweekly.to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert recurrence_rule(Schedule(Recurrence.ONCE, date(2026, 2, 4))) is None
