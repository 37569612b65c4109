"""Retention and erasure: a retention period per legal basis, and an erasure log.

`retention_periods` holds the months after the last contact a person with each legal
basis (or none, key "none") is kept; every existing database gets the default of 24
months written for each, so the record of processing states a period from the start.
`erasure_log` records each deletion or anonymisation with the former id, the time,
the action and a reason from a closed list, never a personal value; its `token` lets a
restore find the erasures a backup does not know yet. New tables only: `contacts` is
not rebuilt, so the search-index triggers of 0010 stay.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: The keys and default of domain.retention as they were when this migration was written.
BASIS_KEYS = ("consent", "public_task", "contract", "none")
DEFAULT_MONTHS = 24


def upgrade() -> None:
    periods = op.create_table(
        "retention_periods",
        sa.Column("legal_basis", sa.String(length=32), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("legal_basis", name=op.f("pk_retention_periods")),
    )
    op.bulk_insert(periods, [{"legal_basis": k, "months": DEFAULT_MONTHS} for k in BASIS_KEYS])
    op.create_table(
        "erasure_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "deleted",
                "anonymised",
                "reduced",
                name="erasureaction",
                native_enum=False,
                create_constraint=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column(
            "reason",
            sa.Enum(
                "retention",
                "request",
                "withdrawal",
                "purpose_ended",
                "deleted_in_list",
                name="erasurereason",
                native_enum=False,
                create_constraint=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_log")),
        sa.UniqueConstraint("token", name=op.f("uq_erasure_log_token")),
    )
    op.create_index(op.f("ix_erasure_log_contact_id"), "erasure_log", ["contact_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_erasure_log_contact_id"), table_name="erasure_log")
    op.drop_table("erasure_log")
    op.drop_table("retention_periods")
