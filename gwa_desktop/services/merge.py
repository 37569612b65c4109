"""Merging two contacts into one: the officer picks each field, every link is kept.

The contact that stays (`keep`) takes the fields the officer chose from the other one;
lists (languages, topics, tags, roles) and consents of both are joined, since each is
true of the one person. Every row anywhere that points at the other contact (offers'
contact persons and providers, activities' organisations, members of an organisation,
print choices, and whatever table references `contacts` later) is found from the
models' foreign keys and pointed at the one that stays, so no link is lost because
this module was not told of a new table.

All of it is one transaction: a merge that fails half-way (a validation, a database
error) leaves both contacts as they were. The log row names the two ids, the time and
the names of the fields taken, never a value. The name and number of the contact that
goes are kept as salted hashes (`erased_names`), as when a contact is renamed, so the
district export still blanks them where they were typed into a text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from typing import TypeVar

from sqlalchemy import Column, Table, delete, select, tuple_, update
from sqlalchemy.orm import Session

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.i18n import N_, _
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.erased_names import remember_erased
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.services.record_service import touch
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.duplicate_models import ContactMerge, ContactNonDuplicate
from gwa_desktop.storage.models import Contact, full_metadata, table_of
from gwa_desktop.storage.search_index import purge

log = logging.getLogger(__name__)
T = TypeVar("T")

#: The fields the officer chooses between, in the order the merge screen shows them.
FIELDS: dict[str, str] = {
    "name": N_("Name"),
    "organisation_id": N_("Organisation"),
    "role": N_("Role"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "street": N_("Street"),
    "postal_code": N_("Postal code"),
    "city": N_("Town"),
    "notes": N_("Notes"),
    "legal_basis": N_("Legal basis"),
}
#: What is joined rather than chosen, with its label on the merge screen.
JOINED: dict[str, str] = {
    "roles": N_("Roles"),
    "languages": N_("Languages"),
    "topics": N_("Contact person for"),
    "tags": N_("Tags"),
    "consents": N_("Consents"),
}


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    removed_id: int
    fields_taken: tuple[str, ...]
    links_moved: int


@dataclass(frozen=True)
class FieldChoice:
    """One row of the merge screen: the field, its label and both values as shown."""

    field: str
    label: str
    keep_text: str
    other_text: str

    @property
    def differs(self) -> bool:
        return self.keep_text != self.other_text


class MergeService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.contacts = ContactService(database)

    def pair(self, keep_id: int, other_id: int) -> tuple[ContactData, ContactData]:
        """Both contacts, refused as a pair where a merge would be refused."""
        keep, other = self.contacts.get(keep_id), self.contacts.get(other_id)
        _refuse_pair(keep, other)
        return keep, other

    def choices(self, keep_id: int, other_id: int) -> list[FieldChoice]:
        """The fields side by side, as the merge screen offers them."""
        keep, other = self.pair(keep_id, other_id)
        organisations = dict(self.contacts.organisations())
        return [
            FieldChoice(
                name,
                _(label),
                _shown(getattr(keep, name), name, organisations),
                _shown(getattr(other, name), name, organisations),
            )
            for name, label in FIELDS.items()
        ]

    def joined(self, keep_id: int, other_id: int) -> list[FieldChoice]:
        """What both contacts bring and the merged one keeps all of, side by side."""
        keep, other = self.pair(keep_id, other_id)
        return [
            FieldChoice(name, _(label), _listed(keep, name), _listed(other, name))
            for name, label in JOINED.items()
        ]

    def suggested(self, keep_id: int, other_id: int) -> list[str]:
        """Fields to take from the other contact by default: where the kept one is empty."""
        keep, other = self.pair(keep_id, other_id)
        return [
            name
            for name in FIELDS
            if _is_empty(getattr(keep, name)) and not _is_empty(getattr(other, name))
        ]

    def merge(self, keep_id: int, other_id: int, take: Iterable[str] = ()) -> MergeResult:
        """Merge `other_id` into `keep_id`, taking the fields named in `take` from the other."""
        taken = tuple(dict.fromkeys(take))
        unknown = [name for name in taken if name not in FIELDS]
        if unknown:
            raise ValidationError(
                {
                    "": _("Unknown field {names}; choose from: {fields}.").format(
                        names=", ".join(unknown), fields=", ".join(FIELDS)
                    )
                }
            )
        keep, other = self.pair(keep_id, other_id)
        merged = _merged(keep, other, taken)
        self.contacts.checked(merged)
        with self.database.session() as session:
            _refuse_changed(session, keep, other)
            moved = _relink(session, keep_id, other_id)
            if keep.kind is ContactKind.PERSON:
                remember_erased(
                    session,
                    [other.name] if other.name.strip() != merged.name.strip() else [],
                    [other.phone] if other.phone.strip() != merged.phone.strip() else [],
                )
            session.execute(delete(Contact).where(Contact.id == other_id))
            session.expire_all()
            row = session.get(Contact, keep_id)
            if row is None:  # deleted in another window between reading and merging
                raise ValidationError({"": _("The contact to keep was deleted meanwhile.")})
            with session.no_autoflush:
                self.contacts._apply(session, row, merged)
            touch(row)
            session.add(
                ContactMerge(
                    kept_id=keep_id,
                    removed_id=other_id,
                    fields_taken=",".join(taken),
                    links_moved=moved,
                )
            )
            session.flush()
            # The contact that went may have held a person's data: no trigram of it stays.
            purge(session.connection(), "contacts")
        log.info("merged contact %s into %s (fields %s)", other_id, keep_id, ",".join(taken))
        return MergeResult(keep_id, other_id, taken, moved)

    def log(self) -> list[ContactMerge]:
        """Every merge, newest first."""
        with self.database.session() as session:
            rows = list(
                session.scalars(
                    select(ContactMerge).order_by(ContactMerge.merged_at.desc(), ContactMerge.id)
                )
            )
            session.expunge_all()
            return rows


def _refuse_pair(keep: ContactData, other: ContactData) -> None:
    if keep.id == other.id:
        raise ValidationError({"": _("A contact cannot be merged into itself.")})
    if keep.kind is not other.kind:
        raise ValidationError(
            {
                "": _(
                    "A person and an organisation cannot be merged: they are different kinds of "
                    "contact. Link the person to the organisation instead."
                )
            }
        )


def _refuse_changed(session: Session, keep: ContactData, other: ContactData) -> None:
    """Refuse when either contact was saved or deleted since it was read for the merge:
    the merged values were chosen from what was read."""
    current = {
        contact_id: version
        for contact_id, version in session.execute(
            select(Contact.id, Contact.version).where(Contact.id.in_([keep.id, other.id]))
        )
    }
    for data in (keep, other):
        assert data.id is not None, "read from the database"
        if data.id not in current:
            raise NotFoundError(data.id)
        if current[data.id] != data.version:
            raise ConflictError(data.id, current[data.id])


def _is_empty(value: object) -> bool:
    return value is None or value == ""


def _shown(value: object, name: str, organisations: dict[int, str]) -> str:
    if value is None:
        return ""
    if name == "organisation_id" and isinstance(value, int):
        return organisations.get(value, str(value))
    if isinstance(value, Enum) and hasattr(value, "label"):
        return str(value.label)
    return str(value)


def _listed(data: ContactData, name: str) -> str:
    """A joined field as one line: codes and labels, or the consents' dates and purposes."""
    if name == "consents":
        return "; ".join(
            f"{consent.given_on.isoformat()} {consent.purpose}" for consent in data.consents
        )
    if name == "roles":
        return ", ".join(role.label for role in data.roles)
    values: list[str] = getattr(data, name)
    return ", ".join(values)


