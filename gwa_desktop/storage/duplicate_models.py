"""Duplicates: the pairs the officer declared distinct, and the log of merged contacts.

A pair is stored with the smaller id first, so (7, 3) and (3, 7) are one row. Both ids
reference their table with ON DELETE CASCADE: a deleted record takes its pairs along,
and an id SQLite hands out again later cannot inherit an old "not a duplicate".

The merge log names what was merged and when (ids and field names), never a value: the
point of a merge is that one of two copies of a person's data goes, and a log that
kept it would undo that.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gwa_desktop.storage.models import Base, utcnow


class ContactNonDuplicate(Base):
    """Two contacts the officer looked at and declared different people or organisations."""

    __tablename__ = "contact_non_duplicates"
    __table_args__ = (CheckConstraint("first_id < second_id", name="ordered"),)

    first_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    marked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OfferNonDuplicate(Base):
    """Two offers with the same title, place and weekday that are meant to be two."""

    __tablename__ = "offer_non_duplicates"
    __table_args__ = (CheckConstraint("first_id < second_id", name="ordered"),)

    first_id: Mapped[int] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    marked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ContactMerge(Base):
    """One merge: which contact stayed, which went, which fields came from the one that went."""

    __tablename__ = "contact_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    kept_id: Mapped[int] = mapped_column(Integer)
    removed_id: Mapped[int] = mapped_column(Integer)
    #: Field names, comma-separated ("phone,email"); empty when every value was kept.
    fields_taken: Mapped[str] = mapped_column(String(300), default="")
    #: How many rows elsewhere pointed at the removed contact and now point at the kept one.
    links_moved: Mapped[int] = mapped_column(Integer, default=0)
