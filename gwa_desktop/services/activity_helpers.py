"""Who helped at an activity, with their hours; the activity's totals follow from them.

An activity keeps `volunteers_count` and `volunteer_hours` as totals: the district
export, the figures and the lists read those and nothing else. Where the officer lists
helpers by name, the totals are the helpers plus the volunteers counted without a name;
where she lists none, the totals stay what she typed (an anonymous event). A helper who
withdraws her consent leaves the list, and her hours become part of the unnamed ones.

The activity service calls these in its own transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.legal_basis import legal_basis_holds
from gwa_desktop.domain.volunteer import (
    HelperHours,
    derived_totals,
    from_steps,
    named_totals,
    to_steps,
)
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_number
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, ConsentRecord, Contact
from gwa_desktop.storage.volunteer_models import ActivityHelper

#: The form field the messages about helpers are shown at.
FIELD = "helpers"
#: Without start and end time, a day is the most one person can have helped.
HOURS_PER_DAY = 24.0


def with_totals(data: ActivityData) -> ActivityData:
    """`data` with the totals the helpers give, where it lists any."""
    if not data.helpers:
        return data
    count, hours = derived_totals(data.helpers, data.extra_volunteers, data.extra_volunteer_hours)
    return replace(data, volunteers_count=count, volunteer_hours=hours)


def length_in_hours(starts: time | None, ends: time | None) -> float | None:
    """How long the activity lasted, when both times are known and in order."""
    if starts is None or ends is None or ends <= starts:
        return None
    day = datetime(2000, 1, 1)
    return (datetime.combine(day, ends) - datetime.combine(day, starts)).total_seconds() / 3600


def check_helpers(check: Checker, database: Database, data: ActivityData) -> None:
    """Every problem of the helper list at once: unknown people, people without a legal
    basis, hours not in quarters or beyond the activity's length, anyone listed twice."""
    check.not_negative("extra_volunteers", data.extra_volunteers, _("A number of people"))
    check.not_negative("extra_volunteer_hours", data.extra_volunteer_hours, _("Volunteer hours"))
    if not data.helpers:
        return
    people = _people(database, [helper.contact_id for helper in data.helpers])
    length = length_in_hours(data.start_time, data.end_time)
    seen: set[int] = set()
    for helper in data.helpers:
        person = people.get(helper.contact_id)
        if person is None:
            check.add(FIELD, _("A chosen helper no longer exists among the contacts."))
            continue
        name, lawful = person
        if helper.contact_id in seen:
            check.add(FIELD, _("{name} is listed twice among the helpers.").format(name=name))
        seen.add(helper.contact_id)
        if not lawful:
            check.add(
                FIELD,
                _(
                    "{name} has no consent or other legal basis, so the name cannot be stored "
                    "with the hours. Record the consent, or count the hours among the volunteers "
                    "without a name."
                ).format(name=name),
            )
        if helper.hours <= 0 or to_steps(helper.hours) is None:
            check.add(
                FIELD,
                _(
                    "Enter the hours of {name} in quarter hours, more than 0 (for example 1.25 or 2.5)."
                ).format(name=name),
            )
        elif length is not None and helper.hours > length:
            check.add(
                FIELD,
                _(
                    "{name} is entered with {hours} hours, but the activity lasted only {length} hours "
                    "({start}–{end}). Correct the hours or the times."
                ).format(
                    name=name,
                    hours=format_number(helper.hours),
                    length=format_number(round(length, 2)),
                    start=data.start_time.strftime("%H:%M") if data.start_time else "",
                    end=data.end_time.strftime("%H:%M") if data.end_time else "",
                ),
            )
        elif helper.hours > HOURS_PER_DAY:
            check.add(
                FIELD,
                _("{name} is entered with {hours} hours: more than one day has.").format(
                    name=name, hours=format_number(helper.hours)
                ),
            )


def _people(database: Database, contact_ids: list[int]) -> dict[int, tuple[str, bool]]:
    """Name and whether the legal basis holds, for each existing contact among the ids."""
    with database.session() as session:
        contacts = session.execute(
            select(Contact.id, Contact.name, Contact.kind, Contact.legal_basis).where(
                Contact.id.in_(contact_ids)
            )
        ).all()
        # Rows with a `withdrawn_on`, as legal_basis_holds reads them.
        consents: dict[int, list[Any]] = {}
        for row in session.execute(
            select(ConsentRecord.contact_id, ConsentRecord.withdrawn_on).where(
                ConsentRecord.contact_id.in_(contact_ids)
            )
        ):
            consents.setdefault(row.contact_id, []).append(row)
    return {
        contact_id: (name, legal_basis_holds(kind, basis, consents.get(contact_id, [])))
        for contact_id, name, kind, basis in contacts
    }


def apply_helpers(session: Session, activity: Activity, helpers: list[HelperHours]) -> None:
    """Store `helpers` as the activity's helper rows, replacing those it had."""
    existing = (
        {}
        if activity.id is None
        else {
            row.contact_id: row
            for row in session.scalars(
                select(ActivityHelper).where(ActivityHelper.activity_id == activity.id)
            )
        }
    )
    for helper in helpers:
        row = existing.pop(helper.contact_id, None)
        if row is None:
            row = ActivityHelper(activity=activity, contact_id=helper.contact_id)
            session.add(row)
        row.quarter_hours = to_steps(helper.hours) or 0
    for row in existing.values():
        session.delete(row)


def read_helpers(session: Session, activity_id: int) -> list[HelperHours]:
    rows = session.execute(
        select(ActivityHelper.contact_id, Contact.name, ActivityHelper.quarter_hours)
        .join(Contact, Contact.id == ActivityHelper.contact_id)
        .where(ActivityHelper.activity_id == activity_id)
        .order_by(Contact.sort_key, Contact.id)
    )
    return [HelperHours(contact_id, from_steps(steps), name) for contact_id, name, steps in rows]


def unnamed_part(data: ActivityData) -> tuple[int, float]:
    """The volunteers and hours of the totals that no listed helper accounts for."""
    count, hours = named_totals(data.helpers)
    return max(data.volunteers_count - count, 0), max(round(data.volunteer_hours - hours, 2), 0.0)
