"""The days ahead and the dates without a headcount, as the start page and `gwa agenda` show."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time, timedelta

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory, OfferStatus, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.services.agenda import agenda, missing_headcounts

TODAY = date.today()


def _weekly(offers, title: str, **changes) -> int:
    data = OfferData(
        texts=[OfferTextData("de", title)],
        category=OfferCategory.LANGUAGE,
        start_date=TODAY - timedelta(weeks=6),
        recurrence=Recurrence.WEEKLY,
        start_time=time(17),
        end_time=time(19),
        place_name="Gemeindehaus",
    )
    return offers.create(replace(data, **changes))


def test_missing_headcounts_leave_out_recorded_and_cancelled_dates(offers, activities, database):
    offer_id = _weekly(offers, "Sprachcafé")
    dates = offers.get(offer_id).schedule.series_dates(
        TODAY - timedelta(weeks=4), TODAY - timedelta(days=1)
    )
    assert len(dates) == 4
    activities.create(
        ActivityData(
            occurred_on=dates[0],
            kind=ActivityKind.OFFER_SESSION,
            title="Sprachcafé",
            offer_id=offer_id,
            participants_total=11,
        )
    )
    stored = offers.get(offer_id)
    offers.update(replace(stored, date_changes=[DateChange(dates[1], "Krankheit")]))
    _weekly(offers, "Beendet", status=OfferStatus.ENDED)
    missing = missing_headcounts(database, TODAY)
    assert [(e.offer_id, e.day) for e in missing] == [(offer_id, dates[2]), (offer_id, dates[3])]


def test_the_agenda_lists_cancelled_dates_and_planned_activities_in_time_order(
    offers, activities, database
):
    offer_id = _weekly(offers, "Sprachcafé")
    coming = offers.get(offer_id).schedule.next_dates(TODAY + timedelta(days=1), 2)
    offers.update(replace(offers.get(offer_id), date_changes=[DateChange(coming[0], "Feier")]))
    activities.create(
        ActivityData(
            occurred_on=coming[1] - timedelta(days=1),
            kind=ActivityKind.EVENT,
            title="Dorffest planen",
            start_time=time(18),
        )
    )
    entries = agenda(database, TODAY + timedelta(days=1), 14)
    assert [(e.day, e.title, e.cancelled, e.reason) for e in entries][:3] == [
        (coming[0], "Sprachcafé", True, "Feier"),
        (coming[1] - timedelta(days=1), "Dorffest planen", False, ""),
        (coming[1], "Sprachcafé", False, ""),
    ]


def test_gwa_agenda_prints_the_same_dates(offers, database_path, capsys):
    offer_id = _weekly(offers, "Sprachcafé")
    first = TODAY + timedelta(days=1)
    assert (
        main(
            [
                "--database",
                str(database_path),
                "agenda",
                "--from",
                first.isoformat(),
                "--days",
                "7",
                "--format",
                "json",
            ]
        )
        == 0
    )
    printed = json.loads(capsys.readouterr().out)
    assert [(row["day"], row["offer_id"], row["start"]) for row in printed] == [
        (day.isoformat(), offer_id, "17:00")
        for day in offers.get(offer_id).schedule.series_dates(first, first + timedelta(days=6))
    ]
    assert main(["--database", str(database_path), "agenda", "--missing"]) == 0
    assert capsys.readouterr().out.count("Sprachcafé") == 4
