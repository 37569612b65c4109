"""Lists sort enum columns by what the user reads, not by the stored code."""

from __future__ import annotations

from datetime import date

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService


def _categories(offers: OfferService) -> list[OfferCategory]:
    return [row[2] for row in offers.list_rows(ListQuery(sort_key="category"))]


def test_categories_sort_by_their_label_in_the_ui_language(database):
    offers = OfferService(database)
    for title, category in (
        ("Bewerbung", OfferCategory.WORK),
        ("Sprachcafé", OfferCategory.LANGUAGE),
        ("Elterncafé", OfferCategory.FAMILY),
    ):
        offers.create(
            OfferData(
                texts=[OfferTextData("de", title)], category=category, start_date=date(2026, 1, 5)
            )
        )
    set_ui_language("de")
    assert _categories(offers) == [
        OfferCategory.WORK,
        OfferCategory.FAMILY,
        OfferCategory.LANGUAGE,
    ]  # Arbeit, Familie, Sprache
    set_ui_language("en")
    assert _categories(offers) == [OfferCategory.FAMILY, OfferCategory.LANGUAGE, OfferCategory.WORK]
