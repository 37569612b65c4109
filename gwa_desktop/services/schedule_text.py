"""An offer's schedule in words, in any language with a catalog: "every Tuesday, 15:00–17:00".

Flyers print this in the print language while the UI runs in another, so the language
is a parameter and the catalog comes from `translation_for`, never from the UI's `_`.
Weekday names and times come from CLDR via Babel.
"""

from __future__ import annotations

from datetime import date

from babel.dates import get_day_names

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.i18n import N_, translation_for
from gwa_desktop.i18n.formatting import babel_locale, format_date, format_time

_PATTERNS = {
    Recurrence.WEEKLY: N_("every {weekday}"),
    Recurrence.BIWEEKLY: N_("every other {weekday}"),
}
_MONTHLY = {
    1: N_("every 1st {weekday} of the month"),
    2: N_("every 2nd {weekday} of the month"),
    3: N_("every 3rd {weekday} of the month"),
    4: N_("every 4th {weekday} of the month"),
    -1: N_("every last {weekday} of the month"),
}


def weekday_name(weekday: int, language: str) -> str:
    return get_day_names("wide", context="format", locale=babel_locale(language))[weekday]


def time_range(schedule: Schedule, language: str) -> str:
    start = format_time(schedule.start_time, language)
    end = format_time(schedule.end_time, language)
    return f"{start}–{end}" if start and end else start


def describe_schedule(schedule: Schedule, language: str) -> str:
    """The rule in words, with times, e.g. "jeden Dienstag, 15:00–17:00"."""
    gettext = translation_for(language).gettext
    if schedule.recurrence is Recurrence.ONCE:
        when = format_date(schedule.start_date, language, fmt="full")
    elif schedule.recurrence is Recurrence.MONTHLY:
        when = gettext(_MONTHLY[schedule.month_ordinal]).format(weekday=weekday_name(schedule.weekday, language))
    else:
        when = gettext(_PATTERNS[schedule.recurrence]).format(weekday=weekday_name(schedule.weekday, language))
    times = time_range(schedule, language)
    return f"{when}, {times}" if times else when


def describe_period(schedule: Schedule, language: str) -> str:
    """From when until when a recurring offer runs; empty for one-off offers."""
    if schedule.recurrence is Recurrence.ONCE:
        return ""
    gettext = translation_for(language).gettext
    start = format_date(schedule.start_date, language)
    if schedule.end_date is None:
        return gettext("from {start}").format(start=start) if schedule.start_date > date.today() else ""
    return gettext("{start} to {end}").format(start=start, end=format_date(schedule.end_date, language))
