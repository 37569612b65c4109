"""Free texts have a maximum at input, and every print bounds what it lays out.

A 5 MB paste into the notes was stored; a 160,000-character description took three
minutes to print. Input now refuses such texts at their field; a print of one that is
already stored (older data, raw SQL, an import) shows its beginning with "…" and says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ConsentMethod, LegalBasis
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.i18n import _
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.printing import OverviewSelection, PrintingService
from gwa_desktop.services.validation import TEXT_LIMITS, max_length
from gwa_desktop.storage.models import OfferText
from tests.output.print_samples import flat_text
from tests.services.service_builders import activity_data, offer_data, person, sql

FIVE_MB = "Notiz " * (5 * 1024 * 1024 // 6)
SENTENCE = "Deutsch üben beim Tee. "


def test_five_megabytes_of_notes_are_refused_at_the_field(contacts, activities):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(name="Mina Yusuf", legal_basis=LegalBasis.PUBLIC_TASK, notes=FIVE_MB)
        )
    assert caught.value.errors == {
        "notes": _("This is too long: at most {n} characters.").format(n=10_000)
    }
    with pytest.raises(ValidationError) as caught:
        activities.create(activity_data(notes=FIVE_MB))
    assert set(caught.value.errors) == {"notes"}
    assert contacts.count() == activities.count() == 0


def test_notes_up_to_the_limit_are_kept_whole(contacts):
    notes = "x" * TEXT_LIMITS["contacts.notes"]
    contact_id = person(contacts, "Mina Yusuf", notes=notes)
    assert contacts.get(contact_id).notes == notes


def test_an_overlong_description_is_refused_naming_its_language(offers):
    data = offer_data()
    data.texts = [
        OfferTextData("de", "Sprachcafé", "kurz"),
        OfferTextData("ar", "مقهى اللغة", "ن" * 5_001),
    ]
    with pytest.raises(ValidationError) as caught:
        offers.create(data)
    assert caught.value.errors == {
        "texts": _("The description in {language} is too long: at most {n} characters.").format(
            language="ar", n=5_000
        )
    }


def test_consent_purpose_and_officer_address_are_bounded(contacts, settings):
    consent = ConsentData(
        given_on=date(2025, 3, 1), purpose="Einladungen " * 200, method=ConsentMethod.WRITTEN
    )
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(name="Mina Yusuf", legal_basis=LegalBasis.CONSENT, consents=[consent])
        )
    assert set(caught.value.errors) == {"consents"}
    with pytest.raises(ValidationError) as caught:
        settings.save(
            MunicipalityData(name="Gemeinde Lindenbach", officer_address="Rathausplatz 1\n" * 100)
        )
    assert set(caught.value.errors) == {"officer_address"}


def test_one_place_says_how_long_a_column_may_be():
    """Imports (XLIFF translations) ask the same function as the forms."""
    assert max_length(OfferText.__table__.c.description) == 5_000
    assert max_length(OfferText.__table__.c.title) == 200


def _offer_with_stored_description(offers, database, length: int) -> int:
    offer_id = offers.create(offer_data("Sprachcafé", place_name="Bürgerhaus"))
    with database.engine.begin() as connection:  # as older data or a raw import left it
        connection.execute(
            text("UPDATE offer_texts SET description = :d WHERE offer_id = :id"),
            {"d": SENTENCE * (length // len(SENTENCE)), "id": offer_id},
        )
    return offer_id


def test_a_flyer_of_a_160000_character_description_shows_its_beginning_and_warns(
    offers, contacts, settings, database
):
    offer_id = _offer_with_stored_description(offers, database, 160_000)
    printing = PrintingService(offers, contacts, settings, today=lambda: date(2026, 3, 1))

    result = printing.flyer(offer_id, FlyerOptions(("de",)))

    printed = flat_text(result.pdf)
    assert SENTENCE.strip() in printed and "…" in printed
    assert (
        printed.count(SENTENCE.strip()) <= 5_000 // len(SENTENCE) + 1
    )  # at most the limit was laid out
    assert [w.kind for w in result.warnings if w.kind == "truncated"] == ["truncated"]
    assert "“Sprachcafé”" in next(w.message for w in result.warnings if w.kind == "truncated")
    assert (
        len(sql(database, "SELECT description FROM offer_texts")[0][0]) >= 159_000
    )  # the stored text stays


def test_an_overview_bounds_old_overlong_texts_too(offers, contacts, settings, database):
    offer_id = _offer_with_stored_description(offers, database, 160_000)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE offers SET place_name = :p"), {"p": "Bürgerhaus " * 1000})
    printing = PrintingService(offers, contacts, settings, today=lambda: date(2026, 3, 1))

    result = printing.overview(OverviewSelection(offer_ids=(offer_id,)), OverviewOptions())

    assert "truncated" in [w.kind for w in result.warnings]


def test_a_print_within_the_limits_has_no_cut_warning(offers, contacts, settings):
    offer_id = offers.create(
        replace(offer_data(), texts=[OfferTextData("de", "Sprachcafé", "Deutsch üben.")])
    )
    printing = PrintingService(offers, contacts, settings, today=lambda: date(2026, 3, 1))
    assert "truncated" not in [
        w.kind for w in printing.flyer(offer_id, FlyerOptions(("de",))).warnings
    ]
