"""Changing the time, weekday or place of a series for one date, from one date on, or for
all: the recorded sessions keep the offer they took place under."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory, OfferStatus, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.series_edit import EditScope, SeriesEditService, scope_matters

TODAY = date.today()
#: A Tuesday four weeks back: the series has a past and a future.
START = TODAY - timedelta(days=TODAY.weekday() - 1 + 28)


def _tuesdays(offers) -> int:
    return offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=START,
            recurrence=Recurrence.WEEKLY,
            start_time=time(17),
            end_time=time(19),
            place_name="Gemeindehaus",
            languages=["ar"],
        )
    )


def _record(activities, offer_id: int, day: date, count: int) -> int:
    return activities.create(
        ActivityData(
            occurred_on=day,
            kind=ActivityKind.OFFER_SESSION,
            title="Sprachcafé",
            offer_id=offer_id,
            participants_total=count,
        )
    )


def _next_tuesday() -> date:
    return TODAY + timedelta(days=(1 - TODAY.weekday()) % 7 or 7)


def test_only_this_date_moves_one_date_to_the_new_weekday_and_time(offers):
    offer_id = _tuesdays(offers)
    stored = offers.get(offer_id)
    day = _next_tuesday()
    edited = replace(stored, weekdays=[3], start_time=time(18), end_time=time(20))
    assert scope_matters(stored, edited)
    assert SeriesEditService(offers).save(edited, day, EditScope.THIS_DATE) == offer_id
    saved = offers.get(offer_id)
    assert (saved.start_time, saved.weekdays) == (time(17), [])
    (session,) = saved.schedule.sessions(day, day + timedelta(days=6))
    assert (session.day, session.start_time, session.end_time) == (
        day + timedelta(days=2),
        time(18),
        time(20),
    )
    following = day + timedelta(weeks=1)
    assert saved.schedule.sessions(following, following)[0].start_time == time(17)


def test_this_and_following_splits_the_series_and_keeps_the_history(offers, activities):
    offer_id = _tuesdays(offers)
    before = _record(activities, offer_id, START + timedelta(weeks=1), 12)
    # From a past date on: the session recorded on it belongs to the new series.
    day = START + timedelta(weeks=2)
    planned = _record(activities, offer_id, day + timedelta(days=2), 8)
    stored = offers.get(offer_id)
    edited = replace(stored, weekdays=[3], place_name="Schule")
    new_id = SeriesEditService(offers).save(edited, day, EditScope.FOLLOWING)
    assert new_id != offer_id
    old, new = offers.get(offer_id), offers.get(new_id)
    assert old.end_date == day - timedelta(days=1) and old.place_name == "Gemeindehaus"
    assert old.status is OfferStatus.ENDED
    assert (new.start_date, new.weekdays, new.place_name) == (day, [3], "Schule")
    assert new.languages == ["ar"] and new.title == "Sprachcafé"
    assert new.schedule.next_dates(day, 1) == [day + timedelta(days=2)]
    assert activities.get(before).offer_id == offer_id
    assert activities.get(planned).offer_id == new_id


def test_all_dates_saves_the_offer_as_it_is(offers):
    offer_id = _tuesdays(offers)
    edited = replace(offers.get(offer_id), start_time=time(16))
    assert SeriesEditService(offers).save(edited, _next_tuesday(), EditScope.ALL) == offer_id
    assert offers.get(offer_id).start_time == time(16)
    assert offers.count() == 1


def test_a_date_outside_the_series_or_a_new_place_for_one_date_is_refused(offers):
    offer_id = _tuesdays(offers)
    stored = offers.get(offer_id)
    service = SeriesEditService(offers)
    with pytest.raises(ValidationError, match="nicht statt"):
        service.save(
            replace(stored, start_time=time(16)),
            _next_tuesday() + timedelta(days=1),
            EditScope.THIS_DATE,
        )
    with pytest.raises(ValidationError, match="Ort"):
        service.save(replace(stored, place_name="Schule"), _next_tuesday(), EditScope.THIS_DATE)
    assert offers.get(offer_id) == stored


def test_moving_one_date_onto_another_date_of_the_series_is_refused(offers):
    offer_id = offers.create(
        replace(offers.get(_tuesdays(offers)), id=None, version=None, weekdays=[1, 3])
    )
    stored = offers.get(offer_id)
    # Tuesday and Thursday: "Thursday only" for this Tuesday lands on the Thursday date.
    edited = replace(stored, weekdays=[3, 4])
    with pytest.raises(ValidationError, match="ohnehin"):
        SeriesEditService(offers).save(edited, _next_tuesday(), EditScope.THIS_DATE)
    assert offers.get(offer_id).date_changes == []


def test_gwa_series_splits_from_the_command_line(offers, database_path, capsys):
    offer_id = _tuesdays(offers)
    day = _next_tuesday()
    argv = ["--database", str(database_path), "series", str(offer_id), day.isoformat()]
    assert main([*argv, "--scope", "following", "--start", "18:00"]) == 0
    new_id = int(capsys.readouterr().out)
    assert offers.get(new_id).start_time == time(18)
    assert offers.get(offer_id).end_date == day - timedelta(days=1)
