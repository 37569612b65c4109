"""The content of a district package: anonymous offers and activities of one municipality.

Records are plain dicts with Python values (dates, times, ints, lists) so 100,000
activities move quickly between the database, the JSON members and the workbook.
`parse_offers`/`parse_activities` check everything read from a package, because a
package is untrusted input from a USB stick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from gwa_desktop.domain.enums import ActivityKind, OfferCategory, OfferStatus, Recurrence, TargetGroup
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _

COUNT_KEYS = (
    "participants_total", "participants_women", "participants_men", "participants_diverse",
    "age_under_18", "age_18_26", "age_27_64", "age_65_plus", "newcomers", "regulars", "volunteers_count",
)


class InvalidPeriod(ExchangeError, ValueError):
    """An end before the start: the user's mistake in a dialog, or damage in a package."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidPeriod(_("The end of the period lies before its start."))

    def label(self) -> str:
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"


@dataclass
class DistrictData:
    """What one municipality reports for one period; `contacts` only in a full export."""

    municipality: str
    district: str
    period: Period
    offers: list[dict[str, Any]]
    activities: list[dict[str, Any]]
    contacts: list[dict[str, Any]] = field(default_factory=list)


class InvalidRecord(ValueError):
    """A record in a package does not have the expected shape."""


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidRecord("text expected")
    return value


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**9:
        raise InvalidRecord("count expected")
    return value


def _hours(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value < 10**7:
        raise InvalidRecord("hours expected")
    return float(value)


def _date(value: Any) -> date:
    return date.fromisoformat(_text(value))


def _time(value: Any) -> time:
    return time.fromisoformat(_text(value))


def _codes(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise InvalidRecord("list expected")
    return [_text(item) for item in value]


def _member_of(enum_cls) -> Callable[[Any], str]:
    values = {member.value for member in enum_cls}

    def convert(value: Any) -> str:
        if value not in values:
            raise InvalidRecord(f"unknown {enum_cls.__name__}")
        return value
    return convert


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidRecord("flag expected")
    return value


OFFER_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text, "description": _text, "category": _member_of(OfferCategory), "status": _member_of(OfferStatus),
    "recurrence": _member_of(Recurrence), "start_date": _date, "end_date": _optional(_date),
    "start_time": _optional(_time), "end_time": _optional(_time), "place_name": _text, "city": _text,
    "target_groups": lambda v: [_member_of(TargetGroup)(g) for g in _codes(v)], "languages": _codes,
    "provider": _text, "cost_cents": _optional(_count), "registration_required": _flag,
}
ACTIVITY_FIELDS: dict[str, Callable[[Any], Any]] = {
    "occurred_on": _date, "kind": _member_of(ActivityKind), "title": _text, "offer": _text,
    **{key: _optional(_count) for key in COUNT_KEYS},
    "participants_total": _count, "volunteers_count": _count, "volunteer_hours": _hours, "languages": _codes,
}


def _parse(records: Any, fields: dict[str, Callable[[Any], Any]]) -> list[dict[str, Any]]:
    if not isinstance(records, list):
        raise InvalidRecord("list of records expected")
    parsed = []
    for record in records:
        if not isinstance(record, dict) or set(record) != set(fields):
            raise InvalidRecord("record with other fields")
        try:
            parsed.append({key: convert(record[key]) for key, convert in fields.items()})
        except (TypeError, ValueError) as error:
            raise InvalidRecord(str(error)) from error
    return parsed


def parse_offers(records: Any) -> list[dict[str, Any]]:
    return _parse(records, OFFER_FIELDS)


def parse_activities(records: Any) -> list[dict[str, Any]]:
    return _parse(records, ACTIVITY_FIELDS)


def to_json_value(value: Any) -> Any:
    """`json.dumps(default=...)`: dates and times as ISO text."""
    if isinstance(value, (date, time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
