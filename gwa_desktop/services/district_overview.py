"""District mode: the combined overview of all imported packages, and its workbook.

The overview sums the stored records with the same grouped query and the same
`from_rows` as each municipality's own export (services/district_figures.py), so the
district's figures equal the sum of the villages'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.exchange.atomic import atomic_output
from gwa_desktop.exchange.disclosure import ALL, Publication
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.records import ACTIVITY_FIELDS, OFFER_FIELDS, DistrictData, Period
from gwa_desktop.exchange.summary import Figures, with_offers
from gwa_desktop.exchange.xlsx_report import write_workbook
from gwa_desktop.services.disclosure_settings import disclosure_threshold
from gwa_desktop.services.district_figures import package_figures
from gwa_desktop.services.district_review import counted
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictActivity, DistrictOffer, DistrictPackage

LIST_KEYS = ("target_groups", "languages")


@dataclass(frozen=True)
class VillageFigures:
    """One imported package in the overview: whose, which period, what it holds."""

    package_id: int
    municipality: str
    period: Period
    created_at: datetime
    imported_at: datetime
    figures: Figures
    #: The package's activities and participants as the combined workbook shows them
    #: (a count or "."; exchange/disclosure.py).
    activities: int | str
    participants: int | str


def combined_datasets(database: Database) -> list[DistrictData]:
    """Every imported package as the records it was exported from, ordered by municipality."""
    with database.session() as session:
        activities = _records(session, DistrictActivity, ACTIVITY_FIELDS)
    return [
        replace(data, activities=activities.get(package.id, []))
        for package, data, _figures in _load(database)
    ]


def village_figures(database: Database, progress: Progress = no_progress) -> list[VillageFigures]:
    """Every package's row of the overview, hidden exactly as in the combined workbook.

    `progress` hears of the two steps, reading the sums and choosing the hidden cells
    (seconds for a district of a thousand packages), and may cancel either."""
    progress(0, 2, "")
    loaded = _load(database)
    progress(1, 2, "")
    shown = Publication(
        [with_offers(figures, data.offers) for _package, data, figures in loaded],
        disclosure_threshold(database),
        part_months=True,
        tick=lambda: progress(1, 2, ""),
    )
    progress(2, 2, "")
    return [
        VillageFigures(
            package.id,
            data.municipality,
            data.period,
            package.created_at,
            package.imported_at,
            shown.parts[index],
            shown.shown(("A", index, ALL, ALL)),
            shown.shown(("P", index, ALL)),
        )
        for index, (package, data, _figures) in enumerate(loaded)
    ]


def _load(database: Database) -> list[tuple[DistrictPackage, DistrictData, Figures]]:
    """Every package that counts (not rejected) with its offers (few) and its activities'
    figures (summed by the database), never its activity records: a district holds
    hundreds of thousands. Everything the overview and the workbook show, and what their
    suppression sees, comes from here."""
    with database.session() as session:
        packages = sorted(
            session.scalars(select(DistrictPackage).where(counted())).all(),
            key=lambda p: (sort_key(p.municipality), p.period_start),
        )
        offers = _records(session, DistrictOffer, OFFER_FIELDS)
        figures = package_figures(session)
    return [
        (
            p,
            DistrictData(
                p.municipality,
                p.district,
                Period(p.period_start, p.period_end),
                offers.get(p.id, []),
                [],
            ),
            figures.get(p.id, Figures()),
        )
        for p in packages
    ]


def export_combined(
    database: Database,
    folder: Path,
    progress: Progress = no_progress,
    created: datetime | None = None,
) -> Path:
    """The district's workbook over all imported municipalities, written atomically into `folder`."""
    created = created or datetime.now().replace(microsecond=0)
    target = Path(folder) / f"Kreisuebersicht_{created:%Y-%m-%d}.xlsx"
    parts = [(data, figures) for _package, data, figures in _load(database)]
    with atomic_output(target) as stream:
        write_workbook(
            stream,
            parts,
            created,
            progress,
            village_months=True,
            threshold=disclosure_threshold(database),
        )
    return target


def _records(
    session: Session, table: type[DistrictOffer] | type[DistrictActivity], fields: Iterable[str]
) -> dict[int, list[dict[str, Any]]]:
    """Rows as the exported records; Core rows and a tight loop, since a district holds
    hundreds of thousands of activities (ORM row loading doubled the time)."""
    columns = [getattr(table, key) for key in fields]
    keys = list(fields)
    list_keys = [key for key in LIST_KEYS if key in keys]
    has_hours = "volunteer_hours" in keys
    grouped: dict[int, list[dict[str, Any]]] = {}
    rows = session.connection().execute(select(table.package_id, *columns).order_by(table.id))
    for row in rows:
        record = dict(zip(keys, row[1:]))
        for key in list_keys:
            record[key] = record[key].split(",") if record[key] else []
        if has_hours:
            record["volunteer_hours"] = float(record["volunteer_hours"] or 0)
        group = grouped.get(row[0])
        if group is None:
            group = grouped[row[0]] = []
        group.append(record)
    return grouped
