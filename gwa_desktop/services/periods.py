"""Named periods ("this quarter", "last year") and which activities count for a period.

One definition for the activities list, its status-bar totals and the district export,
so that the list's "this quarter" and the export of the same quarter count the same
activities. An activity counts for a period when its date lies in the period and not
after today: an activity dated ahead is planned, it has no headcounts yet (see
ActivityService.validate), and the district must not count it as having happened. It
counts once its day has come. Planned activities have their own filter.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_
from sqlalchemy.orm import InstrumentedAttribute

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import N_

#: Keys of the activities list's period filter and their labels; "all" means no filter.
PERIODS = (
    ("all", N_("All time")),
    ("month", N_("This month")),
    ("quarter", N_("This quarter")),
    ("last_quarter", N_("Last quarter")),
    ("year", N_("This year")),
    ("last_year", N_("Last year")),
    ("last_12", N_("Last 12 months")),
    ("planned", N_("Planned (after today)")),
)
PLANNED = "planned"


def quarter_of(day: date) -> Period:
    """The calendar quarter `day` lies in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    next_start = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return Period(start, next_start - timedelta(days=1))


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


def month_of(day: date) -> Period:
    next_start = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
    return Period(day.replace(day=1), next_start - timedelta(days=1))


def named_period(key: str | None, today: date) -> Period | None:
    """The calendar period a key of PERIODS names, relative to `today`; None for all time and planned."""
    if key == "month":
        return month_of(today)
    if key == "quarter":
        return quarter_of(today)
    if key == "last_quarter":
        return quarter_of(quarter_of(today).start - timedelta(days=1))
    if key == "year":
        return year_of(today)
    if key == "last_year":
        return year_of(date(today.year - 1, 1, 1))
    if key == "last_12":
        return Period(today - timedelta(days=365), today)
    return None


def counted_in(
    column: ColumnElement[date] | InstrumentedAttribute[date], period: Period, today: date
) -> ColumnElement[bool]:
    """SQL condition on an activity date column: lies in `period` and has happened by `today`."""
    return and_(column >= period.start, column <= min(period.end, today))


def planned(
    column: ColumnElement[date] | InstrumentedAttribute[date], today: date
) -> ColumnElement[bool]:
    """SQL condition: dated after today, so not counted in any period yet."""
    return column > today


#: The period presets of the district export, in the order the dialog offers them.
EXPORT_PRESETS = (
    ("last_quarter", N_("Last quarter")),
    ("quarter", N_("This quarter")),
    ("last_year", N_("Last year")),
    ("year", N_("This year")),
)


def default_export_period(today: date) -> Period:
    """The period a village most likely reports when the export dialog opens.

    In December and January the yearly report is due: the year now ending (its rest is
    what is still planned; a re-export in January replaces the package at the district)
    or the year just ended. In the other months the last complete quarter.
    """
    if today.month == 12:
        return year_of(today)
    if today.month == 1:
        return year_of(date(today.year - 1, 1, 1))
    last_quarter = named_period("last_quarter", today)
    assert last_quarter is not None, "a preset of this module"
    return last_quarter


def kindergarten_year_of(day: date) -> Period:
    """The Kindergartenjahr `day` lies in: 1 August to 31 July, as daycare and school
    offers run and many funders (Kita-Förderung) count."""
    first_year = day.year if day.month >= 8 else day.year - 1
    return Period(date(first_year, 8, 1), date(first_year + 1, 7, 31))


#: The kinds of report period: the calendar ones, the Kindergartenjahr and a free range.
REPORT_PERIOD_KINDS = (
    ("month", N_("Month")),
    ("quarter", N_("Quarter")),
    ("year", N_("Year")),
    ("kindergarten_year", N_("Kindergarten year (August–July)")),
    ("range", N_("Free range")),
)


def report_period(kind: str, day: date) -> Period:
    """The period of `kind` (a key of REPORT_PERIOD_KINDS except "range") around `day`."""
    makers = {
        "month": month_of,
        "quarter": quarter_of,
        "year": year_of,
        "kindergarten_year": kindergarten_year_of,
    }
    if kind not in makers:
        raise ValueError(f"kind must be one of {sorted(makers)}, not {kind!r}")
    return makers[kind](day)
