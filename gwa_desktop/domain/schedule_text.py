"""An offer's schedule in words, in any language with a catalog: "every Tuesday, 15:00–17:00".

Flyers print this in the print language while the UI runs in another, so the language
is a parameter and the phrases come from the print catalog (`print_translation`), which
covers many more languages than the UI; never from the UI's `_`.
Weekday names and times come from CLDR via Babel.
"""

from __future__ import annotations

from datetime import date

from babel.dates import get_day_names
from babel.lists import format_list

from gwa_desktop.domain.enums import Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.i18n import P_, print_translation
from gwa_desktop.i18n.formatting import babel_locale, format_date, format_time

_PATTERNS = {
    Recurrence.WEEKLY: P_("every {weekday}"),
    Recurrence.BIWEEKLY: P_("every other {weekday}"),
}
_MONTHLY = {
    1: P_("every 1st {weekday} of the month"),
    2: P_("every 2nd {weekday} of the month"),
    3: P_("every 3rd {weekday} of the month"),
    4: P_("every 4th {weekday} of the month"),
    -1: P_("every last {weekday} of the month"),
}


def printed_date(value: date | None, language: str, fmt: str = "medium") -> str:
    """A date for a print, its parts joined by no-break spaces: "3 مارچ 2026" or
    "3 березня 2026 р." must not end a line after the day and go on with the month."""
    return format_date(value, language, fmt=fmt).replace(" ", "\u00a0")


def weekday_name(weekday: int, language: str) -> str:
    """Monday=0; the stand-alone form, as used in headings and after "every"."""
    name: str = get_day_names("wide", context="format", locale=babel_locale(language))[weekday]
    return name


def time_range(schedule: Schedule, language: str) -> str:
    """ "15:00–17:00"; no-break spaces keep "3:00 م" together when a line wraps."""
    start = format_time(schedule.start_time, language).replace(" ", "\u00a0")
    end = format_time(schedule.end_time, language).replace(" ", "\u00a0")
    return f"{start}–{end}" if start and end else start


def describe_rule(schedule: Schedule, language: str) -> str:
    """The rule in words without times, e.g. "jeden Dienstag", "jeden Montag und Donnerstag"."""
    gettext = print_translation(language).gettext
    if schedule.recurrence is Recurrence.ONCE:
        return printed_date(schedule.start_date, language, fmt="full")
    if schedule.recurrence is Recurrence.MONTHLY:
        pattern = _MONTHLY[schedule.month_ordinal]
    else:
        pattern = _PATTERNS[schedule.recurrence]
    return gettext(pattern).format(weekday=weekday_names(schedule.days_of_week, language))


def weekday_names(weekdays: tuple[int, ...], language: str) -> str:
    """ "Montag und Donnerstag", "الاثنين والخميس": CLDR's list pattern of the language."""
    names = [weekday_name(day, language) for day in weekdays]
    if len(names) == 1:
        return names[0]
    joined: str = format_list(names, locale=babel_locale(language))
    return joined


def describe_schedule(schedule: Schedule, language: str) -> str:
    """The rule in words, with times, e.g. "jeden Dienstag, 15:00–17:00"."""
    when = describe_rule(schedule, language)
    times = time_range(schedule, language)
    if not times:
        return when
    # Translatable, so that Arabic script can use its own comma.
    return print_translation(language).gettext(P_("{when}, {times}")).format(when=when, times=times)


def describe_period(schedule: Schedule, language: str) -> str:
    """From when until when a recurring offer runs; empty for one-off offers."""
    if schedule.recurrence is Recurrence.ONCE:
        return ""
    gettext = print_translation(language).gettext
    start = printed_date(schedule.start_date, language)
    if schedule.end_date is None:
        return (
            gettext(P_("from {start}")).format(start=start)
            if schedule.start_date > date.today()
            else ""
        )
    return gettext(P_("{start} to {end}")).format(
        start=start, end=printed_date(schedule.end_date, language)
    )
