"""Merging two contacts keeps every link of both, logs no personal value, refuses nonsense."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ContactRole, LegalBasis
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.services import merge as merge_module
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.duplicates import CONTACTS, contact_pairs, mark_distinct
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.merge import MergeService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.public_contacts import PrintChoice, PublicContactService
from tests.services.service_builders import activity_data, offer_data, organisation, person, sql


def _two_annas(contacts):
    keep = person(
        contacts,
        "Anna Müller",
        phone="0151 1111111",
        languages=["de"],
        tags=["Ehrenamt"],
        role=ContactRole.VOLUNTEER,
    )
    other = contacts.create(
        ContactData(
            name="Anna Mueller",
            email="anna@example.org",
            street="Am Bach 3",
            languages=["ar", "de"],
            tags=["Ehrenamt", "Sprache"],
            topics=["Elterncafé"],
            role=ContactRole.LANGUAGE_MEDIATOR,
            legal_basis=LegalBasis.CONSENT,
            consents=[
                ConsentData(
                    given_on=date(2025, 5, 1), purpose="Sprachmittlung", names_publicly=True
                )
            ],
        )
    )
    return keep, other


def test_merge_keeps_every_link_of_both_persons(backend_database):
    contacts = ContactService(backend_database)
    offers = OfferService(backend_database)
    keep, other = _two_annas(contacts)
    both = offers.create(offer_data("Sprachcafé", contact_person_ids=[keep, other]))
    only_other = offers.create(offer_data("Elterncafé", contact_person_ids=[other]))
    PublicContactService(backend_database).choose(
        only_other, PrintChoice(other, PrintedNumber.CONTACT)
    )
    mark_distinct(backend_database, CONTACTS, keep, other)  # the officer changed her mind
    consent_id = contacts.get(other).consents[0].id

    result = MergeService(backend_database).merge(keep, other, ["email", "street"])

    assert result.kept_id == keep and result.fields_taken == ("email", "street")
    merged = contacts.get(keep)
    assert (merged.name, merged.phone, merged.email, merged.street) == (
        "Anna Müller",
        "0151 1111111",
        "anna@example.org",
        "Am Bach 3",
    )
    assert merged.legal_basis is LegalBasis.PUBLIC_TASK
    assert merged.roles == [ContactRole.VOLUNTEER, ContactRole.LANGUAGE_MEDIATOR]
    assert merged.languages == ["de", "ar"]
    assert merged.tags == ["Ehrenamt", "Sprache"] and merged.topics == ["Elterncafé"]
    # The consent is the same record, with its id: it proves when it was given.
    assert [(c.id, c.purpose, c.names_publicly) for c in merged.consents] == [
        (consent_id, "Sprachmittlung", True)
    ]
    assert offers.get(both).contact_person_ids == [keep]
    assert offers.get(only_other).contact_person_ids == [keep]
    choice = PublicContactService(backend_database).choice(only_other)
    assert (choice.contact_id, choice.number) == (keep, PrintedNumber.CONTACT)
    with pytest.raises(NotFoundError):
        contacts.get(other)
    assert sql(backend_database, "SELECT count(*) FROM contact_non_duplicates") == [(0,)]
    assert sql(backend_database, "SELECT count(*) FROM contacts") == [(1,)]


def test_merging_organisations_keeps_members_activities_and_offers(backend_database):
    contacts = ContactService(backend_database)
    keep = organisation(contacts, "Tafel Musterstadt e.V.")
    other = organisation(contacts, "Tafel Musterstadt", phone="06221 12345")
    member = person(contacts, "Karl Huber", organisation_id=other)
    activities = ActivityService(backend_database)
    with_both = activities.create(activity_data(organisation_ids=[keep, other]))
    with_other = activities.create(activity_data("Ausgabe", organisation_ids=[other]))
    offers = OfferService(backend_database)
    provided = offers.create(offer_data(provider_id=other))
    offer_version = offers.get(provided).version

    MergeService(backend_database).merge(keep, other, ["phone"])

    assert contacts.get(member).organisation_id == keep
    assert contacts.get(keep).phone == "06221 12345"
    assert activities.get(with_both).organisation_ids == [keep]
    assert activities.get(with_other).organisation_ids == [keep]
    saved = offers.get(provided)
    assert saved.provider_id == keep
    # A form opened on the offer before the merge cannot save the removed provider back.
    assert saved.version != offer_version


def test_the_search_finds_the_merged_contact_by_what_it_took(backend_database):
    contacts = ContactService(backend_database)
    keep, other = _two_annas(contacts)
    MergeService(backend_database).merge(keep, other, ["email"])
    found = contacts.list_rows(ListQuery(text="anna@example"))
    assert [row[0] for row in found] == [keep]
    assert contacts.list_rows(ListQuery(text="Mueller")) == contacts.list_rows(
        ListQuery(text="Müller")
    )


def test_the_log_names_ids_fields_and_time_but_no_personal_value(database, contacts):
    keep, other = _two_annas(contacts)
    MergeService(database).merge(keep, other, ["email", "street"])
    rows = sql(database, "SELECT * FROM contact_merges")
    assert len(rows) == 1
    text = " ".join(str(value) for value in rows[0])
    assert str(keep) in text and str(other) in text and "email,street" in text
    for value in ("Anna", "Mueller", "Müller", "anna@example.org", "Bach", "0151"):
        assert value not in text
    entry = MergeService(database).log()[0]
    assert (entry.kept_id, entry.removed_id, entry.fields_taken) == (keep, other, "email,street")
    assert entry.merged_at is not None


def test_refuses_merging_into_itself_or_across_kinds(backend_database):
    contacts = ContactService(backend_database)
    anna = person(contacts, "Anna Müller")
    club = organisation(contacts, "Anna Müller")
    service = MergeService(backend_database)
    with pytest.raises(ValidationError, match="nicht mit sich selbst"):
        service.merge(anna, anna)
    with pytest.raises(ValidationError, match="Person und eine Organisation"):
        service.merge(anna, club)
    with pytest.raises(ValidationError, match="Unbekanntes Feld"):
        service.merge(anna, club, ["shoe_size"])
    with pytest.raises(NotFoundError):
        service.merge(anna, 999)
    assert sql(backend_database, "SELECT count(*) FROM contacts") == [(2,)]


def test_a_merge_whose_result_would_break_the_gdpr_rule_is_refused_unchanged(database, contacts):
    """Taking the other's missing basis onto a contact with a phone number is refused."""
    keep = person(contacts, "Anna Müller", phone="0151 1111111")
    other = contacts.create(ContactData(name="Anna Mueller"))
    with pytest.raises(ValidationError):
        MergeService(database).merge(keep, other, ["legal_basis"])
    assert sql(database, "SELECT count(*) FROM contacts") == [(2,)]


