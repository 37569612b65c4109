"""Generated records and searches for comparing the full-text index with LIKE.

Shared by the SQLite test (tests/services/test_search_index.py) and the PostgreSQL one
(tests/storage/test_postgresql.py): the same names, the same searches, the same answer
computed in Python from the stored `search_text`.
"""

from __future__ import annotations

import random
from datetime import date

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.registry import Services
from gwa_desktop.services.validation import search_words

FIRST = [
    "Jana", "Jürgen", "Zoë", "Ömer", "Çağla", "François", "Ängela", "Łukasz", "Ñuño",
    "محمد", "فاطمة", "عبد الله", "Олена", "Йосип", "O'Brien", 'Anna "Nana"', "Mi*ka",
    "Jean-Luc", "NEAR", "AND", "(Vorstand)", "Dr: Weiß", "Œdipe", "Ǆemal", "Ali", "Li",
]  # fmt: skip
LAST = [
    "Müller", "Mueller", "Muller", "Schäfer", "Böhm", "Dvořák", "Núñez", "al-Hassan",
    "الحسن", "Йовенко", "Großmann", "Ærø", "Øster", "Ĳssel", "Café", "Nähcafé",
    "100%", "a_b", "back\\slash", "N.E.A.R", "x OR y", "{brace}", "^caret", "Ab",
]  # fmt: skip
#: Searches that are special somewhere: FTS5 syntax, LIKE wildcards, escapes, short words.
SPECIAL = [
    '"', '""', '"mül', "mül*", "*", "-", "-mül", "NEAR", "near", "NEAR(a b)", "AND", "OR",
    "NOT", "(", ")", "(vor", ":", "dr:", "search_text:mül", "^ca", "{b", "%", "_", "a_b",
    "\\", "/", "ü", "ä", "ß", "ss", "é", "e", "ae", "ue", "mueller", "schaefer", "boehm",
    "nahcafe", "naehcafe", "CAFÉ", "محم", "مح", "ال", "ол", "йо", "ab", "a", "li",
    "jana mül", "mü ll", "ll mü", "al-", "o'b", "'", "ǆ", "dž", "œ", "oe", "æ", "ij",
    "   ", "x or y", "n.e", "ﬁ",
]  # fmt: skip


def fill(services: Services, seed: int = 7) -> random.Random:
    """About sixty contacts (some in organisations), offers and activities with the names."""
    rng = random.Random(seed)
    organisations = [
        services.contacts.create(
            ContactData(name=f"{rng.choice(LAST)} e.V.", kind=ContactKind.ORGANISATION)
        )
        for _ in range(6)
    ]
    for number in range(60):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        services.contacts.create(
            ContactData(
                name=name,
                legal_basis=LegalBasis.PUBLIC_TASK,
                organisation_id=rng.choice([None, *organisations]),
                notes=rng.choice(["", f"kennt {rng.choice(FIRST)}"]),
                city=rng.choice(["", "Köln", "Düsseldorf", "Ōsaka"]),
            )
        )
        if number % 3 == 0:
            services.offers.create(
                OfferData(
                    texts=[
                        OfferTextData("de", f"Treff {name}", f"mit {rng.choice(LAST)}"),
                        OfferTextData("ar", rng.choice(FIRST), ""),
                    ],
                    category=rng.choice(list(OfferCategory)),
                    start_date=date(2025, 1, 7),
                    place_name=rng.choice(LAST),
                )
            )
        services.activities.create(
            ActivityData(
                occurred_on=date(2025, 3, 1 + number % 28),
                kind=rng.choice(list(ActivityKind)),
                title=f"Besuch {rng.choice(LAST)}",
                notes=name,
            )
        )
    return rng


def searches(rng: random.Random, count: int = 120) -> list[str]:
    """SPECIAL, then pieces of one to seven letters cut from names, in any case."""
    typed = list(SPECIAL)
    for _ in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        start = rng.randrange(len(name))
        piece = name[start : start + rng.randint(1, 7)]
        typed.append(piece.upper() if rng.random() < 0.3 else piece)
    return typed


def matches(stored: str, typed: str) -> bool:
    """The LIKE search as Python says it: every typed word occurs in the stored text."""
    return all(word in stored for word in search_words(typed))
