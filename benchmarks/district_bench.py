"""A district and a federal state: import, combined workbook, overview and checks against floors.

Issue 17 (scale): a district of 60 villages × 4 quarters × 5 years (1,200 packages) on
SQLite and PostgreSQL, and a federal state of 1,000 villages × 4 quarters of one year
(4,000 packages) on PostgreSQL. The packages are signed ones of simulated villages
(benchmarks/district_packages.py, cached in GWA_BENCH_CACHE). Every figure is a whole
process with its peak resident memory (`harness.alternate_processes`), in turns with
its floor:

- import: `services.district_import.import_packages` (what `gwa import` runs: every
  package verified, its signature checked, its key pinned, a receipt written) into a
  fresh database, against a process that opens the same zips, parses
  data/activities.json and inserts the rows with the driver's executemany (sqlite3 or
  psycopg), nothing verified;
- combined workbook: `district_overview.export_combined` against the raw GROUP BY of
  the villages' months by kind and an openpyxl write-only workbook of as many rows;
- overview: `district_overview.village_figures` (the import window's table, suppression
  included) against the raw GROUP BY by package, month and kind;
- checks: `district_checks.check_packages` against the same raw GROUP BY.

PostgreSQL runs against GWA_BENCH_POSTGRESQL_URL (or GWA_TEST_POSTGRESQL_URL), a
database the benchmark may wipe; without one that half is left out.

    GWA_BENCH_CACHE=/tmp/gwa-bench-scale GWA_BENCH_POSTGRESQL_URL=postgresql+psycopg://... \\
        .venv/bin/python benchmarks/district_bench.py --what district state
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import district_packages
from harness import Figure, alternate_processes, machine_load, markdown_table, python_command

#: Bytecode caching on, as an installed program has it (this machine sets the variable).
PROCESS_ENV = {"PYTHONDONTWRITEBYTECODE": ""}
POSTGRESQL = os.environ.get("GWA_BENCH_POSTGRESQL_URL") or os.environ.get("GWA_TEST_POSTGRESQL_URL")
DISTRICT_YEARS = (2021, 2022, 2023, 2024, 2025)
STATE_YEARS = (2025,)
#: The floors keep their rows in a schema of their own, which the program's wipe leaves.
FLOOR_SCHEMA = "bench_floor"

#: Appended to every script: its own peak resident set (VmHWM) into the file named by
#: GWA_BENCH_PEAK and the role. wait4's ru_maxrss cannot serve here: Linux carries the
#: high-water mark through fork and exec, so a child of this process (which imported
#: the program to build the packages) reports at least this process's resident set.
_PEAK = r"""
import atexit as _atexit, os as _os
def _report_peak():
    with open("/proc/self/status") as status:
        kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(_os.environ["GWA_BENCH_PEAK"] + ".ROLE", "a") as out:
        out.write(kib + "\n")
_atexit.register(_report_peak)
"""


def _script(body: str, role: str) -> str:
    return _PEAK.replace("ROLE", role) + body


#: Shared by the scripts: a fresh database at the location (a file, or a wiped schema).
_FRESH = r"""
import os
from pathlib import Path
def fresh(location):
    if "://" not in location:
        for suffix in ("", "-wal", "-shm"):
            Path(location + suffix).unlink(missing_ok=True)
        return
    import sqlalchemy
    engine = sqlalchemy.create_engine(location)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
"""

PROGRAM_IMPORT = (
    _FRESH
    + r"""
import sys
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.storage.database import open_database
location, folder, receipts = sys.argv[1:]
fresh(location)
database = open_database(location)
results = import_packages(database, sorted(Path(folder).glob("*.zip")), receipts=Path(receipts))
refused = [f"{r.path.name}: {r.message}" for r in results if r.refused]
if refused:
    raise SystemExit("\n".join(refused[:5]))
database.close()
"""
)

#: The driver of the floors: sqlite3 on a file, psycopg on a server.
_CONNECT = r"""
import sys
def connect(location):
    if "://" not in location:
        import sqlite3
        return sqlite3.connect(location), "?"
    import psycopg
    connection = psycopg.connect(location.replace("postgresql+psycopg://", "postgresql://"))
    connection.execute("CREATE SCHEMA IF NOT EXISTS bench_floor")
    connection.execute("SET search_path TO bench_floor")
    return connection, "%s"
COUNTS = ("participants_total", "participants_women", "participants_men", "participants_diverse",
          "age_under_18", "age_18_26", "age_27_64", "age_65_plus", "newcomers", "regulars",
          "volunteers_count")
"""

RAW_IMPORT = (
    _CONNECT
    + r"""
import json, zipfile
from pathlib import Path
location, folder = sys.argv[1:]
if "://" not in location:
    Path(location).unlink(missing_ok=True)
connection, mark = connect(location)
columns = ("package_id", "occurred_on", "kind", "title", "offer", *COUNTS, "volunteer_hours",
           "languages")
key = "INTEGER PRIMARY KEY" if mark == "?" else "SERIAL PRIMARY KEY"
connection.execute("DROP TABLE IF EXISTS raw_activities")
connection.execute(f"CREATE TABLE raw_activities (id {key}, package_id INTEGER, occurred_on DATE, "
                   "kind TEXT, title TEXT, offer TEXT, "
                   + ", ".join(f"{c} INTEGER" for c in COUNTS)
                   + ", volunteer_hours REAL, languages TEXT)")
insert = (f"INSERT INTO raw_activities ({', '.join(columns)}) "
          f"VALUES ({', '.join([mark] * len(columns))})")
for number, path in enumerate(sorted(Path(folder).glob("*.zip"))):
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("data/activities.json"))
    rows = [(number, r["occurred_on"], r["kind"], r["title"], r["offer"], *(r[k] for k in COUNTS),
             r["volunteer_hours"], ",".join(r["languages"])) for r in records]
    cursor = connection.cursor()
    cursor.executemany(insert, rows)
    connection.commit()
