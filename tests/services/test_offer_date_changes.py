"""Weekdays, cancelled and moved dates and holidays of offers, stored and read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.services.device_export import export_ical
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.holidays import HolidayPeriodData, HolidayService

MONDAY = date(2026, 11, 30)


def _offer(**changes) -> OfferData:
    data = OfferData(
        texts=[OfferTextData("de", "Sprachcafé")],
        category=OfferCategory.LANGUAGE,
        start_date=MONDAY,
        recurrence=Recurrence.WEEKLY,
        start_time=time(15),
        end_time=time(17),
        weekdays=[0, 3],
    )
    return replace(data, **changes)


def test_weekdays_and_changed_dates_round_trip(offers):
    offer_id = offers.create(
        _offer(
            date_changes=[
                DateChange(date(2026, 12, 3), "Krankheit\nder Leitung"),
                DateChange(date(2026, 12, 7), "Saal belegt", date(2026, 12, 8), time(16)),
            ]
        )
    )
    stored = offers.get(offer_id)
    assert stored.weekdays == [0, 3]
    assert stored.date_changes == [
        DateChange(date(2026, 12, 3), "Krankheit der Leitung"),
        DateChange(date(2026, 12, 7), "Saal belegt", date(2026, 12, 8), time(16)),
    ]
    assert stored.schedule.next_dates(date(2026, 12, 1), 3) == [
        date(2026, 12, 8),
        date(2026, 12, 10),
        date(2026, 12, 14),
    ]
    # Dropping a change gives the date back.
    offers.update(replace(stored, date_changes=stored.date_changes[1:]))
    assert offers.get(offer_id).schedule.next_dates(date(2026, 12, 1), 1) == [date(2026, 12, 3)]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ([DateChange(date(2026, 12, 2))], "findet am 02.12.2026 nicht statt"),
        (
            [DateChange(date(2026, 12, 3)), DateChange(date(2026, 12, 3), "zweimal")],
            "zweimal geändert",
        ),
        ([DateChange(date(2026, 12, 3), moved_to=date(2026, 12, 7))], "ohnehin statt"),
        (
            [
                DateChange(date(2026, 12, 3), moved_to=date(2026, 12, 5)),
                DateChange(date(2026, 12, 7), moved_to=date(2026, 12, 5)),
            ],
            "Zwei Termine sind auf den 05.12.2026",
        ),
    ],
)
def test_changes_that_do_not_fit_the_series_are_refused(offers, database_path, changes, words):
    offer_id = offers.create(_offer())
    before = Path(database_path).read_bytes()
    with pytest.raises(ValidationError) as refused:
        offers.update(replace(offers.get(offer_id), date_changes=changes))
    assert words in refused.value.errors["date_changes"]
    assert offers.get(offer_id).date_changes == []
    assert Path(database_path).read_bytes() == before


def test_a_move_onto_a_cancelled_date_of_the_series_is_allowed(offers):
    offer_id = offers.create(
        _offer(
            date_changes=[
                DateChange(date(2026, 12, 3), "Feiertag im Ort"),
                DateChange(date(2026, 12, 7), moved_to=date(2026, 12, 3)),
            ]
        )
    )
    assert offers.get(offer_id).schedule.next_dates(date(2026, 12, 1), 2) == [
        date(2026, 12, 3),
        date(2026, 12, 10),
    ]


def test_weekdays_outside_the_week_are_refused(offers):
    with pytest.raises(ValidationError) as refused:
        offers.create(_offer(weekdays=[7]))
    assert "weekdays" in refused.value.errors


def test_an_offer_pauses_for_the_holidays_it_skips(offers, settings, database):
    settings.save(replace(MunicipalityData(name="Musterdorf", federal_state="NW"), version=0))
    HolidayService(database).add(
        [HolidayPeriodData("Weihnachtsferien", date(2026, 12, 23), date(2027, 1, 6))]
    )
    public_only = offers.create(_offer(start_date=date(2026, 12, 21), skips_public_holidays=True))
    both = offers.create(
        _offer(
            start_date=date(2026, 12, 21), skips_public_holidays=True, skips_school_holidays=True
        )
    )
    neither = offers.create(_offer(start_date=date(2026, 12, 21)))
    window = (date(2026, 12, 21), date(2027, 1, 10))

    def taking_place(offer_id: int) -> list[date]:
        sessions = offers.get(offer_id).schedule.sessions(*window)
        return [s.day for s in sessions if not s.cancelled]

    assert taking_place(neither) == [
        date(2026, 12, 21),
        date(2026, 12, 24),
        date(2026, 12, 28),
        date(2026, 12, 31),
        date(2027, 1, 4),
        date(2027, 1, 7),
    ]
    assert taking_place(public_only) == taking_place(neither)  # no public holiday on Mon/Thu
    assert taking_place(both) == [date(2026, 12, 21), date(2027, 1, 7)]
    reasons = {s.reason for s in offers.get(both).schedule.sessions(*window) if s.cancelled}
    assert reasons == {"Weihnachtsferien"}


def test_the_calendar_export_leaves_out_cancelled_dates(offers, database, tmp_path):
    offers.create(_offer(date_changes=[DateChange(date(2026, 12, 3), "Krankheit")]))
    target = tmp_path / "kalender.ics"
    export_ical(database, target)
    text = target.read_text()
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,TH" in text
    assert "EXDATE;TZID=Europe/Berlin:20261203T150000" in text


def test_a_holiday_calendar_is_imported_and_anything_else_refused(database, database_path):
    service = HolidayService(database)
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ministerium//DE\r\n"
        b"BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Osterferien Bayern\r\n"
        b"DTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260411\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    assert service.import_calendar(ics) == 1
    assert service.periods()[0].name == "Osterferien Bayern"
    assert (service.periods()[0].first_day, service.periods()[0].last_day) == (
        date(2026, 3, 30),
        date(2026, 4, 10),
    )
    before = Path(database_path).read_bytes()
    for hostile in (b"name;first;last\nOstern;1.4.;10.4.", b"BEGIN:VCALENDAR\r\nnonsense", b""):
        with pytest.raises(ValidationError) as refused:
            service.import_calendar(hostile)
        assert ".ics" in refused.value.errors["file"]
    assert Path(database_path).read_bytes() == before


def test_the_federal_state_is_saved_and_an_unknown_one_refused(settings):
    settings.save(MunicipalityData(name="Musterdorf", federal_state="BY", version=0))
    stored = settings.get()
    assert stored.federal_state == "BY"
    with pytest.raises(ValidationError) as refused:
        settings.save(replace(stored, federal_state="ZZ"))
    assert "federal_state" in refused.value.errors
    assert settings.get().federal_state == "BY"
