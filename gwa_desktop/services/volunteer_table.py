"""A found volunteer as one row of text: for the "find help" list, its CSV and `gwa volunteers`.

One place words languages with their level ("Dari (Muttersprache)") and times
("Di 14:00–18:00"), so the window, the phone list and the command line agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.volunteer import WEEKDAY_NAMES, Availability, SpokenLanguage
from gwa_desktop.i18n import N_, _, ui_language
from gwa_desktop.i18n.formatting import babel_locale, format_number, format_time
from gwa_desktop.services.volunteers import HelpWanted, VolunteerMatch

if TYPE_CHECKING:
    from gwa_desktop.output.pdf.document import PrintResult

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


def conditions(wanted: HelpWanted) -> list[str]:
    """What the search asked for, as the printed list's subtitle names it."""
    parts = []
    if wanted.language:
        parts.append(
            _("Language: {language}").format(language=language_name(wanted.language, ui_language()))
        )
    if wanted.skill.strip():
        parts.append(_("Task or topic: “{words}”").format(words=wanted.skill.strip()))
    if wanted.weekday is not None:
        day = _(WEEKDAY_NAMES[wanted.weekday])
        if wanted.starts or wanted.ends:
            day += f" {format_time(wanted.starts)}–{format_time(wanted.ends)}"
        parts.append(day)
    return parts


def printed_list(matches: list[VolunteerMatch], wanted: HelpWanted) -> PrintResult:
    """The volunteers found as a PDF table for the Helferkreis (the phone list on paper)."""
    from gwa_desktop.output.pdf.list_print import build_list_pdf
    from gwa_desktop.output.pdf.styles import unbreakable
    from gwa_desktop.services.list_export import subtitle_of

    keys = tuple(
        k for k in VOLUNTEER_COLUMNS if k != "hours" or any(m.hours is not None for m in matches)
    )
    rows = [
        [
            unbreakable(value) if key == "phone" else value
            for key, value in match_row(m).items()
            if key in keys
        ]
        for m in matches
    ]
    return build_list_pdf(
        _("Volunteers"),
        subtitle_of(conditions(wanted)),
        headings(keys),
        rows,
        ui_language(),
        _("Page {page}"),
    )
