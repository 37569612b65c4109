"""District mode: who has reported which period, who is late, and the reporting rate.

Per municipality on the list (services/district_municipalities.py) and per period of its
cycle, a period is
- received on time or late: the imported packages of the municipality together cover
  the whole period (from its "active from" day on, if that lies inside). A package for a
  longer range counts for every period it covers: a year package is all four quarters
  of a quarterly municipality. "When" is the import of the last of those packages, and
  it was on time when that lay on or before the period's end plus the days of grace.
- overdue: not covered, and the days of grace after the period's end are over;
- not yet due: not covered, but the period (plus grace) has not ended by "today";
- not expected: the period ended before the municipality's "active from" day.
The reporting rate of a period is, as in DHIS2, the periods received over the periods
expected (every status but "not expected"), and the share received on time.

The table's columns are the periods of all cycles on the list, in the order they end
(a quarter before the year it ends), so a district
with quarterly and half-yearly reporters shows both; a cell of a municipality whose
cycle has no such period is empty.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import N_
from gwa_desktop.services.district_municipalities import (
    MunicipalityEntry,
    MunicipalityInput,
    MunicipalityListService,
    name_key,
)
from gwa_desktop.services.district_review import counted
from gwa_desktop.services.reporting_cycles import (
    CYCLE_MONTHS,
    ReportingCycle,
    period_containing,
    periods_between,
)
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictPackage


class Status(enum.StrEnum):
    ON_TIME = "on_time"
    RECEIVED_LATE = "received_late"
    OVERDUE = "overdue"
    NOT_YET_DUE = "not_yet_due"
    NOT_EXPECTED = "not_expected"


STATUS_LABELS = {
    Status.ON_TIME: N_("received"),
    Status.RECEIVED_LATE: N_("received late"),
    Status.OVERDUE: N_("overdue"),
    Status.NOT_YET_DUE: N_("not yet due"),
    Status.NOT_EXPECTED: N_("not expected"),
}
RECEIVED = (Status.ON_TIME, Status.RECEIVED_LATE)


@dataclass(frozen=True)
class ReceivedPackage:
    """An imported package as completeness needs it."""

    id: int
    municipality: str
    installation_id: str
    period: Period
    imported_at: datetime
    file_name: str


@dataclass(frozen=True)
class EntryIndex:
    """The list's entries by installation id and by name, so that matching a state's
    thousands of packages does not walk the list for each."""

    by_installation: dict[str, MunicipalityEntry]
    by_name: dict[str, MunicipalityEntry]

    @classmethod
    def of(cls, entries: Sequence[MunicipalityEntry]) -> EntryIndex:
        return cls(
            {e.installation_id: e for e in entries if e.installation_id},
            {name_key(e.name): e for e in entries},
        )


def entry_for(package: ReceivedPackage, entries: EntryIndex) -> MunicipalityEntry | None:
    """The list entry a package reports for (see `matching_entry`)."""
    return matching_entry(package.installation_id, package.municipality, entries)


def matching_entry(
    installation_id: str, municipality: str, entries: EntryIndex
) -> MunicipalityEntry | None:
    """The list entry of a sender: the one with its installation id, when both have one;
    else the one with its name. A sender whose installation id differs from the id of the
    entry with its name matches nothing (another installation uses the name) and is
    shown as unknown."""
    if installation_id:
        entry = entries.by_installation.get(installation_id)
        if entry is not None:
            return entry
    entry = entries.by_name.get(name_key(municipality))
    if entry is not None and entry.installation_id and installation_id:
        return None
    return entry


@dataclass(frozen=True)
class Cell:
    """One municipality's one period."""

    entry: MunicipalityEntry
    period: Period
    status: Status
    #: The last day a package is on time: the period's end plus the days of grace.
    due: date
    #: The packages covering some of the period.
    packages: tuple[ReceivedPackage, ...] = ()
    received_at: datetime | None = None

    @property
    def partly(self) -> bool:
        """Missing, but some of the period came in (e.g. two of three monthly packages)."""
        return self.status not in RECEIVED and bool(self.packages)

    def days_overdue(self, today: date) -> int:
        return max((today - self.due).days, 0)


@dataclass(frozen=True)
class PeriodRate:
    period: Period
    expected: int
    received: int
    on_time: int
    overdue: int

    @property
    def rate(self) -> float | None:
        """Received over expected, as a share (0.8 = 80 %); None when nothing is expected."""
        return self.received / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.expected if self.expected else None


@dataclass(frozen=True)
class Completeness:
    first: date
    last: date
    today: date
    entries: list[MunicipalityEntry]
    periods: list[Period]
    cells: dict[tuple[int, Period], Cell]
    rates: list[PeriodRate]
    #: Municipality names of imported packages that match no entry of the list.
    unknown: list[str]

    def cell(self, entry_id: int, period: Period) -> Cell | None:
        return self.cells.get((entry_id, period))

    def overdue(self) -> list[Cell]:
        """The overdue periods, by municipality (in list order) and period."""
        order = {entry.id: index for index, entry in enumerate(self.entries)}
        cells = [cell for cell in self.cells.values() if cell.status is Status.OVERDUE]
        return sorted(cells, key=lambda c: (order[c.entry.id], c.period.start))


