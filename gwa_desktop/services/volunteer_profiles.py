"""A contact's volunteer profile: checked, stored and read with the contact itself.

The contact service calls these inside its own transaction, so a contact and her
profile are saved together or not at all. The profile is personal data: it needs the
same legal basis as her phone number, and goes with a withdrawn consent (her hours stay
in the activities' totals, without her name).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.domain.languages import normalise_code
from gwa_desktop.domain.volunteer import (
    WEEKDAY_NAMES,
    Availability,
    LanguageLevel,
    SpokenLanguage,
    Training,
    VolunteerProfile,
    overlapping,
)
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_time
from gwa_desktop.services.record_service import touch
from gwa_desktop.services.validation import Checker, clean_list, length_problem
from gwa_desktop.storage.models import Activity, Contact, table_of
from gwa_desktop.storage.volunteer_models import (
    ActivityHelper,
    Volunteer,
    VolunteerAvailability,
    VolunteerLanguage,
    VolunteerTask,
    VolunteerTopic,
    VolunteerTraining,
)

#: The form field the messages about the profile are shown at.
FIELD = "volunteer"


def check_profile(check: Checker, data: ContactData) -> None:
    """Every problem of the profile at once, in the UI language."""
    profile = data.volunteer
    if profile is None:
        return
    if data.kind is ContactKind.ORGANISATION:
        check.add(FIELD, _("Only a person can be listed as a volunteer, not an organisation."))
        return
    if not data.has_legal_basis:
        check.add(
            FIELD,
            _(
                "A volunteer profile is personal data: record a consent or another legal "
                "basis before listing this person as a volunteer."
            ),
        )
    check.languages(FIELD, [spoken.code for spoken in profile.languages])
    for spoken in profile.languages:
        if not spoken.code.strip():
            check.add(FIELD, _("Choose a language for each line of the languages."))
    for slot in profile.availability:
        if not 0 <= slot.weekday <= 6:
            check.add(FIELD, _("Choose a weekday for each time the person can help."))
        elif slot.ends <= slot.starts:
            check.add(
                FIELD,
                _("On {weekday} the time to help ends before it starts.").format(
                    weekday=_(WEEKDAY_NAMES[slot.weekday])
                ),
            )
    for first, second in overlapping(profile.availability):
        check.add(
            FIELD,
            _(
                "The times on {weekday} overlap ({first} and {second}): join them into one or "
                "correct one of them."
            ).format(
                weekday=_(WEEKDAY_NAMES[first.weekday]),
                first=_span(first),
                second=_span(second),
            ),
        )
    for training in profile.trainings:
        if not training.title.strip():
            check.add(FIELD, _("Each training needs its title."))
        elif training.attended_on > date.today():
            check.add(
                FIELD,
                _(
                    "The training “{title}” lies in the future; record it once it has taken place."
                ).format(title=training.title.strip()),
            )
        check.add(FIELD, length_problem(training.title, table_of(VolunteerTraining).c.title))
    for task in profile.tasks:
        check.add(FIELD, length_problem(task, table_of(VolunteerTask).c.task))
    for topic in profile.topics:
        check.add(FIELD, length_problem(topic, table_of(VolunteerTopic).c.topic))


def _span(slot: Availability) -> str:
    return f"{format_time(slot.starts)}–{format_time(slot.ends)}"


def apply_profile(session: Session, contact: Contact, profile: VolunteerProfile | None) -> None:
    """Replace the stored profile of `contact` by `profile` (None removes it); a new
    contact without an id yet gets hers when the session flushes both."""
    record = None if contact.id is None else session.get(Volunteer, contact.id)
    if profile is None:
        if record is not None:
            session.delete(record)
        return
    if record is None:
        record = Volunteer(contact=contact)
        session.add(record)
    record.tasks = [
        VolunteerTask(task=t, position=i) for i, t in enumerate(clean_list(profile.tasks))
    ]
    record.topics = [
        VolunteerTopic(topic=t, position=i) for i, t in enumerate(clean_list(profile.topics))
    ]
    levels: dict[str, LanguageLevel] = {}
    for spoken in profile.languages:
        levels.setdefault(normalise_code(spoken.code), spoken.level)
    record.languages = [
        VolunteerLanguage(code=code, level=level, position=i)
        for i, (code, level) in enumerate(levels.items())
        if code
    ]
    record.availability = [
        VolunteerAvailability(weekday=slot.weekday, starts=slot.starts, ends=slot.ends)
        for slot in sorted(profile.availability, key=lambda s: (s.weekday, s.starts))
    ]
    record.trainings = [
        VolunteerTraining(title=t.title.strip(), attended_on=t.attended_on)
        for t in sorted(profile.trainings, key=lambda t: t.attended_on)
    ]
    touch(record)


def read_profile(session: Session, contact_id: int) -> VolunteerProfile | None:
    record = session.get(Volunteer, contact_id, options=profile_loads())
    return None if record is None else to_profile(record)


def to_profile(record: Volunteer) -> VolunteerProfile:
    return VolunteerProfile(
        tasks=[t.task for t in record.tasks],
        languages=[SpokenLanguage(lang.code, lang.level) for lang in record.languages],
        availability=[Availability(a.weekday, a.starts, a.ends) for a in record.availability],
        trainings=[Training(t.title, t.attended_on) for t in record.trainings],
        topics=[t.topic for t in record.topics],
    )


def forget_volunteer(session: Session, contact: Contact) -> None:
    """Her consent is withdrawn: the profile goes, and so does her name in the helper lists.

    The activities keep their totals (count and hours), which now include her as one of
    the volunteers without a name; they are marked as saved, so a form opened before
    cannot write her back.
    """
    helped = select(ActivityHelper.activity_id).where(ActivityHelper.contact_id == contact.id)
    for activity in session.scalars(select(Activity).where(Activity.id.in_(helped))):
        touch(activity)
    session.execute(delete(ActivityHelper).where(ActivityHelper.contact_id == contact.id))
    apply_profile(session, contact, None)


@cache
def profile_loads() -> list[Any]:
    """Loader options that read whole profiles in five queries for any number of them.

    Built when first needed: building them configures every mapper, a tenth of a second
    that `gwa count` does without.
    """
    return [
        selectinload(Volunteer.tasks),
        selectinload(Volunteer.languages),
        selectinload(Volunteer.availability),
        selectinload(Volunteer.trainings),
        selectinload(Volunteer.topics),
    ]
