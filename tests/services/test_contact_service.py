"""ContactService: storing, finding, listing and deleting people and organisations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from service_builders import activity_data, offer_data, organisation, person, sql

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ConsentMethod, ContactKind, ContactRole, LegalBasis
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery


def gdpr_message() -> str:
    """Translated when called: module-level `_()` would run before the catalogs are compiled."""
    return _(
        "Without consent or another legal basis only the name and the organisation "
        "of a private person may be stored (GDPR Art. 6). Record a consent or "
        "choose a legal basis, or leave the other fields empty."
    )


def names(service, text="", **query) -> list[str]:
    return [row[1] for row in service.list_rows(ListQuery(text=text, **query))]


def consent(**values) -> ConsentData:
    values.setdefault("given_on", date(2025, 2, 1))
    values.setdefault("purpose", "Einladungen zum Sprachcafé")
    return ConsentData(**values)


# --- create, read, update -------------------------------------------------------------


def test_create_and_get_round_trip_normalises_lists(contacts):
    org_id = organisation(contacts, "Caritas Neustadt")
    contact_id = contacts.create(
        ContactData(
            name="  Anna Müller ",
            organisation_id=org_id,
            role=ContactRole.LANGUAGE_MEDIATOR,
            phone=" 06221 12345 ",
            email="anna@example.org",
            street="Hauptstraße 1",
            postal_code="69117",
            city="Heidelberg",
            notes="Dolmetscht dienstags",
            languages=[" AR", "de", "ar"],
            topics=["Kita", "kita", " Schule "],
            tags=["Ehrenamt", "Ehrenamt"],
            legal_basis=LegalBasis.CONSENT,
            consents=[
                consent(method=ConsentMethod.ELECTRONIC, form_version="v2", form_language="ar")
            ],
        )
    )

    stored = contacts.get(contact_id)

    assert stored.id == contact_id
    assert stored.name == "Anna Müller"
    assert stored.phone == "06221 12345"
    assert stored.organisation_id == org_id
    assert stored.role is ContactRole.LANGUAGE_MEDIATOR
    assert stored.languages == ["ar", "de"]
    assert stored.topics == ["Kita", "Schule"]
    assert stored.tags == ["Ehrenamt"]
    assert stored.legal_basis is LegalBasis.CONSENT
    assert len(stored.consents) == 1
    assert stored.consents[0].method is ConsentMethod.ELECTRONIC
    assert stored.consents[0].form_language == "ar"
    assert stored.consents[0].is_active


def test_update_replaces_fields_and_link_rows(contacts, database):
    contact_id = person(
        contacts, "Peter Schmidt", languages=["ar", "de"], topics=["Kita"], tags=["Sport"]
    )
    data = contacts.get(contact_id)
    data.name = "Peter Schmidt-Yilmaz"
    data.languages = [
        "de",
        "ar",
        "tr",
    ]  # same codes again plus one: rows must be updated, not duplicated
    data.topics = ["Schule"]
    data.tags = []

    contacts.update(data)

    stored = contacts.get(contact_id)
    assert stored.name == "Peter Schmidt-Yilmaz"
    assert stored.languages == ["de", "ar", "tr"]
    assert stored.topics == ["Schule"]
    assert stored.tags == []
    assert sql(
        database,
        "SELECT code, position FROM contact_languages WHERE contact_id = :id ORDER BY position",
        id=contact_id,
    ) == [
        ("de", 0),
        ("ar", 1),
        ("tr", 2),
    ]
    assert sql(
        database, "SELECT topic FROM contact_topics WHERE contact_id = :id", id=contact_id
    ) == [("Schule",)]
    assert sql(database, "SELECT * FROM contact_tags WHERE contact_id = :id", id=contact_id) == []
    assert names(contacts, "yilmaz") == ["Peter Schmidt-Yilmaz"]


def test_update_of_a_deleted_contact_raises_not_found(contacts):
    contact_id = person(contacts, "Weg")
    data = contacts.get(contact_id)
    contacts.delete([contact_id])

    with pytest.raises(NotFoundError):
        contacts.update(data)
    with pytest.raises(NotFoundError):
        contacts.get(contact_id)


def test_update_without_id_is_a_programming_error(contacts):
    with pytest.raises(ValueError):
        contacts.update(ContactData(name="Ohne Id"))


# --- search -----------------------------------------------------------------------------


@pytest.fixture
def network(contacts):
    caritas = organisation(contacts, "Caritas Neustadt", city="Neustadt")
    person(contacts, "Anna Müller", organisation_id=caritas, languages=["ar"], phone="0621 4711")
    person(contacts, "Anna Schmidt", languages=["prs"], topics=["Kita"], street="Hauptstraße 3")
    person(contacts, "Peter Müller", email="peter@example.org", tags=["Fahrdienst"])
    person(contacts, "Olga Kowalenko", languages=["uk"])
    return caritas


@pytest.mark.parametrize("typed", ["mü", "MÜ", "Mül", "müller"])
def test_search_ignores_case_of_umlauts(contacts, network, typed):
    assert names(contacts, typed) == ["Anna Müller", "Peter Müller"]


def test_search_folds_sharp_s(contacts, network):
    assert names(contacts, "HAUPTSTRASSE") == ["Anna Schmidt"]
    assert names(contacts, "hauptstraße") == ["Anna Schmidt"]


def test_search_needs_every_word_in_any_order(contacts, network):
    assert names(contacts, "anna") == ["Anna Müller", "Anna Schmidt"]
    assert names(contacts, "anna müller") == ["Anna Müller"]
    assert names(contacts, "  müller   anna ") == ["Anna Müller"]
    assert names(contacts, "anna kowalenko") == []


def test_search_by_organisation_name_finds_the_organisation_and_its_members(contacts, network):
    assert names(contacts, "caritas") == ["Anna Müller", "Caritas Neustadt"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("arab", ["Anna Müller"]),  # Arabic / Arabisch
        ("arabisch", ["Anna Müller"]),
        ("dari", ["Anna Schmidt"]),  # prs has its own name, not "Persisch"
        ("ukrain", ["Olga Kowalenko"]),
    ],
)
def test_search_by_language_name(contacts, network, typed, expected):
    assert names(contacts, typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4711", ["Anna Müller"]),
        ("peter@example", ["Peter Müller"]),
        ("kita", ["Anna Schmidt"]),
        ("fahrdienst", ["Peter Müller"]),
    ],
)
def test_search_by_phone_email_topic_and_tag(contacts, network, typed, expected):
    assert names(contacts, typed) == expected


def test_search_treats_like_wildcards_literally(contacts, network):
    assert names(contacts, "%") == []
    assert names(contacts, "_") == []
    assert contacts.count(ListQuery(text="%")) == 0


def test_empty_search_lists_everyone(contacts, network):
    assert contacts.count(ListQuery(text="   ")) == 5


# --- list: filters, sort, paging, count ------------------------------------------------------


def test_list_rows_have_the_documented_columns(contacts, network):
    rows = contacts.list_rows(ListQuery(text="anna müller"))
    assert len(rows) == 1
    _id, name, kind, org, _role, phone, _email, languages, _topics = rows[0]
    assert (name, kind, org, phone, languages) == (
        "Anna Müller",
        ContactKind.PERSON,
        "Caritas Neustadt",
        "0621 4711",
        "ar",
    )


def test_list_filters_by_kind_role_and_language(contacts, network):
    person(contacts, "Zoe Ehrenamt", role=ContactRole.VOLUNTEER, languages=["ar", "fr"])

    assert names(contacts, filters={"kind": ContactKind.ORGANISATION}) == ["Caritas Neustadt"]
    assert names(contacts, filters={"role": ContactRole.VOLUNTEER}) == ["Zoe Ehrenamt"]
    assert names(contacts, filters={"language": "ar"}) == ["Anna Müller", "Zoe Ehrenamt"]
    assert names(contacts, "zoe", filters={"language": "ar"}) == ["Zoe Ehrenamt"]
    assert contacts.count(ListQuery(filters={"language": "ar"})) == 2
    assert (
        contacts.count(ListQuery(filters={"language": "ar", "kind": ContactKind.ORGANISATION})) == 0
    )


def test_list_sorts_by_column_and_direction(contacts, network):
    assert names(contacts, descending=True) == [
        "Peter Müller",
        "Olga Kowalenko",
        "Caritas Neustadt",
        "Anna Schmidt",
        "Anna Müller",
    ]
    by_org = names(contacts, sort_key="organisation", descending=True)
    assert by_org[0] == "Anna Müller"


def test_list_pages_with_offset_and_limit(contacts):
    for number in range(12):
        person(contacts, f"Person {number:02d}")
    query = ListQuery(text="person")

    pages = [contacts.list_rows(query, offset, 5) for offset in (0, 5, 10)]

    assert [len(p) for p in pages] == [5, 5, 2]
    assert [row[1] for p in pages for row in p] == [f"Person {n:02d}" for n in range(12)]
    assert contacts.count(query) == 12
    assert contacts.count() == 12
    assert contacts.list_rows(query, 12, 5) == []


def test_choices_show_the_organisation(contacts, network):
    choices = dict((label, cid) for cid, label in contacts.choices())
    assert "Anna Müller (Caritas Neustadt)" in choices
    assert "Anna Schmidt" in choices
    assert contacts.organisations() == [(network, "Caritas Neustadt")]


# --- validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   "])
def test_name_is_required(contacts, name):
    with pytest.raises(ValidationError) as caught:
        contacts.create(ContactData(name=name))
    assert caught.value.errors == {"name": _("{field} is required.").format(field=_("Name"))}
    assert contacts.count() == 0


@pytest.mark.parametrize("email", ["anna", "anna@example", "anna @example.org", "a@b@example.org"])
def test_malformed_email_is_refused(contacts, email):
    with pytest.raises(ValidationError) as caught:
        person(contacts, "Anna", email=email)
    assert set(caught.value.errors) == {"email"}
    assert caught.value.errors["email"] == _(
        "“{value}” is not a valid e-mail address (example: name@example.org)."
    ).format(value=email)


@pytest.mark.parametrize("phone", ["abc", "12", "0621 12345 ext. 5", "++49 621"])
def test_malformed_phone_is_refused(contacts, phone):
    with pytest.raises(ValidationError) as caught:
        person(contacts, "Anna", phone=phone)
    assert set(caught.value.errors) == {"phone"}
    assert phone in caught.value.errors["phone"]


@pytest.mark.parametrize("phone", ["06221 12345", "+49 (0)6221/12345", "0176-1234.567"])
def test_usual_phone_formats_are_accepted(contacts, phone):
    contact_id = person(contacts, "Anna", phone=phone)
    assert contacts.get(contact_id).phone == phone


def test_unknown_language_code_is_refused(contacts):
    with pytest.raises(ValidationError) as caught:
        person(contacts, "Anna", languages=["ar", "xx"])
    assert caught.value.errors == {
        "languages": _(
            "Unknown language code: {codes}. Use ISO 639 codes such as de, ar, uk, fa."
        ).format(codes="xx")
    }


def test_all_field_problems_are_reported_at_once(contacts):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(
                name="", email="x", phone="y", languages=["zz"], legal_basis=LegalBasis.PUBLIC_TASK
            )
        )
    assert set(caught.value.errors) == {"name", "email", "phone", "languages"}
    assert all(caught.value.errors.values())
    assert str(caught.value)


# --- GDPR: legal basis and consent ---------------------------------------------------------------------


def test_person_without_legal_basis_may_store_name_and_organisation(contacts):
    org_id = organisation(contacts, "Tafel")
    contact_id = contacts.create(ContactData(name="Hamid", organisation_id=org_id))
    stored = contacts.get(contact_id)
    assert (stored.name, stored.organisation_id, stored.legal_basis) == ("Hamid", org_id, None)


@pytest.mark.parametrize(
    "extra",
    [
        {"phone": "0621 1234"},
        {"email": "h@example.org"},
        {"street": "Hauptstraße 1"},
        {"postal_code": "69117"},
        {"city": "Heidelberg"},
        {"notes": "spricht Dari"},
        {"role": ContactRole.NEWCOMER},
        {"languages": ["prs"]},
        {"topics": ["Kita"]},
        {"tags": ["Sport"]},
    ],
)
def test_person_without_legal_basis_may_not_store_more(contacts, extra):
    with pytest.raises(ValidationError) as caught:
        contacts.create(ContactData(name="Hamid", **extra))
    assert caught.value.errors == {"legal_basis": gdpr_message()}
    assert contacts.count() == 0


def test_organisation_needs_no_legal_basis(contacts):
    org_id = organisation(
        contacts, "Jobcenter", phone="0621 999", email="info@jobcenter.example.org"
    )
    assert contacts.get(org_id).phone == "0621 999"


@pytest.mark.parametrize("basis", [LegalBasis.PUBLIC_TASK, LegalBasis.CONTRACT])
def test_public_task_and_contract_allow_personal_fields(contacts, basis):
    contact_id = contacts.create(ContactData(name="Hamid", phone="0621 1234", legal_basis=basis))
    assert contacts.get(contact_id).phone == "0621 1234"


def test_consent_basis_needs_a_consent_record(contacts):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(name="Hamid", phone="0621 1234", legal_basis=LegalBasis.CONSENT)
        )
    assert set(caught.value.errors) == {"consents", "legal_basis"}


def test_consent_basis_needs_an_active_consent(contacts):
    withdrawn = consent(given_on=date(2025, 1, 1), withdrawn_on=date(2025, 2, 1))
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(
                name="Hamid",
                phone="0621 1234",
                legal_basis=LegalBasis.CONSENT,
                consents=[withdrawn],
            )
        )
    assert "consents" in caught.value.errors
    assert "legal_basis" in caught.value.errors


def test_active_consent_allows_personal_fields(contacts):
    contact_id = contacts.create(
        ContactData(
            name="Hamid", phone="0621 1234", legal_basis=LegalBasis.CONSENT, consents=[consent()]
        )
    )
    assert contacts.get(contact_id).phone == "0621 1234"


def test_active_consent_without_legal_basis_consent_is_not_enough(contacts):
    with pytest.raises(ValidationError) as caught:
        contacts.create(ContactData(name="Hamid", phone="0621 1234", consents=[consent()]))
    assert set(caught.value.errors) == {"legal_basis"}


@pytest.mark.parametrize(
    "bad",
    [
        {"purpose": "  "},
        {"given_on": date(2025, 3, 1), "withdrawn_on": date(2025, 2, 1)},
        {"given_on": date.today() + timedelta(days=1)},
    ],
)
def test_malformed_consent_records_are_refused(contacts, bad):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(
                name="Hamid", legal_basis=LegalBasis.CONSENT, consents=[consent(), consent(**bad)]
            )
        )
    assert set(caught.value.errors) == {"consents"}


def test_organisations_cannot_have_consent_records(contacts):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(name="Verein", kind=ContactKind.ORGANISATION, consents=[consent()])
        )
    assert caught.value.errors == {
        "consents": _("Consent records belong to private persons, not to organisations.")
    }


def test_withdraw_consent_erases_everything_but_name_and_organisation(contacts, database):
    org_id = organisation(contacts, "Caritas")
    contact_id = contacts.create(
        ContactData(
            name="Hamid Rahimi",
            organisation_id=org_id,
            role=ContactRole.VOLUNTEER,
            phone="0621 1234",
            email="hamid@example.org",
            street="Am Markt 2",
            postal_code="69117",
            city="Heidelberg",
            notes="Fährt Senioren",
            languages=["prs", "de"],
            topics=["Fahrdienst"],
            tags=["Ehrenamt"],
            legal_basis=LegalBasis.CONSENT,
            consents=[consent()],
        )
    )

    contacts.withdraw_consent(contact_id, date(2025, 6, 1))

    stored = contacts.get(contact_id)
    assert (stored.name, stored.organisation_id) == ("Hamid Rahimi", org_id)
    assert stored.legal_basis is None
    assert stored.role is None
    assert (
        stored.phone,
        stored.email,
        stored.street,
        stored.postal_code,
        stored.city,
        stored.notes,
    ) == ("",) * 6
    assert (stored.languages, stored.topics, stored.tags) == ([], [], [])
    assert [c.withdrawn_on for c in stored.consents] == [date(2025, 6, 1)]
    assert sql(
        database, "SELECT COUNT(*) FROM contact_languages WHERE contact_id = :id", id=contact_id
    ) == [(0,)]
    assert sql(
        database, "SELECT COUNT(*) FROM contact_topics WHERE contact_id = :id", id=contact_id
    ) == [(0,)]
    assert sql(
        database, "SELECT COUNT(*) FROM contact_tags WHERE contact_id = :id", id=contact_id
    ) == [(0,)]
    # the erased values are not findable any more; the name still is
    assert names(contacts, "1234") == []
    assert names(contacts, "dari") == []
    assert names(contacts, "rahimi") == ["Hamid Rahimi"]
    # what is left is valid and can be saved again
    contacts.update(stored)


def test_withdraw_consent_keeps_earlier_withdrawal_date(contacts):
    contact_id = contacts.create(
        ContactData(
            name="Hamid",
            legal_basis=LegalBasis.CONSENT,
            consents=[consent(given_on=date(2024, 1, 1), withdrawn_on=date(2024, 6, 1)), consent()],
        )
    )
    contacts.withdraw_consent(contact_id, date(2025, 6, 1))
    assert [c.withdrawn_on for c in contacts.get(contact_id).consents] == [
        date(2024, 6, 1),
        date(2025, 6, 1),
    ]


def test_withdraw_consent_of_missing_contact(contacts):
    with pytest.raises(NotFoundError):
        contacts.withdraw_consent(999, date(2025, 1, 1))


# --- organisation membership --------------------------------------------------------------------------


def test_membership_must_point_to_an_organisation(contacts):
    other_person = person(contacts, "Kein Verein")
    for target in (other_person, 999):
        with pytest.raises(ValidationError) as caught:
            contacts.create(ContactData(name="Mitglied", organisation_id=target))
        assert caught.value.errors == {
            "organisation_id": _("Choose an organisation from the contacts.")
        }
    assert contacts.count() == 1


def test_organisation_cannot_be_its_own_member(contacts):
    org_id = organisation(contacts, "Verein")
    data = contacts.get(org_id)
    data.organisation_id = org_id
    with pytest.raises(ValidationError) as caught:
        contacts.update(data)
    assert set(caught.value.errors) == {"organisation_id"}
    assert contacts.get(org_id).organisation_id is None


# --- delete -----------------------------------------------------------------------------------------------


def test_deleting_an_organisation_keeps_its_members(contacts, database):
    org_id = organisation(contacts, "Caritas")
    members = [person(contacts, name, organisation_id=org_id) for name in ("Anna", "Bernd")]

    contacts.delete([org_id])

    assert [contacts.get(m).organisation_id for m in members] == [None, None]
    assert sql(database, "SELECT id, organisation_id FROM contacts ORDER BY id") == [
        (m, None) for m in members
    ]


def test_deleting_a_provider_keeps_the_offer(contacts, offers):
    org_id = organisation(contacts, "VHS")
    offer_id = offers.create(offer_data(provider_id=org_id))
    contacts.delete([org_id])
    assert offers.get(offer_id).provider_id is None


def test_deleting_a_contact_removes_its_link_rows(contacts, offers, activities, database):
    org_id = organisation(contacts, "Caritas")
    contact_id = contacts.create(
        ContactData(
            name="Anna",
            phone="0621 1",
            languages=["ar", "de"],
            topics=["Kita", "Schule"],
            tags=["Ehrenamt"],
            legal_basis=LegalBasis.CONSENT,
            consents=[consent(), consent(given_on=date(2024, 1, 1))],
        )
    )
    keep_id = person(contacts, "Bleibt", languages=["ar"], topics=["Kita"], tags=["Ehrenamt"])
    offer_id = offers.create(offer_data(contact_person_ids=[contact_id, keep_id]))
    activity_id = activities.create(activity_data(organisation_ids=[org_id]))

    contacts.delete([contact_id, org_id, 12345])

    for table in (
        "contact_languages",
        "contact_topics",
        "consent_records",
        "contact_tags",
        "offer_contacts",
    ):
        assert sql(
            database, f"SELECT COUNT(*) FROM {table} WHERE contact_id = :id", id=contact_id
        ) == [(0,)], table
        if table != "consent_records":
            assert sql(
                database, f"SELECT COUNT(*) FROM {table} WHERE contact_id = :id", id=keep_id
            ) == [(1,)], table
    assert sql(database, "SELECT COUNT(*) FROM activity_organisations") == [(0,)]
    assert sql(database, "SELECT name FROM contacts") == [("Bleibt",)]
    assert offers.get(offer_id).contact_person_ids == [keep_id]
    assert activities.get(activity_id).organisation_ids == []
    assert sql(database, "SELECT name FROM tags") == [("Ehrenamt",)]
