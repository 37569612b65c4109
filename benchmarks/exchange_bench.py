"""The USB exchange against raw writers: district export, merge of 20 packages, yearly figures.

Floors, measured in turns with the program in the same run:

- export (whole history, one year): `gwa export district` as a whole process against a
  process that reads the same rows with sqlite3 and writes the same JSON and CSV members,
  the month figures and a checksum list into a zip with the standard library (no
  workbook, no anonymisation, no signature: what any package writer has to do at least);
- merge: a fresh district database importing 20 one-year packages of 20 villages and
  writing the combined workbook, against a process that reads the same 20 zips, inserts
  the activities with sqlite3 executemany and runs the GROUP BY for the combined figures;
- yearly figures: the figures of the whole history (months by kind, participants,
  hours, languages) as the program computes them, against the same two GROUP BYs
  (months by kind, languages) run with sqlite3 on the same file, in this process.

Peak memory is the peak resident set of each whole process (`harness.alternate_processes`,
from wait4's ru_maxrss), so every figure has its own peak.

    .venv/bin/python benchmarks/exchange_bench.py --scale 1       # this suite alone
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import (
    CACHE,
    Figure,
    alternate,
    alternate_processes,
    bench_database,
    machine_load,
    markdown_table,
    python_command,
)

PACKAGES = 20
#: Runs the rest of the command line after removing the database file named first.
FRESH = ["sh", "-c", 'rm -f "$1" "$1-wal" "$1-shm"; shift; exec "$@"', "fresh"]
ROUNDS = 3

#: The floor of an export: sqlite3 rows, json, csv and zipfile, nothing of the program.
RAW_EXPORT = r"""
import csv, hashlib, io, json, sqlite3, sys, zipfile
database, start, end, target = sys.argv[1:5]
connection = sqlite3.connect(database)
counts = ("participants_total", "participants_women", "participants_men", "participants_diverse",
          "age_under_18", "age_18_26", "age_27_64", "age_65_plus", "newcomers", "regulars",
          "volunteers_count")
offers = [dict(zip(("title", "category", "status", "recurrence", "start_date", "end_date",
                    "place_name", "city"), row))
          for row in connection.execute(
              "SELECT t.title, o.category, o.status, o.recurrence, o.start_date, o.end_date, "
              "o.place_name, o.city FROM offers o LEFT JOIN offer_texts t "
              "ON t.offer_id = o.id AND t.language = 'de' WHERE o.start_date <= ?", (end,))]
languages = {}
for activity_id, code in connection.execute(
        "SELECT l.activity_id, l.code FROM activity_languages l JOIN activities a "
        "ON a.id = l.activity_id WHERE a.occurred_on BETWEEN ? AND ? "
        "ORDER BY l.activity_id, l.position", (start, end)):
    languages.setdefault(activity_id, []).append(code)
rows = connection.execute(
    "SELECT a.id, a.occurred_on, a.kind, t.title, a.volunteer_hours, "
    + ", ".join("a." + key for key in counts)
    + " FROM activities a LEFT JOIN offer_texts t ON t.offer_id = a.offer_id AND t.language = 'de' "
    "WHERE a.occurred_on BETWEEN ? AND ? ORDER BY a.occurred_on, a.id", (start, end))
sums = {}
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
    digests = {}
    text = io.StringIO()
    table = csv.writer(text, delimiter=";", lineterminator="\r\n")
    parts = []
    for activity_id, day, kind, offer, hours, *values in rows:
        record = {"occurred_on": day, "kind": kind, "title": kind, "offer": offer or "",
                  **dict(zip(counts, values)), "volunteer_hours": float(hours or 0),
                  "languages": languages.get(activity_id, [])}
        parts.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        table.writerow([day, kind, kind, offer or "", *values, hours, ",".join(record["languages"])])
    for name, content in (
        ("data/activities.json", ("[" + ",".join(parts) + "]").encode()),
        ("data/offers.json", json.dumps(offers, ensure_ascii=False).encode()),
        ("csv/aktivitaeten.csv", text.getvalue().encode("utf-8-sig")),
    ):
        digests[name] = hashlib.sha256(content).hexdigest()
        archive.writestr(name, content)
    months = connection.execute(
        "SELECT substr(occurred_on, 1, 7), kind, COUNT(*), SUM(participants_total), "
        "SUM(volunteers_count), SUM(volunteer_hours) FROM activities "
        "WHERE occurred_on BETWEEN ? AND ? GROUP BY 1, 2", (start, end)).fetchall()
    monthly = "\r\n".join(";".join(str(v) for v in row) for row in months).encode("utf-8-sig")
    digests["csv/monate.csv"] = hashlib.sha256(monthly).hexdigest()
    archive.writestr("csv/monate.csv", monthly)
    archive.writestr("manifest.json", json.dumps(digests))
