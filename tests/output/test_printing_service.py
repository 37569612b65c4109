"""Prints from the database: the printing service and the `gwa print` commands."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import (
    ContactKind,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    TargetGroup,
)
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.output.pdf.document import EmptySelectionError
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.printing import OverviewSelection
from gwa_desktop.services.public_contacts import PrintChoice
from gwa_desktop.services.settings import SettingsService
from tests.output.print_samples import TEXTS, flat_text, municipality, sample_offer


def _store(database, languages=("de", "ar", "uk"), **changes) -> int:
    contact = ContactService(database).create(
        ContactData(
            name="Samira Haddad",
            kind=ContactKind.PERSON,
            phone="0151 2345678",
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(date(2026, 1, 5), "Öffentlich genannt", names_publicly=True)],
        )
    )
    offer = sample_offer(languages, offer_id=None, contact_person_ids=[contact], **changes)
    return OfferService(database).create(offer)


def test_flyer_from_the_database_names_the_contact_person_with_the_chosen_number(
    database, printing
):
    SettingsService(database).save(municipality())
    offer_id = _store(database)
    contact_id = OfferService(database).get(offer_id).contact_person_ids[0]
    printing.public_contacts.choose(offer_id, PrintChoice(contact_id, PrintedNumber.CONTACT))
    result = printing.flyer(offer_id, FlyerOptions(("de", "uk")))
    text = flat_text(result.pdf)
    assert (
        TEXTS["uk"][0] in text
        and "Samira Haddad, 0151 2345678" in text
        and "Gemeinde Musterdorf" in text
    )


def test_without_contact_persons_the_officer_is_printed(database, printing):
    SettingsService(database).save(municipality())
    offer_id = OfferService(database).create(sample_offer(("de",), offer_id=None))
    assert "Anna Schmidt, 0123 456-78" in flat_text(
        printing.flyer(offer_id, FlyerOptions(("de",))).pdf
    )


def test_missing_translations_are_known_before_printing(database, printing):
    first = _store(database, ("de", "ar"))
    second = OfferService(database).create(sample_offer(("de",), offer_id=None))
    assert printing.missing_translations([first, second], ["de", "ar", "uk"]) == {
        first: ["uk"],
        second: ["ar", "uk"],
    }


def test_overview_selects_active_offers_and_filters(database, printing):
    _store(database, category=OfferCategory.LANGUAGE, target_groups=[TargetGroup.WOMEN])
    OfferService(database).create(
        sample_offer(
            ("de",),
            offer_id=None,
            status=OfferStatus.ENDED,
            texts=[sample_offer().texts[0].__class__("de", "Altes Angebot", "")],
        )
    )
    assert [o.title for o in printing.selected_offers(OverviewSelection())] == [TEXTS["de"][0]]
    assert printing.selected_offers(OverviewSelection(category=OfferCategory.HEALTH)) == []
    assert len(printing.selected_offers(OverviewSelection(target_group=TargetGroup.WOMEN))) == 1
    with pytest.raises(EmptySelectionError):
        printing.overview(OverviewSelection(target_group=TargetGroup.MEN), OverviewOptions())
    text = flat_text(
        printing.overview(OverviewSelection(), OverviewOptions(("de", "ar")), weekly_plan=True).pdf
    )
    assert "Wochenplan" in text and TEXTS["de"][0] in text


def test_cli_prints_flyer_overview_and_consent(database, database_path, tmp_path, capsys):
    offer_id = _store(database)
    flyer = tmp_path / "flyer.pdf"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "flyer",
                str(offer_id),
                "--lang",
                "de",
                "--lang",
                "ar",
                "--out",
                str(flyer),
                "--paper",
                "A5",
                "--strips",
            ]
        )
        == 0
    )
    assert flyer.read_bytes().startswith(b"%PDF") and "Sprachcafé" in flat_text(flyer.read_bytes())

    overview = tmp_path / "overview.pdf"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "overview",
                "--out",
                str(overview),
                "--paper",
                "A3",
                "--landscape",
                "--group",
                "weekday",
                "--lang",
                "de",
                "--lang",
                "uk",
            ]
        )
        == 0
    )
    assert "Dienstag" in flat_text(overview.read_bytes())

    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "overview",
                "--out",
                str(tmp_path / "none.pdf"),
                "--category",
                "health",
            ]
        )
        == 1
    )
    assert not (tmp_path / "none.pdf").exists()
    capsys.readouterr()

    consent = tmp_path / "consent.pdf"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "consent",
                "--lang",
                "uk",
                "--out",
                str(consent),
            ]
        )
        == 0
    )
    assert "Згода на зберігання персональних даних" in flat_text(consent.read_bytes())


def test_cli_reports_missing_translation_on_stderr(database, database_path, tmp_path, capsys):
    offer_id = OfferService(database).create(sample_offer(("de",), offer_id=None))
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "flyer",
                str(offer_id),
                "--lang",
                "ti",
                "--out",
                str(tmp_path / "f.pdf"),
            ]
        )
        == 0
    )
    assert "Tigrinya" in capsys.readouterr().err
    assert (
        main(
            [
                "--database",
                str(database_path),
                "print",
                "flyer",
                "999",
                "--out",
                str(tmp_path / "g.pdf"),
            ]
        )
        == 1
    )


def test_strips_fall_back_to_the_officers_number_when_the_contact_person_has_none(
    database, printing
):
    SettingsService(database).save(municipality())
    contact = ContactService(database).create(
        ContactData(name="Jonas Weber", kind=ContactKind.PERSON, legal_basis=LegalBasis.PUBLIC_TASK)
    )
    offer_id = OfferService(database).create(
        sample_offer(("de",), offer_id=None, contact_person_ids=[contact])
    )
    with_strips = printing.flyer(offer_id, FlyerOptions(("de",), tear_off_strips=True))
    plain = printing.flyer(offer_id, FlyerOptions(("de",)))
    officer_phone = municipality().officer_phone
    assert (
        flat_text(with_strips.pdf).count(officer_phone)
        >= flat_text(plain.pdf).count(officer_phone) + 8
    )
    assert "strips_without_phone" not in [warning.kind for warning in with_strips.warnings]


def test_strips_without_any_number_are_announced_before_printing(database, printing):
    SettingsService(database).save(municipality(officer_phone=""))
    offer_id = OfferService(database).create(sample_offer(("de",), offer_id=None))
    kinds = [
        warning.kind
        for warning in printing.flyer(
            offer_id, FlyerOptions(("de",), tear_off_strips=True)
        ).warnings
    ]
    assert "strips_without_phone" in kinds
    assert "strips_without_phone" not in [
        w.kind for w in printing.flyer(offer_id, FlyerOptions(("de",))).warnings
    ]
