"""Use case (district mode): take packages from many municipalities into the office's database.

Each package is verified completely (limits, signature, checksums, date) before its one
transaction starts, so a refused package leaves the database as it was. The first
signed package of a municipality pins its key; a later one signed by another key is
refused until the office, having compared the fingerprint by phone, accepts the new
key (logged in `village_key_changes`). Importing the same package twice changes
nothing; a newer package of the same municipality and period, or of a period that
contains the earlier packages' periods, replaces them in the same transaction; an older
one never overwrites a newer, and one that overlaps only part of an imported period is
refused. A package not taken changes nothing, not even the key it was signed with. Imports into one database run one at a time
(see ImportLock). Every verified package gets a receipt.

A village is its installation (services/district_identity.py): its key is pinned to its
installation id, its packages are found by it, and a renamed village keeps its rows under
its current name. `take_package` is the whole decision on one package inside a
transaction, shared with the dry run (services/district_dry_run.py), which rolls back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from gwa_desktop.exchange import signing
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.errors import Cancelled, ExchangeError, ImportBusy, SignerChanged
from gwa_desktop.exchange.package import Package, read_package
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.receipt import receipt_name, receipt_text
from gwa_desktop.exchange.record_columns import RecordColumns
from gwa_desktop.exchange.records import ACTIVITY_FIELDS, Period
from gwa_desktop.i18n import _
from gwa_desktop.services import district_identity
from gwa_desktop.services.district_identity import Sender
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import (
    DistrictActivity,
    DistrictOffer,
    DistrictPackage,
    ImportLock,
    VillageKey,
    VillageKeyChange,
)
from gwa_desktop.storage.errors import StorageError

log = logging.getLogger(__name__)
INSERT_BATCH = 5000

IMPORTED, REPLACED, UNCHANGED, OLDER, OVERLAPS = (
    "imported",
    "replaced",
    "unchanged",
    "older",
    "overlaps",
)


@dataclass(frozen=True)
class ImportResult:
    """What became of one package; `error` says why it was refused (e.g. SignerChanged)."""

    path: Path
    outcome: str | None
    message: str
    receipt: Path | None = None
    error: Exception | None = None

    @property
    def refused(self) -> bool:
        return self.outcome is None


@dataclass
class Plan:
    """What `take_package` decided for one package: the outcome, the stored package it met
    (replaced, kept or overlapping), how it met the key, and who sent it."""

    outcome: str
    other: DistrictPackage | None
    pinning: signing.Pinning | None
    sender: Sender
    #: The name the district knew the village by, when this package renamed it.
    renamed_from: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def taken(self) -> bool:
        return self.outcome in (IMPORTED, REPLACED)


def import_packages(
    database: Database,
    paths: Iterable[Path],
    password: str | None = None,
    receipts: Path | None = None,
    progress: Progress = no_progress,
    accept_key: str | None = None,
) -> list[ImportResult]:
    """Import each package on its own; a refused one is reported and does not stop the others.

    Cancelling stops before the next package: the ones already imported stay imported
    (each was one transaction) and the result says so, package by package.
    `accept_key` is a fingerprint confirmed by phone: a package signed by that key
    replaces the key pinned for its municipality.
    """
    paths = [Path(p) for p in paths]
    results: list[ImportResult] = []
    for number, path in enumerate(paths):
        try:
            progress(number, len(paths), path.name)
        except Cancelled:
            results.extend(
                ImportResult(
                    p, None, _("Not imported: the import was cancelled before this package.")
                )
                for p in paths[number:]
            )
            return results
        try:
            results.append(import_package(database, path, password, receipts, accept_key))
        except (ExchangeError, StorageError) as error:
            results.append(ImportResult(path, None, str(error), error=error))
    return results


def import_package(
    database: Database,
    path: Path,
    password: str | None = None,
    receipts: Path | None = None,
    accept_key: str | None = None,
) -> ImportResult:
    package = read_package(path, password)
    imported_at = datetime.now().replace(microsecond=0)
    with database.session() as session:
        _take_import_lock(session, package, imported_at)
        plan = take_package(session, package, imported_at, accept_key)
        outcome, other, pinning = plan.outcome, plan.other, plan.pinning
        previous = other.created_at if other is not None else None
        other_period = (
            Period(other.period_start, other.period_end).label() if other is not None else ""
        )
        if not plan.taken:
            # A package not taken leaves nothing behind: no key pinned or re-pinned by it,
            # not even the lock row's time, so a replay leaves the file as it was.
            session.rollback()
    manifest = package.manifest
    message = {
        IMPORTED: _(
            "{municipality}, {period}: {offers} offers and {activities} activities imported."
        ),
        REPLACED: _(
            "{municipality}, {period}: replaced the older package; {offers} offers and {activities} activities imported."
        ),
        UNCHANGED: _(
            "{municipality}, {period}: this package was already imported; nothing changed."
        ),
        OLDER: _(
            "{municipality}, {period}: a newer package is already imported; this older one was not taken."
        ),
        OVERLAPS: _(
            "{municipality}, {period}: overlaps the package already imported for {other}; it was not taken, "
            "so that no activity is counted twice. Ask for a package of the same period."
        ),
    }[outcome].format(
        municipality=manifest.municipality,
        period=manifest.period.label(),
        other=other_period,
        offers=len(package.data.offers),
        activities=len(package.data.activities),
    )
    if pinning is not None:
        message += _key_message(pinning, manifest.municipality)
    message += "".join("\n" + note for note in plan.notes)
    folder = Path(receipts) if receipts is not None else package.path.parent
    text = receipt_text(package, outcome, imported_at, previous, pinning)
    try:
        receipt = write_bytes_atomically(folder / receipt_name(package), text.encode("utf-8-sig"))
    except ExchangeError as error:
        return ImportResult(
            package.path,
            outcome,
            message + "\n" + _("The receipt could not be written: {reason}").format(reason=error),
        )
    return ImportResult(package.path, outcome, message, receipt)


def take_package(
    session: Session,
    package: Package,
    now: datetime,
    accept_key: str | None = None,
    records: bool = True,
) -> Plan:
    """Decide on one verified package in `session` and store it if it is taken.

    Raises PackageError (SignerChanged, PackageIdReused, NameClaimed) to refuse it;
    nothing is written for a package refused or not taken. Without `records` the package
    row is stored but not its offers and activities: what the dry run needs to judge the
    next package of the same batch.
    """
    # The key first: a package re-signed by another key is a forgery, whatever else it claims.
    pinning, pin = _check_signer(session, package, now, accept_key)
    sender = district_identity.check_sender(session, package)
    outcome, other = _store(session, package, now, records)
    if outcome not in (IMPORTED, REPLACED):
        return Plan(outcome, other, None, sender, notes=list(sender.warnings))
    pin()
    current = district_identity.settle(session, package, now)
    renamed_from = (
        sender.known_as if current is not None and sender.known_as not in (None, current) else None
    )
    notes = list(sender.warnings)
    if sender.new_village and sender.installation is not None:
        notes.insert(
            0,
            _(
                "{municipality} sends its first package: it is a new village for the district."
            ).format(municipality=package.manifest.municipality),
        )
    if renamed_from is not None:
        notes.append(
            _(
                "{old} is now called {new}: its earlier packages are shown under the new name."
            ).format(old=renamed_from, new=package.manifest.municipality)
        )
    return Plan(outcome, other, pinning, sender, renamed_from, notes)


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


def _take_import_lock(session: Session, package: Package, now: datetime) -> None:
    """The first statement of the import's transaction: wait for, or be told about, another import."""
    try:
        result = session.execute(update(ImportLock).where(ImportLock.id == 1).values(taken_at=now))
        taken = cast(CursorResult[Any], result).rowcount
    except OperationalError as error:
        if "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower():
            raise ImportBusy(package.path.name) from error
        raise
    if not taken:
        session.add(ImportLock(id=1, taken_at=now))
        session.flush()


