"""Command-line entry point `gwa`: the headless services for scripts, tests and batch work.

Each command group lives in its own module with a `register(subparsers)` function that
sets a `handler(arguments, services) -> exit code` default, and `reads_only=True` for a
command that only reads the database and writes no file from it (see `run`). A `gwa`
run imports only the module of the command it runs (`COMMAND_OWNERS`; `gwa --help` and a
mistyped command import them all), and a command module imports the heavy libraries of
its commands (PDF, spreadsheet, zip, calendar) inside the handlers: `gwa count` loads
none of them.

Examples:
    gwa count
    gwa list offers --search sprachcafé --format csv
    gwa demo
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.logbook import start_logging
from gwa_desktop.paths import (
    DataFolderError,
    backups_dir,
    database_location,
    portable_help,
    start_portable,
)
from gwa_desktop.services.backup import integrity_problems, tidy_data_folders
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.errors import DamagedDatabaseError, NotADatabaseError, StorageError

#: The command modules, in the order of `gwa --help`. Each is imported when its command
#: runs (see `_modules_for`), so that `gwa count` does not import the stacks of the rest.
COMMAND_MODULES = (
    "count_commands",
    "listing_commands",
    "schedule_commands",
    "calendar_commands",
    "series_commands",
    "exchange_commands",
    "print_commands",
    "maintenance_commands",
    "quality_commands",
    "public_contact_commands",
    "programme_commands",
    "report_commands",
    "profile_commands",
    "volunteer_commands",
    "disclosure_commands",
    "duplicate_commands",
    "privacy_commands",
    "district_commands",
)
#: Which module registers which command. A command missing here still runs (the parser
#: is then built from every module, only slower); tests/test_cli_commands.py checks it.
COMMAND_OWNERS = {
    "count": "count_commands",
    "demo": "listing_commands",
    "info": "listing_commands",
    "list": "listing_commands",
    "agenda": "schedule_commands",
    "dates": "schedule_commands",
    "holidays": "schedule_commands",
    "calendar": "calendar_commands",
    "series": "series_commands",
    "backup": "exchange_commands",
    "export": "exchange_commands",
    "fingerprint": "exchange_commands",
    "import": "exchange_commands",
    "restore": "exchange_commands",
    "print": "print_commands",
    "reindex": "maintenance_commands",
    "quality": "quality_commands",
    "public-contact": "public_contact_commands",
    "programme": "programme_commands",
    "report": "report_commands",
    "profile": "profile_commands",
    "certificate": "volunteer_commands",
    "volunteers": "volunteer_commands",
    "threshold": "disclosure_commands",
    "duplicates": "duplicate_commands",
    "merge-contacts": "duplicate_commands",
    "merge-log": "duplicate_commands",
    "not-duplicate": "duplicate_commands",
    "consent-form": "privacy_commands",
    "erase": "privacy_commands",
    "erasure-log": "privacy_commands",
    "information": "privacy_commands",
    "processing-record": "privacy_commands",
    "retention": "privacy_commands",
    "retention-period": "privacy_commands",
    "district": "district_commands",
}
#: The options of `gwa` itself (before the command) that take a value.
_VALUE_OPTIONS = ("--database",)
#: Exit code of an unforeseen failure (a bug); 1 and 2 are the commands' own refusals.
UNEXPECTED_ERROR = 3

log = logging.getLogger(__name__)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: with its command's module only when that command is known."""
    parser = argparse.ArgumentParser(prog="gwa", description=_("GWA Desktop on the command line"))
    parser.add_argument(
        "--database",
        help=_("database file or SQLAlchemy URL (default: the user data folder; or $GWA_DATABASE)"),
    )
    parser.add_argument("--portable", action="store_true", help=portable_help())
    commands = parser.add_subparsers(dest="command", required=True)
    for name in _modules_for(sys.argv[1:] if argv is None else argv):
        importlib.import_module(f"gwa_desktop.cli.{name}").register(commands)
    return parser


def _modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules to register: the chosen command's, or all of them.

    The command is the first word that is neither an option of `gwa` nor its value;
    without one (`gwa --help`) or with an unknown one (argparse then lists the choices),
    every module is needed.
    """
    words = iter(argv)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            owner = COMMAND_OWNERS.get(word)
            return (owner,) if owner is not None else COMMAND_MODULES
    return COMMAND_MODULES


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser(argv).parse_args(argv)
    try:
        start_portable(arguments.portable)
    except DataFolderError as error:
        print(str(error), file=sys.stderr)
        return 2
    log_file = start_logging(console=False, program="gwa")
    try:
        return run(arguments)
    except DataFolderError as error:
        print(str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `gwa list … | head`: the reader has all it wanted; not a failure.
        _silence_stdout()
        return 0
    except Exception as error:
        log.exception("unexpected error in 'gwa %s'", arguments.command)
        where = (
            str(log_file)
            if log_file is not None
            else _("(no log file: the data folder cannot be reached)")
        )
        print(
            _(
                "Unexpected error ({kind}); the command was not completed. Details for your support are in the log "
                "file {path}"
            ).format(kind=type(error).__name__, path=where),
            file=sys.stderr,
        )
        return UNEXPECTED_ERROR


def _silence_stdout() -> None:
    """Point stdout at devnull so Python's flush at exit does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run(arguments: argparse.Namespace) -> int:
    """Open the database and run the chosen command; foreseen failures become messages."""
    location = database_location(arguments.database)
    unopenable = getattr(arguments, "when_unopenable", None)
    tidy_data_folders(location)
    # A command may first try a light way (`quick_run`: `gwa count` on an up-to-date
    # file, without SQLAlchemy); None from it means the full open below is needed.
    quick_run = getattr(arguments, "quick_run", None)
    if quick_run is not None and (code := quick_run(arguments, location)) is not None:
        return code
    from gwa_desktop.services.registry import Services
    from gwa_desktop.services.reindex import ensure_current
    from gwa_desktop.storage.database import open_database

    try:
        database = open_database(location, backup_dir=backups_dir())
    except StorageError as error:
        if (
            unopenable is not None
            and isinstance(error, NotADatabaseError)
            and "://" not in location
        ):
            return unopenable(arguments, Path(location))
        print(str(error), file=sys.stderr)
        return 2
    # The check the window runs at start: no command that writes to the database or
    # carries its content into a file (a backup, a package, a PDF) works on a damaged
    # one, except the restore that replaces it. The quick check reads every page (a
    # third of a second for 35 MiB, most of a `gwa count`), so commands that only read
    # and print skip it: SQLite reports a damaged page they read ("malformed"), which
    # becomes the same message, and they change nothing.
    # A command that names the tables it reads (`checked_tables`: the prints) has only
    # those checked, not the activities that make up most of the file.
    problems = (
        []
        if getattr(arguments, "reads_only", False)
        else integrity_problems(database, getattr(arguments, "checked_tables", None))
    )
    if problems:
        database.close()
        if unopenable is not None and "://" not in location:
            return unopenable(arguments, Path(location))
        print(str(DamagedDatabaseError(location, problems)), file=sys.stderr)
        return 2
    try:
        ensure_current(database)
        return arguments.handler(arguments, Services.on(database))
    except (StorageError, ValidationError, ExchangeError) as error:
        print(str(error), file=sys.stderr)
        return 2
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())
