"""Several roles per contact: `contact_roles` (contact, role, position).

Every contact's single role becomes its first (main) role in the new table;
`contacts.role` keeps the main role, so nothing that reads it (the list's sort, the
district package) changes. A new table, not a batch rebuild of `contacts`, which would
drop the search-index triggers of migration 0010.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_roles",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_roles_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "role", name=op.f("pk_contact_roles")),
    )
    op.create_index("ix_contact_roles_role", "contact_roles", ["role", "contact_id"])
    op.execute(
        "INSERT INTO contact_roles (contact_id, role, position) "
        "SELECT id, role, 0 FROM contacts WHERE role IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_index("ix_contact_roles_role", table_name="contact_roles")
    op.drop_table("contact_roles")