"""

#: The program's export as a whole process: the command a script or the clerk's tools run.
PROGRAM_EXPORT = (
    "import sys; from gwa_desktop.cli.main import main; "
    "sys.argv[0] = 'gwa'; raise SystemExit(main())"
)

#: The floor of a merge: read the zips, insert the activities, GROUP BY for the combined figures.
RAW_MERGE = r"""
import json, sqlite3, sys, zipfile
target, *packages = sys.argv[1:]
connection = sqlite3.connect(target)
counts = ("participants_total", "participants_women", "participants_men", "participants_diverse",
          "age_under_18", "age_18_26", "age_27_64", "age_65_plus", "newcomers", "regulars",
          "volunteers_count")
columns = ("package_id", "occurred_on", "kind", "title", "offer", *counts, "volunteer_hours",
           "languages")
connection.execute(f"CREATE TABLE activities (id INTEGER PRIMARY KEY, {', '.join(columns)})")
for number, path in enumerate(packages):
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("data/activities.json"))
    connection.executemany(
        f"INSERT INTO activities ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [(number, r["occurred_on"], r["kind"], r["title"], r["offer"], *(r[k] for k in counts),
          r["volunteer_hours"], ",".join(r["languages"])) for r in records])
connection.commit()
figures = connection.execute(
    "SELECT package_id, substr(occurred_on, 1, 7), kind, COUNT(*), "
    + ", ".join(f"SUM({key})" for key in counts)
    + ", SUM(volunteer_hours) FROM activities GROUP BY 1, 2, 3").fetchall()
languages = connection.execute(
    "SELECT package_id, languages, COUNT(*) FROM activities GROUP BY 1, 2").fetchall()
print(len(figures), len(languages))
"""

#: The program's merge: a new district database, the imports, the combined workbook.
PROGRAM_MERGE = r"""
import sys
from pathlib import Path
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.services.district_overview import export_combined
from gwa_desktop.storage.database import open_database
target, folder, *packages = sys.argv[1:]
database = open_database(target)
results = import_packages(database, [Path(p) for p in packages], receipts=Path(folder))
refused = [r.message for r in results if r.refused]
if refused:
    raise SystemExit("\n".join(refused))
