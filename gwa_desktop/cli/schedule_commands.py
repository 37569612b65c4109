"""`gwa agenda`, `gwa dates`, `gwa holidays`: the days ahead, single dates, holidays.

The agenda prints what the start page shows; `gwa dates cancel|move|restore` changes one
date of an offer's series as the offer form does; `gwa holidays` keeps the school holidays.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from gwa_desktop.cli.agenda_output import AGENDA_COLUMNS, print_entries
from gwa_desktop.cli.arguments import clock, iso_date
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.i18n import _
from gwa_desktop.services.agenda import MAX_DAYS, agenda, missing_headcounts
from gwa_desktop.services.holidays import HolidayPeriodData, HolidayService
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    days = commands.add_parser("agenda", help=_("offer dates and planned activities ahead"))
    days.add_argument(
        "--from",
        dest="first",
        type=iso_date,
        default=None,
        help=_("first day (YYYY-MM-DD, default today)"),
    )
    days.add_argument("--days", type=day_count, default=7, help=_("how many days (default 7)"))
    days.add_argument("--format", choices=("table", "csv", "json"), default="table")
    days.add_argument(
        "--missing",
        action="store_true",
        help=_("instead: the dates of the last four weeks that have no headcount yet"),
    )
    days.set_defaults(handler=run_agenda)

    dates = commands.add_parser("dates", help=_("cancel, move or restore one date of an offer"))
    actions = dates.add_subparsers(dest="action", required=True)
    cancel = actions.add_parser("cancel", help=_("cancel one date, with a reason"))
    cancel.add_argument("offer_id", type=int)
    cancel.add_argument("day", type=iso_date)
    cancel.add_argument("--reason", default="")
    cancel.set_defaults(handler=run_cancel)
    move = actions.add_parser("move", help=_("move one date to another day or time"))
    move.add_argument("offer_id", type=int)
    move.add_argument("day", type=iso_date)
    move.add_argument("to", type=iso_date)
    move.add_argument("--time", type=clock, default=None, help=_("new start time (HH:MM)"))
    move.add_argument("--reason", default="")
    move.set_defaults(handler=run_move)
    restore = actions.add_parser("restore", help=_("undo the change of one date"))
    restore.add_argument("offer_id", type=int)
    restore.add_argument("day", type=iso_date)
    restore.set_defaults(handler=run_restore)

    holidays = commands.add_parser("holidays", help=_("school holidays that pause offers"))
    kinds = holidays.add_subparsers(dest="action", required=True)
    kinds.add_parser("list", help=_("list the holiday periods")).set_defaults(handler=run_holidays)
    imported = kinds.add_parser("import", help=_("add the holidays of an iCalendar file (.ics)"))
    imported.add_argument("file", type=Path)
    imported.set_defaults(handler=run_holiday_import)
    added = kinds.add_parser("add", help=_("add one holiday period"))
    added.add_argument("name")
    added.add_argument("first", type=iso_date)
    added.add_argument("last", type=iso_date)
    added.set_defaults(handler=run_holiday_add)
    removed = kinds.add_parser("delete", help=_("delete holiday periods by their number"))
    removed.add_argument("ids", type=int, nargs="+")
    removed.set_defaults(handler=run_holiday_delete)


def day_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            _("Give a number of days from 1 to {n}.").format(n=MAX_DAYS)
        )
    return int(text)


def run_agenda(arguments: argparse.Namespace, services: Services) -> int:
    if arguments.missing:
        entries = missing_headcounts(services.database, arguments.first or date.today())
    else:
        entries = agenda(services.database, arguments.first or date.today(), arguments.days)
    print_entries(entries, arguments.format, AGENDA_COLUMNS, headcount=False)
    return 0


def _change_dates(services: Services, offer_id: int, day: date, change: DateChange | None) -> int:
    offer = services.offers.get(offer_id)
    others = [c for c in offer.date_changes if c.on != day]
    services.offers.update(replace(offer, date_changes=others + ([change] if change else [])))
    return 0


def run_cancel(arguments: argparse.Namespace, services: Services) -> int:
    change = DateChange(arguments.day, arguments.reason)
    return _change_dates(services, arguments.offer_id, arguments.day, change)


def run_move(arguments: argparse.Namespace, services: Services) -> int:
    change = DateChange(arguments.day, arguments.reason, arguments.to, arguments.time)
    return _change_dates(services, arguments.offer_id, arguments.day, change)


def run_restore(arguments: argparse.Namespace, services: Services) -> int:
    return _change_dates(services, arguments.offer_id, arguments.day, None)


def run_holidays(_arguments: argparse.Namespace, services: Services) -> int:
    for period in HolidayService(services.database).periods():
        print(f"{period.id}\t{period.first_day}\t{period.last_day}\t{period.name}")
    return 0


def run_holiday_import(arguments: argparse.Namespace, services: Services) -> int:
    try:
        content = arguments.file.read_bytes()
    except OSError as error:
        print(
            _("The file {path} cannot be read: {reason}").format(
                path=arguments.file, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return 2
    count = HolidayService(services.database).import_calendar(content)
    print(_("Holiday periods added: {n}").format(n=count))
    return 0


def run_holiday_add(arguments: argparse.Namespace, services: Services) -> int:
    period = HolidayPeriodData(arguments.name, arguments.first, arguments.last)
    HolidayService(services.database).add([period])
    return 0


def run_holiday_delete(arguments: argparse.Namespace, services: Services) -> int:
    HolidayService(services.database).delete(arguments.ids)
    return 0
