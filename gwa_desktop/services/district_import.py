"""Use case (district mode): take packages from many municipalities into the office's database.

Each package is verified completely before its one transaction starts, so a refused
package leaves the database as it was. Importing the same package twice changes
nothing; a newer package of the same municipality and period replaces the older one;
an older one never overwrites a newer. Every verified package gets a receipt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.errors import Cancelled, ExchangeError
from gwa_desktop.exchange.package import Package, read_package
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.receipt import receipt_name, receipt_text
from gwa_desktop.exchange.records import ACTIVITY_FIELDS, Period
from gwa_desktop.i18n import _
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import (
    DistrictActivity,
    DistrictOffer,
    DistrictPackage,
)

IMPORTED, REPLACED, UNCHANGED, OLDER, OVERLAPS = "imported", "replaced", "unchanged", "older", "overlaps"


@dataclass(frozen=True)
class ImportResult:
    path: Path
    outcome: str | None
    message: str
    receipt: Path | None = None

    @property
    def refused(self) -> bool:
        return self.outcome is None


def import_packages(database: Database, paths: Iterable[Path], password: str | None = None,
                    receipts: Path | None = None, progress: Progress = no_progress) -> list[ImportResult]:
    """Import each package on its own; a refused one is reported and does not stop the others.

    Cancelling stops before the next package: the ones already imported stay imported
    (each was one transaction) and the result says so, package by package.
    """
    paths = [Path(p) for p in paths]
    results = []
    for number, path in enumerate(paths):
        try:
            progress(number, len(paths), path.name)
        except Cancelled:
            results.extend(ImportResult(p, None, _("Not imported: the import was cancelled before this package."))
                           for p in paths[number:])
            return results
        try:
            results.append(import_package(database, path, password, receipts))
        except ExchangeError as error:
            results.append(ImportResult(path, None, str(error)))
    return results


def import_package(database: Database, path: Path, password: str | None = None, receipts: Path | None = None) -> ImportResult:
    package = read_package(path, password)
    imported_at = datetime.now().replace(microsecond=0)
    with database.session() as session:
        outcome, other = _store(session, package, imported_at)
    previous = other.created_at if other is not None else None
    manifest = package.manifest
    message = {
        IMPORTED: _("{municipality}, {period}: {offers} offers and {activities} activities imported."),
        REPLACED: _("{municipality}, {period}: replaced the older package; {offers} offers and {activities} activities imported."),
        UNCHANGED: _("{municipality}, {period}: this package was already imported; nothing changed."),
        OLDER: _("{municipality}, {period}: a newer package is already imported; this older one was not taken."),
        OVERLAPS: _("{municipality}, {period}: overlaps the package already imported for {other}; it was not taken, "
                    "so that no activity is counted twice. Ask for a package of the same period."),
    }[outcome].format(municipality=manifest.municipality, period=manifest.period.label(),
                      other=Period(other.period_start, other.period_end).label() if other is not None else "",
                      offers=len(package.data.offers), activities=len(package.data.activities))
    folder = Path(receipts) if receipts is not None else package.path.parent
    text = receipt_text(package, outcome, imported_at, previous)
    try:
        receipt = write_bytes_atomically(folder / receipt_name(package), text.encode("utf-8-sig"))
    except ExchangeError as error:
        return ImportResult(package.path, outcome, message + "\n" + _("The receipt could not be written: {reason}").format(reason=error))
    return ImportResult(package.path, outcome, message, receipt)


def remove_package(database: Database, package_id: int) -> None:
    """Take an imported package out of district mode again, with all its records.

    For a package imported by mistake, or one whose village sent a replacement for a
    different period (which the overlap rule would otherwise refuse).
    """
    with database.session() as session:
        package = session.get(DistrictPackage, package_id)
        if package is None:
            return
        for table in (DistrictActivity, DistrictOffer):
            session.execute(delete(table).where(table.package_id == package_id))
        session.delete(package)


def _store(session: Session, package: Package, imported_at: datetime) -> tuple[str, DistrictPackage | None]:
    """Store the package; the outcome and the package it met (replaced, kept or overlapping)."""
    manifest = package.manifest
    same_municipality = DistrictPackage.municipality == manifest.municipality
    existing = session.scalar(select(DistrictPackage).where(
        same_municipality,
        DistrictPackage.period_start == manifest.period.start,
        DistrictPackage.period_end == manifest.period.end,
    ))
    if existing is not None and existing.sha256 == package.sha256:
        return UNCHANGED, existing
    if existing is not None and existing.created_at > manifest.created_at:
        return OLDER, existing
    if existing is None:
        overlapping = session.scalar(select(DistrictPackage).where(
            same_municipality,
            DistrictPackage.period_start <= manifest.period.end,
            DistrictPackage.period_end >= manifest.period.start,
        ))
        if overlapping is not None:
            return OVERLAPS, overlapping
    if existing is not None:
        for table in (DistrictActivity, DistrictOffer):
            session.execute(delete(table).where(table.package_id == existing.id))
        session.delete(existing)
        session.flush()
    row = DistrictPackage(
        municipality=manifest.municipality, district=manifest.district, period_start=manifest.period.start,
        period_end=manifest.period.end, created_at=manifest.created_at, imported_at=imported_at,
        format_version=manifest.format_version, program_version=manifest.program_version,
        sha256=package.sha256, file_name=package.path.name,
    )
    session.add(row)
    session.flush()
    offers = [_joined(dict(o, package_id=row.id), "target_groups", "languages") for o in package.data.offers]
    connection = session.connection()
    if offers:
        connection.execute(DistrictOffer.__table__.insert(), offers)
    if package.data.activities and connection.dialect.name == "sqlite":
        # The driver's executemany with plain tuples: SQLAlchemy's per-row parameter
        # processing would triple the time for 100,000 activities.
        columns = ["package_id", *ACTIVITY_FIELDS]
        connection.exec_driver_sql(
            f"INSERT INTO district_activities ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [_activity_row(row.id, a) for a in package.data.activities],
        )
    elif package.data.activities:
        connection.execute(
            DistrictActivity.__table__.insert(),
            [_joined(dict(a, package_id=row.id), "languages") for a in package.data.activities],
        )
    return (REPLACED if existing is not None else IMPORTED), existing


def _activity_row(package_id: int, activity: dict) -> tuple:
    """Values in ACTIVITY_FIELDS order, stored as SQLAlchemy's SQLite types store them."""
    values = {**activity, "occurred_on": activity["occurred_on"].isoformat(), "languages": ",".join(activity["languages"])}
    return (package_id, *(values[key] for key in ACTIVITY_FIELDS))


def _joined(record: dict, *keys: str) -> dict:
    for key in keys:
        record[key] = ",".join(record[key])
    return record
