"""A private place is stored with the offer; an erased person leaves only salted hashes behind."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.exchange.privacy_detector import name_words, token_digest
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.storage.models import ErasedToken, InstallationSalt


def test_the_private_place_flag_is_saved_and_changed(database):
    offers = OfferService(database)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Elterncafé")],
            category=OfferCategory.FAMILY,
            start_date=date(2026, 3, 1),
            place_name="Wohnzimmer",
            place_is_private=True,
        )
    )
    offer = offers.get(offer_id)
    assert offer.place_is_private
    offer.place_is_private = False
    offers.update(offer)
    assert not offers.get(offer_id).place_is_private


def _stored(database) -> tuple[bytes, set[str]]:
    with database.session() as session:
        return session.scalar(select(InstallationSalt.salt)), set(
            session.scalars(select(ErasedToken.digest))
        )


def test_deleting_renaming_and_withdrawing_keep_only_salted_hashes(database):
    contacts = ContactService(database)
    greta = contacts.create(
        ContactData(
            name="Greta Wendelstein", phone="0151 7778899", legal_basis=LegalBasis.PUBLIC_TASK
        )
    )
    lotte = contacts.create(
        ContactData(
            name="Lotte Quandelmeier",
            phone="0171 3334455",
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(given_on=date(2025, 5, 1), purpose="Einladungen")],
        )
    )
    hanna = contacts.create(ContactData(name="Hanna Birnbaum"))

    contacts.delete([greta])
    contacts.withdraw_consent(lotte, date(2026, 2, 1))
    renamed = contacts.get(hanna)
    renamed.name = "Hanna Apfelbaum"
    contacts.update(renamed)

    salt, digests = _stored(database)
    assert len(salt) == 32
    for name in ("Greta Wendelstein", "Lotte Quandelmeier", "Hanna Birnbaum"):
        assert {token_digest(salt, "name", word) for word in name_words(name)} <= digests
    assert token_digest(salt, "name", "apfelbaum") not in digests
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT digest FROM erased_tokens").all()
    assert rows and not any(
        word in row[0] for row in rows for word in ("wendelstein", "greta", "7778899")
    )
