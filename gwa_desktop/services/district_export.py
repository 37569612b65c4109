"""Use case: write the district package for a period onto a USB stick, in one atomic step."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from gwa_desktop.exchange.atomic import atomic_output
from gwa_desktop.exchange.encrypted import check_password
from gwa_desktop.exchange.progress import Progress, no_progress
from gwa_desktop.exchange.package import write_package
from gwa_desktop.exchange.records import DistrictData, Period
from gwa_desktop.services.district_collect import collect
from gwa_desktop.storage.database import Database


def package_name(data: DistrictData, personal: bool) -> str:
    """A file name that tells the clerk whose figures for which period, and whether it is confidential."""
    slug = re.sub(r"[^\w-]+", "-", data.municipality).strip("-") or "Gemeinde"
    suffix = "_vertraulich" if personal else ""
    return f"Kreisbericht_{slug}_{data.period.start.isoformat()}_{data.period.end.isoformat()}{suffix}.zip"


def export_district(database: Database, period: Period, folder: Path, password: str | None = None,
                    progress: Progress = no_progress, created: datetime | None = None) -> Path:
    """Write the package into `folder`; returns its path.

    Without a password the package is anonymous; with one it also holds the contacts
    and is AES-256 encrypted. Nothing is left in `folder` if writing fails or the user
    cancels through `progress`.
    """
    if password is not None:
        check_password(password)
    data = collect(database, period, personal=password is not None)
    progress(0, 1, "")
    target = Path(folder) / package_name(data, password is not None)
    with atomic_output(target) as stream:
        write_package(stream, data, created or datetime.now().replace(microsecond=0), password, progress)
    return target
