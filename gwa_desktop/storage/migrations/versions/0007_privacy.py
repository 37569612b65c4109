"""Privacy: offers held at a private place, and salted hashes of erased names.

`offers.place_is_private` keeps a home ("at family X's") out of the district export.
`erased_tokens` holds salted hashes of the name words and phone numbers of contacts
that were deleted or withdrew their consent, so the export's detector still finds
them in free text; `installation_salt` holds this installation's random salt.

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offers") as batch:
        batch.add_column(
            sa.Column("place_is_private", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "erased_tokens",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_erased_tokens")),
    )
    op.create_table(
        "installation_salt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("salt", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation_salt")),
    )


def downgrade() -> None:
    op.drop_table("installation_salt")
    op.drop_table("erased_tokens")
    with op.batch_alter_table("offers") as batch:
        batch.drop_column("place_is_private")
