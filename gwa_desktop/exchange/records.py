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
from enum import Enum
from typing import Any

from gwa_desktop.domain.enums import (
    ActivityKind,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _

COUNT_KEYS = (
    "participants_total",
    "participants_women",
    "participants_men",
    "participants_diverse",
    "age_under_18",
    "age_18_26",
    "age_27_64",
    "age_65_plus",
    "newcomers",
    "regulars",
    "volunteers_count",
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


# Column checks: a package holds up to 100,000 activities, and checking a whole column
# in one comprehension is several times faster than one function call per cell.
Column = list[Any]
LIMIT = 10**9


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise InvalidRecord(what)


def _texts(column: Column) -> Column:
    _require(all(type(v) is str for v in column), "text expected")
    return column


def _counts(column: Column) -> Column:
    _require(all(type(v) is int and 0 <= v < LIMIT for v in column), "count expected")
    return column


def _optional_counts(column: Column) -> Column:
    _require(
        all(v is None or (type(v) is int and 0 <= v < LIMIT) for v in column), "count expected"
    )
    return column


def _hours(column: Column) -> Column:
    _require(all(type(v) in (int, float) and 0 <= v < LIMIT for v in column), "hours expected")
    return [float(v) for v in column]


def _flags(column: Column) -> Column:
    _require(all(type(v) is bool for v in column), "flag expected")
    return column


def _dates(column: Column) -> Column:
    return [date.fromisoformat(_texts([v])[0]) for v in column]


def _optional(convert: Callable[[Column], Column]) -> Callable[[Column], Column]:
    return lambda column: [None if v is None else convert([v])[0] for v in column]


def _times(column: Column) -> Column:
    return [time.fromisoformat(_texts([v])[0]) for v in column]


def _code_lists(column: Column) -> Column:
    _require(
        all(type(v) is list and all(type(c) is str for c in v) for v in column),
        "list of codes expected",
    )
    return column


def _members_of(enum_cls: type[Enum], lists: bool = False) -> Callable[[Column], Column]:
    values = {member.value for member in enum_cls}

    def check(column: Column) -> Column:
        if lists:
            _code_lists(column)
            _require(all(set(v) <= values for v in column), f"unknown {enum_cls.__name__}")
        else:
            _require(
                all(type(v) is str and v in values for v in column), f"unknown {enum_cls.__name__}"
            )
        return column

    return check


OFFER_FIELDS: dict[str, Callable[[Column], Column]] = {
    "title": _texts,
    "description": _texts,
    "category": _members_of(OfferCategory),
    "status": _members_of(OfferStatus),
    "recurrence": _members_of(Recurrence),
    "start_date": _dates,
    "end_date": _optional(_dates),
    "start_time": _optional(_times),
    "end_time": _optional(_times),
    "place_name": _texts,
    "city": _texts,
    "target_groups": _members_of(TargetGroup, lists=True),
    "languages": _code_lists,
    "provider": _texts,
    "cost_cents": _optional_counts,
    "registration_required": _flags,
}
ACTIVITY_FIELDS: dict[str, Callable[[Column], Column]] = {
    "occurred_on": _dates,
    "kind": _members_of(ActivityKind),
    "title": _texts,
    "offer": _texts,
    **{key: _optional_counts for key in COUNT_KEYS},
    "participants_total": _counts,
    "volunteers_count": _counts,
    "volunteer_hours": _hours,
    "languages": _code_lists,
}


def _parse(records: Any, fields: dict[str, Callable[[Column], Column]]) -> list[dict[str, Any]]:
    """Check and convert `records` column by column; raise InvalidRecord on any deviation.

    The records parsed from the JSON are converted in place, one column at a time, so a
    package of 100,000 activities is held once, not once as read and once as checked."""
    keys = fields.keys()
    if type(records) is not list or not all(type(r) is dict and r.keys() == keys for r in records):
        raise InvalidRecord("list of records with the expected fields expected")
    try:
        for key, convert in fields.items():
            column = [r[key] for r in records]
            converted = convert(column)
            if converted is not column:
                for record, value in zip(records, converted):
                    record[key] = value
    except (TypeError, ValueError) as error:
        raise InvalidRecord(str(error)) from error
    return records


def parse_offers(records: Any) -> list[dict[str, Any]]:
    return _parse(records, OFFER_FIELDS)


def parse_activities(records: Any) -> list[dict[str, Any]]:
    return _parse(records, ACTIVITY_FIELDS)


def to_json_value(value: Any) -> Any:
    """`json.dumps(default=...)`: dates and times as ISO text."""
    if isinstance(value, (date, time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
