"""District mode: figures imported from municipalities' packages, kept apart from own data.

The district office's own contacts and offers stay in their tables; imported rows live
here, one package row per municipality and period, so a newer package replaces exactly
the rows of the older one and nothing imported can mix with what the office typed in.
Vocabulary values are stored as their codes, checked when the package was read.

Also here: the keys that make packages authentic. `installation_keys` holds this
installation's own signing key (one row). It lives in the database, not in a file
beside it, because the key belongs to the municipality's records, not to one laptop:
a database worked on from a USB stick on two computers, or restored from a backup onto
a new laptop, goes on signing with the same key, and the district is not trained to
wave key changes through. The price is that a backup carries the key — it carries
every person's data too and must be kept as carefully. A district's shared PostgreSQL
database holds only the villages' public keys (`village_keys`), never theirs.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from gwa_desktop.storage.models import Base, Headcounts, utcnow, version_column


class DistrictPackage(Base):
    __tablename__ = "district_packages"
    __table_args__ = (UniqueConstraint("municipality", "period_start", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    format_version: Mapped[int] = mapped_column(Integer)
    program_version: Mapped[str] = mapped_column(String(40), default="")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    #: The sending installation (format 3); NULL for older packages, known by name only.
    installation_id: Mapped[str | None] = mapped_column(String(36), index=True)
    #: The package's own id, and the id of the package it says it replaces (format 3).
    package_id: Mapped[str | None] = mapped_column(String(36), index=True, unique=True)
    replaces: Mapped[str | None] = mapped_column(String(36))
    #: The municipality's name as this package gave it; `municipality` is the village's
    #: current name (that of its latest package), so a renamed village keeps its rows.
    sent_name: Mapped[str] = mapped_column(String(200), default="", server_default="")


class DistrictOffer(Base):
    __tablename__ = "district_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("district_packages.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    recurrence: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place_name: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    target_groups: Mapped[str] = mapped_column(String(300), default="")
    languages: Mapped[str] = mapped_column(String(300), default="")
    provider: Mapped[str] = mapped_column(String(200), default="")
    cost_cents: Mapped[int | None] = mapped_column(Integer)
    registration_required: Mapped[bool] = mapped_column(Boolean, default=False)


class DistrictActivity(Headcounts, Base):
    __tablename__ = "district_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("district_packages.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    offer: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(300), default="")


class InstallationKey(Base):
    """This installation's Ed25519 key pair (row 1), made at the first export; raw 32-byte keys."""

    __tablename__ = "installation_keys"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class VillageKey(Base):
    """The public key pinned for a municipality at its first signed import."""

    __tablename__ = "village_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(200), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    pinned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: The installation the key belongs to; NULL while only packages without one came.
    installation_id: Mapped[str | None] = mapped_column(String(36), index=True, unique=True)


class VillageKeyChange(Base):
    """The log of deliberate re-pinnings: which key was replaced by which, and when."""

    __tablename__ = "village_key_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(200))
    old_key: Mapped[bytes] = mapped_column(LargeBinary)
    new_key: Mapped[bytes] = mapped_column(LargeBinary)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    package: Mapped[str] = mapped_column(String(260), default="")


class ImportLock(Base):
    """One row that every import updates first, so imports into one database run one at a time.

    The update takes SQLite's write lock (the second import waits for busy_timeout) and a
    row lock on PostgreSQL (the second waits until the first commits). An import that
    changes nothing rolls back, so a replayed package leaves the database file as it was.
    """

    __tablename__ = "import_lock"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)


class InstallationIdentity(Base):
    """This installation's stable id (row 1), a UUID4 made by migration 0019.

    Packages carry it, so the district knows a village by it and not by its name: a
    renamed village keeps its history. It travels with the database (a backup restored on
    a new laptop is the same installation), like the signing key.
    """

    __tablename__ = "installation_identity"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    installation_id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExportedPackage(Base):
    """A package this installation wrote, so the next one for the same period names it in `replaces`."""

    __tablename__ = "exported_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    replaces: Mapped[str | None] = mapped_column(String(36))


class ReceivedPackage(Base):
    """Every package id the district took, with its checksum, kept after it was replaced
    or removed: a package id seen again with other content is refused, and a package
    naming one the district never got is pointed out."""

    __tablename__ = "received_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PackageReview(Base):
    """The district officer's verdict on one imported package (issue 17, review).

    No row means "not reviewed yet"; the first save creates it. A rejected package stays
    stored with its records, so the verdict can be changed and the village's file need
    not be asked for again, but it counts in no figure (services/district_review.py).
    Replacing or removing the package removes its review with it. The version column
    refuses a save based on a verdict another officer changed meanwhile.
    """

    __tablename__ = "package_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("district_packages.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(200), default="")
    reviewed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = version_column()
    __mapper_args__ = {"version_id_col": version}
