"""Demo village and bulk data: plausible, valid, refused on a database in use, searchable."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from service_builders import person, sql

from gwa_desktop.domain.enums import ContactKind, OfferStatus, Recurrence
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.services.demo_data import DatabaseNotEmptyError, generate_bulk_data, load_demo_data
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.storage.database import open_database


def _all_ids(service) -> list[int]:
    return [row[0] for row in service.list_rows(ListQuery(), 0, 100_000)]


def _counts(contacts, offers, activities) -> tuple[int, int, int]:
    return contacts.count(), offers.count(), activities.count()


def test_demo_fills_an_empty_database_with_a_small_village(
    database, contacts, offers, activities, settings
):
    summary = load_demo_data(database)

    assert (summary.contacts, summary.offers, summary.activities) == _counts(
        contacts, offers, activities
    )
    assert 25 <= summary.contacts <= 35
    assert 12 <= summary.offers <= 18
    assert 50 <= summary.activities <= 70
    assert summary.settings_written
    assert settings.get().name == "Gemeinde Lindenbach"
    assert "60" in str(summary)


def test_every_demo_offer_has_german_text_and_several_languages_exist(database, offers):
    load_demo_data(database)

    all_offers = offers.get_many()
    assert all(o.text_in("de") and o.text_in("de").title for o in all_offers)
    text_languages = {t.language for o in all_offers for t in o.texts}
    assert {"de", "ar", "uk", "fa", "prs", "tr", "en", "ru", "ti", "ku"} <= text_languages
    assert {o.recurrence for o in all_offers} == set(Recurrence)
    assert {OfferStatus.ACTIVE, OfferStatus.PAUSED, OfferStatus.ENDED, OfferStatus.PLANNED} <= {
        o.status for o in all_offers
    }
    assert any(o.cost_cents for o in all_offers) and any(o.cost_cents == 0 for o in all_offers)
    assert all(o.provider_id and o.contact_person_ids for o in all_offers)


def test_demo_contacts_respect_gdpr_and_are_invented(database, contacts):
    load_demo_data(database)

    people = [contacts.get(i) for i in _all_ids(contacts)]
    without_basis = [c for c in people if c.kind is ContactKind.PERSON and not c.has_legal_basis]
    assert len(without_basis) >= 2
    assert all(c.organisation_id and not c.personal_fields_in_use() for c in without_basis)
    assert sum(bool(c.consents) for c in people) >= 3
    assert all(c.phone.startswith("0123 ") for c in people if c.phone)
    assert all(c.email.endswith("example.org") for c in people if c.email)
    mediator_languages = {code for c in people for code in c.languages}
    assert {"ar", "prs", "fa", "uk", "ru", "tr", "ti", "ku"} <= mediator_languages
    assert any("Kita-Anmeldung" in c.topics for c in people if c.kind is ContactKind.PERSON)


def test_demo_activities_lie_in_the_last_year_and_pass_validation(database, activities):
    load_demo_data(database)

    today = date.today()
    for activity_id in _all_ids(activities):
        data = activities.get(activity_id)
        activities.validate(data)
        assert today - timedelta(days=366) <= data.occurred_on < today
        assert data.participants_total > 0
    kinds = {row[2] for row in activities.list_rows(ListQuery(), 0, 1000)}
    assert len(kinds) == 5


def test_demo_is_the_same_every_time(database, template_database, tmp_path, activities):
    load_demo_data(database)
    copy = tmp_path / "second.sqlite"
    shutil.copy(template_database, copy)
    other = open_database(str(copy))
    try:
        load_demo_data(other)
        statement = "SELECT occurred_on, title, participants_total, participants_women, age_under_18 FROM activities ORDER BY id"
        assert sql(database, statement) == sql(other, statement)
    finally:
        other.close()


def test_second_load_is_refused_and_changes_nothing(database, contacts, offers, activities):
    load_demo_data(database)
    before = _counts(contacts, offers, activities)

    with pytest.raises(DatabaseNotEmptyError) as refused:
        load_demo_data(database)

    assert isinstance(refused.value, ValidationError)
    assert refused.value.errors[""] and str(refused.value) == refused.value.errors[""]
    assert _counts(contacts, offers, activities) == before


def test_one_own_contact_is_enough_to_refuse_and_own_settings_are_kept(
    database, contacts, settings
):
    person(contacts, "Erika Beispiel")
    settings.save(MunicipalityData(name="Gemeinde Eigenheim"))

    with pytest.raises(DatabaseNotEmptyError):
        load_demo_data(database)
    assert contacts.count() == 1
    assert settings.get().name == "Gemeinde Eigenheim"


def test_demo_keeps_settings_the_user_already_entered(database, settings):
    settings.save(MunicipalityData(name="Gemeinde Eigenheim", officer_name="Eva Muster"))

    summary = load_demo_data(database)

    assert not summary.settings_written
    assert settings.get().officer_name == "Eva Muster"


def test_bulk_data_is_searchable_through_the_services(database, contacts, offers, activities):
    summary = generate_bulk_data(database, contacts=50, activities=300, offers=20)

    assert (summary.contacts, summary.offers, summary.activities) == (50, 20, 300)
    assert _counts(contacts, offers, activities) == (50, 20, 300)
    name = sql(database, "SELECT name FROM contacts WHERE kind = 'person' ORDER BY id LIMIT 1")[0][
        0
    ]
    found = contacts.list_rows(ListQuery(text=name.split()[1].upper()))
    assert name in [row[1] for row in found]
    title = sql(
        database, "SELECT title FROM offer_texts WHERE language = 'de' ORDER BY id LIMIT 1"
    )[0][0]
    assert title in [row[1] for row in offers.list_rows(ListQuery(text=title.casefold()))]
    assert activities.count(ListQuery(text="netzwerktreffen")) > 0
    assert activities.totals()[0] == 300


def test_bulk_rows_pass_validation_and_match_what_the_services_write(
    database, contacts, offers, activities
):
    generate_bulk_data(database, contacts=50, activities=300, offers=20, seed=7)

    for service, table in ((contacts, "contacts"), (offers, "offers"), (activities, "activities")):
        ids = _all_ids(service)
        for record_id in ids:
            service.validate(service.get(record_id))
        for record_id in ids[:: max(1, len(ids) // 15)]:
            stored = sql(database, f"SELECT search_text FROM {table} WHERE id = :id", id=record_id)
            service.update(service.get(record_id))
            assert (
                sql(database, f"SELECT search_text FROM {table} WHERE id = :id", id=record_id)
                == stored
            )
