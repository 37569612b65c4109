"""How a single date of an offer reads on screen: its times, and why it is not as planned.

The offer form's coming dates and the start page show the same sessions; one wording and
one bidi treatment serve both.
"""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache

from gwa_desktop.domain.plain_text import isolated
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import format_date, format_time


def time_range_text(start: time | None, end: time | None) -> str:
    """ "17:00–19:00", each time one unit: in Arabic "5:00 م–7:00 م" would be reordered."""
    return _time_range_in(start, end, ui_language())


@lru_cache(maxsize=1024)
def _time_range_in(start: time | None, end: time | None, _language: str) -> str:
    """Worded once per pair of times and language: a calendar of a thousand dates has a
    handful of distinct times, and Babel's formatting is the slow part of showing them."""
    return isolated("–".join(isolated(format_time(t)) for t in (start, end) if t))


def day_text(day: date, fmt: str) -> str:
    """`format_date(day, fmt=fmt)` in the UI language, worded once per day and format: the
    month grid names its 42 days on every refresh and numbers them on every paint."""
    return _day_in(day, fmt, ui_language())


@lru_cache(maxsize=2048)
def _day_in(day: date, fmt: str, language: str) -> str:
    return format_date(day, language, fmt=fmt)


def change_note(cancelled: bool, reason: str, moved_from: date | None) -> str:
    """ "cancelled: Krankheit", "moved from 15.12.2026", or nothing for a regular date."""
    if cancelled:
        return _("cancelled: {reason}").format(reason=reason or "–")
    if moved_from is not None:
        return _("moved from {day}").format(day=format_date(moved_from))
    return ""
