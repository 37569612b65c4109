"""Which contact and which number an offer's public prints show, and what that reveals.

Flyers, tear-off strips, QR codes and notice boards hang where anyone reads them. A
contact person is named there only when she consented to exactly that purpose, or when
the contact is an organisation (domain.public_contact); the number is the office's
unless the officer chose the contact's own number for this offer. The print dialog
lists, before the PDF is made, which personal data the print will carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.domain.plain_text import one_line, phone_number
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.i18n import _
from gwa_desktop.output.pdf.offer_view import ContactLine
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import (
    ConsentRecord,
    Contact,
    Offer,
    OfferPrintContact,
    offer_contacts,
)


@dataclass(frozen=True)
class Candidate:
    """A contact person of the offer as the print choice lists her."""

    id: int
    name: str
    kind: ContactKind
    phone: str
    may_be_named: bool


@dataclass(frozen=True)
class PrintChoice:
    """The officer's choice for one offer; `contact_id` None: the first who may be named."""

    contact_id: int | None = None
    number: PrintedNumber = PrintedNumber.OFFICE


@dataclass(frozen=True)
class PublicContact:
    """What one offer's prints show: the contact lines, the number to dial (strips, QR
    code), and in words which personal data that is and who is left out."""

    lines: list[ContactLine]
    phone: str
    personal_data: list[str] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)


class PublicContactService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def candidates(self, offer_id: int) -> list[Candidate]:
        """The offer's contact persons in their stored order, each saying if she may be named."""
        found = self._candidates([offer_id])
        return found.get(offer_id, [])

    def choice(self, offer_id: int) -> PrintChoice:
        return self._choices([offer_id]).get(offer_id, PrintChoice())

    def choose(self, offer_id: int, choice: PrintChoice) -> None:
        """Keep the officer's choice; refuse a contact who is not the offer's contact
        person or who may not be named publicly."""
        with self.database.session() as session:
            if session.get(Offer, offer_id) is None:
                raise NotFoundError(offer_id)
        if choice.contact_id is not None:
            candidate = next(
                (c for c in self.candidates(offer_id) if c.id == choice.contact_id), None
            )
            if candidate is None:
                raise ValidationError(
                    {"contact": _("This contact is not a contact person of the offer.")}
                )
            if not candidate.may_be_named:
                raise ValidationError(
                    {
                        "contact": _(
                            "{name} has not consented to be named publicly on prints. Record that consent first, or print the office."
                        ).format(name=candidate.name)
                    }
                )
        with self.database.session() as session, session.begin():
            row = session.get(OfferPrintContact, offer_id) or OfferPrintContact(offer_id=offer_id)
            row.contact_id, row.number = choice.contact_id, choice.number
            session.add(row)

    def for_offers(
        self, offers: Iterable[OfferData], municipality: MunicipalityData
    ) -> dict[int, PublicContact]:
        """Offer id → what its prints show, with three queries for any number of offers."""
        offers = [offer for offer in offers if offer.id is not None]
        ids = [offer.id for offer in offers if offer.id is not None]
        candidates, choices = self._candidates(ids), self._choices(ids)
        return {
            offer.id: _resolve(
                candidates.get(offer.id, []), choices.get(offer.id, PrintChoice()), municipality
            )
            for offer in offers
            if offer.id is not None
        }

    def _candidates(self, offer_ids: list[int]) -> dict[int, list[Candidate]]:
        if not offer_ids:
            return {}
        with self.database.session() as session:
            rows = session.execute(
                select(
                    offer_contacts.c.offer_id,
                    Contact.id,
                    Contact.name,
                    Contact.kind,
                    Contact.phone,
                )
                .join(Contact, Contact.id == offer_contacts.c.contact_id)
                .where(offer_contacts.c.offer_id.in_(offer_ids))
                .order_by(offer_contacts.c.offer_id, Contact.sort_key, Contact.id)
            ).all()
            consenting = set(
                session.scalars(
                    select(ConsentRecord.contact_id).where(
                        ConsentRecord.contact_id.in_({row[1] for row in rows}),
                        ConsentRecord.names_publicly.is_(True),
                        ConsentRecord.withdrawn_on.is_(None),
                    )
                )
            )
        found: dict[int, list[Candidate]] = {}
        for offer_id, contact_id, name, kind, phone in rows:
            may_be_named = kind is ContactKind.ORGANISATION or contact_id in consenting
            found.setdefault(offer_id, []).append(
                Candidate(contact_id, name, kind, phone, may_be_named)
            )
        return found

    def _choices(self, offer_ids: list[int]) -> dict[int, PrintChoice]:
        if not offer_ids:
            return {}
        with self.database.session() as session:
            rows = session.scalars(
                select(OfferPrintContact).where(OfferPrintContact.offer_id.in_(offer_ids))
            )
            return {row.offer_id: PrintChoice(row.contact_id, row.number) for row in rows}


def _resolve(
    candidates: list[Candidate], choice: PrintChoice, municipality: MunicipalityData
) -> PublicContact:
    """The chosen contact if she may be named (else the first who may), with the office
    number unless her own was chosen; nobody nameable: the officer from the settings."""
    office = phone_number(municipality.officer_phone)
    nameable = [c for c in candidates if c.may_be_named]
    named = next((c for c in nameable if c.id == choice.contact_id), None) or next(
        iter(nameable), None
    )
    withheld = [
        _("{name}: not printed, no consent to be named publicly").format(name=c.name)
        for c in candidates
        if not c.may_be_named
    ]
    if named is None:
        lines = []
        if municipality.officer_name or office:
            lines.append(ContactLine(one_line(municipality.officer_name), office))
        data = [_("Office number {phone} from the settings").format(phone=office)] if office else []
        return PublicContact(lines, office, data, withheld)
    own = phone_number(named.phone) if choice.number is PrintedNumber.CONTACT else ""
    phone = own or office
    if named.kind is ContactKind.ORGANISATION:
        data = [_("{name} (organisation)").format(name=named.name)]
    else:
        data = [_("{name}: name (consented to be named publicly)").format(name=named.name)]
    if own:
        data.append(_("{name}: own phone number {phone}").format(name=named.name, phone=own))
    elif office:
        data.append(_("Office number {phone} from the settings").format(phone=office))
    return PublicContact([ContactLine(one_line(named.name), phone)], phone, data, withheld)
