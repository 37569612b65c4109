"""Bidi controls typed or pasted into a name cannot reorder what a flyer prints."""

from __future__ import annotations

from datetime import date

import pypdf
import pytest

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ContactKind, LegalBasis
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.output.pdf.bidi_text import BidiParagraph
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.public_contacts import PrintChoice
from gwa_desktop.services.settings import SettingsService
from tests.output.print_samples import flat_text, municipality, sample_offer
from tests.output.test_bidi_text import build_pdf

PHONE = "0171 1234567"
HOSTILE_NAMES = [
    "Samira Haddad\u202e",  # right-to-left override, never closed
    "Samira \u202bHaddad",  # right-to-left embedding
    "Samira Haddad\u202e\u2066",  # override and left-to-right isolate
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_bidi_control_in_a_name_does_not_reverse_the_printed_phone_number(
    database,
    printing,
    name,
):
    SettingsService(database).save(municipality())
    contact = ContactService(database).create(
        ContactData(
            name=name,
            kind=ContactKind.PERSON,
            phone=PHONE,
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(date(2026, 1, 5), "Öffentlich genannt", names_publicly=True)],
        )
    )
    offer_id = OfferService(database).create(
        sample_offer(("de", "ar"), offer_id=None, contact_person_ids=[contact])
    )
    # Her own number, so the hostile name stands right before the digits it could reverse.
    printing.public_contacts.choose(offer_id, PrintChoice(contact, PrintedNumber.CONTACT))

    text = flat_text(printing.flyer(offer_id, FlyerOptions(("de", "ar"), tear_off_strips=True)).pdf)

    assert "Samira Haddad, 0171 1234567" in text
    assert "7654321" not in text and "1710" not in text


@pytest.mark.parametrize("control", ["\u202e", "\u202d\u202e"])
def test_the_text_engine_drops_overrides_and_embeddings_in_any_printed_text(tmp_path, control):
    path = build_pdf(
        tmp_path / "line.pdf", [BidiParagraph(f"Kontakt: Samira{control} Haddad, 0171 1234567")]
    )

    text = " ".join(pypdf.PdfReader(path).pages[0].extract_text().split())

    assert text == "Kontakt: Samira Haddad, 0171 1234567"
