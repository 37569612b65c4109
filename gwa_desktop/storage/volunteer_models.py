"""Volunteers (Ehrenamt): a person contact's profile, and who helped at an activity.

New tables beside the contacts and activities rather than columns on them: the tables
with full-text indexes stay as they are (a rebuild would drop their triggers), and a
contact who withdraws her consent loses her profile and her place in the helper lists
by deleting rows, while the activity keeps its aggregate `volunteers_count` and
`volunteer_hours` (the district export reads only those).

Hours are stored as whole quarter hours, so sums are exact on both databases.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Date, ForeignKey, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gwa_desktop.domain.volunteer import LanguageLevel
from gwa_desktop.storage.models import Activity, Base, Contact, Timestamped, _enum


class Volunteer(Timestamped, Base):
    """A person contact listed as a volunteer; her tasks, languages, times and trainings."""

    __tablename__ = "volunteer_profiles"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )

    contact: Mapped[Contact] = relationship()
    tasks: Mapped[list[VolunteerTask]] = relationship(
        cascade="all, delete-orphan", order_by="VolunteerTask.position"
    )
    languages: Mapped[list[VolunteerLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="VolunteerLanguage.position"
    )
    availability: Mapped[list[VolunteerAvailability]] = relationship(
        cascade="all, delete-orphan",
        order_by="(VolunteerAvailability.weekday, VolunteerAvailability.starts)",
    )
    trainings: Mapped[list[VolunteerTraining]] = relationship(
        cascade="all, delete-orphan", order_by="VolunteerTraining.attended_on"
    )
    topics: Mapped[list[VolunteerTopic]] = relationship(
        cascade="all, delete-orphan", order_by="VolunteerTopic.position"
    )


class VolunteerTask(Base):
    """Something she does: interpreting, accompanying to offices, driving …"""

    __tablename__ = "volunteer_tasks"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_profiles.contact_id", ondelete="CASCADE"), primary_key=True
    )
    task: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class VolunteerLanguage(Base):
    __tablename__ = "volunteer_languages"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_profiles.contact_id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(12), primary_key=True, index=True)
    level: Mapped[LanguageLevel] = mapped_column(_enum(LanguageLevel), default=LanguageLevel.GOOD)
    position: Mapped[int] = mapped_column(Integer, default=0)


class VolunteerAvailability(Base):
    """A weekly time she can usually help; weekday 0 is Monday."""

    __tablename__ = "volunteer_availability"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_profiles.contact_id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(Integer)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)


class VolunteerTraining(Base):
    __tablename__ = "volunteer_trainings"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_profiles.contact_id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    attended_on: Mapped[date] = mapped_column(Date)


class VolunteerTopic(Base):
    """A topic she may be asked about or for ("darf angefragt werden für")."""

    __tablename__ = "volunteer_topics"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_profiles.contact_id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(120), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActivityHelper(Base):
    """One named volunteer's hours at an activity, in quarter hours."""

    __tablename__ = "activity_helpers"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    quarter_hours: Mapped[int] = mapped_column(Integer)

    activity: Mapped[Activity] = relationship()
