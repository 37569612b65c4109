"""The district's list of its municipalities, so it sees who has not reported a period.

Only a new table: the imported packages stay as they are, and no table with a full-text
index is rebuilt. The list starts empty rather than filled from the packages: the cycle
and the start date are the district's decision, and the completeness view offers to add
the municipalities it has packages from.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "district_municipalities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("official_key", sa.String(length=8), nullable=True),
        sa.Column("installation_id", sa.String(length=36), nullable=True),
        sa.Column("cycle", sa.String(length=16), nullable=False),
        sa.Column("active_from", sa.Date(), nullable=False),
        sa.Column("grace_days", sa.Integer(), nullable=False),
        sa.Column("contact_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_municipalities")),
        sa.UniqueConstraint("name", name=op.f("uq_district_municipalities_name")),
        sa.UniqueConstraint("official_key", name=op.f("uq_district_municipalities_official_key")),
        sa.UniqueConstraint(
            "installation_id", name=op.f("uq_district_municipalities_installation_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("district_municipalities")
