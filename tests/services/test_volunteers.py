"""Volunteers: profiles with a legal basis, helper lists that give the totals, finding help.

Runs on SQLite and, when GWA_TEST_POSTGRESQL_URL names a database, on PostgreSQL too.
"""

from __future__ import annotations

import os
from datetime import date, time, timedelta

import pytest
from sqlalchemy import create_engine, select, text

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis
from gwa_desktop.domain.volunteer import (
    Availability,
    HelperHours,
    LanguageLevel,
    SpokenLanguage,
    Training,
    VolunteerProfile,
)
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.registry import Services
from gwa_desktop.services.volunteers import HelpWanted
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.models import Activity
from gwa_desktop.storage.volunteer_models import ActivityHelper, Volunteer

URL = os.environ.get("GWA_TEST_POSTGRESQL_URL")
TUESDAY = 1
LAST_YEAR = date.today().year - 1


@pytest.fixture(params=["sqlite", "postgresql"])
def services(request, database):
    if request.param == "sqlite":
        yield Services.on(database)
        return
    if not URL:
        pytest.skip("GWA_TEST_POSTGRESQL_URL is not set")
    engine = create_engine(URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    shared = open_database(URL)
    yield Services.on(shared)
    shared.close()


def person(services, name, profile=None, basis=LegalBasis.CONSENT, phone="06221 12345"):
    consents = (
        [ConsentData(given_on=date(LAST_YEAR, 1, 10), purpose="Ehrenamt")]
        if basis is LegalBasis.CONSENT
        else []
    )
    return services.contacts.create(
        ContactData(
            name=name,
            phone=phone if basis else "",
            legal_basis=basis,
            consents=consents,
            volunteer=profile,
        )
    )


def slot(weekday, starts, ends):
    return Availability(weekday, time(*starts), time(*ends))


def activity(services, helpers=(), day=date(LAST_YEAR, 3, 3), **values):
    values.setdefault("start_time", time(14))
    values.setdefault("end_time", time(17))
    return services.activities.create(
        ActivityData(
            occurred_on=day,
            kind=ActivityKind.EVENT,
            title="Sommerfest",
            helpers=list(helpers),
            **values,
        )
    )


def test_a_profile_is_stored_and_read_with_the_contact(services):
    profile = VolunteerProfile(
        tasks=["Dolmetschen", "Begleitung zu Ämtern"],
        languages=[SpokenLanguage("prs", LanguageLevel.NATIVE), SpokenLanguage("de")],
        availability=[slot(3, (9,), (12,)), slot(TUESDAY, (14,), (18,))],
        trainings=[Training("Erste Hilfe", date(LAST_YEAR, 5, 2))],
        topics=["Behördengänge"],
    )
    contact_id = person(services, "Farida Test", profile)

    stored = services.contacts.get(contact_id).volunteer
    assert stored.tasks == ["Dolmetschen", "Begleitung zu Ämtern"]
    assert [(s.code, s.level) for s in stored.languages] == [
        ("prs", LanguageLevel.NATIVE),
        ("de", LanguageLevel.GOOD),
    ]
    # Sorted by weekday, as the form and the certificate show them.
    assert [(s.weekday, s.starts) for s in stored.availability] == [(1, time(14)), (3, time(9))]
    assert stored.trainings == [Training("Erste Hilfe", date(LAST_YEAR, 5, 2))]
    assert stored.topics == ["Behördengänge"]

    data = services.contacts.get(contact_id)
    data.volunteer = None
    services.contacts.update(data)
    assert services.contacts.get(contact_id).volunteer is None
    with services.database.session() as session:
        assert session.get(Volunteer, contact_id) is None


def test_a_profile_without_legal_basis_is_refused_and_nothing_is_stored(services):
    with pytest.raises(ValidationError) as refused:
        services.contacts.create(
            ContactData(name="Ohne Grundlage", volunteer=VolunteerProfile(tasks=["Fahrdienst"]))
        )
    assert "Rechtsgrundlage" in refused.value.errors["volunteer"]
    assert services.contacts.count() == 0


def test_overlapping_times_and_reversed_times_are_refused(services):
    profile = VolunteerProfile(
        availability=[slot(TUESDAY, (14,), (18,)), slot(TUESDAY, (17,), (19,))]
    )
    with pytest.raises(ValidationError) as refused:
        person(services, "Doppelt", profile)
    message = refused.value.errors["volunteer"]
    assert "Dienstag" in message and "überschneiden" in message
    assert "14:00–18:00" in message and "17:00–19:00" in message

    with pytest.raises(ValidationError) as refused:
        person(services, "Verdreht", VolunteerProfile(availability=[slot(0, (12,), (9,))]))
    assert "Montag" in refused.value.errors["volunteer"]
    # Touching ranges (until 14:00, from 14:00) do not overlap.
    person(
        services,
        "Anschluss",
        VolunteerProfile(availability=[slot(0, (9,), (14,)), slot(0, (14,), (16,))]),
    )


def test_totals_follow_the_helpers_plus_those_without_a_name(services):
    anna = person(services, "Anna Test", VolunteerProfile())
    bilal = person(services, "Bilal Test", VolunteerProfile())
    activity_id = activity(
        services,
        [HelperHours(anna, 2.5), HelperHours(bilal, 1.25)],
        extra_volunteers=2,
        extra_volunteer_hours=3.0,
        # Typed totals are replaced by what the list gives.
        volunteers_count=99,
        volunteer_hours=99.0,
    )
    with services.database.session() as session:
        row = session.get(Activity, activity_id)
        assert (row.volunteers_count, row.volunteer_hours) == (4, 6.75)
        steps = session.scalars(
            select(ActivityHelper.quarter_hours).order_by(ActivityHelper.quarter_hours)
        )
        assert list(steps) == [5, 10]
    data = services.activities.get(activity_id)
    assert [(h.name, h.hours) for h in data.helpers] == [("Anna Test", 2.5), ("Bilal Test", 1.25)]
    assert (data.extra_volunteers, data.extra_volunteer_hours) == (2, 3.0)

    # Saved again unchanged, the totals stay; one helper less lowers them.
    data.helpers = data.helpers[:1]
    services.activities.update(data)
    again = services.activities.get(activity_id)
    assert (again.volunteers_count, again.volunteer_hours) == (3, 5.5)


def test_without_helpers_the_typed_totals_stay(services):
    activity_id = activity(services, volunteers_count=3, volunteer_hours=7.5)
    data = services.activities.get(activity_id)
    assert (data.volunteers_count, data.volunteer_hours, data.helpers) == (3, 7.5, [])
    assert (data.extra_volunteers, data.extra_volunteer_hours) == (0, 0.0)


def test_hours_beyond_the_activity_or_not_in_quarters_are_refused(services):
    anna = person(services, "Anna Test", VolunteerProfile())
    with pytest.raises(ValidationError) as refused:
        activity(services, [HelperHours(anna, 4.0)])
    message = refused.value.errors["helpers"]
    assert "Anna Test" in message and "4" in message and "3" in message
    assert "14:00–17:00" in message
    with pytest.raises(ValidationError) as refused:
        activity(services, [HelperHours(anna, 1.1)])
    assert "Viertelstunden" in refused.value.errors["helpers"]
    with pytest.raises(ValidationError) as refused:
        activity(services, [HelperHours(anna, 2.0), HelperHours(anna, 1.0)])
    assert "zweimal" in refused.value.errors["helpers"]
    assert services.activities.count() == 0


def test_a_helper_without_legal_basis_is_refused(services):
    nobody = person(services, "Nur Name", basis=None)
    with pytest.raises(ValidationError) as refused:
        activity(services, [HelperHours(nobody, 1.0)])
    message = refused.value.errors["helpers"]
    assert "Nur Name" in message and "Rechtsgrundlage" in message
    assert services.activities.count() == 0


def test_a_withdrawn_consent_keeps_the_hours_without_her_name(services):
    anna = person(services, "Anna Test", VolunteerProfile(languages=[SpokenLanguage("ar")]))
    bilal = person(services, "Bilal Test", VolunteerProfile(languages=[SpokenLanguage("ar")]))
    first = activity(services, [HelperHours(anna, 2.0), HelperHours(bilal, 3.0)])
    second = activity(services, [HelperHours(bilal, 1.5)], day=date(LAST_YEAR, 4, 4))
    opened_before = services.activities.get(first)

    services.contacts.withdraw_consent(bilal, date.today())

    data = services.activities.get(first)
    assert [h.name for h in data.helpers] == ["Anna Test"]
    assert (data.volunteers_count, data.volunteer_hours) == (2, 5.0)
    assert (data.extra_volunteers, data.extra_volunteer_hours) == (1, 3.0)
    alone = services.activities.get(second)
    assert (alone.helpers, alone.volunteers_count, alone.volunteer_hours) == ([], 1, 1.5)
    # Her name has left the lists, her hours stand in the year's totals.
    assert [row.name for row in services.volunteers.year_hours(LAST_YEAR)] == ["Anna Test"]
    assert [m.name for m in services.volunteers.find(HelpWanted(language="ar"))] == ["Anna Test"]
    assert services.contacts.get(bilal).volunteer is None
    assert services.activities.totals()[2] == 6.5
    # A form opened before the withdrawal cannot write her back.
    with pytest.raises(ValidationError):
        services.activities.update(opened_before)


def crafted(services):
    """Five people; the comments say which searches must find whom."""
    people = {
        "Dari, Tuesday afternoon": VolunteerProfile(
            tasks=["Dolmetschen"],
            languages=[SpokenLanguage("prs", LanguageLevel.NATIVE)],
            availability=[slot(TUESDAY, (14,), (18,))],
        ),
        "Dari, Tuesday morning": VolunteerProfile(
            tasks=["Fahrdienst"],
            languages=[SpokenLanguage("prs", LanguageLevel.FLUENT)],
            availability=[slot(TUESDAY, (8,), (12,))],
        ),
        "Dari, Thursday": VolunteerProfile(
            tasks=["Hausaufgabenhilfe"],
            languages=[SpokenLanguage("prs")],
            availability=[slot(3, (14,), (18,))],
        ),
        "Farsi, Tuesday afternoon": VolunteerProfile(
            tasks=["Dolmetschen"],
            languages=[SpokenLanguage("fa")],
            availability=[slot(TUESDAY, (13,), (16,))],
        ),
        "Arabic, no times": VolunteerProfile(
            tasks=["Begleitung zu Ämtern"], topics=["Kochen"], languages=[SpokenLanguage("ar")]
        ),
    }
    ids = {name: person(services, name, profile) for name, profile in people.items()}
    # A person who speaks Dari, but whose consent was withdrawn: never found.
    gone = person(services, "Dari, withdrawn", people["Dari, Tuesday afternoon"])
    services.contacts.withdraw_consent(gone, date.today())
    # An organisation and a person without a profile are no volunteers.
    services.contacts.create(ContactData(name="Verein", kind=ContactKind.ORGANISATION))
    person(services, "No profile")
    return ids


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (
            HelpWanted(language="prs"),
            {"Dari, Tuesday afternoon", "Dari, Tuesday morning", "Dari, Thursday"},
        ),
        (
            HelpWanted(language="prs", weekday=TUESDAY),
            {"Dari, Tuesday afternoon", "Dari, Tuesday morning"},
        ),
        (
            HelpWanted(language="prs", weekday=TUESDAY, starts=time(12), ends=time(18)),
            {"Dari, Tuesday afternoon"},
        ),
        (
            HelpWanted(weekday=TUESDAY, starts=time(12), ends=time(18)),
            {"Dari, Tuesday afternoon", "Farsi, Tuesday afternoon"},
        ),
        # A range ending at 12:00 does not share time with an afternoon from 12:00.
        (
            HelpWanted(weekday=TUESDAY, starts=time(12)),
            {"Dari, Tuesday afternoon", "Farsi, Tuesday afternoon"},
        ),
        (HelpWanted(skill="dolmetsch"), {"Dari, Tuesday afternoon", "Farsi, Tuesday afternoon"}),
        (HelpWanted(skill="amtern"), {"Arabic, no times"}),
        (HelpWanted(skill="kochen"), {"Arabic, no times"}),
        (
            HelpWanted(skill="dolmetschen", language="prs", weekday=TUESDAY),
            {"Dari, Tuesday afternoon"},
        ),
        (HelpWanted(weekday=6), set()),
        (HelpWanted(language="uk"), set()),
        (
            HelpWanted(),
            {
                "Dari, Tuesday afternoon",
                "Dari, Tuesday morning",
                "Dari, Thursday",
                "Farsi, Tuesday afternoon",
                "Arabic, no times",
            },
        ),
    ],
)
def test_the_search_finds_exactly_the_expected_people(services, wanted, expected):
    ids = crafted(services)
    found = services.volunteers.find(wanted)
    assert {m.name for m in found} == expected
    assert all(ids[m.name] == m.contact_id for m in found)
    names = [m.name for m in found]
    assert names == sorted(names, key=str.casefold)


