"""Funding programmes, their planned indicators and the texts of the officer's reports.

A programme names the offers (and single activities, such as a festival) it pays for;
its figures are counted from those. The links cascade from both sides: deleting an
offer removes it from the programme, deleting a programme leaves the offers alone.
The report texts are kept per programme (NULL: the whole municipality) and period, so
a report built again next week shows the words written this week.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gwa_desktop.storage.models import Base, Timestamped

programme_offers = Table(
    "programme_offers",
    Base.metadata,
    Column(
        "programme_id",
        ForeignKey("funding_programmes.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("offer_id", ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True),
)

programme_activities = Table(
    "programme_activities",
    Base.metadata,
    Column(
        "programme_id",
        ForeignKey("funding_programmes.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
)


class FundingProgramme(Timestamped, Base):
    """A Förderprogramm or project: who pays, for how long, under which reference."""

    __tablename__ = "funding_programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    funder: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    indicators: Mapped[list[ProgrammeIndicator]] = relationship(
        cascade="all, delete-orphan",
        order_by="(ProgrammeIndicator.first_day, ProgrammeIndicator.position)",
    )


class ProgrammeIndicator(Base):
    """A planned figure for one period; `actual` only for figures entered by hand."""

    __tablename__ = "programme_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("funding_programmes.id", ondelete="CASCADE"), index=True
    )
    measure: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(200), default="")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    planned: Mapped[float] = mapped_column(Numeric(12, 2, asdecimal=False))
    actual: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    comment: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ReportText(Timestamped, Base):
    """Aims, experiences and outlook of one report (Sachbericht), editable later."""

    __tablename__ = "report_texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_programmes.id", ondelete="CASCADE"), index=True
    )
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    aims: Mapped[str] = mapped_column(Text, default="")
    experiences: Mapped[str] = mapped_column(Text, default="")
    outlook: Mapped[str] = mapped_column(Text, default="")
