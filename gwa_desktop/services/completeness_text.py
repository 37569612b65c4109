"""How the completeness of the reports reads: one text per cell, rate and reminder row.

The command line, the window and the printed reminder list show the same words. Each
status has a mark of its own besides its word, so the table reads without its colours
(printed in black and white, or for an officer who cannot tell red from green).
"""

from __future__ import annotations

from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.completeness import STATUS_LABELS, Cell, PeriodRate, Status

MARKS = {
    Status.ON_TIME: "✓",
    Status.RECEIVED_LATE: "(✓)",
    Status.OVERDUE: "✗",
    Status.NOT_YET_DUE: "○",
    Status.NOT_EXPECTED: "–",
}


def cell_text(cell: Cell | None) -> str:
    """ "✓ eingegangen", "✗ überfällig (teilweise)"; "" where the cycle has no such period."""
    if cell is None:
        return ""
    if cell.status is Status.NOT_EXPECTED:
        return MARKS[cell.status]
    text = f"{MARKS[cell.status]} {_(STATUS_LABELS[cell.status])}"
    if cell.partly:
        text += " " + _("(partly)")
    return text


def cell_details(cell: Cell) -> str:
    """The tooltip: which packages, when they came in, when the period is due."""
    lines = [
        _("{municipality}, {period}: {status}").format(
            municipality=cell.entry.name,
            period=cell.period.label(),
            status=_(STATUS_LABELS[cell.status]),
        )
    ]
    if cell.status is not Status.NOT_EXPECTED:
        lines.append(_("Due by {date}").format(date=format_date(cell.due)))
    if cell.received_at is not None:
        lines.append(_("Received on {date}").format(date=format_date(cell.received_at.date())))
    for package in cell.packages:
        lines.append(
            _("Package {file} for {period}").format(
                file=package.file_name or package.id, period=package.period.label()
            )
        )
    if cell.status is Status.NOT_EXPECTED:
        lines.append(_("On the list from {date}").format(date=format_date(cell.entry.active_from)))
    return "\n".join(lines)


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def rate_text(rate: PeriodRate) -> str:
    """ "3 von 4 (75 %), pünktlich 2 (50 %)"."""
    return _("{received} of {expected} ({rate}), on time {on_time} ({on_time_rate})").format(
        received=rate.received,
        expected=rate.expected,
        rate=percent(rate.rate),
        on_time=rate.on_time,
        on_time_rate=percent(rate.on_time_rate),
    )


def legend() -> str:
    return (
        " · ".join(
            f"{MARKS[status]} {_(STATUS_LABELS[status])}"
            for status in (Status.ON_TIME, Status.RECEIVED_LATE, Status.OVERDUE, Status.NOT_YET_DUE)
        )
        + " · – "
        + _("not expected (before the municipality's start)")
    )
