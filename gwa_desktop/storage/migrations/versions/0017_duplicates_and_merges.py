"""Duplicates: pairs declared distinct, the merge log, and the offers' text languages.

`contact_non_duplicates` and `offer_non_duplicates` hold the pairs the officer looked at
and declared different (smaller id first), so `gwa duplicates` and the quality panel
stop offering them. `contact_merges` logs each merge by ids and field names only.
`municipality_settings.text_languages` names the languages besides German the offers'
texts should exist in; existing settings get "" (no language asked for), so the new
quality rule reports nothing until the officer chooses.

New tables and a plain ADD COLUMN: no table that carries a search index is rebuilt.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _pairs_table(name: str, referred: str) -> None:
    op.create_table(
        name,
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f(f"ck_{name}_ordered")),
        sa.ForeignKeyConstraint(
            ["first_id"],
            [f"{referred}.id"],
            name=op.f(f"fk_{name}_first_id_{referred}"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            [f"{referred}.id"],
            name=op.f(f"fk_{name}_second_id_{referred}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_second_id"), name, ["second_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "contact_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("removed_id", sa.Integer(), nullable=False),
        sa.Column("fields_taken", sa.String(length=300), nullable=False),
        sa.Column("links_moved", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merges")),
    )
    op.create_index(
        op.f("ix_contact_merges_merged_at"), "contact_merges", ["merged_at"], unique=False
    )
    _pairs_table("contact_non_duplicates", "contacts")
    _pairs_table("offer_non_duplicates", "offers")
    # The data step is the server default: every existing settings row gets "".
    op.add_column(
        "municipality_settings",
        sa.Column("text_languages", sa.String(length=200), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("municipality_settings") as batch:
        batch.drop_column("text_languages")
    for name in ("offer_non_duplicates", "contact_non_duplicates"):
        op.drop_index(op.f(f"ix_{name}_second_id"), table_name=name)
        op.drop_table(name)
    op.drop_index(op.f("ix_contact_merges_merged_at"), table_name="contact_merges")
    op.drop_table("contact_merges")
