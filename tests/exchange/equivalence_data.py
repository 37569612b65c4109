"""A seeded municipality and the readable content of its package, for the export equivalence test.

`seed` enters the sample municipality and a few hundred generated activities of every
kind (small groups included, dates fixed in the past so the expected content never
moves with the calendar). `package_content` reads a package back into plain values:
the text of every member except the signed manifest, and every workbook cell. The
fixture `fixtures/package_before.json` holds that content as the export wrote it before
the export streamed its members; `python -m tests.exchange.equivalence_data <file>`
wrote it and the package `fixtures/package_before.zip`, on the main branch's code, and
can write them again.
"""

from __future__ import annotations

import io
import json
import random
import sys
import tempfile
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.registry import Services
from tests.exchange.sample_data import fill

PERIOD = Period(date(2024, 1, 1), date(2026, 11, 30))
CREATED = datetime(2026, 11, 30, 12, 0)
FIXTURE = Path(__file__).parent / "fixtures" / "package_before.json"
#: The package itself, as the program wrote it before (its manifest first, as then).
PACKAGE = FIXTURE.with_suffix(".zip")
LANGUAGES = ("ar", "uk", "fa", "ti", "de", "ru", "tr")


def seed(services: Services, activities: int = 300) -> None:
    ids = fill(services)
    rng = random.Random(12)
    offers = [ids["cafe"], ids["homework"], ids["fest"], None]
    for number in range(activities):
        total = rng.choice((0, 1, 2, 4, 5, 6, 12, 30))
        women = rng.randint(0, total)
        services.activities.create(
            ActivityData(
                occurred_on=date(2024, 1, 1) + timedelta(days=rng.randrange(1000)),
                kind=rng.choice(tuple(ActivityKind)),
                title=f"Termin {number}",
                offer_id=rng.choice(offers),
                participants_total=total,
                participants_women=women if rng.random() < 0.7 else None,
                participants_men=total - women if rng.random() < 0.5 else None,
                age_under_18=rng.randint(0, total) if rng.random() < 0.4 else None,
                newcomers=rng.randint(0, total) if rng.random() < 0.4 else None,
                languages=rng.sample(LANGUAGES, rng.randint(0, 3)),
                volunteers_count=rng.randint(0, 3),
                volunteer_hours=rng.choice((0.0, 0.5, 1.25, 2.0, 3.75)),
            )
        )


def package_content(content: bytes) -> dict[str, Any]:
    """Member name → its text (JSON, CSV) or, for the workbook, sheet title → cell values."""
    result: dict[str, Any] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in sorted(archive.namelist()):
            if name in ("manifest.json", "manifest.sig"):
                continue
            member = archive.read(name)
            if name.endswith(".xlsx"):
                book = load_workbook(io.BytesIO(member))
                result[name] = {
                    sheet.title: [
                        [_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)
                    ]
                    for sheet in book.worksheets
                }
            else:
                result[name] = member.decode("utf-8")
    return result


def _cell(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return f"{type(value).__name__}:{value.isoformat()}"
    return value


def write_fixture(target: Path, package_copy: Path) -> None:
    """Seed a new database, export PERIOD with the code at hand and store what it wrote."""
    from gwa_desktop.services.district_export import export_district
    from gwa_desktop.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "village.sqlite"))
        try:
            seed(Services.on(database))
            package = export_district(database, PERIOD, Path(folder), created=CREATED)
            content = package_content(package.read_bytes())
            package_copy.write_bytes(package.read_bytes())
        finally:
            database.close()
    target.write_text(json.dumps(content, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    write_fixture(*(map(Path, sys.argv[1:3]) if len(sys.argv) > 2 else (FIXTURE, PACKAGE)))
