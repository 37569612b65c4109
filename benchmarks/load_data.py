"""Create (or migrate) a database and fill it with invented bulk data for list_speed.py.

    .venv/bin/python benchmarks/load_data.py --database /tmp/gwa-bench.sqlite --replace

The rows are written with executemany in one transaction (see
gwa_desktop.services.demo_data.generate_bulk_data), not through the services.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from gwa_desktop.services.demo_data import generate_bulk_data
from gwa_desktop.storage.database import open_database


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="SQLite file (created if missing)")
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="delete an existing file first")
    return parser.parse_args()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    arguments = parse_arguments()
    path = Path(arguments.database).expanduser().resolve()
    if arguments.replace:
        remove_database(path)
    started = time.perf_counter()
    database = open_database(str(path))
    migrated = time.perf_counter()
    try:
        summary = generate_bulk_data(
            database, arguments.contacts, arguments.activities, arguments.offers, arguments.seed
        )
        filled = time.perf_counter()
    finally:
        database.close()
    rows = summary.contacts + summary.offers + summary.activities
    print(f"database        {path}")
    print(f"open + migrate  {(migrated - started) * 1000:8.0f} ms")
    print(
        f"bulk insert     {(filled - migrated) * 1000:8.0f} ms  ({rows / (filled - migrated):,.0f} main rows/s)"
    )
    print(f"contacts        {summary.contacts:8,}")
    print(f"offers          {summary.offers:8,}")
    print(f"activities      {summary.activities:8,}")
    print(f"file size       {path.stat().st_size / 1_048_576:8.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
