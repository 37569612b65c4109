"""`gwa calendar`: a month (or a week) of offer dates and activities, as the calendar shows it.

The same entries as the calendar screen: offer dates with their changes, the sessions
recorded for them with the headcount, planned activities. Useful to check a month
before printing, or to hand it to a spreadsheet (csv) or a script (json).
"""

from __future__ import annotations

import argparse
import calendar as month_days
from datetime import date, timedelta

from gwa_desktop.cli.agenda_output import CALENDAR_COLUMNS, print_entries
from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.i18n import _
from gwa_desktop.services.agenda import calendar
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    shown = commands.add_parser(
        "calendar", help=_("a month or a week of offer dates and activities")
    )
    span = shown.add_mutually_exclusive_group()
    span.add_argument(
        "--month", type=year_month, default=None, help=_("the month (YYYY-MM, default this month)")
    )
    span.add_argument(
        "--week", type=iso_date, default=None, help=_("the week of this day (YYYY-MM-DD)")
    )
    shown.add_argument("--format", choices=("table", "csv", "json"), default="table")
    shown.set_defaults(handler=run_calendar)


def year_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a month; write it as YYYY-MM, e.g. 2026-12").format(text=text)
        ) from error


def month_range(first_of_month: date) -> tuple[date, date]:
    days = month_days.monthrange(first_of_month.year, first_of_month.month)[1]
    return first_of_month, first_of_month.replace(day=days)


def week_range(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def run_calendar(arguments: argparse.Namespace, services: Services) -> int:
    if arguments.week is not None:
        first, last = week_range(arguments.week)
    else:
        first, last = month_range(arguments.month or date.today().replace(day=1))
    entries = calendar(services.database, first, last)
    print_entries(entries, arguments.format, CALENDAR_COLUMNS, headcount=True)
    return 0
