"""The figures of the summary sheets, computed once per package from grouped database rows.

The workbook, the CSV of months, the district overview and the tests all read these
numbers, so what the clerk sees is by construction what the tests compare with the
database. The database sums (services/district_figures.py): loading 100,000 records to
add them up in Python took most of an export's memory.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData

T = TypeVar("T")


@dataclass
class MonthFigures:
    by_kind: Counter[str] = field(default_factory=Counter)
    participants: int = 0
    volunteers: int = 0
    volunteer_hours: float = 0.0

    @property
    def activities(self) -> int:
        return sum(self.by_kind.values())


@dataclass
class Figures:
    offers: int = 0
    activities: int = 0
    volunteer_hours: float = 0.0
    participants: Counter[str] = field(default_factory=Counter)
    months: dict[str, MonthFigures] = field(default_factory=lambda: defaultdict(MonthFigures))
    kinds: Counter[str] = field(default_factory=Counter)
    offer_languages: Counter[str] = field(default_factory=Counter)
    activity_languages: Counter[str] = field(default_factory=Counter)

    @property
    def participants_total(self) -> int:
        return self.participants["participants_total"]

    def languages(self) -> list[tuple[str, int, int]]:
        """(code, offers, activities) for every language, most used first."""
        codes = set(self.offer_languages) | set(self.activity_languages)
        rows = [(code, self.offer_languages[code], self.activity_languages[code]) for code in codes]
        return sorted(rows, key=lambda row: (-row[1] - row[2], row[0]))


#: One grouped row of activity figures: year, month, kind, number of activities, the sum
#: of every COUNT_KEYS column (in that order) and the sum of the volunteer hours.
MonthRow = tuple[Any, ...]


def from_rows(month_rows: Iterable[MonthRow], languages: Iterable[tuple[str, int]]) -> Figures:
    """The activities' figures from one GROUP BY (year, month, kind) and the language counts.

    The database sums, so the records never have to be loaded; the offers' part is
    added by `with_offers`, after repeated offers were taken out.
    """
    figures = Figures()
    for year, month_number, kind, count, *sums in month_rows:
        *counts, hours = sums
        hours = float(hours or 0)
        figures.activities += count
        figures.kinds[kind] += count
        figures.volunteer_hours += hours
        for key, value in zip(COUNT_KEYS, counts):
            figures.participants[key] += int(value or 0)
        month = figures.months[f"{int(year):04d}-{int(month_number):02d}"]
        month.by_kind[kind] += count
        month.participants += int(counts[0] or 0)
        month.volunteers += int(counts[-1] or 0)
        month.volunteer_hours += hours
    for code, count in languages:
        figures.activity_languages[code] += count
    figures.volunteer_hours = round(figures.volunteer_hours, 2)
    return figures


def with_offers(activities: Figures, offers: Iterable[dict[str, Any]]) -> Figures:
    """The activities' figures with the count and the languages of `offers`."""
    figures = replace(activities, offer_languages=Counter())
    for offer in offers:
        figures.offers += 1
        figures.offer_languages.update(offer["languages"])
    return figures


#: What makes two offer records of one municipality the same offer in different packages.
OFFER_IDENTITY = ("title", "category", "recurrence", "start_date", "start_time", "place_name")


def without_repeated_offers(datasets: list[DistrictData]) -> list[DistrictData]:
    """Each municipality's offers once: a weekly offer runs through all four quarterly
    packages, but the district has one offer, not four."""
    seen: set[tuple[Any, ...]] = set()
    result = []
    for data in by_municipality(datasets, lambda d: d):
        offers = []
        for offer in data.offers:
            key = (data.municipality, *(offer.get(field) for field in OFFER_IDENTITY))
            if key not in seen:
                seen.add(key)
                offers.append(offer)
        result.append(replace(data, offers=offers))
    return result


def by_municipality(items: Iterable[T], data_of: Callable[[T], DistrictData]) -> list[T]:
    """`items` ordered by municipality, then period. A single item needs no collation keys,
    whose table takes a quarter of a second to load: a village's own package has one."""
    items = list(items)
    if len(items) < 2:
        return items
    return sorted(
        items, key=lambda item: (sort_key(data_of(item).municipality), data_of(item).period.start)
    )


def combine(parts: Iterable[Figures]) -> Figures:
    """The figures of several municipalities together, without counting their records again."""
    total = Figures()
    for part in parts:
        total.offers += part.offers
        total.activities += part.activities
        total.volunteer_hours += part.volunteer_hours
        for counter in ("participants", "kinds", "offer_languages", "activity_languages"):
            getattr(total, counter).update(getattr(part, counter))
        for key, month in part.months.items():
            combined = total.months[key]
            combined.by_kind.update(month.by_kind)
            combined.participants += month.participants
            combined.volunteers += month.volunteers
            combined.volunteer_hours += month.volunteer_hours
    total.volunteer_hours = round(total.volunteer_hours, 2)
    return total


KINDS = tuple(ActivityKind)