def _check_signer(
    session: Session, package: Package, now: datetime, accept_key: str | None
) -> tuple[signing.Pinning, Callable[[], None]]:
    """How the package meets its village's key, and the change to make if it is taken.

    The key is pinned at a village's first signed package, to its installation (a
    format-2 package: to its name); another key is refused unless it was confirmed by
    phone, so one installation id never goes on under two keys unnoticed.
    """
    manifest = package.manifest
    key = manifest.signer_key
    installation = manifest.identity.installation if manifest.identity else None
    pinned = district_identity.pinned_key(session, package)
    if pinned is None:

        def pin_new() -> None:
            session.add(
                VillageKey(
                    municipality=manifest.municipality,
                    public_key=key,
                    pinned_at=now,
                    installation_id=installation,
                )
            )

        return signing.Pinning(signing.NEW, manifest.fingerprint), pin_new

    def adopt() -> None:
        # The key recorded from format-2 packages under this name is this installation's.
        if installation is not None and pinned.installation_id is None:
            pinned.installation_id = installation

    if pinned.public_key == key:
        return signing.Pinning(signing.KNOWN, manifest.fingerprint, since=pinned.pinned_at), adopt
    previous = signing.fingerprint(pinned.public_key)
    if accept_key is None or not signing.same_fingerprint(accept_key, manifest.fingerprint):
        raise SignerChanged(
            package.path.name, manifest.municipality, previous, manifest.fingerprint
        )

    def replace_key() -> None:
        session.add(
            VillageKeyChange(
                municipality=manifest.municipality,
                old_key=pinned.public_key,
                new_key=key,
                changed_at=now,
                package=package.path.name[:260],
            )
        )
        pinned.public_key, pinned.pinned_at = key, now
        adopt()
        log.warning(
            "key of %s replaced after confirmation: %s -> %s (package %s)",
            manifest.municipality,
            previous,
            manifest.fingerprint,
            package.path.name,
        )

    pinning = signing.Pinning(signing.REPLACED, manifest.fingerprint, since=now, previous=previous)
    return pinning, replace_key


