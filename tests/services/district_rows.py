"""Imported packages as rows only, for tests of what the district computes from them."""

from __future__ import annotations

from datetime import date, datetime

from gwa_desktop.storage.district_models import DistrictPackage


def add_package(
    database, municipality: str, start: date, end: date, imported: datetime, file_name: str = ""
) -> int:
    """A package row of `municipality` for start–end, imported (and made) at `imported`; its id."""
    with database.session() as session:
        package = DistrictPackage(
            municipality=municipality,
            period_start=start,
            period_end=end,
            created_at=imported,
            imported_at=imported,
            format_version=1,
            sha256=f"{municipality}{start}{end}".ljust(64, "0")[:64],
            file_name=file_name or f"{municipality}.zip",
        )
        session.add(package)
        session.flush()
        return package.id
