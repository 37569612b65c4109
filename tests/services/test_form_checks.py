"""Input checks of the forms' services: German phone and postcode spellings, warnings
before saving (duplicate titles, text in the wrong script), and what a withdrawal reports."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import LegalBasis, Recurrence
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.domain.plain_text import without_bidi_controls
from gwa_desktop.domain.scripts import expected_scripts, fits_language
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.validation import Checker
from tests.services.service_builders import offer_data, person


@pytest.mark.parametrize(
    "number",
    [
        "(06221) 12345",
        "06221/12345",
        "+49 6221 12345",
        "0151-123 456 78",
        "+49 (0) 6221 12345",
        "06221 12345",
        "0049 6221 12345",
    ],
)
def test_common_german_spellings_of_a_phone_number_are_accepted(contacts, number):
    contact_id = contacts.create(
        ContactData(name="Lena Vogt", legal_basis=LegalBasis.PUBLIC_TASK, phone=number)
    )
    assert contacts.get(contact_id).phone == number


@pytest.mark.parametrize(
    "junk",
    [
        "abc",
        "12",
        "06221 12345 abc",
        "((06221)) 1",
        "0)6221 1",
        "+",
        "06221-",
        "(06221)",
        "++49 6221",
        "0" * 30,
        "ruf mich an",
    ],
)
def test_junk_is_still_refused_as_phone_number(junk):
    check = Checker()
    check.phone("phone", junk)
    assert "phone" in check.errors


@pytest.mark.parametrize("code", ["12a45", "1234", "123456", "D-69117", "691 17"])
def test_a_german_postcode_has_exactly_five_digits(contacts, offers, code):
    with pytest.raises(ValidationError) as caught:
        contacts.create(
            ContactData(name="Lena Vogt", legal_basis=LegalBasis.PUBLIC_TASK, postal_code=code)
        )
    assert caught.value.errors["postal_code"] == _(
        "“{value}” is not a German postal code: it has exactly 5 digits (example: 69117)."
    ).format(value=code)
    with pytest.raises(ValidationError) as caught:
        offers.create(offer_data(postal_code=code))
    assert "postal_code" in caught.value.errors
    assert contacts.count() == 0 and offers.count() == 0


def test_a_five_digit_postcode_is_stored(offers):
    offer_id = offers.create(offer_data(postal_code="07318"))
    assert offers.get(offer_id).postal_code == "07318"


def test_expected_scripts_come_from_the_languages_the_program_knows():
    assert expected_scripts("de") == {"Latn"}
    assert expected_scripts("ar") == {"Arab"}
    assert expected_scripts("prs") == {"Arab"}
    assert expected_scripts("uk") == {"Cyrl"}
    assert expected_scripts("ti") == {"Ethi"}
    assert {"Cyrl", "Latn"} <= expected_scripts("sr")
    assert expected_scripts("xx") == frozenset()


@pytest.mark.parametrize(
    ("text", "language", "fits"),
    [
        ("مقهى اللغة", "de", False),
        ("Мовне кафе", "de", False),
        ("Language café", "ar", False),
        ("مقهى اللغة في Gemeindehaus Lindenbach", "ar", True),
        ("Sprachcafé", "de", True),
        ("15:00 – 17:00, 06221 12345", "ar", True),
        ("", "uk", True),
        ("کافه زبان", "prs", True),
    ],
)
def test_a_text_fits_its_language_when_it_has_a_letter_of_its_script(text, language, fits):
    assert fits_language(text, language) is fits


def test_arabic_in_the_german_title_and_latin_in_the_arabic_text_are_warned_about(offers):
    data = offer_data("مقهى اللغة")
    data.texts.append(OfferTextData("ar", "Language café", "Every Tuesday in the town hall"))
    warnings = offers.warnings(data)
    assert (
        _("The title in {language} is written in {found} letters, not in {expected}.").format(
            language="Deutsch", found="Arabisch", expected="Lateinisch"
        )
        in warnings
    )
    assert (
        _("The description in {language} is written in {found} letters, not in {expected}.").format(
            language="Arabisch", found="Lateinisch", expected="Arabisch"
        )
        in warnings
    )
    assert len(warnings) == 3
    offers.create(data)  # a warning, not a refusal


def test_an_arabic_text_with_latin_names_gives_no_warning(offers):
    data = offer_data("Sprachcafé")
    data.texts.append(
        OfferTextData("ar", "مقهى اللغة", "في Gemeindehaus Lindenbach، الهاتف 06221 12345")
    )
    assert offers.warnings(data) == []


def test_a_second_offer_of_the_same_title_is_warned_about_with_place_and_weekday(offers):
    first = offers.create(
        offer_data("Sprachcafé", place_name="Gemeindehaus", start_date=date(2026, 3, 3))
    )
    twin = offer_data("  sprachCAFÉ ", place_name="Pfarrheim", start_date=date(2026, 3, 5))
    assert [without_bidi_controls(w) for w in offers.warnings(twin)] == [
        _(
            "Another offer has the same title: {offers}. In lists and on prints the two can "
            "hardly be told apart."
        ).format(offers="Sprachcafé (Gemeindehaus, Di.)")
    ]
    second = offers.create(twin)
    assert offers.warnings(offers.get(first)) != []
    assert offers.warnings(offer_data("Hausaufgabenhilfe")) == []
    # Editing an offer is not a duplicate of itself.
    offers.delete([second])
    assert offers.warnings(offers.get(first)) == []


def test_offer_choices_tell_two_offers_of_one_title_apart(offers):
    offers.create(offer_data("Sprachcafé", place_name="Gemeindehaus", start_date=date(2026, 3, 3)))
    offers.create(offer_data("Sprachcafé", place_name="Pfarrheim", start_date=date(2026, 3, 5)))
    offers.create(offer_data("Sommerfest", recurrence=Recurrence.ONCE, start_date=date(2026, 7, 4)))
    labels = [without_bidi_controls(label) for _id, label in offers.choices()]
    assert labels == [
        "Sommerfest (04.07.2026)",
        "Sprachcafé (Gemeindehaus, Di.)",
        "Sprachcafé (Pfarrheim, Do.)",
    ]


def test_withdrawal_names_the_offers_that_lost_their_contact_person(contacts, offers):
    consent = ConsentData(given_on=date(2025, 1, 10), purpose="Kontakt")
    fatima = person(
        contacts,
        "Fatima Ahmadi",
        legal_basis=LegalBasis.CONSENT,
        consents=[consent],
        phone="06221 1",
    )
    other = person(contacts, "Lena Vogt", legal_basis=LegalBasis.PUBLIC_TASK)
    offers.create(offer_data("Sprachcafé", contact_person_ids=[fatima, other]))
    offers.create(offer_data("Elterncafé", contact_person_ids=[fatima]))
    offers.create(offer_data("Hausaufgabenhilfe", contact_person_ids=[other]))

    lost = contacts.withdraw_consent(fatima, date(2026, 3, 1))

    assert lost == ["Elterncafé", "Sprachcafé"]
    assert [o.contact_person_ids for o in offers.get_many()] == [[], [other], [other]]
    assert contacts.withdraw_consent(fatima, date(2026, 3, 2)) == []