def _key_message(pinning: signing.Pinning, municipality: str) -> str:
    if pinning.kind == signing.NEW:
        return "\n" + _(
            "First signed package of {municipality}: its key {fingerprint} was recorded. Compare this "
            "fingerprint with the municipality by phone."
        ).format(municipality=municipality, fingerprint=pinning.fingerprint)
    if pinning.kind == signing.REPLACED:
        return "\n" + _(
            "The new key {fingerprint} of {municipality} was accepted; it replaces {previous}."
        ).format(
            municipality=municipality, fingerprint=pinning.fingerprint, previous=pinning.previous
        )
    return ""


def _store(
    session: Session, package: Package, imported_at: datetime, records: bool = True
) -> tuple[str, DistrictPackage | None]:
    """Store the package; the outcome and the package it met (replaced, kept or overlapping)."""
    manifest = package.manifest
    same_municipality = district_identity.village_packages(session, package)
    existing = session.scalar(
        select(DistrictPackage).where(
            same_municipality,
            DistrictPackage.period_start == manifest.period.start,
            DistrictPackage.period_end == manifest.period.end,
        )
    )
    if existing is not None and existing.sha256 == package.sha256:
        return UNCHANGED, existing
    if existing is not None and existing.created_at > manifest.created_at:
        return OLDER, existing
    replaced = [existing] if existing is not None else []
    if existing is None:
        overlapping = list(
            session.scalars(
                select(DistrictPackage)
                .where(
                    same_municipality,
                    DistrictPackage.period_start <= manifest.period.end,
                    DistrictPackage.period_end >= manifest.period.start,
                )
                .order_by(DistrictPackage.period_start)
            )
        )
        partly = [p for p in overlapping if not _covers(manifest.period, p)]
        if partly:
            return OVERLAPS, partly[0]
        newer = [p for p in overlapping if p.created_at > manifest.created_at]
        if newer:
            return OLDER, newer[0]
        replaced = overlapping
    for old in replaced:
        for table in (DistrictActivity, DistrictOffer):
            session.execute(delete(table).where(table.package_id == old.id))
        session.delete(old)
    session.flush()
    row = DistrictPackage(
        municipality=manifest.municipality,
        district=manifest.district,
        period_start=manifest.period.start,
        period_end=manifest.period.end,
        created_at=manifest.created_at,
        imported_at=imported_at,
        format_version=manifest.format_version,
        program_version=manifest.program_version,
        sha256=package.sha256,
        file_name=package.path.name,
        sent_name=manifest.municipality,
        installation_id=manifest.identity.installation if manifest.identity else None,
        package_id=manifest.identity.package if manifest.identity else None,
        replaces=manifest.identity.replaces if manifest.identity else None,
    )
    session.add(row)
    session.flush()
    outcome = (REPLACED, replaced[0]) if replaced else (IMPORTED, None)
    if not records:
        return outcome
    offers = [
        _joined(dict(o, package_id=row.id), "target_groups", "languages")
        for o in package.data.offers
    ]
    connection = session.connection()
    if offers:
        connection.execute(insert(DistrictOffer), offers)
    # The driver's executemany with plain tuples: SQLAlchemy's per-row parameter
    # processing would triple the time for 100,000 activities on SQLite, and made the
    # import of a district of 1,200 packages 4.6 times its floor on PostgreSQL.
    columns = ["package_id", *ACTIVITY_FIELDS]
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (
        f"INSERT INTO district_activities ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    values = _stored_columns(package.activities)
    # In batches: the rows are made from the checked columns as they go, so the
    # package's activities are not held a second time as parameter rows.
    for start in range(0, len(package.activities), INSERT_BATCH):
        batch = [column[start : start + INSERT_BATCH] for column in values]
        connection.exec_driver_sql(statement, list(zip(repeat(row.id), *batch)))
    return outcome


def _covers(period: Period, package: DistrictPackage) -> bool:
    """Whether `period` holds the package's whole period.

    A village's newer package for a period that contains an earlier package's period
    (the year after its quarters, or 01.01.–31.12. after a mistyped 01.01.–30.12.) holds
    all of those activities again, as they stand now: it replaces the earlier packages,
    and nothing is counted twice. A period that covers only part of an imported one
    would leave the rest of it counted beside a second count of the overlap: refused.
    """
    return period.start <= package.period_start and package.period_end <= period.end


def _stored_columns(activities: RecordColumns) -> list[list[Any]]:
    """The columns in ACTIVITY_FIELDS order, as SQLAlchemy's SQLite types store them
    (PostgreSQL reads the ISO date text as a date): each distinct date and language
    list is spelled once."""
    values = [activities.column(key) for key in ACTIVITY_FIELDS]
    keys = list(ACTIVITY_FIELDS)
    spelled: dict[Any, str] = {}
    for key, spell in (("occurred_on", date.isoformat), ("languages", ",".join)):
        index = keys.index(key)
        spelled = {value: spell(value) for value in set(values[index])}
        values[index] = list(map(spelled.__getitem__, values[index]))
    return values


def _joined(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    for key in keys:
        record[key] = ",".join(record[key])
    return record
