"""Initial schema: contacts, offers, activities and municipality settings.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 16:59:55.093021
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("person", "organisation", name="contactkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "volunteer",
                "language_mediator",
                "newcomer",
                "daycare",
                "school",
                "job_centre",
                "district_office",
                "association",
                "counselling_service",
                "administration",
                "other",
                name="contactrole",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "legal_basis",
            sa.Enum(
                "consent",
                "public_task",
                "contract",
                name="legalbasis",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["contacts.id"],
            name=op.f("fk_contacts_organisation_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contacts_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "municipality_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=200), nullable=False),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("officer_phone", sa.String(length=60), nullable=False),
        sa.Column("officer_email", sa.String(length=254), nullable=False),
        sa.Column("officer_address", sa.Text(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_filename", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipality_settings")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "consent_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("form_version", sa.String(length=40), nullable=False),
        sa.Column("form_language", sa.String(length=12), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "written",
                "electronic",
                "verbal",
                name="consentmethod",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_consent_records_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_records")),
    )
    with op.batch_alter_table("consent_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_records_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_languages",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_languages_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "code", name=op.f("pk_contact_languages")),
    )
    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    op.create_table(
        "contact_topics",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_topics_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "topic", name=op.f("pk_contact_topics")),
    )
    op.create_table(
        "offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "language",
                "education",
                "family",
                "work",
                "counselling",
                "leisure",
                "health",
                "other",
                name="offercategory",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "active",
                "paused",
                "ended",
                name="offerstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("place_name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column(
            "recurrence",
            sa.Enum(
                "once",
                "weekly",
                "biweekly",
                "monthly",
                name="recurrence",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("cost_cents", sa.Integer(), nullable=True),
        sa.Column("cost_note", sa.String(length=200), nullable=False),
        sa.Column("registration_required", sa.Boolean(), nullable=False),
        sa.Column("registration_note", sa.String(length=300), nullable=False),
        sa.Column("web_url", sa.String(length=500), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["contacts.id"],
            name=op.f("fk_offers_provider_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offers_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_offers_provider_id"), ["provider_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_offers_status"), ["status"], unique=False)

    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "network_meeting",
                "joint_action",
                "event",
                "counselling",
                "offer_session",
                "other",
                name="activitykind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("participants_total", sa.Integer(), nullable=False),
        sa.Column("participants_women", sa.Integer(), nullable=True),
        sa.Column("participants_men", sa.Integer(), nullable=True),
        sa.Column("participants_diverse", sa.Integer(), nullable=True),
        sa.Column("age_under_18", sa.Integer(), nullable=True),
        sa.Column("age_18_26", sa.Integer(), nullable=True),
        sa.Column("age_27_64", sa.Integer(), nullable=True),
        sa.Column("age_65_plus", sa.Integer(), nullable=True),
        sa.Column("newcomers", sa.Integer(), nullable=True),
        sa.Column("regulars", sa.Integer(), nullable=True),
        sa.Column("volunteers_count", sa.Integer(), nullable=False),
        sa.Column(
            "volunteer_hours", sa.Numeric(precision=8, scale=2, asdecimal=False), nullable=False
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_activities_offer_id_offers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_activities_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activities_offer_id"), ["offer_id"], unique=False)

    op.create_table(
        "offer_contacts",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_offer_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_contacts_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "contact_id", name=op.f("pk_offer_contacts")),
    )
    op.create_table(
        "offer_languages",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_languages_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "code", name=op.f("pk_offer_languages")),
    )
    op.create_table(
        "offer_target_groups",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column(
            "group",
            sa.Enum(
                "everyone",
                "families",
                "children",
                "youth",
                "women",
                "men",
                "seniors",
                "newcomers",
                "volunteers",
                name="targetgroup",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_target_groups_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "group", name=op.f("pk_offer_target_groups")),
    )
    op.create_table(
        "offer_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_texts_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_texts")),
        sa.UniqueConstraint("offer_id", "language", name=op.f("uq_offer_texts_offer_id")),
    )
    with op.batch_alter_table("offer_texts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_texts_offer_id"), ["offer_id"], unique=False)

    op.create_table(
        "activity_languages",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_languages_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "code", name=op.f("pk_activity_languages")),
    )
    op.create_table(
        "activity_organisations",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_organisations_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_activity_organisations_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "contact_id", name=op.f("pk_activity_organisations")
        ),
    )


def downgrade() -> None:
    op.drop_table("activity_organisations")
    op.drop_table("activity_languages")
    with op.batch_alter_table("offer_texts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_texts_offer_id"))

    op.drop_table("offer_texts")
    op.drop_table("offer_target_groups")
    op.drop_table("offer_languages")
    op.drop_table("offer_contacts")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_offer_id"))
        batch_op.drop_index(batch_op.f("ix_activities_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_activities_kind"))

    op.drop_table("activities")
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offers_status"))
        batch_op.drop_index(batch_op.f("ix_offers_provider_id"))
        batch_op.drop_index(batch_op.f("ix_offers_category"))

    op.drop_table("offers")
    op.drop_table("contact_topics")
    op.drop_table("contact_tags")
    op.drop_table("contact_languages")
    with op.batch_alter_table("consent_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_records_contact_id"))

    op.drop_table("consent_records")
    op.drop_table("tags")
    op.drop_table("municipality_settings")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_contacts_name"))

    op.drop_table("contacts")
