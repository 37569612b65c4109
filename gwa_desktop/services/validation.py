"""Field checks shared by the services; each returns a translated message or None."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, time
from typing import Any

from sqlalchemy import Column

from gwa_desktop.domain.languages import is_known_language
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.models import Base, table_of

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
#: Digits with the separators German numbers are written with: "06221 12345",
#: "(06221) 12345", "06221/12345", "+49 6221 12345", "+49 (0) 6221 12345", "0151-123 456 78".
PHONE_PATTERN = re.compile(r"^\+?(\(\+?[0-9]+\)|[0-9])[0-9 /\-.]*(\([0-9]+\)[0-9 /\-.]*)?[0-9]$")
PHONE_DIGITS = (4, 20)
#: A German postcode (Postleitzahl): exactly five digits.
POSTCODE_PATTERN = re.compile(r"^[0-9]{5}$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)

#: The longest free texts taken at input, by "table.column". Text columns have no length
#: of their own, and a pasted 5 MB text was stored and then took minutes to print.
#: - notes (contacts, activities): 10,000 characters, about four typed pages; officers
#:   write a few lines, so even a long history fits, while a pasted file does not.
#: - offer descriptions: 5,000 per language; a flyer holds about 1,500 characters per
#:   language, an overview less, so 5,000 is already more than any print shows in full.
#: - the officer's postal address: 500 (a few lines); a consent's purpose: 1,000 (one
#:   paragraph of the consent form).
#: Imports (XLIFF translations) check against the same numbers through `max_length`.
TEXT_LIMITS = {
    "contacts.notes": 10_000,
    "activities.notes": 10_000,
    "offer_texts.description": 5_000,
    "municipality_settings.officer_address": 500,
    "consent_records.purpose": 1_000,
}


def table_columns(model: type[Base]) -> Iterable[Column[Any]]:
    """The columns of a mapped class's table (each model maps exactly one table)."""
    return table_of(model).columns


def max_length(column: Column[Any]) -> int | None:
    """How many characters `column` takes at input: its own length, or its TEXT_LIMITS entry."""
    return getattr(column.type, "length", None) or TEXT_LIMITS.get(
        f"{column.table.name}.{column.name}"
    )


def length_problem(value: str, column: Column[Any]) -> str | None:
    """The message for a value too long for `column` (stripped, as the services store it)."""
    limit = max_length(column)
    if limit and len(value.strip()) > limit:
        return _("This is too long: at most {n} characters.").format(n=limit)
    return None


class Checker:
    """Collects one message per field so a form can show all problems at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str | None) -> None:
        if message and field not in self.errors:
            self.errors[field] = message

    def required(self, field: str, value: str, label: str) -> None:
        if not value.strip():
            self.add(field, _("{field} is required.").format(field=label))

    def email(self, field: str, value: str) -> None:
        if value and not EMAIL_PATTERN.match(value):
            self.add(
                field,
                _("“{value}” is not a valid e-mail address (example: name@example.org).").format(
                    value=value
                ),
            )

    def phone(self, field: str, value: str) -> None:
        digits = sum(c.isdigit() for c in value)
        if value and not (
            PHONE_PATTERN.match(value) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]
        ):
            self.add(
                field,
                _(
                    "“{value}” is not a valid phone number (digits, spaces, brackets, +, /, - only; example: (06221) 12345)."
                ).format(value=value),
            )

    def postcode(self, field: str, value: str) -> None:
        if value and not POSTCODE_PATTERN.match(value):
            self.add(
                field,
                _(
                    "“{value}” is not a German postal code: it has exactly 5 digits (example: 69117)."
                ).format(value=value),
            )

    def url(self, field: str, value: str) -> None:
        if value and not URL_PATTERN.match(value):
            self.add(
                field,
                _("“{value}” is not a web address starting with https:// or http://.").format(
                    value=value
                ),
            )

    def languages(self, field: str, codes: Iterable[str]) -> None:
        unknown = [code for code in codes if code.strip() and not is_known_language(code)]
        if unknown:
            self.add(
                field,
                _(
                    "Unknown language code: {codes}. Use ISO 639 codes such as de, ar, uk, fa."
                ).format(codes=", ".join(unknown)),
            )

    def not_negative(self, field: str, value: float | None, label: str) -> None:
        if value is not None and value < 0:
            self.add(field, _("{field} cannot be negative.").format(field=label))

    def date_order(self, field: str, start: date | None, end: date | None) -> None:
        if start and end and end < start:
            self.add(field, _("The end date lies before the start date."))

    def time_order(self, field: str, start: time | None, end: time | None) -> None:
        if start and end and end <= start:
            self.add(field, _("The end time must be after the start time."))

    def not_more_than(
        self, field: str, parts: Iterable[int | None], total: int, label: str
    ) -> None:
        if sum(p or 0 for p in parts) > total:
            self.add(
                field,
                _("{breakdown} add up to more than the total number of participants.").format(
                    breakdown=label
                ),
            )

    def lengths(self, data: object, model: type[Base], field: str | None = None) -> None:
        """Text longer than its column (SQLite would store it, PostgreSQL refuse it) or
        than the TEXT_LIMITS of a free text; reported at the column's field or at `field`."""
        for column in table_columns(model):
            value = getattr(data, column.name, None)
            if isinstance(value, str):
                self.add(field or column.name, length_problem(value, column))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def web_address(value: str) -> str:
    """ "www.example.org" as people type it, with the https:// a QR code needs."""
    value = value.strip()
    if value and "://" not in value and " " not in value and "." in value:
        return "https://" + value
    return value


def clean_list(values: Iterable[str]) -> list[str]:
    """Stripped, non-empty, unique values in their first order."""
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value and value.casefold() not in {v.casefold() for v in seen}:
            seen[value] = None
    return list(seen)


_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(*parts: object) -> str:
    """Text for the `search_text` columns: case, accents and umlauts folded away.

    Officers type "cafe" for "Café" and "Mueller" or "Muller" for "Müller"; the stored
    text holds the plain form and, where it differs, the "ae/oe/ue" spelling too.
    """
    text = " ".join(str(p) for p in parts if p).casefold()
    plain = _without_marks(text)
    german = _without_marks(text.translate(_GERMAN_SPELLING))
    return plain if german == plain else f"{plain} {german}"


#: Half of a UTF-16 pair on its own: Qt can hand one over from pasted text, and no
#: database driver encodes it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def search_words(text: str) -> list[str]:
    """The words of a search, folded like the stored text (without the second spelling).

    A lone surrogate becomes U+FFFD: the word then matches nothing, as it could not have
    matched stored text, instead of failing in the driver.
    """
    return _without_marks(_LONE_SURROGATE.sub("\ufffd", text).casefold()).split()
