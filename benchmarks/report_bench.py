"""The dashboard's figures and the yearly report for funders against raw SQL and a raw writer.

Floors, measured in turns with the program in the same run and process:

- dashboard (one year, whole history): `report_figures.figures` as the dashboard calls
  it, against the same GROUP BY statements (months by kind with every headcount sum,
  activity languages, offers per category, target group and language, sessions per
  offer in the period and the one before) run with sqlite3 on the same file;
- dashboard of a programme: the same with the programme's scope (half the offers);
- yearly report (PDF, XLSX): `report_files.write_report` against those raw queries
  plus a ReportLab canvas that writes as many table lines as the report has, in
  Helvetica without shaping, charts or suppression (what any writer has to do at least).

Targets of issue 14: dashboard under 300 ms, report under 3 s, over 100,000 activities.

    .venv/bin/python benchmarks/report_bench.py --scale 1
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import Figure, alternate, bench_database, machine_load, markdown_table

from gwa_desktop.domain.programme import ProgrammeData
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.programmes import ProgrammeService, programme_scope
from gwa_desktop.services.report_figures import EVERYTHING, Scope, earlier_period, figures
from gwa_desktop.services.report_files import write_report
from gwa_desktop.storage.database import Database, open_database

ROUNDS = 5
SUMS = ", ".join(
    f"sum({key})"
    for key in (
        "participants_total",
        "participants_women",
        "participants_men",
        "participants_diverse",
        "age_under_18",
        "age_18_26",
        "age_27_64",
        "age_65_plus",
        "newcomers",
        "regulars",
        "volunteers_count",
        "volunteer_hours",
    )
)
RUNNING = "start_date <= :last AND (end_date IS NULL OR end_date >= :first) AND status <> 'planned'"
RAW = [
    "SELECT strftime('%Y', occurred_on), strftime('%m', occurred_on), kind, count(*), "
    f"{SUMS} FROM activities WHERE occurred_on BETWEEN :first AND :last GROUP BY 1, 2, 3",
    "SELECT code, count(*) FROM activity_languages JOIN activities ON id = activity_id "
    "WHERE occurred_on BETWEEN :first AND :last GROUP BY code",
    f"SELECT count(*) FROM offers WHERE {RUNNING}",
    f"SELECT category, count(*) FROM offers WHERE {RUNNING} GROUP BY category",
    'SELECT "group", count(*) FROM offer_target_groups JOIN offers ON id = offer_id '
    f"WHERE {RUNNING} GROUP BY 1",
    "SELECT code, count(*) FROM offer_languages JOIN offers ON id = offer_id "
    f"WHERE {RUNNING} GROUP BY 1",
    "SELECT offer_id, count(*), sum(participants_total) FROM activities "
    "WHERE occurred_on BETWEEN :first AND :last AND offer_id IS NOT NULL GROUP BY offer_id",
    "SELECT offer_id, count(*), sum(participants_total) FROM activities "
    "WHERE occurred_on BETWEEN :before AND :first_before AND offer_id IS NOT NULL "
    "GROUP BY offer_id",
    "SELECT o.id, o.category, t.title FROM offers o LEFT JOIN offer_texts t "
    "ON t.offer_id = o.id AND t.language = 'de'",
]


def raw_figures(path: Path, period: Period) -> int:
    """The dashboard's statements in sqlite3; returns the rows read."""
    before = earlier_period(period)
    params = {
        "first": period.start.isoformat(),
        "last": min(period.end, date.today()).isoformat(),
        "before": before.start.isoformat(),
        "first_before": before.end.isoformat(),
    }
    connection = sqlite3.connect(path)
    try:
        return sum(len(connection.execute(statement, params).fetchall()) for statement in RAW)
    finally:
        connection.close()


def raw_report(path: Path, period: Period, lines: int, target: Path) -> None:
    """The raw queries and a plain ReportLab canvas with `lines` lines of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    raw_figures(path, period)
    canvas = Canvas(str(target), pagesize=A4)
    y = A4[1] - 50
    for number in range(lines):
        if y < 60:
            canvas.showPage()
            y = A4[1] - 50
        canvas.drawString(50, y, f"Zeile {number}   {number * 7}   {number * 3}")
        y -= 14
    canvas.save()


def report_lines(database: Database, period: Period) -> int:
    """How many table lines the report prints (months, offers, languages, ...)."""
    result = figures(database, period)
    return (
        4 * len(result.months)
        + len(result.sessions)
        + len(result.offers_by_language)
        + len(result.activities_by_language)
        + 40
    )


def _dashboard(database: Database, path: Path, period: Period, scope: Scope, what: str) -> Figure:
    seconds, floor = alternate(
        lambda: figures(database, period, scope),
        lambda: raw_figures(path, period),
        ROUNDS,
    )
    return Figure(what, seconds, "the same GROUP BYs in sqlite3", floor)


def _report(database: Database, path: Path, period: Period, suffix: str, work: Path) -> Figure:
    lines = report_lines(database, period)
    target, floor_target = work / f"bericht{suffix}", work / "roh.pdf"
    seconds, floor = alternate(
        lambda: write_report(database, period, target),
        lambda: raw_report(path, period, lines, floor_target),
        3,
    )
    return Figure(
        f"yearly report {suffix[1:].upper()}",
        seconds,
        f"raw SQL + plain canvas, {lines} lines",
        floor,
    )


def measure(database_path: Path, scale: int) -> list[Figure]:
    work = Path(tempfile.mkdtemp(prefix="gwa-report-bench-"))
    try:
        path = work / "village.sqlite"
        shutil.copyfile(database_path, path)
        database = open_database(str(path))
        try:
            connection = sqlite3.connect(path)
            first, last, count = connection.execute(
                "SELECT min(occurred_on), max(occurred_on), count(*) FROM activities"
            ).fetchone()
            offer_ids = [row[0] for row in connection.execute("SELECT id FROM offers")]
            connection.close()
            year_number = date.fromisoformat(last).year - 1
            year = Period(date(year_number, 1, 1), date(year_number, 12, 31))
            history = Period(date.fromisoformat(first), date.fromisoformat(last))
            programme_id = ProgrammeService(database).create(
                ProgrammeData("Bench", history.start, history.end, offer_ids=offer_ids[::2])
            )
            tag = f"({count:,} activities; {scale}×)".replace(",", ".")
            return [
                _dashboard(database, path, year, EVERYTHING, f"dashboard, one year {tag}"),
                _dashboard(database, path, history, EVERYTHING, f"dashboard, whole history {tag}"),
                _dashboard(
                    database,
                    path,
                    year,
                    programme_scope(programme_id),
                    f"dashboard, one year of a programme {tag}",
                ),
                _report(database, path, year, ".pdf", work),
                _report(database, path, year, ".xlsx", work),
            ]
        finally:
            database.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    arguments = parser.parse_args()
    results = measure(bench_database(arguments.scale), arguments.scale)
    print(f"{machine_load()}\n\n{markdown_table(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
