"""District mode: who sent a package, known by its installation id rather than its name.

A format-3 package names its installation, its own id and the package it replaces
(exchange/identity.py). The district refuses, before anything is stored:
a package id it took before with other content (a package is never changed after it is
written, so the same id with other bytes is a forgery or a copied database), and a name
that another installation already reports under (two villages the office could not tell
apart in its overview). It points out, without refusing: a package that names as
replaced one the district never got, or not the one it holds for the period, and a
format-2 package, which has no id and is known by its name as before.

Once a package is taken (`settle`), the village's rows carry the name of its latest
package: the district sees a renamed village under its current name everywhere, with
its history. Format-2 packages already stored under the name, signed with the same key,
become the installation's at its first format-3 package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from gwa_desktop.exchange.errors import PackageError
from gwa_desktop.exchange.identity import short
from gwa_desktop.exchange.package import Package
from gwa_desktop.i18n import _
from gwa_desktop.services.district_expected import unexpected_period
from gwa_desktop.storage.district_models import DistrictPackage, ReceivedPackage, VillageKey


class PackageIdReused(PackageError):
    """A package id the district took before, now with other content."""


class NameClaimed(PackageError):
    """A municipality name another installation already reports under."""


@dataclass(frozen=True)
class Sender:
    """The village a verified package comes from, as far as the district knows it."""

    #: The installation id; None for a format-2 package, known by name only.
    installation: str | None
    #: The name the district shows the village under now, or None at its first package.
    known_as: str | None
    #: What the office should know but need not refuse, in the UI language.
    warnings: tuple[str, ...]

    @property
    def new_village(self) -> bool:
        return self.known_as is None


def village_packages(session: Session, package: Package) -> ColumnElement[bool]:
    """The stored packages of the package's village: by installation, and the format-2
    packages its first format-3 package adopts (stored under its name, or under the
    name its key was recorded for: a village that renamed itself while it upgraded)."""
    manifest = package.manifest
    if manifest.identity is None:
        return DistrictPackage.municipality == manifest.municipality
    return or_(
        DistrictPackage.installation_id == manifest.identity.installation,
        and_(
            DistrictPackage.installation_id.is_(None),
            DistrictPackage.municipality.in_(_format_2_names(session, package)),
        ),
    )


def _format_2_names(session: Session, package: Package) -> list[str]:
    """The package's name, and the name its key is recorded under (from format-2 packages,
    or already adopted by this installation in the same transaction)."""
    manifest = package.manifest
    installation = manifest.identity.installation if manifest.identity else None
    names = [manifest.municipality]
    recorded = session.scalars(
        select(VillageKey.municipality).where(
            VillageKey.public_key == manifest.signer_key,
            or_(VillageKey.installation_id.is_(None), VillageKey.installation_id == installation),
        )
    )
    return names + [name for name in recorded if name not in names]


def _legacy_key(session: Session, package: Package) -> VillageKey | None:
    """A key recorded from format-2 packages that is this package's key: the same village."""
    return session.scalar(
        select(VillageKey).where(
            VillageKey.public_key == package.manifest.signer_key,
            VillageKey.installation_id.is_(None),
        )
    )


def pinned_key(session: Session, package: Package) -> VillageKey | None:
    """The key recorded for the package's village: by installation, by the same key
    recorded from format-2 packages, else by name."""
    manifest = package.manifest
    identity = manifest.identity
    if identity is not None:
        pinned = session.scalar(
            select(VillageKey).where(VillageKey.installation_id == identity.installation)
        )
        if pinned is None:
            pinned = _legacy_key(session, package)
        if pinned is not None:
            return pinned
        return session.scalar(
            select(VillageKey).where(
                VillageKey.municipality == manifest.municipality,
                VillageKey.installation_id.is_(None),
            )
        )
    return session.scalar(
        select(VillageKey).where(VillageKey.municipality == manifest.municipality)
    )


def check_sender(session: Session, package: Package) -> Sender:
    """The package's village; raise PackageIdReused or NameClaimed to refuse it."""
    manifest = package.manifest
    identity = manifest.identity
    name = manifest.municipality
    warnings: list[str] = []
    if identity is None:
        warnings.append(
            _(
                "Written by an older version of GWA Desktop (package format 2) without an installation "
                "id: the district knows this village by its name only."
            )
        )
    else:
        _check_package_id(session, package)
        _check_name(session, package)
        warnings.extend(_replacement_warnings(session, package))
    known_as = session.scalar(
        select(DistrictPackage.municipality).where(village_packages(session, package)).limit(1)
    )
    if known_as is None:
        key = pinned_key(session, package)
        known_as = key.municipality if key is not None else None
    expected = unexpected_period(
        session, identity.installation if identity else None, name, manifest.period
    )
    if expected:
        warnings.append(expected)
    return Sender(identity.installation if identity else None, known_as, tuple(warnings))


