"""A small municipality entered through the services, with private persons whose details must never leave."""

from __future__ import annotations

from datetime import date, time

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import (
    ActivityKind,
    ContactKind,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.registry import Services

PERIOD = (date(2026, 1, 1), date(2026, 12, 31))

#: Details of private persons: none of these may appear in an anonymous export.
PRIVATE_DETAILS = (
    "Anna Müller",
    "06321 4711",
    "anna.mueller@example.org",
    "Hauptstraße 17",
    "Dolmetscht dienstags",
    "Yusuf Demir",
    "0176 5550123",
    "yusuf.demir@example.net",
    "Nur abends erreichbar",
    "Olena Koval",
    "olena@example.com",
)


def fill(services: Services, municipality: str = "Gemeinde Lindental") -> dict[str, int]:
    """Enter the sample municipality; returns the ids of the records by short name."""
    services.settings.save(
        MunicipalityData(name=municipality, district="Landkreis Süd", officer_name="Petra Officer")
    )
    contacts = services.contacts
    ids = {
        "caritas": contacts.create(
            ContactData(name="Caritas Lindental", kind=ContactKind.ORGANISATION, phone="06321 100")
        ),
        "anna": contacts.create(
            ContactData(
                name="Anna Müller",
                phone="06321 4711",
                email="anna.mueller@example.org",
                street="Hauptstraße 17",
                notes="Dolmetscht dienstags",
                legal_basis=LegalBasis.PUBLIC_TASK,
                languages=["ar", "de"],
            )
        ),
        "yusuf": contacts.create(
            ContactData(
                name="Yusuf Demir",
                phone="0176 5550123",
                email="yusuf.demir@example.net",
                notes="Nur abends erreichbar",
                legal_basis=LegalBasis.PUBLIC_TASK,
            )
        ),
        "olena": contacts.create(
            ContactData(
                name="Olena Koval", email="olena@example.com", legal_basis=LegalBasis.PUBLIC_TASK
            )
        ),
    }
    offers = services.offers
    ids["cafe"] = offers.create(
        OfferData(
            texts=[
                OfferTextData("de", "Sprachcafé", "Deutsch üben bei Kaffee"),
                OfferTextData("ar", "مقهى اللغة"),
            ],
            category=OfferCategory.LANGUAGE,
            start_date=date(2025, 9, 2),
            start_time=time(15),
            end_time=time(17),
            place_name="Bürgerhaus",
            city="Lindental",
            languages=["ar", "uk"],
            target_groups=[TargetGroup.EVERYONE],
            provider_id=ids["caritas"],
            contact_person_ids=[ids["anna"], ids["yusuf"]],
        )
    )
    ids["homework"] = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Hausaufgabenhilfe")],
            category=OfferCategory.EDUCATION,
            recurrence=Recurrence.BIWEEKLY,
            start_date=date(2026, 2, 4),
            end_date=date(2026, 7, 15),
            start_time=time(14),
            end_time=time(16),
            languages=["fa"],
            target_groups=[TargetGroup.CHILDREN],
        )
    )
    ids["fest"] = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Kürbisfest")],
            category=OfferCategory.LEISURE,
            recurrence=Recurrence.ONCE,
            start_date=date(2026, 10, 3),
            cost_cents=250,
            contact_person_ids=[ids["olena"]],
        )
    )
    ids["old"] = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Nähkurs 2024")],
            category=OfferCategory.LEISURE,
            status=OfferStatus.ENDED,
            start_date=date(2024, 1, 10),
            end_date=date(2024, 6, 30),
        )
    )
    activities = services.activities
    for month in range(1, 7):
        activities.create(
            ActivityData(
                occurred_on=date(2026, month, 10),
                kind=ActivityKind.OFFER_SESSION,
                title="Sprachcafé",
                offer_id=ids["cafe"],
                participants_total=10 + month,
                participants_women=6,
                participants_men=4,
                age_18_26=3,
                age_27_64=7,
                newcomers=2,
                regulars=8,
                languages=["ar", "uk"],
                volunteers_count=2,
                volunteer_hours=3.5,
                notes="Anna Müller hat übersetzt",
            )
        )
    activities.create(
        ActivityData(
            occurred_on=date(2026, 3, 20),
            kind=ActivityKind.COUNSELLING,
            title="Beratung mit Yusuf Demir",
            participants_total=1,
            participants_men=1,
            notes="Nur abends erreichbar",
            organisation_ids=[ids["caritas"]],
        )
    )
    activities.create(
        ActivityData(
            occurred_on=date(2026, 10, 3),
            kind=ActivityKind.EVENT,
            title="Kürbisfest",
            offer_id=ids["fest"],
            participants_total=120,
            participants_diverse=1,
            age_under_18=40,
            age_65_plus=15,
            volunteers_count=12,
            volunteer_hours=48.0,
            languages=["de", "ar", "ti"],
        )
    )
    activities.create(
        ActivityData(
            occurred_on=date(2025, 12, 1),
            kind=ActivityKind.NETWORK_MEETING,
            title="Netzwerktreffen 2025",
            participants_total=8,
        )
    )
    return ids
