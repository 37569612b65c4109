"""Use cases for contacts: people and organisations of the local network.

GDPR rule enforced here, not in the form: a private person without a legal basis
(a consent that has not been withdrawn, the municipality's public task, or a contract)
may only be stored with name and organisation.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased, selectinload

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ContactKind, ContactRole, LegalBasis
from gwa_desktop.domain.languages import normalise_code
from gwa_desktop.domain.retention import ErasureAction, ErasureReason
from gwa_desktop.i18n import _
from gwa_desktop.services.erased_names import remember_erased
from gwa_desktop.services.erasure import log_erasure, reduce_to_name, wipe_traces
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery, label_order, ordered, search_condition
from gwa_desktop.services.record_service import RecordService, touch
from gwa_desktop.services.row_mapping import plain_columns, read_columns, write_columns
from gwa_desktop.services.search_text import contact_search_text
from gwa_desktop.services.validation import Checker, clean_list
from gwa_desktop.services.volunteer_profiles import (
    apply_profile,
    check_profile,
    read_profile,
)
from gwa_desktop.storage.models import (
    ConsentRecord,
    Contact,
    ContactLanguage,
    ContactRoleLink,
    ContactTopic,
    Tag,
)

#: Keys of the values in each row of `list_rows`, after the id.
CONTACT_COLUMNS = ("name", "kind", "organisation", "role", "phone", "email", "languages", "topics")


#: Fields stored as they are in a column of the same name.
PLAIN_COLUMNS = plain_columns(ContactData, Contact)


class ContactService(RecordService[ContactData]):
    """Deleting a contact removes its link rows; members of an organisation lose the link."""

    model = Contact

    def validate(self, data: ContactData) -> None:
        check = Checker()
        check.required("name", data.name, _("Name"))
        check.email("email", data.email.strip())
        check.phone("phone", data.phone.strip())
        check.postcode("postal_code", data.postal_code.strip())
        check.languages("languages", data.languages)
        if data.kind is ContactKind.ORGANISATION and data.consents:
            check.add(
                "consents", _("Consent records belong to private persons, not to organisations.")
            )
        if data.legal_basis is LegalBasis.CONSENT and not any(c.is_active for c in data.consents):
            check.add(
                "consents",
                _(
                    "The legal basis is consent, but no valid consent is recorded. Record the consent (date, purpose, form) or choose another basis."
                ),
            )
        for consent in data.consents:
            if not consent.purpose.strip():
                check.add("consents", _("Each consent needs its purpose."))
            if consent.withdrawn_on and consent.withdrawn_on < consent.given_on:
                check.add("consents", _("A consent cannot be withdrawn before it was given."))
            if consent.given_on > date.today():
                check.add("consents", _("The date of consent lies in the future."))
            check.lengths(consent, ConsentRecord, "consents")
        check_profile(check, data)
        if not data.has_legal_basis and data.personal_fields_in_use():
            check.add(
                "legal_basis",
                _(
                    "Without consent or another legal basis only the name and the organisation "
                    "of a private person may be stored (GDPR Art. 6). Record a consent or "
                    "choose a legal basis, or leave the other fields empty."
                ),
            )
        check.raise_if_any()

    def get(self, contact_id: int) -> ContactData:
        with self.database.session() as session:
            contact = session.get(
                Contact,
                contact_id,
                options=[
                    selectinload(Contact.languages),
                    selectinload(Contact.topics),
                    selectinload(Contact.tags),
                    selectinload(Contact.consents),
                ],
            )
            if contact is None:
                raise NotFoundError(contact_id)
            data = _to_data(contact)
            data.volunteer = read_profile(session, contact_id)
            return data

    def withdraw_consent(self, contact_id: int, on: date) -> list[str]:
        """Record the withdrawal and erase everything but name and organisation.

        Withdrawal means the basis is gone (Art. 7(3) GDPR); keeping the data "for later"
        would be unlawful, so the erasure happens in the same transaction. Returns the
        German titles of the offers she was contact person of and no longer is, so the
        officer can find them another one.
        """
        with self.database.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError(contact_id)
            reduced, lost = reduce_to_name(session, contact, on)
            if reduced:
                # Logged, so that a restored older backup loses her data again.
                log_erasure(session, contact.id, ErasureAction.REDUCED, ErasureReason.WITHDRAWAL)
            # A form opened before the withdrawal must not write the consent back.
            touch(contact)
            session.flush()
            self._purge_search_index(session)
        wipe_traces(self.database)
        return lost

    def delete(self, record_ids: list[int]) -> None:
        """Delete for real, keeping salted hashes of a person's name and number (`erased_names`)
        so that the district export still blanks them where they were typed into a text."""
        with self.database.session() as session:
            rows = session.execute(
                select(Contact.name, Contact.phone).where(
                    Contact.id.in_(record_ids), Contact.kind == ContactKind.PERSON
                )
            ).all()
            remember_erased(
                session, [name for name, _phone in rows], [phone for _name, phone in rows]
            )
            for record_id in record_ids:
                contact = session.get(Contact, record_id)
                if contact is not None:
                    if contact.kind is ContactKind.PERSON:
                        # Logged, so that a restored older backup loses her again.
                        log_erasure(
                            session,
                            record_id,
                            ErasureAction.DELETED,
                            ErasureReason.DELETED_IN_LIST,
                        )
                    session.delete(contact)
            session.flush()
            self._purge_search_index(session)
        wipe_traces(self.database)

    def organisations(self) -> list[tuple[int, str]]:
        with self.database.session() as session:
            rows = session.execute(
                select(Contact.id, Contact.name)
                .where(Contact.kind == ContactKind.ORGANISATION)
                .order_by(Contact.sort_key, Contact.id)
            )
            return [(contact_id, name) for contact_id, name in rows]

    def choices(self) -> list[tuple[int, str]]:
        """All contacts as (id, "Name (Organisation)") for pickers."""
        with self.database.session() as session:
            org = aliased(Contact)
            rows = session.execute(
                select(Contact.id, Contact.name, org.name)
                .outerjoin(org, Contact.organisation_id == org.id)
                .order_by(Contact.sort_key, Contact.id)
            )
            return [
                (cid, f"{name} ({org_name})" if org_name else name) for cid, name, org_name in rows
            ]

    def _list_statement(self, query: ListQuery, paged: bool = False) -> Select[Any]:
        org, columns, statement = _contact_list()
        condition = search_condition(
            Contact.search_text, query.text, self._full_text(Contact.id, paged)
        )
        if condition is not None:
            org_condition = search_condition(
                org.search_text, query.text, self._full_text(Contact.organisation_id, paged)
            )
            statement = statement.where(condition | org_condition)
        filters = query.filters
        if filters.get("kind"):
            statement = statement.where(Contact.kind == filters["kind"])
        if filters.get("role"):
            # An indexed lookup in contact_roles (ix_contact_roles_role).
            statement = statement.where(
                Contact.id.in_(
                    select(ContactRoleLink.contact_id).where(
                        ContactRoleLink.role == filters["role"]
                    )
                )
            )
        if filters.get("language"):
            statement = statement.where(
                Contact.languages.any(ContactLanguage.code == filters["language"])
            )
        # Ranking labels loads the collation table: only when sorting by them.
        labelled = {"kind": (Contact.kind, ContactKind), "role": (Contact.role, ContactRole)}
        sort = (
            label_order(*labelled[query.sort_key])
            if query.sort_key in labelled
            else {**columns, "name": Contact.sort_key, "organisation": org.sort_key}.get(
                query.sort_key, Contact.sort_key
            )
        )
        order = ordered(sort, query.descending)
        return statement.order_by(order, Contact.id)

    def _apply(self, session: Session, contact: Contact, data: ContactData) -> None:
        if data.kind is ContactKind.PERSON and contact.members:
            raise ValidationError(
                {
                    "kind": _(
                        "This organisation still has {n} members. Assign them to another organisation "
                        "before turning it into a person."
                    ).format(n=len(contact.members))
                }
            )
        if data.organisation_id is not None:
            organisation = session.get(Contact, data.organisation_id)
            if (
                organisation is None
                or organisation.kind is not ContactKind.ORGANISATION
                or organisation.id == data.id
            ):
                raise ValidationError(
                    {"organisation_id": _("Choose an organisation from the contacts.")}
                )
        if contact.id is not None and contact.kind is ContactKind.PERSON:
            # A corrected name or a new number: the old one may still stand in a text.
            remember_erased(
                session,
                [contact.name] if contact.name != data.name.strip() else [],
                [contact.phone] if contact.phone != data.phone.strip() else [],
            )
        write_columns(contact, data, PLAIN_COLUMNS)
        roles = data.roles
        contact.role = roles[0] if roles else None
        contact.role_links = _role_links(contact.role_links, roles)
        contact.sort_key = sort_key(contact.name)
        codes = clean_list(normalise_code(c) for c in data.languages)
        contact.languages = [ContactLanguage(code=c, position=i) for i, c in enumerate(codes)]
        topics = clean_list(data.topics)
        contact.topics = [ContactTopic(topic=t, position=i) for i, t in enumerate(topics)]
        contact.tags = [_tag(session, name) for name in clean_list(data.tags)]
        contact.consents = _consent_records(contact.consents, data.consents)
        contact.search_text = contact_search_text(
            name=contact.name,
            phone=contact.phone,
            email=contact.email,
            street=contact.street,
            postal_code=contact.postal_code,
            city=contact.city,
            notes=contact.notes,
            topics=topics,
            tags=clean_list(data.tags),
            languages=codes,
            role=contact.role,
            other_roles=roles[1:],
        )
        apply_profile(session, contact, data.volunteer)


def _role_links(existing: list[ContactRoleLink], roles: list[ContactRole]) -> list[ContactRoleLink]:
    """The links of `roles` in their order; a kept role keeps its row (its key)."""
    by_role = {link.role: link for link in existing}
    links = []
    for position, role in enumerate(roles):
        link = by_role.get(role) or ContactRoleLink(role=role)
        link.position = position
        links.append(link)
    return links


def _consent_records(
    existing: list[ConsentRecord], consents: list[ConsentData]
) -> list[ConsentRecord]:
    """Known records updated in place, new ones added: a consent keeps its id and the
    time it was recorded, which proves when it was given (Art. 7(1) GDPR)."""
    by_id = {record.id: record for record in existing}
    records = []
    for consent in consents:
        record = by_id.get(consent.id) if consent.id is not None else None
        record = record or ConsentRecord()
        record.given_on = consent.given_on
        record.purpose = consent.purpose.strip()
        record.method = consent.method
        record.form_version = consent.form_version.strip()
        record.form_language = consent.form_language
        record.withdrawn_on = consent.withdrawn_on
        record.names_publicly = consent.names_publicly
        records.append(record)
    return records


def _tag(session: Session, name: str) -> Tag:
    tag = session.scalar(select(Tag).where(Tag.name == name))
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
    return tag


def _to_data(contact: Contact) -> ContactData:
    return ContactData(
        id=contact.id,
        version=contact.version,
        **read_columns(contact, PLAIN_COLUMNS),
        languages=[lang.code for lang in contact.languages],
        other_roles=[link.role for link in contact.role_links if link.role is not contact.role],
        topics=[t.topic for t in contact.topics],
        tags=[t.name for t in contact.tags],
        consents=[
            ConsentData(
                given_on=c.given_on,
                purpose=c.purpose,
                method=c.method,
                form_version=c.form_version,
                form_language=c.form_language,
                withdrawn_on=c.withdrawn_on,
                id=c.id,
                names_publicly=c.names_publicly,
            )
            for c in contact.consents
        ],
    )


@cache
def _contact_list() -> tuple[Any, dict[str, Any], Select[Any]]:
    """The organisation alias, the columns and the SELECT of the list, built once: with
    the alias they took longer to build than a search takes to run."""
    org = aliased(Contact)
    languages = (
        select(func.aggregate_strings(ContactLanguage.code, ", "))
        .where(ContactLanguage.contact_id == Contact.id)
        .scalar_subquery()
    )
    roles = (
        select(func.aggregate_strings(type_coerce(ContactRoleLink.role, String), ", "))
        .where(ContactRoleLink.contact_id == Contact.id)
        .scalar_subquery()
    )
    topics = (
        select(func.aggregate_strings(ContactTopic.topic, ", "))
        .where(ContactTopic.contact_id == Contact.id)
        .scalar_subquery()
    )
    columns = {
        "name": Contact.name,
        "kind": Contact.kind,
        "organisation": org.name,
        "role": roles,
        "phone": Contact.phone,
        "email": Contact.email,
        "languages": languages,
        "topics": topics,
    }
    statement = select(Contact.id, *(columns[key] for key in CONTACT_COLUMNS)).outerjoin(
        org, Contact.organisation_id == org.id
    )
    return org, columns, statement
