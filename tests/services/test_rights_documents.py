"""Art. 15 information (PDF and JSON), the pre-filled consent form, the Art. 30 record."""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ConsentData
from gwa_desktop.domain.enums import ContactRole, LegalBasis
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.services import processing_record
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.person_information import collect, write_information
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.services.processing_record import build_processing_record
from gwa_desktop.storage.models import Contact
from tests.output.print_samples import flat_text
from tests.services.service_builders import offer_data, organisation, person

TODAY = date(2026, 12, 2)


@pytest.fixture
def amira(contacts, offers, settings) -> int:
    settings.save(
        MunicipalityData(
            name="Gemeinde Lindenbach",
            officer_name="Miriam Beispiel",
            officer_address="Rathausplatz 1, 12345 Lindenbach",
        )
    )
    club = organisation(contacts, "Familienzentrum Lindenbach")
    amira = person(
        contacts,
        "Amira Haddad",
        phone="0151 2223334",
        email="amira@example.org",
        organisation_id=club,
        role=ContactRole.LANGUAGE_MEDIATOR,
        languages=["ar", "de"],
        topics=["Elterngespräche"],
        legal_basis=LegalBasis.CONSENT,
        consents=[
            ConsentData(
                given_on=date(2025, 6, 5),
                purpose="Kontakt und Information",
                names_publicly=True,
            )
        ],
    )
    offers.create(offer_data("Elterncafé", contact_person_ids=[amira]))
    return amira


def test_the_information_holds_every_stored_value_in_json_and_pdf(database, amira, tmp_path):
    files = write_information(database, amira, tmp_path / "out", TODAY)
    info = json.loads(files.json.read_text(encoding="utf-8"))
    person = info["person"]
    assert (person["name"], person["phone"], person["email"]) == (
        "Amira Haddad",
        "0151 2223334",
        "amira@example.org",
    )
    assert person["organisation"] == "Familienzentrum Lindenbach"
    assert person["languages"] == ["ar", "de"] and person["topics"] == ["Elterngespräche"]
    assert person["roles"] == ["language_mediator"] and person["legal_basis"] == "consent"
    assert info["consents"] == [
        {
            "given_on": "2025-06-05",
            "purpose": "Kontakt und Information",
            "named_publicly_on_prints": True,
            "method": "written",
            "form_version": "",
            "form_language": "de",
            "withdrawn_on": None,
        }
    ]
    assert [o["title"] for o in info["contact_person_of_offers"]] == ["Elterncafé"]
    assert info["retention"]["ongoing_because_of_active_offer"] is True
    assert info["recipients"] == []
    # Every column of the contact that holds a value about her is in the JSON.
    for column in processing_record.CONTACT_CATEGORIES:
        key = {"organisation_id": "organisation", "role": "roles"}.get(column, column)
        assert key in person, column

    text = flat_text(files.pdf.read_bytes())
    for value in (
        "Auskunft über Ihre gespeicherten Daten",
        "Amira Haddad",
        "0151 2223334",
        "amira@example.org",
        "Familienzentrum Lindenbach",
        "Arabisch",
        "Kontakt und Information",
        "Elterncafé",
        "Beschwerde",
        "Miriam Beispiel",
    ):
        assert value in text, value
    for path in (files.pdf, files.json):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_information_about_an_unknown_contact_is_refused(database):
    with pytest.raises(NotFoundError):
        collect(database, 999, TODAY)


def test_the_consent_form_carries_her_name_and_only_the_chosen_purposes(services_for_print, amira):
    printing = services_for_print
    both = flat_text(printing.consent_form("de", amira, ["contact", "public"]).pdf)
    assert "Amira Haddad" in both
    assert "Kontakt und Information über die Angebote der Gemeinde" in both
    assert "Nennung als Kontaktperson" in both
    only_contact = printing.consent_form("de", amira, ["contact"])
    assert only_contact.pages == 1
    text = flat_text(only_contact.pdf)
    assert "Amira Haddad" in text and "Nennung als Kontaktperson" not in text
    blank = flat_text(printing.consent_form("de").pdf)
    assert "Amira Haddad" not in blank and "angekreuzt" not in blank


@pytest.mark.parametrize("language", ["ar", "uk", "fa", "ti"])
def test_the_prefilled_form_fits_one_page_in_every_second_language(
    services_for_print, amira, language
):
    result = services_for_print.consent_form(language, amira, ["contact", "public"])
    assert result.pages == 1


def test_the_record_of_processing_states_controller_periods_and_categories(
    database, amira, contacts
):
    from gwa_desktop.services.retention import RetentionService

    RetentionService(database).set_period("contract", 36)
    person(contacts, "Nur Name", legal_basis=None)
    result = build_processing_record(database, TODAY)
    text = flat_text(result.pdf)
    for value in (
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Gemeinde Lindenbach",
        "Miriam Beispiel",
        "36 Monate nach dem letzten Kontakt",
        "24 Monate nach dem letzten Kontakt",
        "Sprachen",
        "Einwilligungen",
        "Löschprotokoll",
        "AES-256-GCM",
    ):
        assert value in text, value
    assert "Amira Haddad" not in text  # a record of processing names no person


def test_every_column_of_contacts_is_described_in_the_record():
    columns = {column.name for column in Contact.__table__.columns}
    described = set(processing_record.CONTACT_CATEGORIES) | set(processing_record.TECHNICAL_COLUMNS)
    assert columns == described


def test_the_command_line_writes_the_three_documents(database, database_path, amira, tmp_path):
    database.close()
    arguments = ["--database", str(database_path)]
    out = tmp_path / "out"
    assert main([*arguments, "information", str(amira), "--out", str(out)]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".json", ".pdf"]
    form = tmp_path / "form.pdf"
    assert (
        main([*arguments, "consent-form", str(amira), "--purpose", "public", "--out", str(form)])
        == 0
    )
    assert "Amira Haddad" in flat_text(form.read_bytes())
    record = tmp_path / "record.pdf"
    assert main([*arguments, "processing-record", "--out", str(record)]) == 0
    assert record.read_bytes().startswith(b"%PDF")
    assert main([*arguments, "information", "999", "--out", str(out)]) == 1


@pytest.fixture
def services_for_print(database) -> PrintingService:
    from gwa_desktop.services.registry import Services

    return PrintingService.from_services(Services.on(database))
