"""Review states of imported packages: accepted, has questions, rejected, with a note.

The district office now decides on every package it received; a rejected package is
kept with its records but counts in no figure. A new table only: a package without a
row is "not reviewed" and counts as before, so every existing package keeps counting
and needs no data step. The version column refuses a verdict saved over another
officer's newer one on a shared database.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=200), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["district_packages.id"],
            name=op.f("fk_package_reviews_package_id_district_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_reviews")),
        sa.UniqueConstraint("package_id", name=op.f("uq_package_reviews_package_id")),
    )


def downgrade() -> None:
    op.drop_table("package_reviews")
