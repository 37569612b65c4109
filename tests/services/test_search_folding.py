"""Search forgives accents, umlaut spellings and case, as officers type in a hurry."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.validation import fold, search_words


@pytest.mark.parametrize("typed", ["cafe", "Café", "nahcafe", "naehcafe", "NÄHCAFÉ"])
def test_offer_found_without_accents_or_with_ae_spelling(database, typed):
    offers = OfferService(database)
    offers.create(
        OfferData(
            texts=[OfferTextData("de", "Nähcafé")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 3, 4),
        )
    )
    offers.create(
        OfferData(
            texts=[OfferTextData("de", "Lauftreff")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 3, 4),
        )
    )
    assert [row[1] for row in offers.list_rows(ListQuery(text=typed))] == ["Nähcafé"]


@pytest.mark.parametrize("typed", ["müller", "mueller", "muller", "MÜLLER"])
def test_person_found_by_every_spelling_of_the_umlaut(database, typed):
    contacts = ContactService(database)
    contacts.create(ContactData(name="Jana Müller", legal_basis=LegalBasis.PUBLIC_TASK))
    contacts.create(ContactData(name="Jan Muhle", legal_basis=LegalBasis.PUBLIC_TASK))
    assert [row[1] for row in contacts.list_rows(ListQuery(text=typed))] == ["Jana Müller"]


def test_fold_keeps_letters_of_other_scripts_and_drops_their_marks():
    assert fold("Олена Йовенко") == "олена иовенко"
    assert fold("مُحَمَّد") == "محمد"
    assert search_words("Straße  Café") == ["strasse", "cafe"]


@pytest.mark.parametrize("typed", ["\ud800", "mü\udcff", "ab\udfffcd efg"])
def test_a_lone_surrogate_in_the_search_finds_nothing_instead_of_failing(database, typed):
    """Qt can hand over half a UTF-16 pair from pasted text; no driver encodes it."""
    contacts = ContactService(database)
    contacts.create(ContactData(name="Jürgen Müller", legal_basis=LegalBasis.PUBLIC_TASK))
    assert contacts.list_rows(ListQuery(text=typed)) == []
    assert contacts.count(ListQuery(text=typed)) == 0
