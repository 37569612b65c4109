"""Search text without accents, with the "ae/oe/ue" spelling of umlauts beside it.

Officers type "cafe" for "Café" and "Mueller" for "Müller". The stored search text was
only case-folded; this folds accents away and adds the second spelling, by the same
rule as the services' `fold` at this revision (a frozen copy: migrations must not change
meaning when application code evolves). Folding again what was folded before gives the
same result as folding the original fields, so no field needs to be read twice.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("contacts", "offers", "activities")
_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_BATCH = 5000


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    plain = _without_marks(text)
    german = _without_marks(text.translate(_GERMAN_SPELLING))
    return plain if german == plain else f"{plain} {german}"


def upgrade() -> None:
    bind = op.get_bind()
    for table in _TABLES:
        rows = bind.execute(sa.text(f"SELECT id, search_text FROM {table}")).all()
        changes = [
            {"id": row_id, "text": _fold(text or "")}
            for row_id, text in rows
            if _fold(text or "") != text
        ]
        for start in range(0, len(changes), _BATCH):
            bind.execute(
                sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id"),
                changes[start : start + _BATCH],
            )


def downgrade() -> None:
    """The old search text cannot be restored exactly; the folded one still finds more."""