connection.close()
"""
)

#: The months of every package by kind, summed: what the overview and the workbook need.
_GROUP_BY = r"""
def grouped(connection, table):
    return connection.execute(
        "SELECT package_id, substr(CAST(occurred_on AS TEXT), 1, 7), kind, COUNT(*), "
        + ", ".join(f"SUM({key})" for key in COUNTS)
        + f", SUM(volunteer_hours) FROM {table} GROUP BY 1, 2, 3").fetchall()
"""

PROGRAM_FIGURES = r"""
import sys
from pathlib import Path
from gwa_desktop.storage.database import open_database
what, location, folder = sys.argv[1:]
database = open_database(location)
if what == "workbook":
    from gwa_desktop.services.district_overview import export_combined
    export_combined(database, Path(folder))
elif what == "overview":
    from gwa_desktop.services.district_overview import village_figures
    village_figures(database)
else:
    from gwa_desktop.services.district_checks import check_packages
    check_packages(database)
database.close()
"""

RAW_FIGURES = (
    _CONNECT
    + _GROUP_BY
    + r"""
from pathlib import Path
what, location, folder = sys.argv[1:]
connection, _mark = connect(location)
rows = grouped(connection, "raw_activities")
if what == "workbook":
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Aktivitäten je Gemeinde")
    for row in rows:
        sheet.append(list(row))
    book.save(Path(folder) / "raw.xlsx")
connection.close()
"""
)


def measure(_database: Path, scale: int) -> list[Figure]:
    """run_all's entry: the district on SQLite (and PostgreSQL when one is named), one round.

    The state of 1,000 villages takes most of an hour on the shared machine: run it
    with `--what state` on its own."""
    return district(rounds=1, backends=_backends())


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if POSTGRESQL else ["sqlite"]


def district(rounds: int, backends: Sequence[str]) -> list[Figure]:
    packages = district_packages.packages(60, DISTRICT_YEARS)
    figures = []
    for backend in backends:
        figures += suite(f"district 60 × 20 quarters, {backend}", packages, backend, rounds)
    return figures


def state(rounds: int) -> list[Figure]:
    if not POSTGRESQL:
        return []
    packages = district_packages.packages(1000, STATE_YEARS)
    return suite("state 1,000 × 4 quarters, postgresql", packages, "postgresql", rounds)


def _alternate(
    subject: tuple[str, ...], floor: tuple[str, ...], rounds: int, work: Path
) -> tuple[tuple[float, float], tuple[float, float]]:
    """`harness.alternate_processes` of two scripts (and their arguments), with the
    peaks each process measured of itself."""
    peaks = work / "peak"
    for role in ("subject", "floor"):
        Path(f"{peaks}.{role}").unlink(missing_ok=True)
    (seconds, _), (floor_seconds, _) = alternate_processes(
        python_command("-c", _script(subject[0], "subject"), *subject[1:]),
        python_command("-c", _script(floor[0], "floor"), *floor[1:]),
        rounds=rounds,
        env={**PROCESS_ENV, "GWA_BENCH_PEAK": str(peaks)},
    )

    def peak(role: str) -> float:
        kib = [int(line) for line in Path(f"{peaks}.{role}").read_text().split()]
        return statistics.median(kib) / 1024

    return (seconds, peak("subject")), (floor_seconds, peak("floor"))


def suite(label: str, packages: Sequence[Path], backend: str, rounds: int) -> list[Figure]:
    """Import, workbook, overview and checks of `packages` on one backend."""
    work = Path(tempfile.mkdtemp(prefix="gwa-district-bench-"))
    try:
        receipts, out = work / "receipts", work / "out"
        receipts.mkdir()
        out.mkdir()
        if backend == "sqlite":
            program, floor = str(work / "district.sqlite"), str(work / "raw.sqlite")
        else:
            assert POSTGRESQL is not None
            program = floor = POSTGRESQL
        folder = str(packages[0].parent)
        # The program's import runs last in an odd number of rounds, so the figures that
        # follow read the database it left.
        (seconds, peak), (floor_seconds, floor_peak) = _alternate(
            (PROGRAM_IMPORT, program, folder, str(receipts)),
            (RAW_IMPORT, floor, folder),
            rounds | 1,
            work,
        )
        size = f"{len(packages):,} packages"
        figures = [
            Figure(
                f"{label}: import of {size}",
                seconds,
                "zip + json → executemany",
                floor_seconds,
                peak,
                floor_peak,
            )
        ]
        for what, floor_what in (
            ("workbook", "raw GROUP BY + write-only openpyxl rows"),
            ("overview", "raw GROUP BY"),
            ("checks", "raw GROUP BY"),
        ):
            (seconds, peak), (floor_seconds, floor_peak) = _alternate(
                (PROGRAM_FIGURES, what, program, str(out)),
                (RAW_FIGURES, what, floor, str(out)),
                max(rounds, 3),
                work,
            )
            figures.append(
                Figure(f"{label}: {what}", seconds, floor_what, floor_seconds, peak, floor_peak)
            )
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--what", nargs="+", choices=["district", "state"], default=["district"])
    parser.add_argument("--backend", nargs="+", choices=["sqlite", "postgresql"])
    parser.add_argument("--rounds", type=int, default=1)
    arguments = parser.parse_args()
    figures: list[Figure] = []
    if "district" in arguments.what:
        figures += district(arguments.rounds, arguments.backend or _backends())
        print(markdown_table(figures), flush=True)
    if "state" in arguments.what:
        figures += state(arguments.rounds)
    print(f"\n{machine_load()}\n\n{markdown_table(figures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
