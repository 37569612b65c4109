"""The content of a district package: anonymous offers and activities of one municipality.

Records are plain dicts with Python values (dates, times, ints, lists) so 100,000
activities move quickly between the database, the JSON members and the workbook.
`parse_offers` and `check_columns` (the activities, a batch at a time, through
exchange/record_columns.py) check everything read from a package, because a package
is untrusted input from a USB stick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import Any, cast

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
    #: A list when exported; the checked columns (exchange/record_columns.py) when read.
    activities: Sequence[dict[str, Any]]
    contacts: list[dict[str, Any]] = field(default_factory=list)


class InvalidRecord(ValueError):
    """A record in a package does not have the expected shape."""


# Column checks: a package holds up to 100,000 activities, and checking a whole column
# with a few C-level passes (the set of its types, its minimum and maximum) is many
# times faster than one function call, or one generator step, per cell.
Column = list[Any]
LIMIT = 10**9
#: Dates and times repeat (a year has 365 days): each text is parsed once, and the
#: records share the one object.
_iso_date = lru_cache(maxsize=4096)(date.fromisoformat)
_iso_time = lru_cache(maxsize=4096)(time.fromisoformat)


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise InvalidRecord(what)


def _types(values: Iterable[Any]) -> set[type]:
    return set(map(type, values))


def _texts(column: Column) -> Column:
    _require(_types(column) <= {str}, "text expected")
    return column


def _in_range(column: Column) -> bool:
    return not column or (min(column) >= 0 and max(column) < LIMIT)


def _counts(column: Column) -> Column:
    _require(_types(column) <= {int} and _in_range(column), "count expected")
    return column


def _optional_counts(column: Column) -> Column:
    _counts([v for v in column if v is not None])
    return column


def _hours(column: Column) -> Column:
    _require(_types(column) <= {int, float} and _in_range(column), "hours expected")
    return list(map(float, column))


def _flags(column: Column) -> Column:
    _require(_types(column) <= {bool}, "flag expected")
    return column


def _dates(column: Column) -> Column:
    return list(map(_iso_date, _texts(column)))


def _optional(convert: Callable[[Column], Column]) -> Callable[[Column], Column]:
    def converted(column: Column) -> Column:
        values = iter(convert([v for v in column if v is not None]))
        return [None if v is None else next(values) for v in column]

    return converted


def _times(column: Column) -> Column:
    return list(map(_iso_time, _texts(column)))


def _code_lists(column: Column) -> Column:
    _require(
        _types(column) <= {list} and _types(chain.from_iterable(column)) <= {str},
        "list of codes expected",
    )
    return column


def _members_of(enum_cls: type[Enum], lists: bool = False) -> Callable[[Column], Column]:
    values = {member.value for member in enum_cls}

    def check(column: Column) -> Column:
        if lists:
            _code_lists(column)
            _require(set(chain.from_iterable(column)) <= values, f"unknown {enum_cls.__name__}")
        else:
            _require(
                _types(column) <= {str} and set(column) <= values, f"unknown {enum_cls.__name__}"
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


def check_columns(records: Any, fields: dict[str, Callable[[Column], Column]]) -> list[Column]:
    """The checked and converted columns of `records`, in the order of `fields`.

    Raises InvalidRecord on any deviation: something else than a list of dicts, a
    record with other fields (as many as `fields`, each of them there), a value of the
    wrong type or range."""
    if (
        type(records) is not list
        or not _types(records) <= {dict}
        or not set(map(len, records)) <= {len(fields)}
    ):
        raise InvalidRecord("list of records with the expected fields expected")
    try:
        rows = map(itemgetter(*fields), records)
        columns = [list(column) for column in zip(*rows)] if records else [[] for _ in fields]
    except KeyError as error:
        raise InvalidRecord("list of records with the expected fields expected") from error
    try:
        return [convert(column) for convert, column in zip(fields.values(), columns)]
    except (TypeError, ValueError) as error:
        raise InvalidRecord(str(error)) from error


def _parse(records: Any, fields: dict[str, Callable[[Column], Column]]) -> list[dict[str, Any]]:
    """Check and convert `records` column by column; raise InvalidRecord on any deviation.

    The converted values go back into the records parsed from the JSON."""
    for key, converted in zip(fields, check_columns(records, fields)):
        for record, value in zip(records, converted):
            record[key] = value
    return cast(list[dict[str, Any]], records)


def parse_offers(records: Any) -> list[dict[str, Any]]:
    return _parse(records, OFFER_FIELDS)


def parse_activities(records: Any) -> list[dict[str, Any]]:
    return _parse(records, ACTIVITY_FIELDS)


def to_json_value(value: Any) -> Any:
    """`json.dumps(default=...)`: dates and times as ISO text."""
    if isinstance(value, (date, time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
