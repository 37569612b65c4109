"""Case-folded search columns, filled for rows that already exist.

SQLite's LIKE ignores case for ASCII letters only, so "mü" would not find "Müller".
Each searchable table gets a `search_text` column kept up to date by the services. The
backfill below is a frozen copy of the services' logic at this revision: migrations must
not change meaning when application code evolves.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SOURCES = {
    "contacts": ("name", "phone", "email", "street", "postal_code", "city", "notes"),
    "activities": ("title", "notes"),
}


def _fold(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p).casefold()


def upgrade() -> None:
    for table in ("contacts", "offers", "activities"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("search_text", sa.Text(), nullable=False, server_default="")
            )
    bind = op.get_bind()
    for table, columns in _SOURCES.items():
        rows = bind.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        for row in rows:
            bind.execute(
                sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id"),
                {"text": _fold(*row[1:]), "id": row[0]},
            )
    offers = bind.execute(
        sa.text(
            "SELECT o.id, o.place_name, o.city, t.title, t.description FROM offers o "
            "LEFT JOIN offer_texts t ON t.offer_id = o.id"
        )
    ).all()
    texts: dict[int, list[object]] = {}
    for offer_id, *parts in offers:
        texts.setdefault(offer_id, []).extend(parts)
    for offer_id, parts in texts.items():
        bind.execute(
            sa.text("UPDATE offers SET search_text = :text WHERE id = :id"),
            {"text": _fold(*parts), "id": offer_id},
        )


def downgrade() -> None:
    for table in ("contacts", "offers", "activities"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("search_text")
