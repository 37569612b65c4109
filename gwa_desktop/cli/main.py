"""Command-line entry point `gwa`: the headless services for scripts, tests and batch work.

Examples:
    gwa count
    gwa list offers --search sprachcafé --format csv
    gwa demo
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence

from gwa_desktop.i18n import _
from gwa_desktop.paths import backups_dir, database_location
from gwa_desktop.services.activities import ACTIVITY_COLUMNS
from gwa_desktop.services.contacts import CONTACT_COLUMNS
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OFFER_COLUMNS
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.errors import StorageError

ENTITIES = {
    "contacts": ("contacts", CONTACT_COLUMNS),
    "offers": ("offers", OFFER_COLUMNS),
    "activities": ("activities", ACTIVITY_COLUMNS),
}
BATCH = 5000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gwa", description=_("GWA Desktop on the command line"))
    parser.add_argument("--database", help=_("database file or SQLAlchemy URL (default: the user data folder; or $GWA_DATABASE)"))
    commands = parser.add_subparsers(dest="command", required=True)
    count = commands.add_parser("count", help=_("count contacts, offers and activities"))
    count.add_argument("entity", nargs="?", choices=sorted(ENTITIES))
    listing = commands.add_parser("list", help=_("list contacts, offers or activities"))
    listing.add_argument("entity", choices=sorted(ENTITIES))
    listing.add_argument("--search", default="", help=_("only rows containing these words"))
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    commands.add_parser("demo", help=_("load the demo village into an empty database"))
    commands.add_parser("info", help=_("show which database is used"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        database = open_database(database_location(arguments.database), backup_dir=backups_dir())
    except StorageError as error:
        print(str(error), file=sys.stderr)
        return 2
    services = Services.on(database)
    try:
        return _run(arguments, services)
    except (StorageError, ValidationError) as error:
        print(str(error), file=sys.stderr)
        return 2
    finally:
        database.close()


def _run(arguments: argparse.Namespace, services: Services) -> int:
    if arguments.command == "count":
        entities = [arguments.entity] if arguments.entity else list(ENTITIES)
        for entity in entities:
            print(f"{entity}\t{_service(services, entity).count()}")
    elif arguments.command == "list":
        _print_rows(services, arguments.entity, arguments.search, arguments.format)
    elif arguments.command == "demo":
        from gwa_desktop.services.demo_data import load_demo_data

        print(load_demo_data(services.database))
    elif arguments.command == "info":
        print(services.database.location)
    return 0


def _service(services: Services, entity: str):
    return getattr(services, ENTITIES[entity][0])


def _print_rows(services: Services, entity: str, search: str, output: str) -> None:
    service = _service(services, entity)
    keys = ["id", *ENTITIES[entity][1]]
    query = ListQuery(text=search)
    rows = []
    offset = 0
    while batch := service.list_rows(query, offset, BATCH):
        rows.extend(row[: len(keys)] for row in batch)
        offset += len(batch)
    values = [[_plain(v) for v in row] for row in rows]
    if output == "json":
        json.dump([dict(zip(keys, row)) for row in values], sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif output == "csv":
        writer = csv.writer(sys.stdout, delimiter=";")
        writer.writerow(keys)
        writer.writerows(values)
    else:
        for row in values:
            print("\t".join("" if v is None else str(v) for v in row))


def _plain(value):
    """JSON- and CSV-friendly form of enum members, dates and times."""
    if value is None or isinstance(value, (int, float, str)):
        return value.value if hasattr(value, "value") else value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


if __name__ == "__main__":
    sys.exit(main())
