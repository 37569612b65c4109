"""A full scan of a generated anonymous export: no member, no cell carries a private test value."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.exchange.package import SIGNATURE
from gwa_desktop.exchange.privacy_detector import fold_word
from gwa_desktop.exchange.records import Period
from gwa_desktop.exchange.vocabulary import PRIVATE_PLACE
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_preview import outgoing_texts
from tests.exchange.privacy_variants import (
    PERSONS,
    address_variants,
    case_number_variants,
    email_variants,
    name_variants,
    phone_variants,
)

PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
PHONES = {
    "Anna Müller": "0176 5550123",
    "Jürgen Weißbach": "06221 12345",
    "Yusuf Demir": "0151 77788990",
    "Olena Kovalenko": "0621 4711",
    "Zoë Brösel": "030 2345678",
}
GONE = ("Greta Wendelstein", "0151 7778899")
WITHDRAWN = ("Lotte Quandelmeier", "0171 3334455")
CHUNK = 12


def _units(name: str, content: bytes) -> list[str]:
    """Every text a reader of the member sees: JSON strings, CSV cells, workbook cells and XML text."""
    if name.endswith(".json"):

        def strings(value):
            if isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                for item in value.values():
                    yield from strings(item)
            elif isinstance(value, list):
                for item in value:
                    yield from strings(item)

        value = json.loads(content)
        if name == "manifest.json":
            # The signer's random public key in base64: a letter run in it can spell a
            # short first name ("zo") by chance, in one run out of some hundreds.
            value.pop("signer")
        return list(strings(value))
    if name.endswith(".csv"):
        return [
            cell
            for row in csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
            for cell in row
        ]
    if name.endswith(".xlsx"):
        book = load_workbook(io.BytesIO(content))
        cells = [
            str(c.value)
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for c in row
            if c.value is not None
        ]
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = [
                re.sub(r"<[^>]+>", " ", archive.read(n).decode("utf-8"))
                for n in archive.namelist()
                if n.endswith(".xml")
            ]
        return cells + xml
    if name == SIGNATURE:
        return []  # the Ed25519 signature: 64 bytes, no text in it
    return [content.decode("utf-8")]


def _leaks(
    units: list[str], private_words: set[str], private_digits: set[str]
) -> list[tuple[str, str]]:
    found = []
    for unit in units:
        words = {fold_word(w) for w in re.findall(r"[^\W\d_]+", unit)}
        words |= {w[:-1] for w in words if w.endswith("s")}  # a genitive names her too
        digits = re.sub(r"[\s\-/()+]", "", unit)
        found += [(word, unit[:80]) for word in private_words & words]
        found += [(number, unit[:80]) for number in private_digits if number in digits]
    return found


@pytest.fixture
def village(services):
    services.settings.save(MunicipalityData(name="Gemeinde Lindental", district="Landkreis Süd"))
    for first, last in PERSONS:
        name = f"{first} {last}"
        services.contacts.create(
            ContactData(
                name=name,
                phone=PHONES[name],
                email=f"{fold_word(last)}@example.org",
                street="Gartenweg 7",
                legal_basis=LegalBasis.PUBLIC_TASK,
            )
        )
    gone = services.contacts.create(
        ContactData(name=GONE[0], phone=GONE[1], legal_basis=LegalBasis.PUBLIC_TASK)
    )
    withdrawn = services.contacts.create(
        ContactData(
            name=WITHDRAWN[0],
            phone=WITHDRAWN[1],
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(given_on=date(2025, 5, 1), purpose="Einladungen")],
        )
    )
    services.contacts.create(
        ContactData(name="Caritas Lindental", kind=ContactKind.ORGANISATION, street="Marktplatz 1")
    )
    variants = [
        text
        for generator in (
            name_variants,
            phone_variants,
            address_variants,
            email_variants,
            case_number_variants,
        )
        for text, _private in generator()
    ]
    variants += [
        f"Wendelsteins Garten, {GONE[1].replace(' ', '-')}",
        f"Rückruf {WITHDRAWN[1]} (Frau Quandelmeier)",
    ]
    offers = []
    for start in range(0, len(variants), CHUNK):
        chunk = variants[start : start + CHUNK]
        offers.append(
            services.offers.create(
                OfferData(
                    texts=[OfferTextData("de", chunk[0][:200], " | ".join(chunk))],
                    category=OfferCategory.FAMILY,
                    start_date=date(2026, 3, 1),
                    place_name=chunk[-1][:200],
                    city="Lindental",
                )
            )
        )
    services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Elterncafé", "Anmeldung im Rathaus, Marktplatz 1")],
            category=OfferCategory.FAMILY,
            start_date=date(2026, 3, 1),
            place_name="Wohnzimmer bei Yilmaz",
            place_is_private=True,
            street="Gartenweg 7",
        )
    )
    services.activities.create(
        ActivityData(
            occurred_on=date(2026, 4, 2),
            kind=ActivityKind.COUNSELLING,
            title="Hausbesuch bei Familie Yilmaz",
            offer_id=offers[0],
            participants_total=1,
            notes="Tel. 0176 5550123, Az. 2 K 123/24",
        )
    )
    services.contacts.delete([gone])
    services.contacts.withdraw_consent(withdrawn, date(2026, 2, 1))
    return services, len(variants)


def _private_values() -> tuple[set[str], set[str]]:
    words = {fold_word(w) for first, last in PERSONS for w in (first, last)} | {
        "wendelstein",
        "quandelmeier",
        "yilmaz",
    }
    words.add(fold_word("Hausbesuch"))
    digits = {n.split()[1] for n in PHONES.values()} | {GONE[1].split()[1], WITHDRAWN[1].split()[1]}
    digits |= {
        "123/24",
        "12345BG0012345",
        "98765BG7654321",
        "123D456789",
        "0532 0130".replace(" ", ""),
        "12.03.1990",
    }
    return words, digits


def test_no_member_of_the_anonymous_export_carries_a_private_value(village, tmp_path):
    services, variant_count = village
    path = export_district(services.database, PERIOD, tmp_path)

    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    units = [unit for name, content in members.items() for unit in _units(name, content)]
    words, digits = _private_values()

    assert variant_count > 3800 and len(members) >= 7 and len(units) > 1000
    assert _leaks(units, words, digits) == []
    assert any(PRIVATE_PLACE in unit for unit in units) and any(
        "Marktplatz 1" in unit for unit in units
    )
    assert not any("Gartenweg" in unit for unit in units)


def test_the_preview_lists_every_text_that_leaves_and_what_was_blanked(village, tmp_path):
    services, _count = village
    texts = outgoing_texts(services.database, PERIOD)
    path = export_district(services.database, PERIOD, tmp_path)
    with zipfile.ZipFile(path) as archive:
        offers = json.loads(archive.read("data/offers.json"))
        activities = json.loads(archive.read("data/activities.json"))

    leaving = {t.text for t in texts}
    exported = {
        o[key]
        for o in offers
        for key in ("title", "description", "place_name", "city", "provider")
        if o[key]
    }
    exported |= {a[key] for a in activities for key in ("title", "offer")}
    assert exported <= leaving
    blanked = [t for t in texts if t.blanked]
    assert len(blanked) > 50 and all("[entfernt]" in t.text for t in blanked)
    assert _leaks([t.text for t in texts], *_private_values()) == []
