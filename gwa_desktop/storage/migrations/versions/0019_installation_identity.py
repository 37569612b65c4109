"""Installation identity: a stable id per installation, package ids, and what replaces what.

The district knew a village by its free-text name, so a renamed village counted as a new
one. Each installation now gets a UUID4 (`installation_identity`, one row; written here
for existing and new databases alike), its packages carry it together with their own id
and the id of the package they replace (`exported_packages` remembers what this
installation wrote). The district stores those ids with each package, pins keys by
installation, and keeps every package id it took (`received_packages`). Existing
district rows keep their name as the name they were sent under (`sent_name`). Only new
tables, new columns and indexes: no table is rebuilt.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exported_packages",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("replaces", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_exported_packages")),
    )
    identity = op.create_table(
        "installation_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_identity")),
        sa.UniqueConstraint(
            "installation_id", name=op.f("uq_installation_identity_installation_id")
        ),
    )
    op.bulk_insert(
        identity,
        [
            {
                "id": 1,
                "installation_id": str(uuid.uuid4()),
                "created_at": datetime.now().replace(microsecond=0),
            }
        ],
    )
    op.create_table(
        "received_packages",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_received_packages")),
    )
    op.create_index(
        op.f("ix_received_packages_installation_id"), "received_packages", ["installation_id"]
    )
    for name in ("installation_id", "package_id", "replaces"):
        op.add_column("district_packages", sa.Column(name, sa.String(length=36), nullable=True))
    op.add_column(
        "district_packages",
        sa.Column("sent_name", sa.String(length=200), server_default="", nullable=False),
    )
    op.execute("UPDATE district_packages SET sent_name = municipality")
    op.create_index(
        op.f("ix_district_packages_installation_id"), "district_packages", ["installation_id"]
    )
    op.create_index(
        op.f("ix_district_packages_package_id"), "district_packages", ["package_id"], unique=True
    )
    op.add_column("village_keys", sa.Column("installation_id", sa.String(length=36), nullable=True))
    op.create_index(
        op.f("ix_village_keys_installation_id"), "village_keys", ["installation_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_village_keys_installation_id"), table_name="village_keys")
    with op.batch_alter_table("village_keys") as batch_op:
        batch_op.drop_column("installation_id")
    op.drop_index(op.f("ix_district_packages_package_id"), table_name="district_packages")
    op.drop_index(op.f("ix_district_packages_installation_id"), table_name="district_packages")
    with op.batch_alter_table("district_packages") as batch_op:
        for name in ("sent_name", "replaces", "package_id", "installation_id"):
            batch_op.drop_column(name)
    op.drop_index(op.f("ix_received_packages_installation_id"), table_name="received_packages")
    for table in ("received_packages", "installation_identity", "exported_packages"):
        op.drop_table(table)
