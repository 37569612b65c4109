"""Data quality checks: one rule per function, each a SQL query returning record ids.

The officer asked for data quality first among shared standards: an offer still active
after its end date misleads a family, a person without a legal basis may not be stored
as she is. Each rule finds exactly its records; the panel and `gwa quality` show the
count and open the record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from gwa_desktop.domain.consent_age import maximum_age_months
from gwa_desktop.domain.enums import ContactKind, OfferStatus
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.i18n import N_, _
from gwa_desktop.services.agenda import missing_headcounts
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import (
    Activity,
    ConsentRecord,
    Contact,
    MunicipalitySettings,
    Offer,
    OfferText,
    offer_contacts,
)


@dataclass(frozen=True)
class Finding:
    """One rule's result: a stable code, the entity its ids name, and the ids."""

    code: str
    entity: str
    message: str
    ids: tuple[int, ...]

    @property
    def label(self) -> str:
        return _(self.message)


def offers_past_end_date(database: Database, today: date) -> list[int]:
    with database.session() as session:
        return list(
            session.scalars(
                select(Offer.id)
                .where(Offer.status == OfferStatus.ACTIVE, Offer.end_date < today)
                .order_by(Offer.id)
            )
        )


def offers_without_contact(database: Database, today: date) -> list[int]:
    with database.session() as session:
        linked = exists().where(offer_contacts.c.offer_id == Offer.id)
        return list(
            session.scalars(
                select(Offer.id)
                .where(Offer.status == OfferStatus.ACTIVE, ~linked, Offer.provider_id.is_(None))
                .order_by(Offer.id)
            )
        )


def offers_without_place(database: Database, today: date) -> list[int]:
    with database.session() as session:
        return list(
            session.scalars(
                select(Offer.id)
                .where(Offer.status == OfferStatus.ACTIVE, Offer.place_name == "")
                .order_by(Offer.id)
            )
        )


def offers_without_time(database: Database, today: date) -> list[int]:
    with database.session() as session:
        return list(
            session.scalars(
                select(Offer.id)
                .where(Offer.status == OfferStatus.ACTIVE, Offer.start_time.is_(None))
                .order_by(Offer.id)
            )
        )


def persons_without_legal_basis(database: Database, today: date) -> list[int]:
    """Persons with more than a name stored and no basis (the services refuse new ones;
    older data or imports may still hold them)."""
    with database.session() as session:
        return list(
            session.scalars(
                select(Contact.id)
                .where(
                    Contact.kind == ContactKind.PERSON,
                    Contact.legal_basis.is_(None),
                    or_(Contact.phone != "", Contact.email != "", Contact.street != ""),
                )
                .order_by(Contact.id)
            )
        )


def _sum(*columns: Any) -> Any:
    return sum((func.coalesce(column, 0) for column in columns), literal(0))


def implausible_activities(database: Database, today: date) -> list[int]:
    """Volunteer hours without volunteers, or a breakdown (gender, age, newcomers and
    regulars) adding up to more than the total: figures the district report would sum."""
    total = Activity.participants_total
    with database.session() as session:
        return list(
            session.scalars(
                select(Activity.id)
                .where(
                    or_(
                        and_(Activity.volunteer_hours > 0, Activity.volunteers_count == 0),
                        _sum(
                            Activity.participants_women,
                            Activity.participants_men,
                            Activity.participants_diverse,
                        )
                        > total,
                        _sum(
                            Activity.age_under_18,
                            Activity.age_18_26,
                            Activity.age_27_64,
                            Activity.age_65_plus,
                        )
                        > total,
                        _sum(Activity.newcomers, Activity.regulars) > total,
                    )
                )
                .order_by(Activity.id)
            )
        )


def offers_with_sessions_without_headcount(database: Database, today: date) -> list[int]:
    return sorted({e.offer_id for e in missing_headcounts(database, today) if e.offer_id})