export_combined(database, Path(folder))
database.close()
"""

#: The figures in raw SQL: the same GROUP BY over year, month and kind (breakdowns only of
#: groups of five or more, as the records that leave carry them) and the language counts.
RAW_MONTHS = (
    "SELECT CAST(strftime('%Y', occurred_on) AS INTEGER), "
    "CAST(strftime('%m', occurred_on) AS INTEGER), kind, COUNT(*), SUM(participants_total), "
    + ", ".join(
        f"SUM(CASE WHEN participants_total >= 5 THEN {key} END)"
        for key in (
            "participants_women",
            "participants_men",
            "participants_diverse",
            "age_under_18",
            "age_18_26",
            "age_27_64",
            "age_65_plus",
            "newcomers",
            "regulars",
        )
    )
    + ", SUM(volunteers_count), SUM(volunteer_hours) FROM activities "
    "WHERE occurred_on >= ? AND occurred_on <= ? GROUP BY 1, 2, 3"
)
RAW_LANGUAGES = (
    "SELECT l.code, COUNT(*) FROM activity_languages l JOIN activities a ON a.id = l.activity_id "
    "WHERE a.occurred_on >= ? AND a.occurred_on <= ? AND a.participants_total >= 5 GROUP BY l.code"
)


def measure(database: Path, scale: int) -> list[Figure]:
    work = Path(tempfile.mkdtemp(prefix="gwa-exchange-bench-"))
    try:
        village = work / "village.sqlite"
        shutil.copyfile(database, village)
        _name_village(village, "Gemeinde Benchdorf")
        history, year = _periods(village)
        figures = [
            _export(village, history, f"district export, whole history ({scale}×)", work),
            _export(village, year, f"district export, one year ({scale}×)", work),
            _merge(village, year, scale, work),
            _yearly(village, history, scale),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def _name_village(path: Path, name: str) -> None:
    from gwa_desktop.domain.municipality import MunicipalityData
    from gwa_desktop.services.settings import SettingsService
    from gwa_desktop.storage.database import open_database

    database = open_database(str(path))
    try:
        SettingsService(database).save(MunicipalityData(name=name, district="Landkreis Test"))
    finally:
        database.close()


def _as_new_installation(path: Path) -> None:
    """Forget the village's installation id, key and exports: its next package is a new village's."""
    with closing(sqlite3.connect(path)) as connection, connection:
        for table in ("installation_identity", "installation_keys", "exported_packages"):
            connection.execute(f"DELETE FROM {table}")


def _periods(path: Path) -> tuple[tuple[str, str], tuple[str, str]]:
    """The whole history up to today (the program counts nothing later) and the last full year."""
    with sqlite3.connect(path) as connection:
        first = connection.execute("SELECT MIN(occurred_on) FROM activities").fetchone()[0]
    today = date.today()
    last_year = today.year - 1
    return (first, today.isoformat()), (f"{last_year}-01-01", f"{last_year}-12-31")


def _export(village: Path, period: tuple[str, str], what: str, work: Path) -> Figure:
    out = work / "export"
    out.mkdir(exist_ok=True)
    (seconds, peak), (floor, floor_peak) = alternate_processes(
        python_command(
            "-c",
            PROGRAM_EXPORT,
            "--database",
            str(village),
            "export",
            "district",
            "--from",
            period[0],
            "--to",
            period[1],
            "--out",
            str(out),
        ),
        python_command("-c", RAW_EXPORT, str(village), *period, str(work / "raw.zip")),
        rounds=ROUNDS,
    )
    return Figure(what, seconds, "sqlite3 rows → json/csv → zipfile", floor, peak, floor_peak)


def _merge(village: Path, year: tuple[str, str], scale: int, work: Path) -> Figure:
    packages = _village_packages(village, year, scale)
    district, raw = work / "district.sqlite", work / "raw-district.sqlite"
    receipts = work / "receipts"
    receipts.mkdir(exist_ok=True)

    def fresh(*paths: Path) -> None:
        for path in paths:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    program = python_command("-c", PROGRAM_MERGE, str(district), str(receipts), *map(str, packages))
    raw_merge = python_command("-c", RAW_MERGE, str(raw), *map(str, packages))
    (seconds, peak), (floor, floor_peak) = alternate_processes(
        [*FRESH, str(district), *program],
        [*FRESH, str(raw), *raw_merge],
        rounds=ROUNDS,
    )
    fresh(district, raw)
    return Figure(
        f"merge of {PACKAGES} one-year packages ({scale}×)",
        seconds,
        "zipfile + json → sqlite3 inserts + GROUP BY",
        floor,
        peak,
        floor_peak,
    )


def _village_packages(village: Path, year: tuple[str, str], scale: int) -> list[Path]:
    """20 one-year packages of 20 villages, made once per scale and kept in the cache.

    The package format does not change with this work, so the same files serve the
    measurements before and after it."""
    folder = CACHE / f"exchange-packages-scale{scale}-{year[0][:4]}"
    done = folder / "complete"
    if done.exists():
        return sorted(folder.glob("*.zip"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    from gwa_desktop.exchange.records import Period
    from gwa_desktop.services.district_export import export_district
    from gwa_desktop.storage.database import open_database

    for number in range(PACKAGES):
        _as_new_installation(village)  # each package another village's, not one renamed
        _name_village(village, f"Gemeinde {number + 1:02d}")
        database = open_database(str(village))
        try:
            export_district(
                database, Period(date.fromisoformat(year[0]), date.fromisoformat(year[1])), folder
            )
        finally:
            database.close()
    _name_village(village, "Gemeinde Benchdorf")
    done.write_text("")
    return sorted(folder.glob("*.zip"))


def _yearly(village: Path, history: tuple[str, str], scale: int) -> Figure:
    from gwa_desktop.exchange.records import Period
    from gwa_desktop.storage.database import open_database

    period = Period(date.fromisoformat(history[0]), date.fromisoformat(history[1]))
    database = open_database(str(village))
    raw = sqlite3.connect(village)
    try:
        program = _program_figures(database, period)
        program()

        def floor_figures() -> None:
            raw.execute(RAW_MONTHS, history).fetchall()
            raw.execute(RAW_LANGUAGES, history).fetchall()

        seconds, floor = alternate(program, floor_figures, rounds=7)
    finally:
        raw.close()
        database.close()
    return Figure(
        f"figures of the whole history by month and kind ({scale}×)",
        seconds,
        "the same two GROUP BYs in raw sqlite3",
        floor,
    )


def _program_figures(database, period):  # type: ignore[no-untyped-def]
    """How the program computes the figures of a period (the export's and the overview's)."""
    try:
        from gwa_desktop.services.district_figures import period_figures
    except ImportError:  # before this work: the records of the period, then `compute`
        from gwa_desktop.exchange.summary import compute
        from gwa_desktop.services.district_collect import collect

        def before() -> object:
            data = collect(database, period)
            return compute(data.offers, data.activities)

        return before
    return lambda: period_figures(database, period)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1])
    arguments = parser.parse_args()
    for scale in arguments.scale:
        figures = measure(bench_database(scale), scale)
        print(
            f"### {scale}× the data ({machine_load()})\n\n{markdown_table(figures)}\n", flush=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
