"""`gwa list`, `gwa demo`, `gwa info`: look into the database from scripts."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.csv_export import csv_text, spreadsheet_csv
from gwa_desktop.exchange.errors import WriteError
from gwa_desktop.i18n import _
from gwa_desktop.services.list_export import list_table, subtitle_of, title_of, workbook_bytes
from gwa_desktop.services.list_table import ENTITY_COLUMNS, headings, labelled_row
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.periods import PERIODS
from gwa_desktop.services.registry import Services

ENTITIES = ENTITY_COLUMNS
BATCH = 5000


def register(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser("list", help=_("list contacts, offers or activities"))
    listing.add_argument("entity", choices=sorted(ENTITIES))
    listing.add_argument(
        "--search", default="", type=typed_text, help=_("only rows containing these words")
    )
    listing.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx"),
        default="table",
        help=_(
            "csv: for Excel (UTF-8 with BOM, semicolons, decimal comma, column names and "
            "values in the program's language)"
        ),
    )
    listing.add_argument(
        "--out",
        type=Path,
        help=_("with --format xlsx: the workbook to write (the same as the window's export)"),
    )
    listing.add_argument(
        "--codes",
        action="store_true",
        help=_("with --format csv: for scripts, the stored codes and ISO dates, UTF-8 without BOM"),
    )
    listing.add_argument(
        "--period",
        choices=[key for key, _label in PERIODS],
        help=_("activities only: the period, counted as in the activities list"),
    )
    listing.add_argument(
        "--role",
        choices=[role.value for role in ContactRole],
        help=_("contacts only: those with this role (among their roles)"),
    )
    listing.set_defaults(handler=run_list, reads_only=True)
    commands.add_parser(
        "demo", help=_("load the demo village into an empty database")
    ).set_defaults(handler=run_demo)
    commands.add_parser("info", help=_("show which database is used")).set_defaults(
        handler=run_info, reads_only=True
    )


def run_list(arguments: argparse.Namespace, services: Services) -> int:
    service = getattr(services, arguments.entity)
    keys = ["id", *ENTITIES[arguments.entity]]
    filters = (
        {"period": arguments.period}
        if arguments.entity == "activities" and arguments.period != "all"
        else {}
    )
    if arguments.entity == "contacts" and arguments.role:
        filters["role"] = ContactRole(arguments.role)
    query = ListQuery(text=arguments.search, filters=filters)
    if arguments.format == "xlsx":
        return _write_workbook(arguments, service, query)
    fetched: list[tuple] = []
    while batch := service.list_rows(query, len(fetched), BATCH):
        fetched.extend(batch)
    rows = [[_plain(v) for v in row[: len(keys)]] for row in fetched]
    if arguments.format == "json":
        json.dump([dict(zip(keys, row)) for row in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif arguments.format == "csv" and not arguments.codes:
        # For German Excel, which opens a double-clicked CSV with ';' and needs the BOM to read UTF-8.
        content = spreadsheet_csv(
            headings(arguments.entity), (labelled_row(arguments.entity, row) for row in fetched)
        )
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    elif arguments.format == "csv":
        writer = csv.writer(sys.stdout, delimiter=";")
        writer.writerow(keys)
        writer.writerows([csv_text(v) if isinstance(v, str) else v for v in row] for row in rows)
    else:
        for row in rows:
            print("\t".join("" if v is None else str(v) for v in row))
    return 0


def _write_workbook(arguments: argparse.Namespace, service, query: ListQuery) -> int:
    if arguments.out is None:
        print(_("--format xlsx needs --out FILE"), file=sys.stderr)
        return 2
    table = list_table(arguments.entity, service, query)
    conditions = [_("Search “{text}”").format(text=arguments.search)] if arguments.search else []
    if "role" in query.filters:
        conditions.append(query.filters["role"].label)
    if arguments.period and arguments.entity == "activities":
        conditions.append(_(dict(PERIODS)[arguments.period]))
    content = workbook_bytes(table, title_of(arguments.entity), subtitle_of(conditions))
    try:
        write_bytes_atomically(arguments.out, content)
    except WriteError as error:
        print(error, file=sys.stderr)
        return 1
    if table.personal:
        print(
            _("The file contains personal data; keep it safe and delete it when you are done."),
            file=sys.stderr,
        )
    print(_("{count} rows written to {path}").format(count=len(table.rows), path=arguments.out))
    return 0


def run_demo(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.demo_data import load_demo_data

    print(load_demo_data(services.database))
    return 0


def run_info(arguments: argparse.Namespace, services: Services) -> int:
    print(services.database.location)
    return 0


def typed_text(value: str) -> str:
    """An argument as text, refused with a message when it is not valid Unicode.

    Python hands bytes that are not UTF-8 (a terminal set to Latin-1, a script in another
    encoding) over as lone surrogates, which no database driver can encode.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            _(
                "the text contains bytes that are not valid UTF-8 (is the terminal set to another encoding?). "
                "Type it again in a UTF-8 terminal or leave out the special characters."
            )
        ) from None
    return value


def _plain(value):
    """JSON- and CSV-friendly form of enum members, dates and times."""
    if value is None or isinstance(value, (int, float, str)):
        return value.value if hasattr(value, "value") else value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
