"""Collation keys beside names, so lists sort as a German reader expects on both databases.

Lists sorted names in binary order: "Arbeitsagentur, Zentrum Nord, awo Ortsverein,
Ärztehaus". Each name now has a `sort_key` (the Unicode Collation Algorithm's key as
bytes, see domain/collation.py) that SQLite and PostgreSQL compare byte by byte alike.
This fills the keys of existing rows with a frozen copy of the recipe at this revision
(migrations must not change meaning when application code evolves) and records it in
`index_versions`; a later program with another recipe recomputes the keys at start.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import unicodedata
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: (table, key column, the name it is the key of)
KEYS = (
    ("contacts", "sort_key", "name"),
    ("offer_texts", "sort_key", "title"),
    ("offers", "place_sort_key", "place_name"),
    ("activities", "sort_key", "title"),
)
COLLATION = f"uca-10.0.0/unicode-{unicodedata.unidata_version}/key-1"
_BATCH = 5000


def _key_function() -> Callable[[str], bytes]:
    """The key of a name; the table is read at the first name that needs it.

    Reading the table takes about a second, and a new database (every first creation
    runs this migration) has no rows to give keys to.
    """
    collators: list[Any] = []
    cache: dict[str, bytes] = {}

    def key(text: str | None) -> bytes:
        text = (text or "").strip()
        if text not in cache:
            if text and not collators:
                from pyuca.collator import Collator_10_0_0

                collators.append(Collator_10_0_0())
            cache[text] = _encoded(collators[0].sort_key(text)) if text else b""
        return cache[text]

    return key


def _encoded(weights: tuple[int, ...]) -> bytes:
    """Primary weights in two bytes, secondary (shifted) and tertiary in one, levels ended by 0x00."""
    out = bytearray()
    level = 0
    for weight in weights:
        if weight == 0:
            out.append(0)
            level += 1
        elif level == 0:
            out += weight.to_bytes(2, "big")
        else:
            out.append(weight - 0x1F if level == 1 else weight)
    return bytes(out)


def upgrade() -> None:
    for table, column, _name in KEYS:
        op.add_column(table, sa.Column(column, sa.LargeBinary(), nullable=True))
    op.create_index("ix_contacts_sort_key", "contacts", ["sort_key"])
    versions = op.create_table(
        "index_versions",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_index_versions")),
    )
    bind = op.get_bind()
    key = _key_function()
    for table, column, name in KEYS:
        rows = bind.execute(sa.text(f"SELECT id, {name} FROM {table}")).all()
        changes = [{"id": row_id, "key": key(text)} for row_id, text in rows]
        statement = sa.text(f"UPDATE {table} SET {column} = :key WHERE id = :id").bindparams(
            sa.bindparam("key", type_=sa.LargeBinary())
        )
        for start in range(0, len(changes), _BATCH):
            bind.execute(statement, changes[start : start + _BATCH])
    op.bulk_insert(versions, [{"kind": "collation", "version": COLLATION}])


def downgrade() -> None:
    op.drop_table("index_versions")
    op.drop_index("ix_contacts_sort_key", table_name="contacts")
    for table, column, _name in KEYS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column(column)
