"""District mode: the reminder list, who to call about which missing periods.

One row per municipality with an overdue period, printed as a plain table (the office
list print, output/pdf/list_print.py) in the UI language: it is the officer's own
working paper, not a notice for the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.completeness import Cell, Completeness
from gwa_desktop.services.district_municipalities import MunicipalityEntry
from gwa_desktop.services.reporting_cycles import period_name

if TYPE_CHECKING:
    from gwa_desktop.output.pdf.document import PrintResult


NO_BREAK = "\u00a0"


@dataclass(frozen=True)
class Reminder:
    entry: MunicipalityEntry
    periods: list[Period]
    #: Of `periods`, those of which some part came in.
    partly: list[Period]
    #: The first day the oldest missing period was overdue.
    since: date
    days: int


def reminders(result: Completeness) -> list[Reminder]:
    """The municipalities with overdue periods, in the list's order."""
    grouped: dict[int, list[Cell]] = {}
    for cell in result.overdue():
        grouped.setdefault(cell.entry.id, []).append(cell)
    rows = []
    for cells in grouped.values():
        oldest = min(cells, key=lambda c: c.due)
        rows.append(
            Reminder(
                cells[0].entry,
                [c.period for c in cells],
                [c.period for c in cells if c.partly],
                date.fromordinal(oldest.due.toordinal() + 1),
                oldest.days_overdue(result.today),
            )
        )
    return rows


def missing_text(reminder: Reminder, space: str = " ") -> str:
    """The missing periods, e.g. "Q2 2026, Q3 2026 (teilweise)"; `space` goes inside each
    period's name (a no-break space keeps "Q4 2025" on one printed line)."""
    return ", ".join(
        (period_name(p) + (" " + _("(partly)") if p in reminder.partly else "")).replace(" ", space)
        for p in reminder.periods
    )


def since_text(reminder: Reminder) -> str:
    return ngettext("{date} ({n} day)", "{date} ({n} days)", reminder.days).format(
        date=format_date(reminder.since), n=reminder.days
    )


def reminder_rows(result: Completeness, space: str = " ") -> tuple[list[str], list[list[str]]]:
    headings = [
        _("Municipality"),
        _("Official key"),
        _("Missing periods"),
        _("Overdue since"),
        _("Contact"),
    ]
    rows = [
        [
            r.entry.name,
            r.entry.official_key,
            missing_text(r, space),
            since_text(r).replace(" ", space),
            "; ".join(line.strip() for line in r.entry.contact_note.splitlines() if line.strip()),
        ]
        for r in reminders(result)
    ]
    return headings, rows


def reminder_pdf(result: Completeness) -> PrintResult:
    """The reminder list as a PDF; EmptySelectionError when no municipality is late."""
    from gwa_desktop.output.pdf.document import EmptySelectionError
    from gwa_desktop.output.pdf.list_print import build_list_pdf

    headings, rows = reminder_rows(result, NO_BREAK)
    if not rows:
        raise EmptySelectionError()
    subtitle = " · ".join(
        [
            _("As of {date}").format(date=format_date(result.today)),
            _("Periods from {first} to {last}").format(
                first=format_date(result.first), last=format_date(result.last)
            ),
        ]
    )
    return build_list_pdf(
        _("Reminder list: missing reports"),
        subtitle,
        headings,
        rows,
        ui_language(),
        _("Page {page}"),
    )


def write_reminder_pdf(result: Completeness, path: Path) -> int:
    """Write the reminder list to `path` atomically; its page count."""
    from gwa_desktop.exchange.atomic import write_bytes_atomically

    printed = reminder_pdf(result)
    write_bytes_atomically(path, printed.pdf)
    return printed.pages