def test_a_failure_half_way_leaves_the_database_unchanged(backend_database, monkeypatch):
    database = backend_database
    contacts, offers = ContactService(database), OfferService(database)
    keep, other = _two_annas(contacts)
    offer = offers.create(offer_data(contact_person_ids=[other]))
    before = {
        table: sql(database, f"SELECT * FROM {table} ORDER BY 1")
        for table in ("contacts", "offer_contacts", "consent_records", "contact_languages")
    }

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    # Fails after the links moved and the other contact was deleted, before the commit.
    monkeypatch.setattr(merge_module, "purge", broken)
    with pytest.raises(RuntimeError):
        MergeService(database).merge(keep, other, ["email"])
    after = {table: sql(database, f"SELECT * FROM {table} ORDER BY 1") for table in before}
    assert after == before
    assert offers.get(offer).contact_person_ids == [other]
    assert sql(database, "SELECT count(*) FROM contact_merges") == [(0,)]


def test_a_form_opened_before_the_merge_cannot_save_the_removed_contact_back(
    database, contacts, offers
):
    keep, other = _two_annas(contacts)
    offer = offers.create(offer_data(contact_person_ids=[other]))
    opened = offers.get(offer)
    MergeService(database).merge(keep, other)
    opened.place_name = "Rathaus"
    with pytest.raises(ConflictError):
        offers.update(opened)


def test_merged_pair_is_no_longer_a_candidate(database, contacts):
    keep, other = _two_annas(contacts)
    assert [(p.first_id, p.second_id) for p in contact_pairs(database)] == [(keep, other)]
    MergeService(database).merge(keep, other)
    assert contact_pairs(database) == []


def test_gwa_merge_contacts(database, database_path, contacts, capsys):
    keep, other = _two_annas(contacts)
    args = ["--database", str(database_path), "merge-contacts"]
    assert main([*args, str(keep), str(keep)]) == 1
    assert "nicht mit sich selbst" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*args, str(keep), str(other), "--take", "shoe_size=other"])
    assert (
        main([*args, str(keep), str(other), "--take", "email=other", "--take", "phone=keep"]) == 0
    )
    assert f"Kontakt {other} wurde mit {keep} zusammengeführt" in capsys.readouterr().out
    merged = contacts.get(keep)
    assert (merged.email, merged.phone) == ("anna@example.org", "0151 1111111")
    assert sql(database, "SELECT fields_taken FROM contact_merges") == [("email",)]
    assert main(["--database", str(database_path), "merge-log", "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert (entry["kept_id"], entry["removed_id"], entry["fields_taken"]) == (
        keep,
        other,
        ["email"],
    )


def test_merge_screen_rows_show_both_values(database, contacts):
    club = organisation(contacts, "Tafel")
    keep = person(contacts, "Anna Müller", organisation_id=club, legal_basis=LegalBasis.CONTRACT)
    other = person(contacts, "Anna Mueller", email="anna@example.org")
    rows = {row.field: row for row in MergeService(database).choices(keep, other)}
    assert (rows["name"].keep_text, rows["name"].other_text) == ("Anna Müller", "Anna Mueller")
    assert (rows["organisation_id"].keep_text, rows["organisation_id"].other_text) == ("Tafel", "")
    assert rows["legal_basis"].keep_text == LegalBasis.CONTRACT.label
    assert rows["email"].differs and not rows["phone"].differs
    assert MergeService(database).suggested(keep, other) == ["email"]


def test_a_contact_saved_while_the_merge_was_prepared_refuses_it(database, contacts, monkeypatch):
    keep, other = _two_annas(contacts)
    prepare = merge_module._merged

    def saved_meanwhile(*args):
        changed = contacts.get(other)
        changed.notes = "inzwischen geändert"
        contacts.update(changed)
        return prepare(*args)

    monkeypatch.setattr(merge_module, "_merged", saved_meanwhile)
    with pytest.raises(ConflictError):
        MergeService(database).merge(keep, other)
    assert contacts.get(other).notes == "inzwischen geändert"
    assert sql(database, "SELECT count(*) FROM contacts") == [(2,)]


def test_the_merge_screen_shows_what_both_bring(database, contacts):
    keep, other = _two_annas(contacts)
    rows = {row.field: row for row in MergeService(database).joined(keep, other)}
    assert (rows["languages"].keep_text, rows["languages"].other_text) == ("de", "ar, de")
    assert rows["roles"].other_text == ContactRole.LANGUAGE_MEDIATOR.label
    assert rows["consents"].keep_text == ""
    assert rows["consents"].other_text == "2025-05-01 Sprachmittlung"
    assert rows["tags"].other_text == "Ehrenamt, Sprache"
