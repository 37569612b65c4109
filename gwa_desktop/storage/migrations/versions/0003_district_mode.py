"""District mode: tables for offers and activities imported from municipalities' packages.

Imported figures are kept apart from the office's own records (see
storage/district_models.py); one package row per municipality and period.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COUNTS = (
    "participants_women",
    "participants_men",
    "participants_diverse",
    "age_under_18",
    "age_18_26",
    "age_27_64",
    "age_65_plus",
    "newcomers",
    "regulars",
)


def _package_key(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["district_packages.id"],
            name=op.f(f"fk_{table}_package_id_district_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "district_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_packages")),
        sa.UniqueConstraint(
            "municipality",
            "period_start",
            "period_end",
            name=op.f("uq_district_packages_municipality"),
        ),
        sa.UniqueConstraint("sha256", name=op.f("uq_district_packages_sha256")),
    )
    op.create_table(
        "district_offers",
        *_package_key("district_offers"),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("recurrence", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place_name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("target_groups", sa.String(length=300), nullable=False),
        sa.Column("languages", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=True),
        sa.Column("registration_required", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "district_activities",
        *_package_key("district_activities"),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("offer", sa.String(length=200), nullable=False),
        sa.Column("participants_total", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in _COUNTS),
        sa.Column("volunteers_count", sa.Integer(), nullable=False),
        sa.Column("volunteer_hours", sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column("languages", sa.String(length=300), nullable=False),
    )
    for table in ("district_offers", "district_activities"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f(f"ix_{table}_package_id"), ["package_id"], unique=False
            )


def downgrade() -> None:
    for table in ("district_activities", "district_offers"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_package_id"))
        op.drop_table(table)
    op.drop_table("district_packages")
