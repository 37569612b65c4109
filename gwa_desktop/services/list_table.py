"""The lists of `gwa list` as a person reads them: column names and values in the UI language.

The same headings as the list screens, enum codes as their labels ("Person", "aktiv"),
an offer's schedule in words. Scripts that need the stored codes ask for them
(`gwa list … --codes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from gwa_desktop.domain.enums import ContactRole, LabelledEnum
from gwa_desktop.domain.languages import language_names
from gwa_desktop.domain.schedule_text import describe_schedule
from gwa_desktop.i18n import N_, _, ui_language
from gwa_desktop.services.activities import ACTIVITY_COLUMNS
from gwa_desktop.services.contacts import CONTACT_COLUMNS
from gwa_desktop.services.offers import OFFER_COLUMNS, listed_schedule

#: The keys of each entity's rows (after the id), as `list_rows` returns them.
ENTITY_COLUMNS = {
    "contacts": CONTACT_COLUMNS,
    "offers": OFFER_COLUMNS,
    "activities": ACTIVITY_COLUMNS,
}

#: Column headings, the same words as on the list screens.
HEADINGS = {
    "id": N_("No."),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "organisation": N_("Organisation"),
    "role": N_("Roles"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "languages": N_("Languages"),
    "topics": N_("Contact person for"),
    "title": N_("Title"),
    "category": N_("Category"),
    "status": N_("Status"),
    "schedule": N_("When"),
    "place": N_("Place"),
    "text_languages": N_("Texts in"),
    "occurred_on": N_("Date"),
    "offer": N_("Offer"),
    "participants_total": N_("Participants"),
    "volunteer_hours": N_("Volunteer hours"),
}
#: Columns holding language codes joined by ", ", shown as the languages' names.
LANGUAGE_KEYS = frozenset({"languages", "text_languages"})
#: Where an offer's row continues after its columns (see offers.listed_schedule).
_OFFER_EXTRA = len(OFFER_COLUMNS) + 1


def headings(entity: str) -> list[str]:
    keys = ENTITY_COLUMNS[entity]
    own = {"languages": N_("Languages spoken")} if entity == "offers" else {}
    return [_(own.get(key, HEADINGS[key])) for key in ("id", *keys)]


def labelled_row(entity: str, row: Sequence[Any]) -> list[Any]:
    """A row of `list_rows` with labels for codes; dates, times and numbers stay values."""
    keys = ("id", *ENTITY_COLUMNS[entity])
    values = [_readable(value) for value in row[: len(keys)]]
    for position, key in enumerate(keys):
        if key in LANGUAGE_KEYS and values[position]:
            values[position] = language_names(values[position], ui_language())
        elif key == "role" and entity == "contacts":
            values[position] = role_labels(values[position])
    if entity == "offers":
        position = keys.index("schedule")
        values[position] = describe_schedule(
            listed_schedule(row[position], row[_OFFER_EXTRA:]), ui_language()
        )
    return values


def role_labels(codes: str | None) -> str:
    """A contact's joined role codes ("volunteer, language_mediator") as their labels."""
    if not codes:
        return ""
    return ", ".join(ContactRole(code.strip()).label for code in codes.split(","))


def _readable(value: Any) -> Any:
    if isinstance(value, LabelledEnum):
        return value.label
    return float(value) if isinstance(value, Decimal) else value
