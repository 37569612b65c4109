"""Field checks shared by the services; each returns a translated message or None."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, time

from gwa_desktop.domain.languages import is_known_language
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()/\-.]{3,30}$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


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
            self.add(field, _("“{value}” is not a valid e-mail address (example: name@example.org).").format(value=value))

    def phone(self, field: str, value: str) -> None:
        if value and not PHONE_PATTERN.match(value):
            self.add(field, _("“{value}” is not a valid phone number (digits, spaces, +, /, - only; example: 06221 12345).").format(value=value))

    def url(self, field: str, value: str) -> None:
        if value and not URL_PATTERN.match(value):
            self.add(field, _("“{value}” is not a web address starting with https:// or http://.").format(value=value))

    def languages(self, field: str, codes: Iterable[str]) -> None:
        unknown = [code for code in codes if code.strip() and not is_known_language(code)]
        if unknown:
            self.add(field, _("Unknown language code: {codes}. Use ISO 639 codes such as de, ar, uk, fa.").format(codes=", ".join(unknown)))

    def not_negative(self, field: str, value: float | None, label: str) -> None:
        if value is not None and value < 0:
            self.add(field, _("{field} cannot be negative.").format(field=label))

    def date_order(self, field: str, start: date | None, end: date | None) -> None:
        if start and end and end < start:
            self.add(field, _("The end date lies before the start date."))

    def time_order(self, field: str, start: time | None, end: time | None) -> None:
        if start and end and end <= start:
            self.add(field, _("The end time must be after the start time."))

    def not_more_than(self, field: str, parts: Iterable[int | None], total: int, label: str) -> None:
        if sum(p or 0 for p in parts) > total:
            self.add(field, _("{breakdown} add up to more than the total number of participants.").format(breakdown=label))

    def lengths(self, data: object, model: type) -> None:
        """Text longer than its column: SQLite would store it, PostgreSQL refuse it."""
        for column in model.__table__.columns:
            limit = getattr(column.type, "length", None)
            value = getattr(data, column.name, None)
            if limit and isinstance(value, str) and len(value.strip()) > limit:
                self.add(column.name, _("This is too long: at most {n} characters.").format(n=limit))

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


def search_words(text: str) -> list[str]:
    """The words of a search, folded like the stored text (without the second spelling)."""
    return _without_marks(text.casefold()).split()
