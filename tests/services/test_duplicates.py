"""Duplicate detection finds the pairs its rules describe on crafted data, and no others."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind, OfferStatus
from gwa_desktop.services import duplicates
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offers import OfferService
from tests.services.service_builders import offer_data, organisation, person, sql


def _pairs(database, threshold=duplicates.DEFAULT_THRESHOLD):
    return {
        (p.first_id, p.second_id): p.reasons for p in duplicates.contact_pairs(database, threshold)
    }


def test_finds_similar_names_same_email_and_phone_with_address_and_nothing_else(
    backend_database,
):
    contacts = ContactService(backend_database)
    anna = person(contacts, "Anna Müller")
    mueller = person(contacts, "Müller, Anna")  # another spelling and word order
    typo = person(contacts, "Ana Muller")
    person(contacts, "Hanna Möller")  # a different person: 87 % alike
    jonas = person(contacts, "Jonas Weber", email="JW@example.org")
    initial = person(contacts, "J. Weber", email="jw@example.org ")
    karl = person(contacts, "Karl Huber", phone="+49 151 1234567", street="Am Bach 3")
    petra = person(contacts, "Petra Huber", phone="0151 1234567", street="Am Bach 3")
    person(contacts, "Olga Sommer", phone="0151 7654321")
    person(contacts, "Ivan Winter", phone="0151 7654321")  # one shared number is not enough
    organisation(contacts, "Anna Müller")  # an organisation never pairs with a person
    found = _pairs(backend_database)
    assert found == {
        (anna, mueller): ("name",),
        (anna, typo): ("name",),
        (mueller, typo): ("name",),
        (jonas, initial): ("email",),
        (karl, petra): ("phone", "address"),
    }
    scores = {
        (p.first_id, p.second_id): p.score for p in duplicates.contact_pairs(backend_database)
    }
    assert scores[(anna, mueller)] == 80 and scores[(karl, petra)] == 80
    # A lower threshold lets a shared number alone through; the kinds still stay apart.
    lower = _pairs(backend_database, threshold=60)
    assert len(lower) == len(found) + 1


def test_organisations_pair_with_organisations(database, contacts):
    first = organisation(contacts, "Tafel Musterstadt e.V.")
    second = organisation(contacts, "Tafel Musterstadt eV")
    person(contacts, "Tafel Musterstadt e.V.")
    assert _pairs(database) == {(first, second): ("name",)}


def test_a_pair_declared_distinct_is_no_longer_listed_until_undone(backend_database):
    contacts = ContactService(backend_database)
    first = person(contacts, "Sabine Schulz")
    second = person(contacts, "Sabine Schultz")
    assert (first, second) in _pairs(backend_database)
    duplicates.mark_distinct(backend_database, duplicates.CONTACTS, second, first)
    duplicates.mark_distinct(backend_database, duplicates.CONTACTS, first, second)  # twice: once
    assert _pairs(backend_database) == {}
    duplicates.unmark_distinct(backend_database, duplicates.CONTACTS, second, first)
    assert (first, second) in _pairs(backend_database)


def test_deleting_a_contact_takes_its_distinct_pairs_along(database, contacts):
    first = person(contacts, "Sabine Schulz")
    second = person(contacts, "Sabine Schultz")
    duplicates.mark_distinct(database, duplicates.CONTACTS, first, second)
    contacts.delete([second])
    assert sql(database, "SELECT count(*) FROM contact_non_duplicates") == [(0,)]


def test_marking_refuses_a_record_paired_with_itself(database, contacts):
    first = person(contacts, "Sabine Schulz")
    with pytest.raises(ValidationError, match="Duplikat von sich selbst"):
        duplicates.mark_distinct(database, duplicates.CONTACTS, first, first)


def test_duplicate_offers_share_title_place_and_weekday(backend_database):
    offers = OfferService(backend_database)
    tuesday = date(2025, 1, 7)
    first = offers.create(offer_data("Sprachcafé", place_name="Rathaus", start_date=tuesday))
    second = offers.create(offer_data("Sprachcafe", place_name="rathaus", start_date=tuesday))
    offers.create(offer_data("Sprachcafé", place_name="Rathaus", start_date=date(2025, 1, 8)))
    offers.create(offer_data("Sprachcafé", place_name="Schule", start_date=tuesday))
    offers.create(
        offer_data("Sprachcafé", place_name="Rathaus", start_date=tuesday, status=OfferStatus.ENDED)
    )
    pairs = duplicates.offer_pairs(backend_database)
    assert [(p.first_id, p.second_id, p.score) for p in pairs] == [(first, second, 100)]
    duplicates.mark_distinct(backend_database, duplicates.OFFERS, first, second)
    assert duplicates.offer_pairs(backend_database) == []


def test_gwa_duplicates_lists_pairs_with_score_as_json(database, database_path, contacts, capsys):
    first = person(contacts, "Anna Müller")
    second = person(contacts, "Anna Mueller")
    contacts.create(ContactData(name="Zoe Zander", kind=ContactKind.PERSON))
    assert main(["--database", str(database_path), "duplicates", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "entity": "contacts",
            "first_id": first,
            "second_id": second,
            "score": 80,
            "reasons": ["name"],
        }
    ]
    assert main(["--database", str(database_path), "duplicates"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"80\tKontakte\t{first} Anna Müller\t{second} Anna Mueller\tähnlicher Name"
    ]


def test_gwa_not_duplicate_takes_a_pair_off_the_list(database, database_path, contacts, capsys):
    first = person(contacts, "Anna Müller")
    second = person(contacts, "Anna Mueller")
    args = ["--database", str(database_path)]
    assert main([*args, "not-duplicate", "contacts", str(first), str(second)]) == 0
    assert main([*args, "duplicates", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*args, "not-duplicate", "contacts", str(first), "999"]) == 1
    assert "999" in capsys.readouterr().err
