"""Finding help and counting hours: "who speaks Dari and is free on Tuesday afternoons".

The search reads the volunteer profiles (a village has tens of volunteers, not
thousands): the database narrows by language and weekday, the rest (a task typed in
any spelling, the legal basis) is decided here. Only people whose legal basis holds are
found; a withdrawn consent has removed the profile already.

Hours per volunteer and year stay inside the house: they are read from the helper
lists, which no export to the district touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import extract, func, select
from sqlalchemy.orm import selectinload

from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.legal_basis import legal_basis_holds
from gwa_desktop.domain.volunteer import (
    Availability,
    SpokenLanguage,
    VolunteerProfile,
    from_steps,
)
from gwa_desktop.services.validation import fold, search_words
from gwa_desktop.services.volunteer_profiles import profile_loads, to_profile
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Contact
from gwa_desktop.storage.volunteer_models import (
    ActivityHelper,
    Volunteer,
    VolunteerAvailability,
    VolunteerLanguage,
)


@dataclass(frozen=True)
class HelpWanted:
    """What the officer looks for; every part left empty matches anyone."""

    language: str = ""
    #: Words of a task or topic ("dolmetsch", "Fahrdienst"), folded like a search.
    skill: str = ""
    #: 0 is Monday; with `starts`/`ends`, a time she can help must share some of it.
    weekday: int | None = None
    starts: time | None = None
    ends: time | None = None


@dataclass
class VolunteerMatch:
    contact_id: int
    name: str
    phone: str
    email: str
    profile: VolunteerProfile = field(default_factory=VolunteerProfile)
    #: Hours at activities in the year asked for (`find(..., year=)`), else None.
    hours: float | None = None

    @property
    def languages(self) -> list[SpokenLanguage]:
        return self.profile.languages

    @property
    def availability(self) -> list[Availability]:
        return self.profile.availability


@dataclass(frozen=True)
class YearHours:
    contact_id: int
    name: str
    hours: float
    activities: int


class VolunteerService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def find(self, wanted: HelpWanted, year: int | None = None) -> list[VolunteerMatch]:
        """The volunteers matching every part of `wanted`, sorted by name."""
        statement = (
            select(Volunteer)
            .join(Contact, Contact.id == Volunteer.contact_id)
            .options(
                *profile_loads(), selectinload(Volunteer.contact).selectinload(Contact.consents)
            )
            .order_by(Contact.sort_key, Contact.id)
        )
        if wanted.language.strip():
            statement = statement.where(
                Volunteer.languages.any(VolunteerLanguage.code == wanted.language.strip().lower())
            )
        if wanted.weekday is not None:
            slot = VolunteerAvailability.weekday == wanted.weekday
            if wanted.starts is not None:
                slot = slot & (VolunteerAvailability.ends > wanted.starts)
            if wanted.ends is not None:
                slot = slot & (VolunteerAvailability.starts < wanted.ends)
            statement = statement.where(Volunteer.availability.any(slot))
        words = search_words(wanted.skill)
        with self.database.session() as session:
            matches = []
            for record in session.scalars(statement):
                contact = record.contact
                if not legal_basis_holds(contact.kind, contact.legal_basis, contact.consents):
                    continue
                profile = to_profile(record)
                if words and not _mentions(profile, words):
                    continue
                matches.append(
                    VolunteerMatch(contact.id, contact.name, contact.phone, contact.email, profile)
                )
        if year is not None:
            hours = {row.contact_id: row.hours for row in self.year_hours(year)}
            for match in matches:
                match.hours = hours.get(match.contact_id, 0.0)
        return matches

    def helper_choices(self) -> list[tuple[int, str]]:
        """Who can be listed as a helper, as (id, name): persons whose legal basis holds,
        the volunteers first (the helper list of an activity offers them)."""
        with self.database.session() as session:
            people = session.scalars(
                select(Contact)
                .where(Contact.kind == ContactKind.PERSON)
                .options(selectinload(Contact.consents))
                .order_by(Contact.sort_key, Contact.id)
            ).all()
            volunteers = set(session.scalars(select(Volunteer.contact_id)))
            lawful = [
                (c.id, c.name)
                for c in people
                if legal_basis_holds(c.kind, c.legal_basis, c.consents)
            ]
        return [p for p in lawful if p[0] in volunteers] + [
            p for p in lawful if p[0] not in volunteers
        ]

    def year_hours(self, year: int, contact_ids: Iterable[int] | None = None) -> list[YearHours]:
        """Hours and activities per named volunteer in `year`, most hours first."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        statement = (
            select(
                ActivityHelper.contact_id,
                Contact.name,
                func.sum(ActivityHelper.quarter_hours),
                func.count(),
            )
            .join(Activity, Activity.id == ActivityHelper.activity_id)
            .join(Contact, Contact.id == ActivityHelper.contact_id)
            .where(Activity.occurred_on.between(first, last))
            .group_by(ActivityHelper.contact_id, Contact.name, Contact.sort_key)
            .order_by(func.sum(ActivityHelper.quarter_hours).desc(), Contact.sort_key)
        )
        if contact_ids is not None:
            statement = statement.where(ActivityHelper.contact_id.in_(list(contact_ids)))
        with self.database.session() as session:
            return [
                YearHours(contact_id, name, from_steps(int(steps or 0)), int(count))
                for contact_id, name, steps, count in session.execute(statement)
            ]

    def years_helped(self, contact_id: int) -> list[int]:
        """The years in which she is listed as a helper, latest first (for the certificate)."""
        year = extract("year", Activity.occurred_on)
        with self.database.session() as session:
            return [
                int(value)
                for value in session.scalars(
                    select(year)
                    .join(ActivityHelper, ActivityHelper.activity_id == Activity.id)
                    .where(ActivityHelper.contact_id == contact_id)
                    .group_by(year)
                    .order_by(year.desc())
                )
            ]


def _mentions(profile: VolunteerProfile, words: list[str]) -> bool:
    """Whether each word stands in one of her tasks or topics, folded like a search."""
    text = fold(*profile.tasks, *profile.topics)
    return all(word in text for word in words)
