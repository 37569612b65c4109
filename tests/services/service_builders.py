"""Builders for typical records and raw SQL access, shared by the service tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.contacts import ContactService


def organisation(service: ContactService, name: str, **values) -> int:
    return service.create(ContactData(name=name, kind=ContactKind.ORGANISATION, **values))


def person(service: ContactService, name: str, **values) -> int:
    """A private person stored under the municipality's public task (all fields allowed)."""
    values.setdefault("legal_basis", LegalBasis.PUBLIC_TASK)
    return service.create(ContactData(name=name, **values))


def offer_data(title: str = "Sprachcafé", **values) -> OfferData:
    values.setdefault("category", OfferCategory.LANGUAGE)
    values.setdefault("start_date", date(2025, 1, 7))
    return OfferData(texts=[OfferTextData("de", title)], **values)


def activity_data(title: str = "Netzwerktreffen", **values) -> ActivityData:
    values.setdefault("occurred_on", date(2025, 3, 4))
    values.setdefault("kind", ActivityKind.NETWORK_MEETING)
    return ActivityData(title=title, **values)


def sql(database, statement: str, **params) -> list[tuple]:
    """Rows straight from the database, bypassing the ORM and its caches."""
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(statement), params)]
