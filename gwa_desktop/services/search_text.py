"""What each record's `search_text` holds: one recipe per entity, for every writer.

The services, the bulk loader and `reindex` all build the text here, so a record found by
"arabisch" after a save is found the same way after a bulk load or a reindex. Labels of
categories, roles and kinds enter in every UI language (`search_words`), and so do
language names: after a catalog changes, `reindex` computes the texts again.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from gwa_desktop.domain.enums import ActivityKind, ContactRole, OfferCategory
from gwa_desktop.domain.languages import language_name
from gwa_desktop.services.validation import fold

# Raise services.index_recipe.RECIPE when a recipe below changes: the stored texts are
# then computed again at start.


_language_name = lru_cache(maxsize=None)(language_name)


def language_words(codes: Iterable[str]) -> list[str]:
    """Codes, then their German and English names, so "arabisch" and "ar" both find."""
    codes = list(codes)
    return [
        *codes,
        *(_language_name(c, "de") for c in codes),
        *(_language_name(c, "en") for c in codes),
    ]


def contact_search_text(
    *,
    name: str,
    phone: str = "",
    email: str = "",
    street: str = "",
    postal_code: str = "",
    city: str = "",
    notes: str = "",
    topics: Iterable[str] = (),
    tags: Iterable[str] = (),
    languages: Iterable[str] = (),
    role: ContactRole | None = None,
    other_roles: Iterable[ContactRole] = (),
) -> str:
    # Tags in one order whoever writes: as typed in a form, by name when read back.
    return fold(
        name,
        phone,
        email,
        street,
        postal_code,
        city,
        notes,
        *topics,
        *sorted(tags),
        *language_words(languages),
        role.search_words if role else "",
        *(other.search_words for other in other_roles),
    )


def offer_search_text(
    *,
    place_name: str,
    street: str,
    city: str,
    texts: Iterable[tuple[str, str]],
    category: OfferCategory,
    languages: Iterable[str] = (),
) -> str:
    """`texts` are (title, description) in every language of the offer."""
    return fold(
        place_name,
        street,
        city,
        *(f"{title} {description}" for title, description in texts),
        category.search_words,
        *language_words(languages),
    )


def activity_search_text(*, title: str, notes: str, kind: ActivityKind) -> str:
    return fold(title, notes, kind.search_words)
