"""Generated spellings of invented persons' names, phone numbers, addresses and numbers.

Each generator yields (variant as it might be typed, the private value that must not
survive). Everything here is invented.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

PERSONS = [
    ("Anna", "Müller"),
    ("Jürgen", "Weißbach"),
    ("Yusuf", "Demir"),
    ("Olena", "Kovalenko"),
    ("Zoë", "Brösel"),
]
TEMPLATES = [
    "{}",
    "Treffen bei {} im Garten",
    "Beratung mit {}.",
    "({})",
    "Rückfragen an {}, bitte.",
    "„{}“ bringt Kuchen",
]


def _german(text: str) -> str:
    return (
        text.replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("Ä", "Ae")
        .replace("Ö", "Oe")
        .replace("Ü", "Ue")
        .replace("ß", "ss")
    )


def _plain(text: str) -> str:
    import unicodedata

    return "".join(
        c
        for c in unicodedata.normalize("NFKD", text.replace("ß", "ss"))
        if not unicodedata.combining(c)
    )


SPELLINGS = [lambda s: s, _german, _plain, str.upper, str.lower, lambda s: _german(s).upper()]
NAME_FORMS = [
    "{first} {last}",
    "Frau {last}",
    "Fr. {last}",
    "Herr {last}",
    "Hr. {last}",
    "Herrn {last}",
    "{last}s",
    "{last}’s",
    "{first}",
    "{last}",
    "Familie {last}",
    "Fam. {last}",
    "{last}, {first}",
    "{first}s Tochter",
]


def name_variants() -> Iterator[tuple[str, str]]:
    for (first, last), form, spell, template in itertools.product(
        PERSONS, NAME_FORMS, SPELLINGS, TEMPLATES
    ):
        private = first if "{last}" not in form else last
        yield template.format(spell(form.format(first=first, last=last))), private


AREA_SUBSCRIBER = [
    ("0176", "5550123"),
    ("06221", "12345"),
    ("0151", "77788990"),
    ("0621", "4711"),
    ("030", "2345678"),
]
PHONE_FORMS = [
    "{a} {s}",
    "{a}-{s}",
    "{a}/{s}",
    "{a}{s}",
    "({a}) {s}",
    "+49 {a1} {s}",
    "+49{a1}{s}",
    "0049 {a1} {s}",
    "+49 (0){a1} {s}",
    "0049-{a1}-{s}",
    "{a} {s2}",
    "{a}/{s2}",
    "+49 {a1} {s2}",
    "Tel.{a}{s}",
    "{a} – {s}",
]


def phone_variants() -> Iterator[tuple[str, str]]:
    for (area, subscriber), form, template in itertools.product(
        AREA_SUBSCRIBER, PHONE_FORMS, TEMPLATES
    ):
        split = " ".join(subscriber[i : i + 2] for i in range(0, len(subscriber), 2))
        text = form.format(a=area, a1=area[1:], s=subscriber, s2=split)
        yield template.format(text), subscriber


STREETS = ["Haupt", "Linden", "Garten", "Mühlen", "Schiller"]
STREET_SUFFIXES = [
    "straße",
    "strasse",
    "str.",
    "str",
    "weg",
    "gasse",
    "platz",
    "allee",
    "ring",
    " Straße",
]
HOUSE_NUMBERS = ["12", "12a", "12 a", "3-5", "7/1"]


def address_variants() -> Iterator[tuple[str, str]]:
    for street, suffix, number in itertools.product(STREETS, STREET_SUFFIXES, HOUSE_NUMBERS):
        address = f"{street}{suffix} {number}"
        yield f"Im Wohnzimmer, {address}", address
        yield f"{address}, 67433 Neustadt", address
        yield f"bei {address.replace(' ', '', 1) if suffix.endswith('.') else address}", address
    for preposition, name in itertools.product(
        ["Am", "An der", "Auf dem", "Im", "Zum", "Zur"], ["Markt", "Kirche", "Brunnen"]
    ):
        yield f"Treffpunkt {preposition} {name} 4, hinten", f"{preposition} {name} 4"


def email_variants() -> Iterator[tuple[str, str]]:
    for local, domain in itertools.product(
        ["anna.mueller", "y.demir", "olena_k+gwa"], ["example.org", "mail.example.net"]
    ):
        for spelled in (
            f"{local}@{domain}",
            f"{local} (at) {domain}",
            f"{local}[at]{domain}",
            f"{local.upper()}@{domain.upper()}",
        ):
            yield f"Anmeldung: {spelled}!", local.split(".")[-1].split("_")[0]


CASE_NUMBERS = [
    ("Az. 2 K 123/24", "123/24"),
    ("AZ: 4711-2026", "4711-2026"),
    ("Aktenzeichen 55-0815/26", "55-0815"),
    ("BG-Nr. 12345BG0012345", "12345BG0012345"),
    ("BG-Nummer 98765BG7654321", "98765BG7654321"),
    ("Kundennummer: 123D456789", "123D456789"),
    ("Kd.-Nr. 4711", "4711"),
    ("Vorgang 2026/4711", "2026/4711"),
    ("Gz. III-44/2026", "III-44/2026"),
    ("IBAN DE89 3704 0044 0532 0130 00", "0532 0130"),
    ("geb. 12.03.1990", "12.03.1990"),
    ("Fallnummer 7788-A", "7788-A"),
    ("Steuer-ID 12 345 678 901", "678 901"),
]


def case_number_variants() -> Iterator[tuple[str, str]]:
    for (text, private), template in itertools.product(CASE_NUMBERS, TEMPLATES):
        yield template.format(text), private


#: Texts without anything personal: the detector must leave them alone.
HARMLESS = [
    "Sprachcafé im Bürgerhaus",
    "Treffen am 10.01.2026 um 15:00 Uhr",
    "Schuljahr 2025/2026",
    "Kosten: 1.250,00 €",
    "Kinder von 6 bis 12 Jahren, 3 Gruppen",
    "Herr der Ringe – Filmabend",
    "Für Frauen und Mädchen",
    "Deutsch üben bei Kaffee und Kuchen",
    "Anmeldung bis 15.3.",
    "14–16 Uhr",
    "Raum 4, 1. Stock",
]
