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
