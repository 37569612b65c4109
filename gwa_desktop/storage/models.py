"""SQLAlchemy models: the persistent shape of contacts, offers, activities and settings.

Enumerations are stored as plain strings (non-native enums) so SQLite and PostgreSQL
behave the same and Alembic batch migrations stay simple. `search_text` columns hold a
case-folded copy of the searchable fields: SQLite's LIKE folds ASCII only, and "Müller"
must be found by typing "mü". `sort_key` columns hold the collation key of a name
(domain.collation): bytes compare alike on both databases, so lists sort as a German
reader expects ("Ärztehaus" beside "Arbeitsagentur", not after "Zentrum").
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import cast

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from gwa_desktop.domain.enums import (
    ActivityKind,
    ConsentMethod,
    ContactKind,
    ContactRole,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.domain.retention import ErasureAction, ErasureReason
from gwa_desktop.storage.search_index import create_for_models

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _enum(enum_cls: type, length: int = 32) -> Enum:
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


def version_column() -> Mapped[int]:
    """The row's version, raised by every UPDATE (SQLAlchemy's `version_id_col`).

    A form carries the version it loaded; the UPDATE names it in its WHERE clause, so a
    save based on a row someone else saved meanwhile changes nothing and is reported
    instead of silently overwriting the other save.
    """
    return mapped_column(Integer, nullable=False, default=1, server_default="1")


contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

offer_contacts = Table(
    "offer_contacts",
    Base.metadata,
    Column("offer_id", ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)

activity_organisations = Table(
    "activity_organisations",
    Base.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Contact(Timestamped, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContactKind] = mapped_column(_enum(ContactKind), default=ContactKind.PERSON)
    name: Mapped[str] = mapped_column(String(200), index=True)
    sort_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=b"", index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[ContactRole | None] = mapped_column(_enum(ContactRole))
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[LegalBasis | None] = mapped_column(_enum(LegalBasis))
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    organisation: Mapped[Contact | None] = relationship(
        remote_side="Contact.id", back_populates="members"
    )
    members: Mapped[list[Contact]] = relationship(back_populates="organisation")
    languages: Mapped[list[ContactLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ContactLanguage.position"
    )
    topics: Mapped[list[ContactTopic]] = relationship(
        cascade="all, delete-orphan", order_by="ContactTopic.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by=Tag.name)
    consents: Mapped[list[ConsentRecord]] = relationship(
        cascade="all, delete-orphan", order_by="ConsentRecord.given_on"
    )
    #: Every role, the main one (`role`) first; see ContactRoleLink.
    role_links: Mapped[list[ContactRoleLink]] = relationship(
        cascade="all, delete-orphan", order_by="ContactRoleLink.position"
    )


class ContactLanguage(Base):
    __tablename__ = "contact_languages"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactRoleLink(Base):
    """One of a contact's roles (volunteer and language mediator), migration 0013.

    A table rather than a joined text column: "all language mediators" is an indexed
    lookup by role (`ix_contact_roles_role`), not a LIKE over every contact. `Contact.role`
    stays as the main role (the first here): the list sorts by it and the district
    package carries it, so the package format is unchanged.
    """

    __tablename__ = "contact_roles"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[ContactRole] = mapped_column(_enum(ContactRole), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_contact_roles_role", "role", "contact_id"),)


class ContactTopic(Base):
    """A topic this contact is the fixed contact person for (feste Kontaktperson)."""

    __tablename__ = "contact_topics"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ConsentRecord(Timestamped, Base):
    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    given_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    form_version: Mapped[str] = mapped_column(String(40), default="")
    form_language: Mapped[str] = mapped_column(String(12), default="de")
    method: Mapped[ConsentMethod] = mapped_column(_enum(ConsentMethod))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    #: Its own purpose (Art. 6(1)(a) GDPR): "may be named publicly as contact on prints".
    names_publicly: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Offer(Timestamped, Base):
    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[OfferCategory] = mapped_column(_enum(OfferCategory), index=True)
    status: Mapped[OfferStatus] = mapped_column(
        _enum(OfferStatus), default=OfferStatus.ACTIVE, index=True
    )
    place_name: Mapped[str] = mapped_column(String(200), default="")
    place_sort_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=b"")
    #: A home or another place that must not leave the laptop (the district export leaves it out).
    place_is_private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    recurrence: Mapped[Recurrence] = mapped_column(_enum(Recurrence), default=Recurrence.WEEKLY)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    #: The weekdays of a recurrence, Monday=0, comma-separated; empty: the start date's.
    weekday_codes: Mapped[str] = mapped_column(String(20), default="", server_default="")
    skips_public_holidays: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    skips_school_holidays: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    cost_cents: Mapped[int | None] = mapped_column(Integer)
    cost_note: Mapped[str] = mapped_column(String(200), default="")
    registration_required: Mapped[bool] = mapped_column(Boolean, default=False)
    registration_note: Mapped[str] = mapped_column(String(300), default="")
    web_url: Mapped[str] = mapped_column(String(500), default="")
    provider_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    texts: Mapped[list[OfferText]] = relationship(
        cascade="all, delete-orphan", order_by="OfferText.position"
    )
    target_groups: Mapped[list[OfferTargetGroup]] = relationship(cascade="all, delete-orphan")
    languages: Mapped[list[OfferLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="OfferLanguage.position"
    )
    provider: Mapped[Contact | None] = relationship(foreign_keys=[provider_id])
    contact_persons: Mapped[list[Contact]] = relationship(
        secondary=offer_contacts, order_by=Contact.sort_key
    )
    date_changes: Mapped[list[OfferDateChange]] = relationship(
        cascade="all, delete-orphan", order_by="OfferDateChange.on_date"
    )

    def text_in(self, language: str) -> OfferText | None:
        return next((t for t in self.texts if t.language == language), None)


class OfferText(Base):
    """Title and description of an offer in one language; German is required."""

    __tablename__ = "offer_texts"
    __table_args__ = (UniqueConstraint("offer_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=b"")
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class OfferDateChange(Base):
    """One date of an offer's series cancelled (with a reason) or moved to another day."""

    __tablename__ = "offer_date_changes"
    __table_args__ = (UniqueConstraint("offer_id", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
    moved_to: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)


class HolidayPeriod(Base):
    """School holidays or another time the municipality's series pause (entered or imported)."""

    __tablename__ = "holiday_periods"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    first_day: Mapped[date] = mapped_column(Date, index=True)
    last_day: Mapped[date] = mapped_column(Date)


class OfferTargetGroup(Base):
    __tablename__ = "offer_target_groups"

    offer_id: Mapped[int] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    group: Mapped[TargetGroup] = mapped_column(_enum(TargetGroup), primary_key=True)


class OfferLanguage(Base):
    """A language spoken at the offer (not a translation of its texts)."""

    __tablename__ = "offer_languages"

    offer_id: Mapped[int] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Headcounts:
    """Anonymous counts of an activity, the same at home and in the district's copy."""

    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_women: Mapped[int | None] = mapped_column(Integer)
    participants_men: Mapped[int | None] = mapped_column(Integer)
    participants_diverse: Mapped[int | None] = mapped_column(Integer)
    age_under_18: Mapped[int | None] = mapped_column(Integer)
    age_18_26: Mapped[int | None] = mapped_column(Integer)
    age_27_64: Mapped[int | None] = mapped_column(Integer)
    age_65_plus: Mapped[int | None] = mapped_column(Integer)
    newcomers: Mapped[int | None] = mapped_column(Integer)
    regulars: Mapped[int | None] = mapped_column(Integer)
    volunteers_count: Mapped[int] = mapped_column(Integer, default=0)
    volunteer_hours: Mapped[float] = mapped_column(Numeric(8, 2, asdecimal=False), default=0)


class Activity(Headcounts, Timestamped, Base):
    """Something that happened, with anonymous headcounts only: no person records."""

    __tablename__ = "activities"
    # Date first for period filters and the default sort; the search text beside it lets
    # a search that matches nothing scan the index instead of every row (10x faster).
    # The figures index covers the grouped figures and the district export (migration 0011).
    __table_args__ = (
        Index("ix_activities_occurred_on_search", "occurred_on", "search_text"),
        Index(
            "ix_activities_figures",
            "occurred_on",
            "kind",
            "participants_total",
            "participants_women",
            "participants_men",
            "participants_diverse",
            "age_under_18",
            "age_18_26",
            "age_27_64",
            "age_65_plus",
            "newcomers",
            "regulars",
            "volunteers_count",
            "volunteer_hours",
            "offer_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind), index=True)
    title: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[bytes | None] = mapped_column(LargeBinary, default=b"")
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offers.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}

    offer: Mapped[Offer | None] = relationship()
    languages: Mapped[list[ActivityLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ActivityLanguage.position"
    )
    organisations: Mapped[list[Contact]] = relationship(
        secondary=activity_organisations, order_by=Contact.sort_key
    )


class ActivityLanguage(Base):
    __tablename__ = "activity_languages"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class MunicipalitySettings(Timestamped, Base):
    """The one row describing the municipality; printed on flyers and exports."""

    __tablename__ = "municipality_settings"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    officer_phone: Mapped[str] = mapped_column(String(60), default="")
    officer_email: Mapped[str] = mapped_column(String(254), default="")
    officer_address: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_filename: Mapped[str] = mapped_column(String(200), default="")
    #: The federal state whose public holidays pause series ("BY"); empty: none chosen.
    federal_state: Mapped[str] = mapped_column(String(2), default="", server_default="")
    #: The languages besides German the offers' texts should exist in ("en,ar,uk").
    text_languages: Mapped[str] = mapped_column(String(200), default="", server_default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}


class PublicationSettings(Base):
    """How figures leave this database (one row): kept in it, not on one computer, so
    that every officer working on a shared district database publishes alike."""

    __tablename__ = "publication_settings"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    disclosure_threshold: Mapped[int] = mapped_column(Integer)


class ErasedToken(Base):
    """A salted hash of one name word or phone number of a contact that was deleted,
    renamed or withdrew her consent: the privacy detector still finds her in free text
    that leaves the laptop, while the database no longer holds what she was called."""

    __tablename__ = "erased_tokens"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)


class IndexVersion(Base):
    """Which recipe filled the derived columns (`sort_key`, `search_text`) of the rows.

    One row per kind ("collation", "search"); a program whose recipe differs (another
    collation table, new labels in a catalog) computes the columns again at start.
    """

    __tablename__ = "index_versions"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[str] = mapped_column(String(200))


class InstallationSalt(Base):
    """The random salt of this installation's `ErasedToken` hashes (one row)."""

    __tablename__ = "installation_salt"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    salt: Mapped[bytes] = mapped_column(LargeBinary(32))


class OfferPrintContact(Base):
    """Who and which number an offer's prints show, as the officer chose; without a row
    the first contact person who may be named publicly, with the office number."""

    __tablename__ = "offer_print_contacts"

    offer_id: Mapped[int] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    number: Mapped[PrintedNumber] = mapped_column(
        _enum(PrintedNumber, 16), default=PrintedNumber.OFFICE
    )


class RetentionPeriod(Base):
    """How many months after the last contact a person with this legal basis is kept
    (domain.retention: a LegalBasis value or "none"); without a row the default."""

    __tablename__ = "retention_periods"

    legal_basis: Mapped[str] = mapped_column(String(32), primary_key=True)
    months: Mapped[int] = mapped_column(Integer)


class ErasureLogEntry(Base):
    """One erasure: the former record id, when, what was done and why, never a value.

    `token` names the entry across copies of the database: a restored backup lacks the
    entries made after it was taken, and those erasures are applied to it again.
    """

    __tablename__ = "erasure_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    contact_id: Mapped[int] = mapped_column(Integer, index=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[ErasureAction] = mapped_column(_enum(ErasureAction, 16))
    reason: Mapped[ErasureReason] = mapped_column(_enum(ErasureReason))


def full_metadata() -> MetaData:
    """Every table of the program, for whatever compares or walks the whole schema:
    the migrations, the merge (every reference to a contact), the tests that hold the
    models against the migrations.

    The tables kept in their own modules (district mode, funding programmes, village
    profile, volunteers, duplicate decisions) are imported by the services that use
    them, not here: no core model refers to them, and a print does not pay for mapping
    and configuring the district mode's classes (issue 12).
    """
    from gwa_desktop.storage import (  # noqa: F401
        district_models,
        duplicate_models,
        municipality_list_models,
        profile_models,
        programme_models,
        volunteer_models,
    )

    return Base.metadata


def table_of(model: type[Base]) -> Table:
    """The table a mapped class maps (each of ours maps exactly one), for Core statements."""
    return cast(Table, model.__table__)


create_for_models(Base.metadata)
