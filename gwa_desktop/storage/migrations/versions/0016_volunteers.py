"""Volunteers: a person's profile (tasks, languages, times, trainings) and who helped.

Until now an activity stored only a number of volunteers and their hours, so nobody
could say who helped or thank anyone by name. New tables hold a person contact's
volunteer profile and each activity's named helpers with their hours in quarter hours;
the activities keep `volunteers_count` and `volunteer_hours` as they are (every
existing figure stays a total counted without names, and the district export reads
only those). Only new tables: the contacts and activities with their full-text
triggers are not rebuilt.

Data step: persons already marked as volunteer or language mediator (any of their roles,
migration 0013) who have a legal basis get a profile with the languages of their contact (level "good", to be corrected
in the form), so they can be found as helpers at once.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

PROFILE_TABLES = ("volunteer_tasks", "volunteer_topics")


def _profile_key() -> sa.Column[int]:
    return sa.Column("contact_id", sa.Integer(), nullable=False)


def _profile_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["contact_id"],
        ["volunteer_profiles.contact_id"],
        name=op.f(f"fk_{table}_contact_id_volunteer_profiles"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "volunteer_profiles",
        _profile_key(),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_volunteer_profiles_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_volunteer_profiles")),
    )
    op.create_table(
        "volunteer_availability",
        sa.Column("id", sa.Integer(), nullable=False),
        _profile_key(),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        _profile_fk("volunteer_availability"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_availability")),
    )
    op.create_index(
        op.f("ix_volunteer_availability_contact_id"), "volunteer_availability", ["contact_id"]
    )
    op.create_table(
        "volunteer_languages",
        _profile_key(),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "native",
                "fluent",
                "good",
                "basic",
                name="languagelevel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        _profile_fk("volunteer_languages"),
        sa.PrimaryKeyConstraint("contact_id", "code", name=op.f("pk_volunteer_languages")),
    )
    op.create_index(op.f("ix_volunteer_languages_code"), "volunteer_languages", ["code"])
    for table, column in (("volunteer_tasks", "task"), ("volunteer_topics", "topic")):
        op.create_table(
            table,
            _profile_key(),
            sa.Column(column, sa.String(length=120), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            _profile_fk(table),
            sa.PrimaryKeyConstraint("contact_id", column, name=op.f(f"pk_{table}")),
        )
    op.create_table(
        "volunteer_trainings",
        sa.Column("id", sa.Integer(), nullable=False),
        _profile_key(),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("attended_on", sa.Date(), nullable=False),
        _profile_fk("volunteer_trainings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_trainings")),
    )
    op.create_index(
        op.f("ix_volunteer_trainings_contact_id"), "volunteer_trainings", ["contact_id"]
    )
    op.create_table(
        "activity_helpers",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("quarter_hours", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_helpers_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_activity_helpers_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "contact_id", name=op.f("pk_activity_helpers")),
    )
    op.create_index(op.f("ix_activity_helpers_contact_id"), "activity_helpers", ["contact_id"])
    _profiles_for_known_volunteers()


def _profiles_for_known_volunteers() -> None:
    """Persons with the role volunteer or language mediator and a legal basis become
    volunteers with their contact's languages; without a legal basis nothing is added."""
    lawful = (
        "c.kind = 'person' AND EXISTS (SELECT 1 FROM contact_roles o WHERE o.contact_id = c.id "
        "AND o.role IN ('volunteer', 'language_mediator')) AND ("
        "c.legal_basis IN ('public_task', 'contract') OR (c.legal_basis = 'consent' AND EXISTS ("
        "SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND r.withdrawn_on IS NULL)))"
    )
    op.execute(
        "INSERT INTO volunteer_profiles (contact_id, created_at, updated_at) "
        f"SELECT c.id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM contacts c WHERE {lawful}"
    )
    op.execute(
        "INSERT INTO volunteer_languages (contact_id, code, level, position) "
        "SELECT l.contact_id, l.code, 'good', l.position FROM contact_languages l "
        "JOIN volunteer_profiles p ON p.contact_id = l.contact_id"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_activity_helpers_contact_id"), table_name="activity_helpers")
    op.drop_table("activity_helpers")
    op.drop_index(op.f("ix_volunteer_trainings_contact_id"), table_name="volunteer_trainings")
    op.drop_table("volunteer_trainings")
    for table in PROFILE_TABLES:
        op.drop_table(table)
    op.drop_index(op.f("ix_volunteer_languages_code"), table_name="volunteer_languages")
    op.drop_table("volunteer_languages")
    op.drop_index(op.f("ix_volunteer_availability_contact_id"), table_name="volunteer_availability")
    op.drop_table("volunteer_availability")
    op.drop_table("volunteer_profiles")
