"""Erasing a person in one step: deleted, or anonymised, and logged without her data.

Deleting removes the record and its links. Anonymising keeps an unnamed record (kind
and role) so the counts of volunteers stay right, and removes everything else: name,
numbers, address, notes, consents, languages, topics, tags, organisation and offer
links. Both keep salted hashes of the name and number (`erased_names`) for the export's
detector, purge the full-text index, and on SQLite checkpoint the WAL, so the values
are gone from the database file and the -wal file (`secure_delete` zeroes the freed
space). The log holds the former id, the time, the action and a reason from a closed
list: whoever reads it learns that record 17 was erased, not who she was.

A restore puts an older backup in place; `reapply` erases again everyone the backup
still holds but the log of the replaced database says was erased.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ContactKind, LegalBasis, OfferStatus
from gwa_desktop.domain.retention import ErasureAction, ErasureReason
from gwa_desktop.i18n import _
from gwa_desktop.services.erased_names import remember_erased
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.search_text import contact_search_text
from gwa_desktop.services.volunteer_profiles import forget_volunteer
from gwa_desktop.storage.database import Database, discard_upgrade_copies
from gwa_desktop.storage.models import (
    Contact,
    ErasureLogEntry,
    Offer,
    OfferPrintContact,
    OfferText,
    offer_contacts,
    utcnow,
)
from gwa_desktop.storage.search_index import purge

#: Columns that go when a person is anonymised, with the labels the confirmation names.
PERSONAL_COLUMNS = ("phone", "email", "street", "postal_code", "city", "notes")


def _column_labels() -> dict[str, str]:
    return {
        "phone": _("Phone"),
        "email": _("E-mail"),
        "street": _("Street"),
        "postal_code": _("Postal code, town"),
        "city": _("Postal code, town"),
        "notes": _("Notes"),
    }


@dataclass(frozen=True)
class ErasurePreview:
    """What an erasure of one person takes away: shown before the officer confirms."""

    contact_id: int
    name: str
    fields: tuple[str, ...]
    consents: int
    offers: tuple[str, ...]
    sole_contact_of: tuple[str, ...]

    def describe(self) -> str:
        """The confirmation text: every kind of data that goes, and the offers affected."""
        parts = [_("Name"), *self.fields]
        if self.consents:
            parts.append(_("{n} consent records").format(n=self.consents))
        lines = [
            _("Erasing {name} (no. {id}) removes: {what}.").format(
                name=self.name, id=self.contact_id, what=", ".join(parts)
            )
        ]
        if self.offers:
            lines.append(
                _("She is no longer named as contact person of: {offers}.").format(
                    offers=", ".join(self.offers)
                )
            )
        if self.sole_contact_of:
            lines.append(sole_contact_message(self.sole_contact_of))
        lines.append(_("The erasure log keeps only the number, the date and the reason."))
        return "\n".join(lines)


@dataclass(frozen=True)
class LoggedErasure:
    """One entry of the erasure log, as shown and as carried into a restored backup."""

    token: str
    contact_id: int
    erased_at: datetime
    action: ErasureAction
    reason: ErasureReason


def sole_contact_message(titles: Iterable[str]) -> str:
    return _(
        "She is the only contact person of the active offers {offers}; after the erasure they have none. "
        "Name another contact person first, or confirm that the offers go without one."
    ).format(offers=", ".join(f"„{title}“" for title in titles))


class ErasureService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def preview(self, contact_id: int) -> ErasurePreview:
        with self.database.session() as session:
            contact = _person(session, contact_id)
            labels = _column_labels()
            filled = tuple(
                dict.fromkeys(labels[c] for c in PERSONAL_COLUMNS if getattr(contact, c).strip())
            )
            if contact.organisation_id is not None:
                filled += (_("Organisation"),)
            if contact.languages or contact.topics or contact.tags:
                filled += (_("Languages, topics and tags"),)
            return ErasurePreview(
                contact.id,
                contact.name,
                filled,
                len(contact.consents),
                tuple(_offer_titles(session, contact.id)),
                tuple(_sole_contact_of(session, contact.id)),
            )

    def erase(
        self,
        contact_id: int,
        reason: ErasureReason,
        action: ErasureAction = ErasureAction.DELETED,
        even_if_sole_contact: bool = False,
    ) -> LoggedErasure:
        """Delete or anonymise the person and log it, in one transaction.

        Refused (ValidationError) when she is the only contact person of an active offer,
        unless `even_if_sole_contact`: the officer has seen the offers and confirmed.
        """
        with self.database.session() as session:
            contact = _person(session, contact_id)
            sole = _sole_contact_of(session, contact_id)
            if sole and not even_if_sole_contact:
                raise ValidationError({"": sole_contact_message(sole)})
            _apply(session, contact, action, date.today())
            entry = log_erasure(session, contact_id, action, reason)
            purge(session.connection(), "contacts")
            logged = _logged(entry)
        wipe_traces(self.database)
        return logged

    def log(self) -> list[LoggedErasure]:
        """The erasure log, oldest first."""
        with self.database.session() as session:
            entries = session.scalars(select(ErasureLogEntry).order_by(ErasureLogEntry.id))
            return [_logged(entry) for entry in entries]

    def reapply(self, entries: Iterable[LoggedErasure]) -> list[LoggedErasure]:
        """Erase again what `entries` (the log of the replaced database) name and this
        database does not know as erased; returns those entries, now logged here too."""
        applied = []
        with self.database.session() as session:
            known = set(session.scalars(select(ErasureLogEntry.token)))
            for entry in entries:
                if entry.token in known:
                    continue
                contact = session.get(Contact, entry.contact_id)
                if contact is not None and contact.kind is ContactKind.PERSON:
                    _apply(session, contact, entry.action, entry.erased_at.date())
                session.add(
                    ErasureLogEntry(
                        token=entry.token,
                        contact_id=entry.contact_id,
                        erased_at=entry.erased_at,
                        action=entry.action,
                        reason=entry.reason,
                    )
                )
                applied.append(entry)
            session.flush()
            if applied:
                purge(session.connection(), "contacts")
        if applied:
            wipe_traces(self.database)
        return applied


def wipe_traces(database: Database) -> None:
    """Write the WAL into the database file and empty it: the erased values were in old
    page images there. `secure_delete` has zeroed them in the file itself. The copies
    from before program upgrades hold them too and go as well."""
    if database.is_sqlite:
        with database.engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        discard_upgrade_copies(database)


def _person(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFoundError(contact_id)
    if contact.kind is not ContactKind.PERSON:
        raise ValidationError(
            {
                "": _(
                    "{name} is an organisation. Erasure applies to private persons; delete an organisation in the contact list."
                ).format(name=contact.name)
            }
        )
    return contact


def log_erasure(
    session: Session, contact_id: int, action: ErasureAction, reason: ErasureReason
) -> ErasureLogEntry:
    """Add the log entry of an erasure made in this transaction."""
    entry = ErasureLogEntry(
        token=secrets.token_hex(16),
        contact_id=contact_id,
        erased_at=utcnow(),
        action=action,
        reason=reason,
    )
    session.add(entry)
    session.flush()
    return entry


def reduce_to_name(session: Session, contact: Contact, on: date) -> tuple[bool, list[str]]:
    """A withdrawal: every consent ends `on`; with consent as her basis everything but
    name and organisation goes (Art. 7(3) GDPR). Returns whether data went, and the
    German titles of the offers she was contact person of and no longer is."""
    for consent in contact.consents:
        consent.withdrawn_on = consent.withdrawn_on or on
    if contact.kind is ContactKind.PERSON:
        remember_erased(session, [contact.name], [contact.phone])
    if contact.legal_basis is not LegalBasis.CONSENT:
        return False, []
    contact.legal_basis = None
    contact.role = None
    contact.role_links.clear()
    for name in PERSONAL_COLUMNS:
        setattr(contact, name, "")
    contact.languages.clear()
    contact.topics.clear()
    contact.tags.clear()
    forget_volunteer(session, contact)
    contact.search_text = contact_search_text(name=contact.name)
    # Flyers name contact persons in public: she may no longer stand on them.
    lost = _offer_titles(session, contact.id)
    session.execute(delete(offer_contacts).where(offer_contacts.c.contact_id == contact.id))
    return True, lost


def _apply(session: Session, contact: Contact, action: ErasureAction, on: date) -> None:
    if action is ErasureAction.REDUCED:
        reduce_to_name(session, contact, on)
        session.flush()
        return
    remember_erased(session, [contact.name], [contact.phone])
    if action is ErasureAction.DELETED:
        session.delete(contact)
        session.flush()
        return
    contact.name = _("Anonymised person {id}").format(id=contact.id)
    for column in PERSONAL_COLUMNS:
        setattr(contact, column, "")
    contact.legal_basis = None
    contact.organisation_id = None
    contact.consents.clear()
    contact.languages.clear()
    contact.topics.clear()
    contact.tags.clear()
    contact.role_links = [link for link in contact.role_links if link.role is contact.role]
    forget_volunteer(session, contact)
    contact.sort_key = sort_key(contact.name)
    contact.search_text = contact_search_text(name=contact.name)
    session.execute(delete(offer_contacts).where(offer_contacts.c.contact_id == contact.id))
    session.execute(
        update(OfferPrintContact)
        .where(OfferPrintContact.contact_id == contact.id)
        .values(contact_id=None)
    )
    session.flush()


def _offer_titles(session: Session, contact_id: int) -> list[str]:
    return sorted(
        session.scalars(
            select(OfferText.title)
            .join(offer_contacts, offer_contacts.c.offer_id == OfferText.offer_id)
            .where(offer_contacts.c.contact_id == contact_id, OfferText.language == "de")
        ),
        key=str.casefold,
    )


def _sole_contact_of(session: Session, contact_id: int) -> list[str]:
    """German titles of the active offers whose only contact person she is."""
    other = offer_contacts.alias("other")
    others = (
        select(func.count())
        .select_from(other)
        .where(other.c.offer_id == Offer.id, other.c.contact_id != contact_id)
        .correlate(Offer)
        .scalar_subquery()
    )
    return sorted(
        session.scalars(
            select(OfferText.title)
            .join(Offer, Offer.id == OfferText.offer_id)
            .join(offer_contacts, offer_contacts.c.offer_id == Offer.id)
            .where(
                offer_contacts.c.contact_id == contact_id,
                Offer.status == OfferStatus.ACTIVE,
                OfferText.language == "de",
                others == 0,
            )
        ),
        key=str.casefold,
    )


def _logged(entry: ErasureLogEntry) -> LoggedErasure:
    return LoggedErasure(entry.token, entry.contact_id, entry.erased_at, entry.action, entry.reason)
