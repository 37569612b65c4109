"""Signed district packages: the installation's own key, the villages' pinned keys, the import lock.

See storage/district_models.py for why the private key lives in the database.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_keys")),
    )
    op.create_table(
        "village_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_keys")),
        sa.UniqueConstraint("municipality", name=op.f("uq_village_keys_municipality")),
    )
    op.create_table(
        "village_key_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=200), nullable=False),
        sa.Column("old_key", sa.LargeBinary(), nullable=False),
        sa.Column("new_key", sa.LargeBinary(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("package", sa.String(length=260), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_key_changes")),
    )
    lock = op.create_table(
        "import_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_lock")),
    )
    op.bulk_insert(lock, [{"id": 1, "taken_at": None}])


def downgrade() -> None:
    for table in ("import_lock", "village_key_changes", "village_keys", "installation_keys"):
        op.drop_table(table)
