"""Inputs a hurried user produces: upper-case codes, stray commas, changing kinds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offers import OfferService


def test_upper_case_german_text_language_counts_as_german(database):
    offers = OfferService(database)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("DE", "Spieletreff")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 2, 3),
        )
    )
    assert offers.get(offer_id).text_in("de").title == "Spieletreff"


def test_blank_language_entries_are_ignored_not_refused(database):
    offers = OfferService(database)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Lesepaten")],
            category=OfferCategory.EDUCATION,
            start_date=date(2026, 2, 3),
            languages=["ar", " ", ""],
        )
    )
    assert offers.get(offer_id).languages == ["ar"]


def test_organisation_with_members_cannot_become_a_person(database):
    contacts = ContactService(database)
    club = contacts.create(ContactData(name="Sportverein", kind=ContactKind.ORGANISATION))
    contacts.create(ContactData(name="Trainerin", organisation_id=club))
    with pytest.raises(ValidationError) as caught:
        contacts.update(replace(contacts.get(club), kind=ContactKind.PERSON))
    assert set(caught.value.errors) == {"kind"}
    assert contacts.get(club).kind is ContactKind.ORGANISATION


def test_web_address_without_scheme_gets_https(database):
    offers = OfferService(database)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Frauencafé")],
            category=OfferCategory.FAMILY,
            start_date=date(2026, 2, 3),
            web_url=" www.frauencafe.example.org ",
        )
    )
    assert offers.get(offer_id).web_url == "https://www.frauencafe.example.org"
    with pytest.raises(ValidationError) as caught:
        offers.create(
            OfferData(
                texts=[OfferTextData("de", "X")],
                category=OfferCategory.FAMILY,
                start_date=date(2026, 2, 3),
                web_url="kein link",
            )
        )
    assert set(caught.value.errors) == {"web_url"}


def test_activity_dated_years_ahead_is_caught_as_a_typo(database):
    activities = ActivityService(database)
    with pytest.raises(ValidationError) as caught:
        activities.create(
            ActivityData(
                occurred_on=date(date.today().year + 4, 1, 1),
                kind=ActivityKind.EVENT,
                title="Dorffest",
            )
        )
    assert set(caught.value.errors) == {"occurred_on"}
    assert activities.create(
        ActivityData(occurred_on=date.today(), kind=ActivityKind.EVENT, title="Dorffest")
    )


def test_text_longer_than_its_column_is_refused_on_every_database(database):
    contacts = ContactService(database)
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(
                name="Kita Regenbogen",
                kind=ContactKind.ORGANISATION,
                # Longer than the 100 characters of contacts.city (a postcode has its own
                # check since issue 10, item 11, so it cannot show the column limit).
                city="Neustadt an der Weinstraße, Ortsteil Hambach, " * 3,
            )
        )
    assert set(caught.value.errors) == {"city"} and "100" in caught.value.errors["city"]
    with pytest.raises(ValidationError) as caught:
        OfferService(database).create(
            OfferData(
                texts=[OfferTextData("de", "Sprachcafé " * 30)],
                category=OfferCategory.LANGUAGE,
                start_date=date(2026, 2, 3),
            )
        )
    assert set(caught.value.errors) == {"texts"}
