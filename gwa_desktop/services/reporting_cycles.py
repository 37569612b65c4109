"""How often a municipality reports to the district, and the calendar periods that follows.

The district office expects each municipality's package per period of its cycle
(quarterly for most). The periods are calendar periods, as the villages' export dialog
offers them (services/periods.py), so a package exported for "last quarter" lines up
with the quarter the district expects. Also here: the check of the Amtlicher
Gemeindeschlüssel (AGS), the eight-digit key the statistics offices use for a
municipality, so a typo is caught where it is typed.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import N_, _


class ReportingCycle(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


#: Months per period of each cycle.
CYCLE_MONTHS = {
    ReportingCycle.MONTHLY: 1,
    ReportingCycle.QUARTERLY: 3,
    ReportingCycle.HALF_YEARLY: 6,
    ReportingCycle.YEARLY: 12,
}

CYCLE_LABELS = {
    ReportingCycle.MONTHLY: N_("monthly"),
    ReportingCycle.QUARTERLY: N_("quarterly"),
    ReportingCycle.HALF_YEARLY: N_("half-yearly"),
    ReportingCycle.YEARLY: N_("yearly"),
}

#: Days after a period's end before a missing package counts as late.
DEFAULT_GRACE_DAYS = 30
#: More grace than a year is a typo, not a deadline.
MAX_GRACE_DAYS = 366


def period_containing(cycle: ReportingCycle, day: date) -> Period:
    """The period of `cycle` that `day` lies in (1st quarter: 1 January – 31 March)."""
    months = CYCLE_MONTHS[cycle]
    first_month = months * ((day.month - 1) // months) + 1
    start = date(day.year, first_month, 1)
    return Period(start, _add_months(start, months) - timedelta(days=1))


def periods_between(cycle: ReportingCycle, first: date, last: date) -> list[Period]:
    """Every period of `cycle` that overlaps `first`–`last`, in order."""
    periods: list[Period] = []
    if last < first:
        return periods
    period = period_containing(cycle, first)
    while period.start <= last:
        periods.append(period)
        period = period_containing(cycle, period.end + timedelta(days=1))
    return periods


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


#: The two-digit Land numbers of the AGS (01 Schleswig-Holstein … 16 Thüringen).
LAENDER = range(1, 17)


def official_key_problem(text: str) -> str | None:
    """Why `text` is no Amtlicher Gemeindeschlüssel (an untranslated message id), or None.

    An AGS has eight digits: Land (01–16), Regierungsbezirk, Kreis (two), Gemeinde
    (three). Spaces, as printed in some lists ("09 1 62 000"), are allowed and dropped by
    `normalised_key`."""
    key = normalised_key(text)
    if len(key) != 8 or not key.isascii() or not key.isdigit():
        return N_("The official municipality key (AGS) has exactly eight digits, e.g. 09162000.")
    if int(key[:2]) not in LAENDER:
        return N_("The official municipality key (AGS) starts with the number of a Land, 01 to 16.")
    return None


def normalised_key(text: str) -> str:
    return "".join(text.split())


def period_name(period: Period) -> str:
    """A period's short name for a column head: "03/2026", "Q1 2026", "H2 2026", "2026";
    any other range as its dates."""
    start, end = period.start, period.end
    for cycle, months in CYCLE_MONTHS.items():
        if start.day == 1 and period_containing(cycle, start) == period:
            number = (start.month - 1) // months + 1
            if cycle is ReportingCycle.MONTHLY:
                return f"{start:%m/%Y}"
            if cycle is ReportingCycle.QUARTERLY:
                return _("Q{number} {year}").format(number=number, year=start.year)
            if cycle is ReportingCycle.HALF_YEARLY:
                return _("H{number} {year}").format(number=number, year=start.year)
            return str(start.year)
    return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
