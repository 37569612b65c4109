"""The district package keeps the volunteers' totals and never their names or hours each."""

from __future__ import annotations

import json
import zipfile
from datetime import date, time

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, LegalBasis
from gwa_desktop.domain.volunteer import HelperHours, VolunteerProfile
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services

PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
NAMES = ("Quirina Helferling", "Bartholomäus Ehrenwert")


def test_the_package_has_the_totals_and_no_helper(database, tmp_path):
    services = Services.on(database)
    settings = services.settings.get()
    settings.name = "Gemeinde Musterdorf"
    services.settings.save(settings)
    helpers = [
        services.contacts.create(
            ContactData(
                name=name,
                phone="0151 2345678",
                legal_basis=LegalBasis.CONSENT,
                consents=[ConsentData(given_on=date(2025, 12, 1), purpose="Ehrenamt")],
                volunteer=VolunteerProfile(tasks=["Dolmetschen"]),
            )
        )
        for name in NAMES
    ]
    services.activities.create(
        ActivityData(
            occurred_on=date(2026, 2, 3),
            kind=ActivityKind.EVENT,
            title="Sommerfest",
            start_time=time(14),
            end_time=time(17),
            helpers=[HelperHours(helpers[0], 2.75), HelperHours(helpers[1], 1.5)],
            extra_volunteers=2,
            extra_volunteer_hours=3.0,
        )
    )
    path = export_district(services.database, PERIOD, tmp_path)
    with zipfile.ZipFile(path) as package:
        (record,) = json.loads(package.read("data/activities.json"))
        assert (record["volunteers_count"], record["volunteer_hours"]) == (4, 7.25)
        assert "helpers" not in record
        for member in package.namelist():
            content = package.read(member)
            for name in NAMES:
                for word in name.split():
                    assert word.encode() not in content, member
            assert b"2.75" not in content and b"2,75" not in content, member