def offers_missing_texts(database: Database, today: date) -> list[int]:
    """Active offers without a text in a language the municipality's settings name.

    A text counts as there when it has a title and, if the German text has a
    description, a description too (as in the translations dialog, services.
    offer_text_coverage): a translated title over a German paragraph leaves the reader out.
    """
    with database.session() as session:
        settings = session.get(MunicipalitySettings, 1)
        wanted = (
            MunicipalityData(text_languages=settings.text_languages).text_language_codes
            if settings is not None
            else []
        )
        if not wanted:
            return []
        german = aliased(OfferText)
        # Correlated to the offer explicitly: nested in the EXISTS below, it would
        # otherwise bring its own copy of offers and ask about any offer at all.
        german_description = (
            exists()
            .where(
                german.offer_id == Offer.id,
                german.language == REQUIRED_TEXT_LANGUAGE,
                german.description != "",
            )
            .correlate(Offer)
        )
        missing = [
            ~exists().where(
                OfferText.offer_id == Offer.id,
                OfferText.language == code,
                OfferText.title != "",
                or_(OfferText.description != "", ~german_description),
            )
            for code in wanted
        ]
        return list(
            session.scalars(
                select(Offer.id)
                .where(Offer.status == OfferStatus.ACTIVE, or_(*missing))
                .order_by(Offer.id)
            )
        )


def persons_with_outdated_consent(database: Database, today: date) -> list[int]:
    """Persons with a consent (not withdrawn) older than its purpose allows
    (domain.consent_age): time to ask again or to let the data go."""
    with database.session() as session:
        rows = session.execute(
            select(
                ConsentRecord.contact_id,
                ConsentRecord.given_on,
                ConsentRecord.purpose,
                ConsentRecord.names_publicly,
            ).where(ConsentRecord.withdrawn_on.is_(None))
        ).all()
    return sorted(
        {
            contact_id
            for contact_id, given_on, purpose, names_publicly in rows
            if given_on + relativedelta(months=maximum_age_months(purpose, names_publicly)) < today
        }
    )


def likely_duplicate_contacts(database: Database, today: date) -> list[int]:
    """Contacts in a pair that `services.duplicates` scores as likely one."""
    from gwa_desktop.services.duplicates import contact_pairs, record_ids  # RapidFuzz

    return record_ids(contact_pairs(database))


def likely_duplicate_offers(database: Database, today: date) -> list[int]:
    """Offers with the same title, place and weekday as another one."""
    from gwa_desktop.services.duplicates import offer_pairs, record_ids

    return record_ids(offer_pairs(database))


Rule = Callable[[Database, date], list[int]]
#: (code, entity, message, rule) in the order the panel lists them.
RULES: tuple[tuple[str, str, str, Rule], ...] = (
    ("offer_past_end", "offers", N_("Active offers past their end date"), offers_past_end_date),
    ("offer_no_contact", "offers", N_("Offers without a contact"), offers_without_contact),
    ("offer_no_place", "offers", N_("Offers without a place"), offers_without_place),
    ("offer_no_time", "offers", N_("Offers without a time"), offers_without_time),
    (
        "offer_missing_text",
        "offers",
        N_("Active offers without a text in the municipality's languages"),
        offers_missing_texts,
    ),
    (
        "offer_no_headcount",
        "offers",
        N_("Offers with dates of the last weeks without a headcount"),
        offers_with_sessions_without_headcount,
    ),
    (
        "activity_implausible",
        "activities",
        N_("Activities with implausible figures"),
        implausible_activities,
    ),
    (
        "person_no_basis",
        "contacts",
        N_("Persons without a legal basis"),
        persons_without_legal_basis,
    ),
    (
        "consent_outdated",
        "contacts",
        N_("Persons with a consent older than its purpose allows"),
        persons_with_outdated_consent,
    ),
    (
        "contact_duplicate",
        "contacts",
        N_("Likely duplicate contacts"),
        likely_duplicate_contacts,
    ),
    ("offer_duplicate", "offers", N_("Likely duplicate offers"), likely_duplicate_offers),
)


def findings(
    database: Database, today: date, known: dict[str, list[int]] | None = None
) -> list[Finding]:
    """Every rule's finding, empty ones included (the panel shows 0 as good news).

    `known`: ids a caller found already, by rule code (the panel lists the duplicate
    pairs themselves and need not score every contact twice).
    """
    known = known or {}
    return [
        Finding(
            code,
            entity,
            message,
            tuple(known[code] if code in known else rule(database, today)),
        )
        for code, entity, message, rule in RULES
    ]
