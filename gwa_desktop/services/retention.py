"""Retention periods per legal basis, and the list of persons due for erasure.

The last contact with a person is the latest of:
- the day her record was created or last saved (the officer writes down what she
  learned when she was in touch; re-indexing does not count, it keeps `updated_at`),
- the day a consent of hers was given or withdrawn,
- the latest activity held for an offer she is contact person of.
While she is contact person of an active offer the purpose goes on, so she is never
due. Only private persons are listed: an organisation's record is no personal data.
Persons already anonymised are not listed again.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from gwa_desktop.domain.enums import ContactKind, LegalBasis, OfferStatus
from gwa_desktop.domain.retention import (
    BASIS_KEYS,
    DEFAULT_MONTHS,
    MAX_MONTHS,
    MIN_MONTHS,
    NO_BASIS,
    ErasureAction,
    basis_label,
)
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import (
    Activity,
    ConsentRecord,
    Contact,
    ErasureLogEntry,
    Offer,
    RetentionPeriod,
    offer_contacts,
)


@dataclass(frozen=True)
class DuePerson:
    """A person whose retention period has ended: what the review list shows."""

    id: int
    name: str
    basis: str
    last_contact: date
    due_on: date
    months: int

    @property
    def basis_label(self) -> str:
        return basis_label(self.basis)


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def period_problem(months: object) -> str | None:
    """Why `months` cannot be a retention period, or None when it can."""
    if type(months) is not int or not MIN_MONTHS <= months <= MAX_MONTHS:
        return _(
            "A retention period must lie between {low} and {high} months (ten years); {value} is not possible. "
            "Personal data may be kept only as long as its purpose needs it, and a review needs at least a month."
        ).format(low=MIN_MONTHS, high=MAX_MONTHS, value=months)
    return None


class RetentionService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def periods(self) -> dict[str, int]:
        """Months per key of domain.retention.BASIS_KEYS, the default where none is stored."""
        with self.database.session() as session:
            return _periods(session)

    def set_period(self, key: str, months: int) -> None:
        if key not in BASIS_KEYS:
            raise ValidationError({"legal_basis": _("Choose a legal basis from the list.")})
        problem = period_problem(months)
        if problem:
            raise ValidationError({key: problem})
        with self.database.session() as session:
            row = session.get(RetentionPeriod, key)
            if row is None:
                session.add(RetentionPeriod(legal_basis=key, months=months))
            else:
                row.months = months

    def due(self, today: date) -> list[DuePerson]:
        """Persons whose last contact lies longer ago than their basis' period, oldest first."""
        with self.database.session() as session:
            periods = _periods(session)
            found = []
            for contact_id, name, basis, last in _last_contacts(session):
                key = basis.value if basis is not None else NO_BASIS
                due_on = add_months(last, periods[key])
                if due_on <= today:
                    found.append(DuePerson(contact_id, name, key, last, due_on, periods[key]))
        return sorted(found, key=lambda person: (person.due_on, person.id))

    def last_contact(self, contact_id: int) -> date | None:
        """The day of the last contact (see the module); None for an organisation, an
        anonymised person or one who is contact person of an active offer."""
        with self.database.session() as session:
            rows = _last_contacts(session, contact_id)
            return rows[0][3] if rows else None


def _periods(session: Session) -> dict[str, int]:
    rows = session.execute(select(RetentionPeriod.legal_basis, RetentionPeriod.months))
    stored = {key: months for key, months in rows}
    return {key: stored.get(key, DEFAULT_MONTHS) for key in BASIS_KEYS}


def _last_contacts(
    session: Session, contact_id: int | None = None
) -> list[tuple[int, str, LegalBasis | None, date]]:
    """(id, name, legal basis, last contact) of every person that may become due."""
    consents = (
        select(func.max(func.coalesce(ConsentRecord.withdrawn_on, ConsentRecord.given_on)))
        .where(ConsentRecord.contact_id == Contact.id)
        .scalar_subquery()
    )
    activities = (
        select(func.max(Activity.occurred_on))
        .join(offer_contacts, offer_contacts.c.offer_id == Activity.offer_id)
        .where(offer_contacts.c.contact_id == Contact.id)
        .scalar_subquery()
    )
    active_offer = exists().where(
        offer_contacts.c.contact_id == Contact.id,
        offer_contacts.c.offer_id == Offer.id,
        Offer.status == OfferStatus.ACTIVE,
    )
    anonymised = exists().where(
        ErasureLogEntry.contact_id == Contact.id,
        ErasureLogEntry.action == ErasureAction.ANONYMISED,
    )
    statement = select(
        Contact.id,
        Contact.name,
        Contact.legal_basis,
        Contact.updated_at,
        Contact.created_at,
        consents,
        activities,
    ).where(Contact.kind == ContactKind.PERSON, ~active_offer, ~anonymised)
    if contact_id is not None:
        statement = statement.where(Contact.id == contact_id)
    rows = []
    for row_id, name, basis, updated, created, consented, active in session.execute(statement):
        days = [moment.date() for moment in (updated, created) if moment is not None]
        days += [day for day in (consented, active) if day is not None]
        rows.append((row_id, name, basis, max(days)))
    return rows
