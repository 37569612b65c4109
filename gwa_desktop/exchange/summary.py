"""The figures of the summary sheets, computed once from the records.

The workbook, the district overview and the tests all read these numbers, so what the
clerk sees is by construction what the tests compare with the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData


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


def compute(offers: Iterable[dict[str, Any]], activities: Iterable[dict[str, Any]]) -> Figures:
    figures = Figures()
    for offer in offers:
        figures.offers += 1
        figures.offer_languages.update(offer["languages"])
    for activity in activities:
        figures.activities += 1
        kind = activity["kind"]
        figures.kinds[kind] += 1
        hours = activity["volunteer_hours"] or 0.0
        figures.volunteer_hours += hours
        for key in COUNT_KEYS:
            figures.participants[key] += activity[key] or 0
        figures.activity_languages.update(activity["languages"])
        month = figures.months[activity["occurred_on"].isoformat()[:7]]
        month.by_kind[kind] += 1
        month.participants += activity["participants_total"]
        month.volunteers += activity["volunteers_count"]
        month.volunteer_hours += hours
    figures.volunteer_hours = round(figures.volunteer_hours, 2)
    return figures


#: What makes two offer records of one municipality the same offer in different packages.
OFFER_IDENTITY = ("title", "category", "recurrence", "start_date", "start_time", "place_name")


def without_repeated_offers(datasets: list[DistrictData]) -> list[DistrictData]:
    """Each municipality's offers once: a weekly offer runs through all four quarterly
    packages, but the district has one offer, not four."""
    seen: set[tuple[Any, ...]] = set()
    result = []
    for data in sorted(datasets, key=lambda d: (sort_key(d.municipality), d.period.start)):
        offers = []
        for offer in data.offers:
            key = (data.municipality, *(offer.get(field) for field in OFFER_IDENTITY))
            if key not in seen:
                seen.add(key)
                offers.append(offer)
        result.append(replace(data, offers=offers))
    return result


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
