"""Compute the derived columns again: sort keys and search texts of every record.

Both are derived from a recipe outside the database: the collation table
(domain.collation) and the labels of categories, roles and kinds in every UI language
(services.search_text). `index_versions` records which recipe filled the rows. When the
program brings another one (a new collation, a corrected translation in a catalog),
`ensure_current` at start computes the columns again, so "Beratung" in a new catalog
is found at once and new keys never sort beside old ones. `gwa reindex` does it on
demand.

The derived columns are written with plain UPDATEs: neither `version` nor `updated_at`
changes, so a form open meanwhile saves without a conflict (nothing it shows changed).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, Table, bindparam, delete, insert, select, update

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.services.index_recipe import current_versions, stale_kinds
from gwa_desktop.services.search_text import (
    activity_search_text,
    contact_search_text,
    offer_search_text,
)
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.errors import DatabaseBusyError, ReadOnlyDatabaseError
from gwa_desktop.storage.models import (
    Activity,
    Contact,
    ContactLanguage,
    ContactRoleLink,
    ContactTopic,
    IndexVersion,
    Offer,
    OfferLanguage,
    OfferText,
    Tag,
    contact_tags,
    table_of,
)

_BATCH = 5000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReindexSummary:
    """How many rows got a new sort key or search text."""

    changed: int = 0


def stale_indexes(database: Database) -> list[str]:
    """The kinds of derived column whose recorded recipe differs from this program's.

    Read through the table, not the mapped class: an ORM statement configures every
    mapper first (a tenth of a second), which `gwa count` otherwise does without.
    """
    versions = IndexVersion.__table__.c
    with database.session() as session:
        stored = dict(session.execute(select(versions.kind, versions.version)).all())
    return stale_kinds(stored)


def ensure_current(database: Database) -> ReindexSummary | None:
    """Reindex at start when the recipes changed; None when nothing was done.

    A database that another window is writing to, or one opened read-only, is left as it
    is: the lists still work (in the older order) and the next start tries again.
    """
    stale = stale_indexes(database)
    if not stale:
        return None
    log.info("recomputing derived columns: %s", ", ".join(stale))
    try:
        return reindex(database)
    except (DatabaseBusyError, ReadOnlyDatabaseError) as error:
        log.warning(
            "derived columns not recomputed now (%s); trying again at the next start",
            type(error).__name__,
        )
        return None


def reindex(database: Database) -> ReindexSummary:
    """Every sort key and search text computed from the records, in one transaction."""
    with database.session() as session:
        connection = session.connection()
        changed = _contacts(connection) + _offers(connection) + _activities(connection)
        versions = current_versions()
        connection.execute(delete(IndexVersion))
        connection.execute(
            insert(IndexVersion), [{"kind": k, "version": v} for k, v in versions.items()]
        )
    return ReindexSummary(changed)


def _grouped(connection: Connection, statement: Select[int, str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for owner, value in connection.execute(statement):
        groups[owner].append(value)
    return groups


def _contacts(connection: Connection) -> int:
    c = Contact.__table__.c
    languages = _grouped(
        connection,
        select(ContactLanguage.contact_id, ContactLanguage.code).order_by(
            ContactLanguage.contact_id, ContactLanguage.position
        ),
    )
    topics = _grouped(
        connection,
        select(ContactTopic.contact_id, ContactTopic.topic).order_by(
            ContactTopic.contact_id, ContactTopic.position
        ),
    )
    roles = _grouped(
        connection,
        select(ContactRoleLink.contact_id, ContactRoleLink.role).order_by(
            ContactRoleLink.contact_id, ContactRoleLink.position
        ),
    )
    tags = _grouped(
        connection,
        select(contact_tags.c.contact_id, Tag.name)
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .order_by(contact_tags.c.contact_id, Tag.name),
    )
    rows = connection.execute(
        select(
            c.id,
            c.name,
            c.phone,
            c.email,
            c.street,
            c.postal_code,
            c.city,
            c.notes,
            c.role,
            c.search_text,
            c.sort_key,
        )
    )
    changes = []
    for row in rows:
        text = contact_search_text(
            name=row.name,
            phone=row.phone,
            email=row.email,
            street=row.street,
            postal_code=row.postal_code,
            city=row.city,
            notes=row.notes,
            topics=topics[row.id],
            tags=tags[row.id],
            languages=languages[row.id],
            role=row.role,
            other_roles=[ContactRole(r) for r in roles[row.id] if ContactRole(r) is not row.role],
        )
        key = sort_key(row.name)
        if (text, key) != (row.search_text, row.sort_key):
            changes.append({"row_id": row.id, "search_text": text, "sort_key": key})
    return _write(connection, table_of(Contact), changes)


def _offers(connection: Connection) -> int:
    o, t = Offer.__table__.c, OfferText.__table__.c
    languages = _grouped(
        connection,
        select(OfferLanguage.offer_id, OfferLanguage.code).order_by(
            OfferLanguage.offer_id, OfferLanguage.position
        ),
    )
    texts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    text_changes = []
    for row in connection.execute(
        select(t.id, t.offer_id, t.title, t.description, t.sort_key).order_by(
            t.offer_id, t.position
        )
    ):
        texts[row.offer_id].append((row.title, row.description))
        if sort_key(row.title) != row.sort_key:
            text_changes.append({"row_id": row.id, "sort_key": sort_key(row.title)})
    changes = []
    offers = connection.execute(
        select(o.id, o.place_name, o.street, o.city, o.category, o.search_text, o.place_sort_key)
    )
    for offer in offers:
        text = offer_search_text(
            place_name=offer.place_name,
            street=offer.street,
            city=offer.city,
            texts=texts[offer.id],
            category=offer.category,
            languages=languages[offer.id],
        )
        key = sort_key(offer.place_name)
        if (text, key) != (offer.search_text, offer.place_sort_key):
            changes.append({"row_id": offer.id, "search_text": text, "place_sort_key": key})
    return _write(connection, table_of(Offer), changes) + _write(
        connection, table_of(OfferText), text_changes
    )


def _activities(connection: Connection) -> int:
    a = Activity.__table__.c
    changes = []
    for row in connection.execute(
        select(a.id, a.title, a.notes, a.kind, a.search_text, a.sort_key)
    ):
        text = activity_search_text(title=row.title, notes=row.notes, kind=row.kind)
        key = sort_key(row.title)
        if (text, key) != (row.search_text, row.sort_key):
            changes.append({"row_id": row.id, "search_text": text, "sort_key": key})
    return _write(connection, table_of(Activity), changes)


def _write(connection: Connection, table: Table, changes: list[dict[str, Any]]) -> int:
    if not changes:
        return 0
    # Parameters named like their columns are reserved by SQLAlchemy in a SET clause.
    columns = [name for name in changes[0] if name != "row_id"]
    values: dict[str, Any] = {name: bindparam(f"new_{name}") for name in columns}
    if "updated_at" in table.c:
        values["updated_at"] = (
            table.c.updated_at
        )  # not a change of the record (onupdate would stamp it)
    statement = update(table).where(table.c.id == bindparam("row_id")).values(values)
    parameters = [
        {"row_id": change["row_id"], **{f"new_{name}": change[name] for name in columns}}
        for change in changes
    ]
    for start in range(0, len(parameters), _BATCH):
        connection.execute(statement, parameters[start : start + _BATCH])
    return len(changes)
