"""The suppression threshold is kept in the database, not in one computer's preferences.

Officers of a district office working on one PostgreSQL database published with
whatever threshold each computer had: the same figures could come out hidden on one
desk and shown on the next. A table of one row holds it now. No data step: until a
threshold is set, the service still reads the one this computer chose before (see
services/disclosure_settings.py), so an office's stricter choice is not lost.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publication_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosure_threshold", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_settings")),
    )


def downgrade() -> None:
    op.drop_table("publication_settings")