def _joined(first: list[T], second: list[T]) -> list[T]:
    return list(dict.fromkeys([*first, *second]))


def _merged(keep: ContactData, other: ContactData, taken: tuple[str, ...]) -> ContactData:
    """The kept contact's data with the chosen fields of the other and both lists joined."""
    merged = replace(keep, version=None)
    for name in taken:
        setattr(merged, name, getattr(other, name))
    if merged.organisation_id in (keep.id, other.id):
        merged.organisation_id = None  # an organisation cannot belong to itself
    roles = [r for r in _joined(keep.roles, other.roles) if r is not merged.role]
    merged.other_roles = roles
    merged.languages = _joined(keep.languages, other.languages)
    merged.topics = _joined(keep.topics, other.topics)
    merged.tags = _joined(keep.tags, other.tags)
    merged.consents = [*keep.consents, *other.consents]
    return merged


def _references() -> list[tuple[Table, Column[int]]]:
    """Every (table, column) whose foreign key points at contacts.id, from the models."""
    contacts = table_of(Contact)
    found = []
    for table in full_metadata().sorted_tables:
        for column in table.columns:
            if any(fk.column is contacts.c.id for fk in column.foreign_keys):
                found.append((table, column))
    return found


def _relink(session: Session, keep_id: int, other_id: int) -> int:
    """Point every reference to `other_id` at `keep_id`; returns how many rows moved.

    In a table whose key includes the reference (offer_contacts, contact_tags, …) a row
    the kept contact has already would collide: that copy of the other's goes first.
    Records whose links change get a new version, so a form opened on them before the
    merge cannot save the other contact back.
    """
    # Pairs declared distinct concerned the contact that goes (and keep their order).
    session.execute(
        delete(ContactNonDuplicate).where(
            (ContactNonDuplicate.first_id == other_id) | (ContactNonDuplicate.second_id == other_id)
        )
    )
    moved = 0
    for table, column in _references():
        key = [c for c in table.primary_key.columns if c is not column]
        if column.primary_key and key:
            keep_keys = select(*key).where(column == keep_id)
            session.execute(delete(table).where(column == other_id, tuple_(*key).in_(keep_keys)))
            _new_versions(session, table, key, column == other_id)
        elif "version" in table.c:
            _bump(session, table, column == other_id)
        result = session.execute(
            update(table).where(column == other_id).values({column.name: keep_id})
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    return moved


def _new_versions(session: Session, table: Table, key: list[Column[int]], where: object) -> None:
    """A new version for each versioned record a link row of `table` names."""
    for column in key:
        for fk in column.foreign_keys:
            target = fk.column.table
            if "version" in target.c:
                ids = select(column).where(where)  # type: ignore[arg-type]
                _bump(session, target, fk.column.in_(ids))


def _bump(session: Session, table: Table, where: object) -> None:
    session.execute(
        update(table).where(where).values(version=table.c.version + 1)  # type: ignore[arg-type]
    )
