"""Dates, times, numbers and money in the conventions of a language, through Babel.

The UI passes nothing and gets the UI language; prints pass the print language.
"""

from __future__ import annotations

import re
from datetime import date, time

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, get_date_format, get_time_format
from babel.dates import format_time as _babel_time
from babel.numbers import format_currency, format_decimal

from gwa_desktop.i18n import ui_language

#: CLDR has no locale for these codes; the closest one formats their dates and numbers.
_LOCALE_ALIASES = {"prs": "fa_AF", "ku": "ku", "kmr": "ku"}


def babel_locale(language: str | None = None) -> Locale:
    code = _LOCALE_ALIASES.get(language or ui_language(), language or ui_language())
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("de")


#: The digits of the numbering systems CLDR makes the default for our languages
#: (Persian, Dari and Pashto: "arabext"); Babel names the system but formats with
#: Latin digits, which then stand beside Persian digits in the same text.
_DIGITS = {"arabext": "۰۱۲۳۴۵۶۷۸۹", "arab": "٠١٢٣٤٥٦٧٨٩"}


def _in_locale_digits(text: str, locale: Locale) -> str:
    digits = _DIGITS.get(locale.default_numbering_system)
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def format_date(value: date | None, language: str | None = None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    locale = babel_locale(language)
    return _in_locale_digits(_babel_date(value, format=fmt, locale=locale), locale)


def format_day_month(value: date, language: str | None = None) -> str:
    """Day and month in the language's order, without the year: "24.12.", "24/12"."""
    locale = babel_locale(language)
    return _in_locale_digits(format_skeleton("dM", value, locale=locale), locale)


def format_time(value: time | None, language: str | None = None) -> str:
    if value is None:
        return ""
    locale = babel_locale(language)
    return _in_locale_digits(_babel_time(value, format="short", locale=locale), locale)


def format_number(value: float, language: str | None = None) -> str:
    locale = babel_locale(language)
    return _in_locale_digits(
        format_decimal(value, locale=locale, numbering_system="default"), locale
    )


def format_money(cents: int, language: str | None = None) -> str:
    locale = babel_locale(language)
    return _in_locale_digits(
        format_currency(cents / 100, "EUR", locale=locale, numbering_system="default"), locale
    )


def date_input_pattern(language: str | None = None) -> str:
    """The locale's usual short date pattern (CLDR syntax) with a four-digit year.

    Typing a date is easier in the short form people write by hand ("05.03.2026",
    "3/5/2026"); the year gets four digits so that no century is guessed.
    """
    pattern = get_date_format("short", locale=babel_locale(language)).pattern
    return re.sub(r"y+", "yyyy", pattern)


def time_input_pattern(language: str | None = None) -> str:
    """The locale's usual short time pattern (CLDR syntax), e.g. "HH:mm" or "h:mm a"."""
    return get_time_format("short", locale=babel_locale(language)).pattern
