"""Richer schedules: several weekdays, cancelled and moved dates, holiday pauses.

`offers.weekday_codes` holds the weekdays of a recurrence ("0,3" for Monday and
Thursday; empty keeps the start date's weekday, as every existing offer does), and two
flags say whether public or school holidays pause it. `offer_date_changes` holds single
dates cancelled or moved, `holiday_periods` the school holidays the officer enters or
imports, and `municipality_settings.federal_state` the state whose public holidays count.
Existing offers keep exactly their dates.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch: a batch rebuilds the table on SQLite and would drop
    # the search-index triggers of migration 0010.
    op.add_column(
        "offers",
        sa.Column("weekday_codes", sa.String(length=20), nullable=False, server_default=""),
    )
    for flag in ("skips_public_holidays", "skips_school_holidays"):
        op.add_column(
            "offers", sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.add_column(
        "municipality_settings",
        sa.Column("federal_state", sa.String(length=2), nullable=False, server_default=""),
    )
    op.create_table(
        "offer_date_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("moved_to", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_date_changes_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_date_changes")),
        sa.UniqueConstraint("offer_id", "on_date", name=op.f("uq_offer_date_changes_offer_id")),
    )
    op.create_index(
        op.f("ix_offer_date_changes_offer_id"), "offer_date_changes", ["offer_id"], unique=False
    )
    op.create_table(
        "holiday_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday_periods")),
    )
    op.create_index(
        op.f("ix_holiday_periods_first_day"), "holiday_periods", ["first_day"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_holiday_periods_first_day"), table_name="holiday_periods")
    op.drop_table("holiday_periods")
    op.drop_index(op.f("ix_offer_date_changes_offer_id"), table_name="offer_date_changes")
    op.drop_table("offer_date_changes")
    # DROP COLUMN (SQLite 3.35+) keeps the table and with it the search-index triggers.
    op.drop_column("municipality_settings", "federal_state")
    for column in ("skips_school_holidays", "skips_public_holidays", "weekday_codes"):
        op.drop_column("offers", column)
