"""Flyers name contact persons in public: only with a legal basis, never after withdrawal."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ConsentMethod, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offers import OfferService


def _offer(contact_ids: list[int]) -> OfferData:
    return OfferData(
        texts=[OfferTextData("de", "Sprachcafé")],
        category=OfferCategory.LANGUAGE,
        start_date=date(2026, 2, 3),
        contact_person_ids=contact_ids,
    )


def test_person_without_legal_basis_cannot_be_a_contact_person(database):
    contacts, offers = ContactService(database), OfferService(database)
    unnamed = contacts.create(ContactData(name="Rana K."))
    with pytest.raises(ValidationError) as caught:
        offers.create(_offer([unnamed]))
    assert (
        set(caught.value.errors) == {"contact_person_ids"}
        and "Rana K." in caught.value.errors["contact_person_ids"]
    )
    assert offers.count() == 0


def test_withdrawn_consent_takes_the_person_off_the_offers(database):
    contacts, offers = ContactService(database), OfferService(database)
    consent = ConsentData(
        given_on=date(2026, 1, 10), purpose="Kontakt auf Aushängen", method=ConsentMethod.WRITTEN
    )
    person = contacts.create(
        ContactData(
            name="Olena K.",
            phone="0123 45678-99",
            legal_basis=LegalBasis.CONSENT,
            consents=[consent],
        )
    )
    offer_id = offers.create(_offer([person]))

    contacts.withdraw_consent(person, date(2026, 3, 1))

    assert offers.get(offer_id).contact_person_ids == []
    assert contacts.get(person).phone == ""


def test_editing_a_contact_keeps_its_consent_record(database):
    contacts = ContactService(database)
    consent = ConsentData(
        given_on=date(2026, 1, 10), purpose="Kontakt auf Aushängen", method=ConsentMethod.WRITTEN
    )
    person = contacts.create(
        ContactData(name="Olena K.", legal_basis=LegalBasis.CONSENT, consents=[consent])
    )
    before = contacts.get(person).consents[0].id

    data = contacts.get(person)
    data.phone = "0123 45678-98"
    contacts.update(data)

    assert [c.id for c in contacts.get(person).consents] == [before]
