"""Planned activities: dated ahead they may be entered, counted only once they happened (issue 10, item 6)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from service_builders import activity_data

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.periods import named_period, quarter_of


def test_an_activity_ahead_may_be_planned_without_figures(activities):
    tomorrow = date.today() + timedelta(days=1)

    activity_id = activities.create(activity_data("Sommerfest", occurred_on=tomorrow))

    assert activities.get(activity_id).occurred_on == tomorrow


@pytest.mark.parametrize(
    "figures",
    [
        {"participants_total": 12},
        {"volunteers_count": 2},
        {"volunteer_hours": 3.5},
        {"newcomers": 0, "participants_women": 1},
    ],
)
def test_headcounts_of_an_activity_ahead_are_refused(activities, figures):
    data = activity_data("Sommerfest", occurred_on=date.today() + timedelta(days=2), **figures)

    with pytest.raises(ValidationError) as caught:
        activities.create(data)

    assert "in der Zukunft" in caught.value.errors["participants_total"]
    assert activities.count() == 0


def test_headcounts_of_today_are_taken(activities):
    activity_id = activities.create(
        activity_data("Sprachcafé", occurred_on=date.today(), participants_total=9)
    )

    assert activities.get(activity_id).participants_total == 9


@pytest.mark.parametrize("key", ["month", "quarter", "year", "last_12"])
def test_the_list_and_the_district_export_of_a_period_count_the_same_activities(
    activities, settings, key
):
    """The list's "this quarter" once said 17 where the export of the quarter said 18."""
    settings.save(MunicipalityData(name="Gemeinde Lindental", district="Landkreis Süd"))
    today = date.today()
    period = named_period(key, today)
    for day in {period.start, max(period.start, today - timedelta(days=1)), today}:
        activities.create(activity_data("Sprachcafé", occurred_on=day, participants_total=8))
    planned = [day for day in (today + timedelta(days=1), period.end) if day > today]
    for day in planned:
        activities.create(activity_data("Sommerfest", occurred_on=day))

    listed, _participants, _hours = activities.totals(ListQuery(filters={"period": key}))
    exported = collect(activities.database, period).activities

    assert listed == len(exported) == activities.count() - len(planned)
    assert all(a["occurred_on"] <= today for a in exported)
    assert activities.totals(ListQuery(filters={"period": "planned"}))[0] == len(planned)


def test_named_quarters_are_whole_calendar_quarters():
    assert quarter_of(date(2026, 12, 2)).label() == "01.10.2026 – 31.12.2026"
    assert named_period("last_quarter", date(2026, 1, 15)).label() == "01.10.2025 – 31.12.2025"
    assert named_period("quarter", date(2026, 5, 31)).label() == "01.04.2026 – 30.06.2026"
