"""Data protection: being named on public prints is its own consented purpose.

`consent_records.names_publicly` marks a consent to "may be named publicly as contact
on prints". Every existing consent was given for contact and information, never for
that, so each keeps its meaning and gets False: nobody appears on a flyer or a board
until the officer records that consent. `offer_print_contacts` holds, per offer, which
contact person and which number (the office's by default) its prints show.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: no table rebuild, so the search-index triggers of 0010 stay.
    op.add_column(
        "consent_records",
        sa.Column("names_publicly", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "offer_print_contacts",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column(
            "number",
            sa.Enum(
                "office",
                "contact",
                name="printednumber",
                native_enum=False,
                create_constraint=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_offer_print_contacts_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_print_contacts_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", name=op.f("pk_offer_print_contacts")),
    )
    op.create_index(
        op.f("ix_offer_print_contacts_contact_id"),
        "offer_print_contacts",
        ["contact_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_offer_print_contacts_contact_id"), table_name="offer_print_contacts")
    op.drop_table("offer_print_contacts")
    with op.batch_alter_table("consent_records") as batch:
        batch.drop_column("names_publicly")
