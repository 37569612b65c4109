"""A version counter on contacts, offers, activities and the municipality settings.

Two windows or two computers editing the same record used to overwrite each other's
saves without a word. Each UPDATE now names the version the form loaded and raises it
(SQLAlchemy's `version_id_col`), so a save based on an older version is refused and the
officer is asked what to do. Existing rows start at version 1.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("contacts", "offers", "activities", "municipality_settings")


def upgrade() -> None:
    for table in TABLES:
        # NOT NULL with a constant default is a plain ALTER TABLE ADD COLUMN on SQLite too:
        # existing rows get 1 without rebuilding the table.
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
