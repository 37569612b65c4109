"""`gwa calendar`: a month (or a week) of offer dates and activities, as the calendar shows it.

The same entries as the calendar screen: offer dates with their changes, the sessions
recorded for them with the headcount, planned activities. Useful to check a month
before printing, or to hand it to a spreadsheet (csv) or a script (json).
"""

from __future__ import annotations

import argparse
import calendar as month_days
import csv
import json
import sys
from datetime import date, timedelta

from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date, format_time
from gwa_desktop.services.agenda import AgendaEntry, calendar
from gwa_desktop.services.registry import Services

COLUMNS = (
    "day",
    "start",
    "end",
    "title",
    "place",
    "cancelled",
    "reason",
    "moved_from",
    "offer_id",
    "activity_id",
    "recorded",
    "participants",
)


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
    rows = [_as_json(entry) for entry in entries]
    if arguments.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif arguments.format == "csv":
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(["" if row[key] is None else row[key] for key in COLUMNS])
    else:
        for entry in entries:
            print(_table_line(entry))
        if not entries:
            print(_("No dates in these days."))
    return 0


def _as_json(entry: AgendaEntry) -> dict[str, object]:
    return {
        "day": entry.day.isoformat(),
        "start": entry.start_time.isoformat("minutes") if entry.start_time else None,
        "end": entry.end_time.isoformat("minutes") if entry.end_time else None,
        "title": entry.title,
        "place": entry.place,
        "cancelled": entry.cancelled,
        "reason": entry.reason,
        "moved_from": entry.moved_from.isoformat() if entry.moved_from else None,
        "offer_id": entry.offer_id,
        "activity_id": entry.activity_id,
        "recorded": entry.recorded,
        "participants": entry.participants,
    }


def _table_line(entry: AgendaEntry) -> str:
    when = format_date(entry.day, fmt="EEE dd.MM.yyyy")
    times = "–".join(format_time(t) for t in (entry.start_time, entry.end_time) if t)
    line = f"{when}  {times:<11}  {entry.title}"
    if entry.place:
        line += f" ({entry.place})"
    if entry.cancelled:
        line += "  " + _("CANCELLED: {reason}").format(reason=entry.reason or "–")
    elif entry.moved_from is not None:
        line += "  " + _("moved from {day}").format(day=format_date(entry.moved_from))
    if entry.recorded:
        count = entry.participants or 0
        line += "  " + ngettext("{n} participant", "{n} participants", count).format(n=count)
    elif entry.activity_id is not None:
        line += "  " + _("planned activity")
    return line
