"""Command-line entry point `gwa`: the headless services for scripts, tests and batch work.

Each command group lives in its own module with a `register(subparsers)` function that
sets a `handler(arguments, services) -> exit code` default.

Examples:
    gwa count
    gwa list offers --search sprachcafé --format csv
    gwa demo
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from gwa_desktop.cli import exchange_commands, listing_commands, print_commands
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.paths import backups_dir, database_location
from gwa_desktop.services.backup import integrity_problems, tidy_data_folders
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.errors import DamagedDatabaseError, NotADatabaseError, StorageError

COMMAND_MODULES = (listing_commands, exchange_commands, print_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gwa", description=_("GWA Desktop on the command line"))
    parser.add_argument("--database", help=_("database file or SQLAlchemy URL (default: the user data folder; or $GWA_DATABASE)"))
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    location = database_location(arguments.database)
    unopenable = getattr(arguments, "when_unopenable", None)
    tidy_data_folders(location)
    try:
        database = open_database(location, backup_dir=backups_dir())
    except StorageError as error:
        if unopenable is not None and isinstance(error, NotADatabaseError) and "://" not in location:
            return unopenable(arguments, Path(location))
        print(str(error), file=sys.stderr)
        return 2
    # The check the window runs at start: no command works on a damaged file, except
    # the restore that replaces it.
    problems = integrity_problems(database)
    if problems:
        database.close()
        if unopenable is not None and "://" not in location:
            return unopenable(arguments, Path(location))
        print(str(DamagedDatabaseError(location, problems)), file=sys.stderr)
        return 2
    try:
        return arguments.handler(arguments, Services.on(database))
    except (StorageError, ValidationError, ExchangeError) as error:
        print(str(error), file=sys.stderr)
        return 2
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())
