"""A found volunteer as one row of text: for the "find help" list, its CSV and `gwa volunteers`.

One place words languages with their level ("Dari (Muttersprache)") and times
("Di 14:00–18:00"), so the window, the phone list and the command line agree.
"""

from __future__ import annotations

from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.volunteer import Availability, SpokenLanguage
from gwa_desktop.i18n import N_, _, ui_language
from gwa_desktop.i18n.formatting import babel_locale, format_number, format_time
from gwa_desktop.services.volunteers import VolunteerMatch

#: Keys of the values `match_row` gives, in the list's order.
VOLUNTEER_COLUMNS = ("name", "phone", "email", "languages", "tasks", "times", "hours")
HEADINGS = {
    "name": N_("Name"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "languages": N_("Languages"),
    "tasks": N_("Tasks"),
    "times": N_("Available"),
    "hours": N_("Hours"),
}


def headings(keys: tuple[str, ...] = VOLUNTEER_COLUMNS) -> list[str]:
    return [_(HEADINGS[key]) for key in keys]


def spoken_text(spoken: SpokenLanguage) -> str:
    return f"{language_name(spoken.code, ui_language())} ({spoken.level.label})"


def weekday_abbreviation(weekday: int) -> str:
    """ "Di" for Tuesday in German, from CLDR in the UI language."""
    names = babel_locale().days["format"]["abbreviated"]
    return str(names[weekday])


def slot_text(slot: Availability) -> str:
    return (
        f"{weekday_abbreviation(slot.weekday)} {format_time(slot.starts)}–{format_time(slot.ends)}"
    )


def match_row(match: VolunteerMatch) -> dict[str, str]:
    """The match's values as the list shows them (hours empty when no year was asked)."""
    return {
        "name": match.name,
        "phone": match.phone,
        "email": match.email,
        "languages": ", ".join(spoken_text(s) for s in match.languages),
        "tasks": ", ".join(match.profile.tasks),
        "times": ", ".join(slot_text(s) for s in match.availability),
        "hours": "" if match.hours is None else format_number(match.hours),
    }
