"""`gwa district completeness|reminders|municipalities` and `gwa print reminders`.

Who has reported which period, the reporting rate, the reminder list as PDF, and the
list of municipalities the district expects packages from. `--on` computes as if today
were that day: for a reminder list as of a quarter's deadline, and for tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.reporting_cycles import CYCLE_LABELS, ReportingCycle

if TYPE_CHECKING:
    from gwa_desktop.services.completeness import Completeness
    from gwa_desktop.services.district_municipalities import MunicipalityInput
    from gwa_desktop.services.registry import Services


def register_district(actions: argparse._SubParsersAction) -> None:
    """The sub-commands of `gwa district` this module adds."""
    shown = actions.add_parser(
        "completeness",
        help=_("who has reported which period, who is late, and the reporting rate"),
    )
    _range_options(shown)
    shown.add_argument("--format", choices=("table", "csv", "json"), default="table")
    shown.set_defaults(handler=run_completeness, reads_only=True)

    reminders = actions.add_parser(
        "reminders", help=_("print the reminder list of late municipalities as PDF")
    )
    _reminder_options(reminders)

    listing = actions.add_parser(
        "municipalities", help=_("the list of municipalities the district expects reports from")
    )
    steps = listing.add_subparsers(dest="step", required=True)
    steps.add_parser("list", help=_("show the list")).set_defaults(
        handler=run_list, reads_only=True
    )
    added = steps.add_parser("add", help=_("add a municipality"))
    added.add_argument("name")
    _entry_options(added)
    added.set_defaults(handler=run_add)
    edited = steps.add_parser("edit", help=_("change an entry (only the options given)"))
    edited.add_argument("id", type=int, help=_("number of the entry (see: list)"))
    edited.add_argument("--name")
    _entry_options(edited)
    edited.set_defaults(handler=run_edit)
    removed = steps.add_parser(
        "remove", help=_("take an entry off the list (its packages and figures stay)")
    )
    removed.add_argument("id", type=int, help=_("number of the entry (see: list)"))
    removed.set_defaults(handler=run_remove)
    imported = steps.add_parser(
        "import", help=_("add the municipalities of a CSV or Excel file (all rows or none)")
    )
    imported.add_argument("file", type=Path)
    imported.set_defaults(handler=run_import)
    steps.add_parser(
        "add-unknown", help=_("add the municipalities of imported packages that are not listed")
    ).set_defaults(handler=run_add_unknown)


def register_print(kinds: argparse._SubParsersAction) -> None:
    """`gwa print reminders`, the same as `gwa district reminders`."""
    _reminder_options(kinds.add_parser("reminders", help=_("reminder list of late municipalities")))


def _range_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first", type=iso_date, help=_("first day (default: 1 January last year)")
    )
    parser.add_argument("--to", dest="last", type=iso_date, help=_("last day (default: today)"))
    parser.add_argument("--on", type=iso_date, help=_("as if today were this day (default: today)"))


def _reminder_options(parser: argparse.ArgumentParser) -> None:
    _range_options(parser)
    parser.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))
    parser.set_defaults(handler=run_reminders)


def _entry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ags", help=_("official municipality key, 8 digits"))
    parser.add_argument("--installation-id", help=_("the installation id its packages carry"))
    parser.add_argument("--cycle", choices=[c.value for c in ReportingCycle])
    parser.add_argument("--active-from", type=iso_date, help=_("expected to report from this day"))
    parser.add_argument(
        "--grace-days", type=int, help=_("days after a period's end before it is late")
    )
    parser.add_argument("--note", help=_("contact note (who to call)"))


def _result(arguments: argparse.Namespace, services: Services) -> Completeness:
    from gwa_desktop.services.completeness import completeness, default_range

    today = arguments.on or date.today()
    first, last = default_range(today)
    return completeness(services.database, arguments.first or first, arguments.last or last, today)


def run_completeness(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.completeness_text import cell_text, legend, rate_text
    from gwa_desktop.services.reporting_cycles import period_name

    result = _result(arguments, services)
    if arguments.format == "json":
        json.dump(_as_json(result), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if arguments.format == "csv":
        return _write_csv(result)
    if not result.entries:
        print(
            _("The list of municipalities is empty; add them with: gwa district municipalities add")
        )
    else:
        print("\t".join([_("Municipality"), *(period_name(p) for p in result.periods)]))
        for entry in result.entries:
            cells = [cell_text(result.cell(entry.id, p)) for p in result.periods]
            print("\t".join([entry.name, *cells]))
        print("\t".join([_("Reporting rate"), *(rate_text(r) for r in result.rates)]))
        print(legend())
    if result.unknown:
        print(
            _("Packages from municipalities not on the list: {names}").format(
                names=", ".join(result.unknown)
            )
        )
    return 0


def _write_csv(result: Completeness) -> int:
    from gwa_desktop.exchange.csv_export import spreadsheet_csv
    from gwa_desktop.services.completeness import STATUS_LABELS

    header = [
        _("Municipality"),
        _("Official key"),
        _("First day"),
        _("Last day"),
        _("Status"),
        _("Due by"),
        _("Received on"),
        _("Packages"),
    ]
    rows = []
    for entry in result.entries:
        for period in result.periods:
            cell = result.cell(entry.id, period)
            if cell is None:
                continue
            rows.append(
                [
                    entry.name,
                    entry.official_key,
                    period.start,
                    period.end,
                    _(STATUS_LABELS[cell.status]),
                    cell.due,
                    cell.received_at.date() if cell.received_at else None,
                    ", ".join(p.file_name for p in cell.packages),
                ]
            )
    sys.stdout.flush()
    sys.stdout.buffer.write(spreadsheet_csv(header, rows))
    sys.stdout.buffer.flush()
    return 0


def _as_json(result: Completeness) -> dict[str, Any]:
    return {
        "as_of": result.today.isoformat(),
        "from": result.first.isoformat(),
        "to": result.last.isoformat(),
        "periods": [
            {
                "start": r.period.start.isoformat(),
                "end": r.period.end.isoformat(),
                "expected": r.expected,
                "received": r.received,
                "on_time": r.on_time,
                "overdue": r.overdue,
                "rate": r.rate,
                "on_time_rate": r.on_time_rate,
            }
            for r in result.rates
        ],
        "municipalities": [
            {
                "id": entry.id,
                "name": entry.name,
                "official_key": entry.official_key,
                "installation_id": entry.installation_id,
                "cycle": entry.cycle.value,
                "periods": [
                    {
                        "start": cell.period.start.isoformat(),
                        "end": cell.period.end.isoformat(),
                        "status": cell.status.value,
                        "due": cell.due.isoformat(),
                        "received_at": cell.received_at.isoformat() if cell.received_at else None,
                        "packages": [p.id for p in cell.packages],
                    }
                    for period in result.periods
                    if (cell := result.cell(entry.id, period)) is not None
                ],
            }
            for entry in result.entries
        ],
        "unknown": result.unknown,
    }


def run_reminders(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.cli.print_commands import _write
    from gwa_desktop.output.pdf.document import EmptySelectionError
    from gwa_desktop.services.reminders import reminder_pdf

    try:
        result = reminder_pdf(_result(arguments, services))
    except EmptySelectionError:
        print(_("No municipality is late; nothing was printed."), file=sys.stderr)
        return 1
    return _write(result, arguments.out)


def run_list(_arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.i18n.formatting import format_date
    from gwa_desktop.services.district_municipalities import MunicipalityListService

    entries = MunicipalityListService(services.database).entries()
    print(
        "\t".join(
            [
                _("No."),
                _("Municipality"),
                _("Official key"),
                _("Cycle"),
                _("Active from"),
                _("Days of grace"),
                _("Installation id"),
                _("Contact"),
            ]
        )
    )
    for e in entries:
        print(
            "\t".join(
                [
                    str(e.id),
                    e.name,
                    e.official_key,
                    _(CYCLE_LABELS[e.cycle]),
                    format_date(e.active_from),
                    str(e.grace_days),
                    e.installation_id,
                    " ".join(e.contact_note.split()),
                ]
            )
        )
    return 0


def _changed(base: MunicipalityInput, arguments: argparse.Namespace) -> MunicipalityInput:
    from dataclasses import replace

    changes: dict[str, Any] = {}
    for option, key in (
        ("name", "name"),
        ("ags", "official_key"),
        ("installation_id", "installation_id"),
        ("active_from", "active_from"),
        ("grace_days", "grace_days"),
        ("note", "contact_note"),
    ):
        value = getattr(arguments, option, None)
        if value is not None:
            changes[key] = value
    if arguments.cycle is not None:
        changes["cycle"] = ReportingCycle(arguments.cycle)
    return replace(base, **changes)


def run_add(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_municipalities import (
        MunicipalityInput,
        MunicipalityListService,
    )

    entry_id = MunicipalityListService(services.database).add(
        _changed(MunicipalityInput(arguments.name), arguments)
    )
    print(_("Added as number {id}.").format(id=entry_id))
    return 0


def run_edit(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_municipalities import MunicipalityListService
    from gwa_desktop.services.errors import NotFoundError

    listing = MunicipalityListService(services.database)
    try:
        listing.edit(arguments.id, _changed(listing.get(arguments.id).as_input(), arguments))
    except NotFoundError:
        print(_("There is no entry with the number {id}.").format(id=arguments.id), file=sys.stderr)
        return 1
    return 0


def run_remove(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_municipalities import MunicipalityListService
    from gwa_desktop.services.errors import NotFoundError

    try:
        MunicipalityListService(services.database).remove(arguments.id)
    except NotFoundError:
        print(_("There is no entry with the number {id}.").format(id=arguments.id), file=sys.stderr)
        return 1
    return 0


def run_add_unknown(_arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.completeness import suggested_entries
    from gwa_desktop.services.district_municipalities import MunicipalityListService

    suggestions = suggested_entries(services.database)
    MunicipalityListService(services.database).add_all(suggestions)
    print(
        ngettext("{n} municipality added.", "{n} municipalities added.", len(suggestions)).format(
            n=len(suggestions)
        )
    )
    return 0


def run_import(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.municipality_import import import_municipalities

    added = import_municipalities(services.database, arguments.file)
    print(
        ngettext("{n} municipality added.", "{n} municipalities added.", len(added)).format(
            n=len(added)
        )
    )
    return 0
