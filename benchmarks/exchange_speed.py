"""How fast the USB exchange is at the size of a busy municipality, and at a district office.

Run:  .venv/bin/python benchmarks/exchange_speed.py [--contacts 10000] [--activities 100000]

Prints seconds for: the district export of one year and of the whole history, the
import of that package in district mode, and the merge of 20 municipal packages
(import plus the combined workbook). Targets: export < 5 s, 20-package merge < 10 s.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import text

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.demo_data import generate_bulk_data
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.services.district_overview import export_combined
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import open_database


@contextmanager
def timed(label: str, figures: dict[str, float]):
    start = time.perf_counter()
    yield
    figures[label] = time.perf_counter() - start
    print(f"{label:<52} {figures[label]:6.2f} s", flush=True)


def activity_span(database) -> Period:
    with database.engine.connect() as connection:
        first, last = connection.execute(
            text("SELECT MIN(occurred_on), MAX(occurred_on) FROM activities")
        ).one()
    return Period(date.fromisoformat(str(first)), date.fromisoformat(str(last)))


def count_in(database, period: Period) -> int:
    with database.engine.connect() as connection:
        return connection.execute(
            text("SELECT COUNT(*) FROM activities WHERE occurred_on BETWEEN :a AND :b"),
            {"a": period.start, "b": period.end},
        ).scalar()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--packages", type=int, default=20)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gwa-exchange-bench-"))
    figures: dict[str, float] = {}
    try:
        source = open_database(str(work / "village.sqlite"))
        SettingsService(source).save(
            MunicipalityData(name="Gemeinde Benchdorf", district="Landkreis Test")
        )
        with timed(
            f"fill: {arguments.contacts} contacts, {arguments.activities} activities", figures
        ):
            generate_bulk_data(source, arguments.contacts, arguments.activities)
        history = activity_span(source)
        last_year = Period(date(history.end.year - 1, 1, 1), date(history.end.year - 1, 12, 31))
        stick = work / "stick"
        stick.mkdir()
        with timed(f"export one year ({count_in(source, last_year)} activities)", figures):
            year_package = export_district(source, last_year, stick)
        with timed(f"export whole history ({count_in(source, history)} activities)", figures):
            full_package = export_district(source, history, stick)
        print(
            f"{'package sizes':<52} {year_package.stat().st_size / 1e6:.1f} MB, {full_package.stat().st_size / 1e6:.1f} MB"
        )

        district = open_database(str(work / "district.sqlite"))
        with timed("import whole-history package (district mode)", figures):
            import_packages(district, [full_package], receipts=work)
        district.close()

        packages = []
        for number in range(arguments.packages):
            SettingsService(source).save(
                MunicipalityData(name=f"Gemeinde {number + 1:02d}", district="Landkreis Test")
            )
            packages.append(export_district(source, last_year, stick))
        merged = open_database(str(work / "merged.sqlite"))
        with timed(f"merge {arguments.packages} one-year packages: import", figures):
            results = import_packages(merged, packages, receipts=work)
        assert not any(r.refused for r in results)
        with timed(f"merge {arguments.packages} one-year packages: combined workbook", figures):
            export_combined(merged, work)
        merge = (
            figures[f"merge {arguments.packages} one-year packages: import"]
            + figures[f"merge {arguments.packages} one-year packages: combined workbook"]
        )
        print(f"{'merge total (target < 10 s)':<52} {merge:6.2f} s")
        merged.close()
        source.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
