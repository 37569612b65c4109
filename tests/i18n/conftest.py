"""Services and a small set of offers for the translation exchange tests."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.registry import Services


def add_offer(offers: OfferService, *texts: OfferTextData) -> int:
    return offers.create(
        OfferData(texts=list(texts), category=OfferCategory.LANGUAGE, start_date=date(2026, 1, 6))
    )


@pytest.fixture
def services(database) -> Services:
    services = Services.on(database)
    services.settings.save(
        MunicipalityData(name="Gemeinde Lindenbach", district="Landkreis Musterland")
    )
    return services


@pytest.fixture
def offer_ids(services) -> dict[str, int]:
    """A café fully in Arabic, a homework club with an Arabic title only, a sewing café in German only."""
    offers = services.offers
    return {
        "cafe": add_offer(
            offers,
            OfferTextData("de", "Sprachcafé", "Deutsch üben bei Kaffee und Kuchen."),
            OfferTextData("ar", "مقهى اللغة", "تدرّب على الألمانية مع القهوة والكعك."),
        ),
        "homework": add_offer(
            offers,
            OfferTextData("de", "Hausaufgabenhilfe", "Dienstags nach der Schule."),
            OfferTextData("ar", "مساعدة في الواجبات المدرسية"),
        ),
        "sewing": add_offer(offers, OfferTextData("de", "Nähcafé")),
    }
