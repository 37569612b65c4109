"""The privacy detector finds generated spellings of names, numbers, addresses and case numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.exchange.privacy_detector import (
    MARK,
    PrivacyDetector,
    fold_word,
    name_words,
    phone_digits,
    token_digest,
)
from tests.exchange.privacy_variants import (
    HARMLESS,
    PERSONS,
    address_variants,
    case_number_variants,
    email_variants,
    name_variants,
    phone_variants,
)

DETECTOR = PrivacyDetector(
    [f"{first} {last}" for first, last in PERSONS], public_words=["Lindental"]
)
GENERATORS = {
    "names": name_variants,
    "phones": phone_variants,
    "addresses": address_variants,
    "e-mails": email_variants,
    "case numbers": case_number_variants,
}


def leaks(detector: PrivacyDetector, variants) -> list[tuple[str, str]]:
    """Variants whose private value survives blanking (compared folded, digits without spaces)."""
    found = []
    for text, private in variants:
        blanked, _kinds = detector.blank(text)
        folded = " ".join(fold_word(word) for word in blanked.replace(MARK, " ").split())
        if fold_word(private) in folded.split() or private.replace(" ", "") in blanked.replace(
            " ", ""
        ):
            found.append((text, blanked))
    return found


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_every_generated_variant_is_blanked(kind):
    variants = list(GENERATORS[kind]())
    assert len(variants) >= 20
    assert leaks(DETECTOR, variants) == []


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_text_is_left_alone(text):
    assert DETECTOR.blank(text) == (text, ())


@settings(max_examples=300, deadline=None)
@given(
    area=st.from_regex(r"0[1-9]\d{1,3}", fullmatch=True),
    subscriber=st.from_regex(r"[1-9]\d{4,7}", fullmatch=True),
    separator=st.sampled_from([" ", "-", "/", "", " / ", " - ", ") "]),
    international=st.booleans(),
    before=st.sampled_from(["Tel. ", "Ruf an: ", "", "(", "Handy "]),
    after=st.sampled_from(["", " oder per Mail", ".", ")"]),
)
def test_phone_numbers_in_any_spelling(area, subscriber, separator, international, before, after):
    prefix = "(" if separator == ") " else ""
    number = (
        f"+49 {area[1:]}{separator}{subscriber}"
        if international and not prefix
        else f"{prefix}{area}{separator}{subscriber}"
    )
    blanked, kinds = PrivacyDetector().blank(f"{before}{number}{after}")
    assert subscriber not in blanked.replace(" ", "") and "phone" in kinds


@settings(max_examples=200, deadline=None)
@given(
    first=st.sampled_from([p[0] for p in PERSONS]),
    last=st.sampled_from([p[1] for p in PERSONS]),
    upper=st.booleans(),
    genitive=st.booleans(),
    words=st.lists(
        st.sampled_from(["Kaffee", "mit", "und", "Garten", "Kinder", "im", "Bürgerhaus"]),
        max_size=4,
    ),
)
def test_names_anywhere_in_a_sentence(first, last, upper, genitive, words):
    name = (last + "s") if genitive else last
    text = " ".join([*words, name.upper() if upper else name, *words])
    blanked, _kinds = DETECTOR.blank(text)
    assert fold_word(last) not in [fold_word(w) for w in blanked.split()]


def test_erased_persons_are_found_through_salted_hashes_only():
    salt = b"s" * 32
    erased = {token_digest(salt, "name", word) for word in name_words("Greta Wendelstein")}
    erased.add(token_digest(salt, "phone", phone_digits("0151 7778899")))
    detector = PrivacyDetector(erased=erased, salt=salt)

    assert (
        detector.blank("Wendelsteins Garten, GRETA hilft")[0]
        == "[entfernt] Garten, [entfernt] hilft"
    )
    assert detector.blank("Sprachcafé")[0] == "Sprachcafé"
    assert not any("wendelstein" in digest for digest in erased)
    assert (
        phone_digits("+49 151 7778899")
        == phone_digits("0049-151-7778899")
        == phone_digits("0151/7778899")
    )


def test_public_addresses_of_organisations_and_offers_may_leave():
    detector = PrivacyDetector(public_addresses=["Marktplatz 1", "Schulstr. 4"])
    assert detector.blank("Rathaus, Marktplatz 1")[0] == "Rathaus, Marktplatz 1"
    assert detector.blank("Grundschule, Schulstraße 4")[0] == "Grundschule, Schulstraße 4"
    assert detector.blank("bei Familie Yilmaz, Gartenweg 7")[0] == "bei Familie [entfernt]"
