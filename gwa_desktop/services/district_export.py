"""Use case: write the signed district package for a period onto a USB stick, in one atomic step."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from gwa_desktop.exchange.atomic import atomic_output
from gwa_desktop.exchange.encrypted import check_password
from gwa_desktop.exchange.package import ENCRYPTED_SUFFIX, PLAIN_SUFFIX, write_package
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.records import DistrictData, Period
from gwa_desktop.services import installation_identity, installation_key
from gwa_desktop.services.district_collect import outgoing
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database


def package_name(data: DistrictData, personal: bool) -> str:
    """A file name that tells the clerk whose figures for which period, and whether it is confidential."""
    slug = re.sub(r"[^\w-]+", "-", data.municipality).strip("-") or "Gemeinde"
    suffix = f"_vertraulich{ENCRYPTED_SUFFIX}" if personal else PLAIN_SUFFIX
    return (
        f"Kreisbericht_{slug}_{data.period.start.isoformat()}_{data.period.end.isoformat()}{suffix}"
    )


def check_export_password(database: Database, password: str) -> None:
    """Refuse a weak password; the municipality's own names count as easy to guess."""
    settings = SettingsService(database).get()
    check_password(password, (settings.name, settings.district, settings.officer_name))


def export_district(
    database: Database,
    period: Period,
    folder: Path,
    password: str | None = None,
    progress: Progress = no_progress,
    created: datetime | None = None,
) -> Path:
    """Write the package into `folder`; returns its path.

    The package is signed with this installation's key and carries its id, its own
    new id and the id of the last package written for the same period. Without a password it is
    anonymous; with one it also holds the contacts and is encrypted as a whole. Nothing
    is left in `folder` if writing fails or the user cancels through `progress`.
    """
    if password is not None:
        check_export_password(database, password)
    signing_key = installation_key.private_key(database)
    identity = installation_identity.next_identity(database, period)
    created = created or datetime.now().replace(microsecond=0)
    with outgoing(database, period, personal=password is not None) as (content, _findings):
        progress(0, 1, "")
        target = Path(folder) / package_name(content.data, password is not None)
        with atomic_output(target) as stream:
            write_package(stream, content, created, signing_key, password, progress, identity)
            # Recorded before the file takes its name: a package that is not recorded is
            # not left on the stick, so the next export always names the last one written.
            installation_identity.record_export(database, identity, period, created)
    return target
