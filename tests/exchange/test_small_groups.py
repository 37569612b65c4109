"""Small activities leave the laptop with their total only: breakdowns would name people."""

from __future__ import annotations

from datetime import date

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.settings import SettingsService


def test_breakdowns_of_small_activities_are_left_out(database):
    SettingsService(database).save(
        MunicipalityData(name="Gemeinde Lindenbach", district="Musterland")
    )
    activities = ActivityService(database)
    activities.create(
        ActivityData(
            occurred_on=date(2026, 11, 2),
            kind=ActivityKind.COUNSELLING,
            title="Beratung",
            participants_total=2,
            participants_women=1,
            participants_men=1,
            age_27_64=2,
            languages=["uk"],
        )
    )
    activities.create(
        ActivityData(
            occurred_on=date(2026, 11, 3),
            kind=ActivityKind.EVENT,
            title="Dorffest",
            participants_total=12,
            participants_women=7,
            languages=["ar", "de"],
        )
    )

    small, large = collect(database, Period(date(2026, 11, 1), date(2026, 11, 30))).activities

    assert small["participants_total"] == 2
    assert (
        small["participants_women"],
        small["participants_men"],
        small["age_27_64"],
        small["languages"],
    ) == (None, None, None, [])
    assert (large["participants_total"], large["participants_women"], large["languages"]) == (
        12,
        7,
        ["ar", "de"],
    )