def _check_package_id(session: Session, package: Package) -> None:
    identity = package.manifest.identity
    assert identity is not None
    seen = session.get(ReceivedPackage, identity.package)
    if seen is not None and seen.sha256 != package.sha256:
        raise PackageIdReused(
            _(
                "{path}: a package with the id {id} was imported before, with other content. A package "
                "is never changed after it was written, so this one was changed afterwards or comes from "
                "a copied database. Nothing was imported; ask the municipality for a new export."
            ).format(path=package.path.name, id=short(identity.package))
        )


def _check_name(session: Session, package: Package) -> None:
    manifest = package.manifest
    identity = manifest.identity
    assert identity is not None
    name = manifest.municipality
    other_packages = select(DistrictPackage.installation_id).where(
        DistrictPackage.municipality == name,
        DistrictPackage.installation_id.is_not(None),
        DistrictPackage.installation_id != identity.installation,
    )
    other_keys = select(VillageKey.installation_id).where(
        VillageKey.municipality == name,
        or_(
            and_(
                VillageKey.installation_id.is_not(None),
                VillageKey.installation_id != identity.installation,
            ),
            # A name known from format-2 packages with another key, while this installation
            # already has its own key: two villages, not one.
            and_(
                VillageKey.installation_id.is_(None),
                VillageKey.public_key != manifest.signer_key,
                select(func.count())
                .select_from(VillageKey)
                .where(VillageKey.installation_id == identity.installation)
                .scalar_subquery()
                > 0,
            ),
        ),
    )
    if session.scalar(other_packages.limit(1)) or session.execute(other_keys.limit(1)).first():
        raise NameClaimed(
            _(
                "{path}: another installation of GWA Desktop already sends its packages under the name "
                "{municipality}. Two villages under one name cannot be told apart in the overview. Nothing "
                "was imported. Call the municipality: if it set up GWA Desktop anew, it should restore its "
                "backup instead; if it is a different village, it should enter its own name in the settings "
                "and export again."
            ).format(path=package.path.name, municipality=name)
        )


def _replacement_warnings(session: Session, package: Package) -> list[str]:
    manifest = package.manifest
    identity = manifest.identity
    assert identity is not None
    held = session.scalar(
        select(DistrictPackage.package_id).where(
            village_packages(session, package),
            DistrictPackage.period_start == manifest.period.start,
            DistrictPackage.period_end == manifest.period.end,
        )
    )
    if identity.replaces is None or identity.replaces == held:
        return []
    if session.get(ReceivedPackage, identity.replaces) is None:
        return [
            _(
                "It replaces a package ({id}) that the district never received; the municipality "
                "exported this period before. Nothing of that package is counted."
            ).format(id=short(identity.replaces))
        ]
    if held is not None:
        return [
            _(
                "It says it replaces the package {named}, but the district holds the package {held} "
                "for this period; the newer of the two counts."
            ).format(named=short(identity.replaces), held=short(held))
        ]
    return []


def settle(session: Session, package: Package, now: datetime) -> str | None:
    """After a package was stored: record its id, adopt the village's format-2 rows, and give
    all its rows its current name, which it returns (None for a format-2 package)."""
    manifest = package.manifest
    identity = manifest.identity
    if identity is None:
        return None
    installation = identity.installation
    if session.get(ReceivedPackage, identity.package) is None:
        session.add(
            ReceivedPackage(
                package_id=identity.package,
                installation_id=installation,
                sha256=package.sha256,
                period_start=manifest.period.start,
                period_end=manifest.period.end,
                created_at=manifest.created_at,
                received_at=now,
            )
        )
    session.execute(
        update(DistrictPackage)
        .where(
            DistrictPackage.installation_id.is_(None),
            DistrictPackage.municipality.in_(_format_2_names(session, package)),
        )
        .values(installation_id=installation)
    )
    session.flush()
    latest = session.scalar(
        select(DistrictPackage.sent_name)
        .where(DistrictPackage.installation_id == installation)
        .order_by(DistrictPackage.created_at.desc(), DistrictPackage.id.desc())
        .limit(1)
    )
    if latest is None:
        return None
    session.execute(
        update(DistrictPackage)
        .where(DistrictPackage.installation_id == installation)
        .values(municipality=latest)
    )
    key = session.scalar(select(VillageKey).where(VillageKey.installation_id == installation))
    if key is not None and key.municipality != latest:
        # A format-2 key row under the new name, with the same key, is this village's too.
        session.execute(
            delete(VillageKey).where(
                VillageKey.municipality == latest, VillageKey.installation_id.is_(None)
            )
        )
        key.municipality = latest
    session.flush()
    return latest