def test_year_hours_count_only_that_year(services):
    anna = person(services, "Anna Test", VolunteerProfile())
    activity(services, [HelperHours(anna, 2.0)], day=date(LAST_YEAR, 12, 31))
    activity(services, [HelperHours(anna, 1.0)], day=date(LAST_YEAR, 1, 1))
    activity(services, [HelperHours(anna, 3.0)], day=date(LAST_YEAR - 1, 12, 31))
    (row,) = services.volunteers.year_hours(LAST_YEAR)
    assert (row.name, row.hours, row.activities) == ("Anna Test", 3.0, 2)
    assert services.volunteers.years_helped(anna) == [LAST_YEAR, LAST_YEAR - 1]
    found = services.volunteers.find(HelpWanted(), year=LAST_YEAR - 1)
    assert [(m.name, m.hours) for m in found] == [("Anna Test", 3.0)]


def test_a_future_training_is_refused(services):
    profile = VolunteerProfile(trainings=[Training("Kurs", date.today() + timedelta(days=3))])
    with pytest.raises(ValidationError) as refused:
        person(services, "Zukunft", profile)
    assert "Kurs" in refused.value.errors["volunteer"]


def test_the_demo_village_has_volunteers_to_find(database):
    from gwa_desktop.services.demo_data import load_demo_data

    load_demo_data(database)
    services = Services.on(database)
    afternoon = HelpWanted(language="prs", weekday=TUESDAY, starts=time(12), ends=time(18))
    assert [m.name for m in services.volunteers.find(afternoon)] == ["Mariam Rahimi"]
    assert len(services.volunteers.find(HelpWanted())) == 5
