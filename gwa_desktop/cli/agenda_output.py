"""Offer dates on the command line: one wording for `gwa agenda` and `gwa calendar`.

Both print the same entries (services.agenda); the calendar adds the headcount of the
sessions recorded. Table lines for people, json for scripts, csv (with `;`) for a
spreadsheet.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date, format_time
from gwa_desktop.services.agenda import AgendaEntry

#: The csv columns of `gwa agenda`; the calendar's add its own (`CALENDAR_COLUMNS`).
AGENDA_COLUMNS = (
    "day",
    "start",
    "end",
    "title",
    "place",
    "cancelled",
    "reason",
    "offer_id",
    "activity_id",
)
CALENDAR_COLUMNS = (
    *AGENDA_COLUMNS[:7],
    "moved_from",
    *AGENDA_COLUMNS[7:],
    "recorded",
    "participants",
)


def print_entries(
    entries: Sequence[AgendaEntry], output: str, columns: Sequence[str], headcount: bool
) -> None:
    """`entries` in the chosen `output` (table, csv, json); `headcount` adds whether a
    session was recorded and with how many participants."""
    rows = [entry_record(entry, headcount) for entry in entries]
    if output == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif output == "csv":
        writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[key] is None else row[key] for key in columns])
    else:
        for entry in entries:
            print(table_line(entry))
        if not entries:
            print(_("No dates in these days."))


def entry_record(entry: AgendaEntry, headcount: bool) -> dict[str, object]:
    record: dict[str, object] = {
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
    }
    if headcount:
        record["recorded"] = entry.recorded
        record["participants"] = entry.participants
    return record


def table_line(entry: AgendaEntry) -> str:
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