def default_range(today: date) -> tuple[date, date]:
    """The range the view opens with: last year and this year up to today."""
    return date(today.year - 1, 1, 1), today


def completeness(
    database: Database, first: date, last: date, today: date | None = None
) -> Completeness:
    """Who has reported which period overlapping `first`–`last`, as of `today`."""
    today = today or date.today()
    entries = MunicipalityListService(database).entries()
    index = EntryIndex.of(entries)
    packages = received_packages(database)
    by_entry: dict[int, list[ReceivedPackage]] = {}
    unknown: dict[str, str] = {}
    for package in packages:
        entry = entry_for(package, index)
        if entry is None:
            unknown.setdefault(package.municipality.casefold(), package.municipality)
        else:
            by_entry.setdefault(entry.id, []).append(package)
    cells: dict[tuple[int, Period], Cell] = {}
    for entry in entries:
        for period in periods_between(entry.cycle, first, last):
            cells[(entry.id, period)] = _cell(entry, period, by_entry.get(entry.id, []), today)
    periods = sorted(
        {cell.period for cell in cells.values() if cell.status is not Status.NOT_EXPECTED},
        key=lambda p: (p.end, -p.start.toordinal()),
    )
    by_period: dict[Period, list[Cell]] = {}
    for cell in cells.values():
        by_period.setdefault(cell.period, []).append(cell)
    rates = [_rate(period, by_period[period]) for period in periods]
    return Completeness(
        first,
        last,
        today,
        entries,
        periods,
        cells,
        rates,
        sorted(unknown.values(), key=str.casefold),
    )


def received_packages(database: Database) -> list[ReceivedPackage]:
    """The packages that count (a rejected one does not: services/district_review)."""
    with database.session() as session:
        rows = session.execute(
            select(
                DistrictPackage.id,
                DistrictPackage.municipality,
                DistrictPackage.installation_id,
                DistrictPackage.period_start,
                DistrictPackage.period_end,
                DistrictPackage.imported_at,
                DistrictPackage.file_name,
            )
            .where(counted())
            .order_by(DistrictPackage.period_start)
        ).all()
    return [
        ReceivedPackage(
            package_id, municipality, installation or "", Period(start, end), imported, name
        )
        for package_id, municipality, installation, start, end, imported, name in rows
    ]


def _cell(
    entry: MunicipalityEntry, period: Period, packages: list[ReceivedPackage], today: date
) -> Cell:
    due = period.end + timedelta(days=entry.grace_days)
    if period.end < entry.active_from:
        return Cell(entry, period, Status.NOT_EXPECTED, due)
    start = max(period.start, entry.active_from)
    touching = tuple(p for p in packages if p.period.start <= period.end and p.period.end >= start)
    if _covered(start, period.end, touching):
        received_at = max(p.imported_at for p in touching)
        status = Status.ON_TIME if received_at.date() <= due else Status.RECEIVED_LATE
        return Cell(entry, period, status, due, touching, received_at)
    status = Status.OVERDUE if today > due else Status.NOT_YET_DUE
    return Cell(entry, period, status, due, touching)


def _covered(start: date, end: date, packages: Sequence[ReceivedPackage]) -> bool:
    """Whether the packages' periods together cover every day from `start` to `end`."""
    reached = start - timedelta(days=1)
    for package in sorted(packages, key=lambda p: p.period.start):
        if package.period.start > reached + timedelta(days=1):
            return False
        reached = max(reached, package.period.end)
        if reached >= end:
            return True
    return reached >= end


def _rate(period: Period, cells: list[Cell]) -> PeriodRate:
    expected = [c for c in cells if c.status is not Status.NOT_EXPECTED]
    return PeriodRate(
        period,
        len(expected),
        sum(c.status in RECEIVED for c in expected),
        sum(c.status is Status.ON_TIME for c in expected),
        sum(c.status is Status.OVERDUE for c in expected),
    )


def suggested_entries(database: Database) -> list[MunicipalityInput]:
    """Entries for the municipalities packages came from that are not on the list yet.

    The cycle is the one whose period the municipality's shortest package spans
    (quarterly for a quarter package; quarterly for a range that is no calendar period),
    active from the start of its first package."""
    index = EntryIndex.of(MunicipalityListService(database).entries())
    seen: dict[str, list[ReceivedPackage]] = {}
    for package in received_packages(database):
        if entry_for(package, index) is None:
            seen.setdefault(package.municipality.casefold(), []).append(package)
    suggestions = []
    for packages in seen.values():
        shortest = min(packages, key=lambda p: p.period.end - p.period.start)
        cycle = next(
            (
                c
                for c in CYCLE_MONTHS
                if period_containing(c, shortest.period.start) == shortest.period
            ),
            ReportingCycle.QUARTERLY,
        )
        first = min(packages, key=lambda p: p.period.start)
        suggestions.append(
            MunicipalityInput(
                name=first.municipality,
                installation_id=next(
                    (p.installation_id for p in packages if p.installation_id), ""
                ),
                cycle=cycle,
                active_from=first.period.start,
            )
        )
    return sorted(suggestions, key=lambda s: s.name.casefold())
