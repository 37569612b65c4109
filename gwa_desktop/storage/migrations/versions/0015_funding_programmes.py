"""Funding programmes, their planned figures, the officer's report texts, the village profile.

The yearly report for funders (Sachbericht, Verwendungsnachweis) compares planned with
actual figures per programme and period and keeps the officer's aims, experiences and
outlook with the period. The village profile keeps the figures the district supplies per
year (inhabitants by age, shares, spoken languages) to show who has no offer. Only new tables: no existing row changes, and no table with a
full-text index is rebuilt, so the search triggers of migration 0010 stay.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funding_programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_programmes")),
    )
    op.create_table(
        "programme_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("planned", sa.Numeric(precision=12, scale=2, asdecimal=False), nullable=False),
        sa.Column("actual", sa.Numeric(precision=12, scale=2, asdecimal=False), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["funding_programmes.id"],
            name=op.f("fk_programme_indicators_programme_id_funding_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_indicators")),
    )
    op.create_index(
        op.f("ix_programme_indicators_programme_id"), "programme_indicators", ["programme_id"]
    )
    op.create_table(
        "report_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("aims", sa.Text(), nullable=False),
        sa.Column("experiences", sa.Text(), nullable=False),
        sa.Column("outlook", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["funding_programmes.id"],
            name=op.f("fk_report_texts_programme_id_funding_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_texts")),
    )
    op.create_index(op.f("ix_report_texts_programme_id"), "report_texts", ["programme_id"])
    for table, column, target in (
        ("programme_offers", "offer_id", "offers"),
        ("programme_activities", "activity_id", "activities"),
    ):
        op.create_table(
            table,
            sa.Column("programme_id", sa.Integer(), nullable=False),
            sa.Column(column, sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                [column],
                [f"{target}.id"],
                name=op.f(f"fk_{table}_{column}_{target}"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["programme_id"],
                ["funding_programmes.id"],
                name=op.f(f"fk_{table}_programme_id_funding_programmes"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("programme_id", column, name=op.f(f"pk_{table}")),
        )

    op.create_table(
        "village_figures",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Numeric(precision=14, scale=2, asdecimal=False), nullable=False),
        sa.PrimaryKeyConstraint("year", "key", name=op.f("pk_village_figures")),
    )
    op.create_table(
        "village_languages",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("speakers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "code", name=op.f("pk_village_languages")),
    )


def downgrade() -> None:
    op.drop_table("village_languages")
    op.drop_table("village_figures")
    op.drop_table("programme_activities")
    op.drop_table("programme_offers")
    op.drop_index(op.f("ix_report_texts_programme_id"), table_name="report_texts")
    op.drop_table("report_texts")
    op.drop_index(op.f("ix_programme_indicators_programme_id"), table_name="programme_indicators")
    op.drop_table("programme_indicators")
    op.drop_table("funding_programmes")
