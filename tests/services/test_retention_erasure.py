"""Retention periods, the review list, erasure in one step and its log without personal data."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ConsentData
from gwa_desktop.domain.enums import ContactRole, LegalBasis, OfferStatus
from gwa_desktop.domain.retention import ErasureAction, ErasureReason
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.retention import RetentionService, add_months
from tests.services.service_builders import offer_data, person, sql

TODAY = date(2026, 12, 2)
#: Invented values, unusual enough that no other row or page holds them by chance.
NAME = "Quirinella Zwetschgenbaum"
PHONE = "0151 99887766"
EMAIL = "quirinella.zwetschgen@example.org"
NOTE = "Kennt den Hausmeister der Mehrzweckhalle"


def _age(database, contact_id: int, day: str) -> None:
    """Pretend the record was created and last saved on `day`."""
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?",
            (day, day, contact_id),
        )


def _quirinella(contacts, **values) -> int:
    return person(
        contacts,
        NAME,
        phone=PHONE,
        email=EMAIL,
        notes=NOTE,
        city="Waldhufen",
        role=ContactRole.VOLUNTEER,
        **values,
    )


def _raw(database_path) -> bytes:
    wal = database_path.with_name(database_path.name + "-wal")
    return database_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.mark.parametrize("months", [0, -3, 121, 12_000])
def test_a_period_of_0_or_1000_years_is_refused_with_a_german_message(database, months):
    service = RetentionService(database)
    with pytest.raises(ValidationError) as refused:
        service.set_period("consent", months)
    assert "zwischen 1 und 120 Monaten" in str(refused.value)
    assert service.periods()["consent"] == 24


def test_periods_are_stored_per_legal_basis(database):
    service = RetentionService(database)
    service.set_period("contract", 120)
    service.set_period("none", 1)
    assert service.periods() == {"consent": 24, "public_task": 24, "contract": 120, "none": 1}
    with pytest.raises(ValidationError):
        service.set_period("gossip", 12)


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 24) == date(2026, 11, 15)


def test_the_last_contact_is_the_latest_save_consent_or_activity_of_her_offers(
    database, contacts, offers, activities
):
    from tests.services.service_builders import activity_data

    quiet = person(contacts, "Stille Person")
    _age(database, quiet, "2024-01-10")
    consenting = person(
        contacts,
        "Einwilligende Person",
        legal_basis=LegalBasis.CONSENT,
        consents=[ConsentData(given_on=date(2024, 1, 5), purpose="Einladungen")],
    )
    _age(database, consenting, "2023-01-01")
    helper = person(contacts, "Helfende Person")
    _age(database, helper, "2023-01-01")
    ended = offers.create(
        offer_data("Nähcafé", contact_person_ids=[helper], status=OfferStatus.ENDED)
    )
    activities.create(activity_data("Nähcafé", occurred_on=date(2025, 6, 1), offer_id=ended))
    active_helper = person(contacts, "Aktive Person")
    _age(database, active_helper, "2020-01-01")
    offers.create(offer_data("Sprachcafé", contact_person_ids=[active_helper]))
    recent = person(contacts, "Neue Person")

    service = RetentionService(database)
    assert service.last_contact(quiet) == date(2024, 1, 10)
    assert service.last_contact(consenting) == date(2024, 1, 5)
    assert service.last_contact(helper) == date(2025, 6, 1)
    assert service.last_contact(active_helper) is None  # an active offer: purpose goes on
    due = service.due(TODAY)
    assert [(p.id, p.due_on) for p in due] == [
        (consenting, date(2026, 1, 5)),
        (quiet, date(2026, 1, 10)),
    ]
    service.set_period("public_task", 12)
    assert [p.id for p in service.due(TODAY)] == [quiet, consenting, helper]
    assert recent not in [p.id for p in service.due(TODAY)]


def test_deleting_removes_the_values_from_the_database_file_and_the_wal(
    database, database_path, contacts
):
    quirinella = _quirinella(contacts)
    raw = _raw(database_path)
    assert NAME.encode() in raw and EMAIL.encode() in raw and PHONE.encode() in raw

    ErasureService(database).erase(quirinella, ErasureReason.REQUEST)

    raw = _raw(database_path)
    for value in (NAME, "quirinella", "zwetschgen", PHONE, EMAIL, NOTE, "hausmeister"):
        assert value.encode() not in raw, value
    assert sql(database, "SELECT COUNT(*) FROM contacts") == [(0,)]


def test_anonymising_keeps_an_unnamed_record_with_its_role(
    database, database_path, contacts, offers
):
    quirinella = _quirinella(
        contacts,
        legal_basis=LegalBasis.CONSENT,
        consents=[ConsentData(given_on=date(2025, 1, 1), purpose="Kontakt und Information")],
    )
    other = person(contacts, "Zweite Kontaktperson")
    offer = offers.create(offer_data("Elterncafé", contact_person_ids=[quirinella, other]))

    ErasureService(database).erase(quirinella, ErasureReason.RETENTION, ErasureAction.ANONYMISED)

    kept = contacts.get(quirinella)
    assert kept.name == f"Anonymisierte Person {quirinella}"
    assert (kept.phone, kept.email, kept.notes, kept.city) == ("", "", "", "")
    assert kept.role is ContactRole.VOLUNTEER and kept.consents == [] and kept.legal_basis is None
    assert offers.get(offer).contact_person_ids == [other]
    raw = _raw(database_path)
    for value in (NAME, PHONE, EMAIL, NOTE, "Kontakt und Information"):
        assert value.encode() not in raw, value
    # Anonymised persons are not reviewed again.
    _age(database, quirinella, "2019-01-01")
    assert quirinella not in [p.id for p in RetentionService(database).due(TODAY)]


def test_the_log_holds_id_date_action_and_reason_only(database, contacts):
    quirinella = _quirinella(contacts)
    logged = ErasureService(database).erase(quirinella, ErasureReason.RETENTION)
    rows = sql(database, "SELECT * FROM erasure_log")
    assert len(rows) == 1
    assert [c for c in rows[0] if isinstance(c, str)] == [
        logged.token,
        rows[0][3],  # the time stamp
        "deleted",
        "retention",
    ]
    assert rows[0][2] == quirinella
    text = repr(rows)
    assert "Quirinella" not in text and "0151" not in text
    assert ErasureService(database).log() == [logged]


def test_the_only_contact_person_of_an_active_offer_is_not_erased_unconfirmed(
    database, contacts, offers
):
    quirinella = _quirinella(contacts)
    offers.create(offer_data("Sprachcafé", contact_person_ids=[quirinella]))
    service = ErasureService(database)
    assert service.preview(quirinella).sole_contact_of == ("Sprachcafé",)
    with pytest.raises(ValidationError) as refused:
        service.erase(quirinella, ErasureReason.REQUEST)
    assert "einzige Kontaktperson" in str(refused.value) and "Sprachcafé" in str(refused.value)
    assert contacts.get(quirinella).phone == PHONE
    assert service.log() == []

    service.erase(quirinella, ErasureReason.REQUEST, even_if_sole_contact=True)
    assert sql(database, "SELECT COUNT(*) FROM offer_contacts") == [(0,)]


def test_the_confirmation_names_what_goes(database, contacts):
    quirinella = _quirinella(
        contacts,
        legal_basis=LegalBasis.CONSENT,
        consents=[ConsentData(given_on=date(2025, 1, 1), purpose="Einladungen")],
    )
    text = ErasureService(database).preview(quirinella).describe()
    assert NAME in text
    for label in ("Telefon", "E-Mail", "PLZ, Ort", "Notizen", "1 Einwilligungen"):
        assert label in text, label


def test_an_organisation_is_not_erased_here(database, contacts):
    from tests.services.service_builders import organisation

    club = organisation(contacts, "Sportverein")
    with pytest.raises(ValidationError):
        ErasureService(database).erase(club, ErasureReason.REQUEST)


def test_the_command_line_lists_due_persons_and_erases(database, database_path, contacts, capsys):
    quirinella = _quirinella(contacts)
    _age(database, quirinella, "2020-05-01")
    database.close()
    assert main(["--database", str(database_path), "retention", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(row["id"], row["last_contact"]) for row in listed] == [(quirinella, "2020-05-01")]
    assert main(["--database", str(database_path), "retention-period", "consent", "0"]) == 1
    assert "zwischen 1 und 120" in capsys.readouterr().err
    assert (
        main(["--database", str(database_path), "erase", str(quirinella), "--reason", "retention"])
        == 0
    )
    capsys.readouterr()
    assert main(["--database", str(database_path), "erasure-log", "--format", "json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [(row["contact_id"], row["action"], row["reason"]) for row in log] == [
        (quirinella, "deleted", "retention")
    ]
    assert NAME.encode() not in _raw(database_path)
    assert main(["--database", str(database_path), "retention", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
