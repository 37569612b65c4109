"""Duplicate detection over the bulk contacts, beside the raw SELECT of the same columns.

    .venv/bin/python benchmarks/duplicates_bench.py                 # 1x: 10,000 contacts
    .venv/bin/python benchmarks/run_all.py --scale 1 2 --only duplicates

The subject is `services.duplicates.contact_pairs` at the default threshold: reading
the contacts, folding the names, blocking and scoring every candidate pair. The floor
is the SELECT of the same columns with the standard library's sqlite3 on the same file,
so the ratio says what the detection costs beyond reading what it must read. The bulk
data are a harsh case: 9,000 persons share about 1,000 invented names, so the 1x run
lists some 70,000 pairs (a real village has a handful).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import Figure, alternate, bench_database, machine_load, markdown_table

from gwa_desktop.services.duplicates import contact_pairs
from gwa_desktop.storage.database import open_database

FLOOR_SQL = "SELECT id, kind, name, email, phone, street, postal_code FROM contacts"


def measure(database: Path, scale: int) -> list[Figure]:
    opened = open_database(str(database))
    raw = sqlite3.connect(database)
    found: list[int] = []
    try:
        contacts = raw.execute("SELECT count(*) FROM contacts").fetchone()[0]
        seconds, floor = alternate(
            lambda: found.append(len(contact_pairs(opened))),
            lambda: raw.execute(FLOOR_SQL).fetchall(),
        )
    finally:
        raw.close()
        opened.close()
    return [
        Figure(
            f"duplicates, {contacts:,} contacts ({found[-1]:,} pairs)",
            seconds,
            "SELECT of the same columns",
            floor,
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="a bulk database (default: the cached 1x one)")
    parser.add_argument("--scale", type=int, default=1)
    arguments = parser.parse_args()
    database = Path(arguments.database) if arguments.database else bench_database(arguments.scale)
    figures = measure(database, arguments.scale)
    print(machine_load())
    print(markdown_table(figures))
    for figure in figures:
        print(
            f"{figure.what}: {figure.seconds:.3f} s, floor {figure.floor_seconds * 1000:.1f} ms, ratio {figure.ratio:.1f}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
