"""Use case: this installation's stable id, and the ids of the packages it exports.

Migration 0019 gives every database its id; a database whose row is missing gets a new
one here (it then counts as a new village at the district, which is what a database
started afresh is). Each export gets a fresh package id and names the latest package
this installation wrote for the same period as the one it replaces, so the district can
tell a correction from a second village's package.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from gwa_desktop.exchange.identity import PackageIdentity, new_id
from gwa_desktop.exchange.records import Period
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import ExportedPackage, InstallationIdentity


def installation_id(database: Database) -> str:
    with database.session() as session:
        row = session.get(InstallationIdentity, 1)
        if row is not None:
            return row.installation_id
    made = new_id()
    try:
        with database.session() as session:
            session.add(InstallationIdentity(id=1, installation_id=made))
    except IntegrityError:
        # Another window made it in the same moment: use that one.
        return installation_id(database)
    return made


def next_identity(database: Database, period: Period) -> PackageIdentity:
    """The identity of a new package for `period`: a fresh id, replacing the last one sent for it."""
    installation = installation_id(database)
    with database.session() as session:
        previous = session.scalar(
            select(ExportedPackage.package_id)
            .where(
                ExportedPackage.period_start == period.start,
                ExportedPackage.period_end == period.end,
            )
            .order_by(ExportedPackage.created_at.desc(), ExportedPackage.package_id)
            .limit(1)
        )
    return PackageIdentity(installation, new_id(), previous)


def record_export(
    database: Database, identity: PackageIdentity, period: Period, created: datetime
) -> None:
    """Remember a written package, so the next export of `period` names it as replaced."""
    with database.session() as session:
        session.add(
            ExportedPackage(
                package_id=identity.package,
                period_start=period.start,
                period_end=period.end,
                created_at=created,
                replaces=identity.replaces,
            )
        )
