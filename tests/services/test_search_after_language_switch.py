"""Labels in the search text: a record saved in one UI language is found in another."""

from __future__ import annotations

from datetime import date

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService


def test_category_and_kind_are_found_in_every_ui_language(database):
    offers, activities = OfferService(database), ActivityService(database)
    set_ui_language("de")
    offers.create(
        OfferData(
            texts=[OfferTextData("de", "Lauftreff")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 5, 4),
        )
    )
    activities.create(
        ActivityData(
            occurred_on=date(2026, 5, 4), kind=ActivityKind.NETWORK_MEETING, title="Runder Tisch"
        )
    )

    set_ui_language("en")
    assert offers.count(ListQuery(text="leisure")) == 1
    assert activities.count(ListQuery(text="network meeting")) == 1
    set_ui_language("uk")
    assert offers.count(ListQuery(text="дозвілля")) == 1
    set_ui_language("de")
    assert offers.count(ListQuery(text="freizeit")) == 1
    assert activities.count(ListQuery(text="netzwerktreffen")) == 1
