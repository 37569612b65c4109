"""What goes public: a person is named on flyers, strips, QR codes and boards only with
her consent to exactly that purpose, and her own number only when the officer chose it."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

import gwa_desktop.output.pdf.flyer as flyer_module
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ConsentMethod, ContactKind, LegalBasis
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.printing import OverviewSelection, PrintingService
from gwa_desktop.services.public_contacts import PrintChoice
from tests.output.print_samples import municipality
from tests.services.service_builders import offer_data

PRIVATE = "0151 2345678"
OFFICE = "0123 456-78"


def _text(pdf: bytes, tmp_path) -> str:
    """The PDF's text as pdftotext reads it, whitespace folded (numbers wrap otherwise)."""
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.replace("\u00a0", " ").replace("\u200e", "").split())


def _volunteer(contacts, names_publicly: bool, withdrawn: date | None = None) -> int:
    consents = [
        ConsentData(
            given_on=date(2026, 1, 10),
            purpose="Kontakt und Information über die Angebote der Gemeinde",
            method=ConsentMethod.WRITTEN,
        )
    ]
    if names_publicly:
        consents.append(
            ConsentData(
                given_on=date(2026, 1, 10),
                purpose="Darf auf Drucken öffentlich als Kontakt genannt werden",
                names_publicly=True,
                withdrawn_on=withdrawn,
            )
        )
    return contacts.create(
        ContactData(
            name="Samira Haddad",
            phone=PRIVATE,
            legal_basis=LegalBasis.CONSENT,
            consents=consents,
        )
    )


@pytest.fixture
def printing(contacts, offers, settings) -> PrintingService:
    settings.save(municipality(officer_phone=OFFICE))
    return PrintingService(offers, contacts, settings, today=lambda: date(2026, 3, 1))


def _flyer(printing: PrintingService, offer_id: int, tmp_path) -> str:
    return _text(
        printing.flyer(offer_id, FlyerOptions(("de",), tear_off_strips=True)).pdf, tmp_path
    )


def test_without_public_consent_no_personal_number_or_name_is_printed(
    printing, contacts, offers, tmp_path
):
    person = _volunteer(contacts, names_publicly=False)
    offer_id = offers.create(offer_data(contact_person_ids=[person]))
    # Even the officer's explicit wish for her number cannot put it on paper.
    printing.public_contacts._choices = lambda ids: {
        offer_id: PrintChoice(person, PrintedNumber.CONTACT)
    }

    text = _flyer(printing, offer_id, tmp_path)

    assert "2345678" not in text and "Samira" not in text
    assert OFFICE in text and "Anna Schmidt" in text


def test_with_public_consent_she_is_named_with_the_office_number_by_default(
    printing, contacts, offers, tmp_path
):
    person = _volunteer(contacts, names_publicly=True)
    offer_id = offers.create(offer_data(contact_person_ids=[person]))

    text = _flyer(printing, offer_id, tmp_path)

    assert f"Samira Haddad, {OFFICE}" in text and "2345678" not in text


def test_with_public_consent_and_her_number_chosen_the_strips_and_qr_code_carry_it(
    printing, contacts, offers, tmp_path, monkeypatch
):
    person = _volunteer(contacts, names_publicly=True)
    offer_id = offers.create(offer_data(contact_person_ids=[person]))
    printing.public_contacts.choose(offer_id, PrintChoice(person, PrintedNumber.CONTACT))
    phones = []
    build = flyer_module.build_flyer
    monkeypatch.setattr(
        flyer_module,
        "build_flyer",
        lambda content, options: phones.append(content.phone) or build(content, options),
    )

    text = _flyer(printing, offer_id, tmp_path)

    assert f"Samira Haddad, {PRIVATE}" in text
    # The contact line, the caption beside the QR code and eight tear-off strips.
    assert text.count(PRIVATE) == 10
    assert phones == [PRIVATE]


def test_a_withdrawn_public_consent_takes_her_off_the_board(printing, contacts, offers, tmp_path):
    person = _volunteer(contacts, names_publicly=True, withdrawn=date(2026, 2, 1))
    offers.create(offer_data(contact_person_ids=[person]))

    pdf = printing.overview(OverviewSelection(), OverviewOptions(("de",))).pdf

    text = _text(pdf, tmp_path)
    assert "Samira" not in text and "2345678" not in text and OFFICE in text


def test_an_organisation_may_have_its_own_number_on_the_board(printing, contacts, offers, tmp_path):
    club = contacts.create(
        ContactData(name="Sportverein Lindental", kind=ContactKind.ORGANISATION, phone="06221 5555")
    )
    offer_id = offers.create(offer_data(contact_person_ids=[club]))
    board = OverviewOptions(("de",))

    assert "06221 5555" not in _text(printing.overview(OverviewSelection(), board).pdf, tmp_path)
    printing.public_contacts.choose(offer_id, PrintChoice(club, PrintedNumber.CONTACT))
    assert "06221 5555" in _text(printing.overview(OverviewSelection(), board).pdf, tmp_path)


def test_the_print_dialog_is_told_which_personal_data_the_print_carries(printing, contacts, offers):
    withheld = _volunteer(contacts, names_publicly=False)
    named = contacts.create(
        ContactData(
            name="Jonas Beispiel",
            phone="0160 9876543",
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(date(2026, 1, 5), "Öffentlich genannt", names_publicly=True)],
        )
    )
    offer_id = offers.create(offer_data(contact_person_ids=[withheld, named]))
    printing.public_contacts.choose(offer_id, PrintChoice(named, PrintedNumber.CONTACT))

    lines = printing.personal_data([offer_id])

    assert lines[0] == (
        "Dieser Druck zeigt: Jonas Beispiel: Name (Einwilligung in die öffentliche Nennung); "
        "Jonas Beispiel: eigene Telefonnummer 0160 9876543."
    )
    assert "Samira Haddad: nicht gedruckt, keine Einwilligung in die öffentliche Nennung" in lines


def test_choosing_a_contact_without_public_consent_is_refused_and_nothing_is_kept(
    printing, contacts, offers
):
    person = _volunteer(contacts, names_publicly=False)
    offer_id = offers.create(offer_data(contact_person_ids=[person]))

    with pytest.raises(ValidationError) as caught:
        printing.public_contacts.choose(offer_id, PrintChoice(person, PrintedNumber.CONTACT))

    assert "Samira Haddad" in caught.value.errors["contact"]
    assert printing.public_contacts.choice(offer_id) == PrintChoice()


def test_gwa_public_contact_refuses_a_person_without_consent_and_sets_the_number(
    database_path, contacts, offers, capsys
):
    from gwa_desktop.cli.main import main

    withheld = _volunteer(contacts, names_publicly=False)
    offer_id = offers.create(offer_data(contact_person_ids=[withheld]))
    args = ["--database", str(database_path), "public-contact", str(offer_id)]

    assert main([*args, "--contact", str(withheld)]) == 1
    assert "Samira Haddad" in capsys.readouterr().err
    assert main([*args, "--number", "contact"]) == 0
    out = capsys.readouterr().out
    assert f"  {withheld}\tSamira Haddad\tnicht öffentlich" in out
    assert "Eigene Nummer des Kontakts" in out
