"""Plausibility rules over the imported packages (issue 17, review): what to ask a village.

Nothing is changed or refused here; a finding is a question for the officer to ask the
municipality. The rules are those of reporting systems such as DHIS2's validation rules:
a month far above the village's usual, a breakdown larger than its total, volunteer
hours with no volunteers. The record rules are counted by the database per package;
the months come from the same grouped figures as the overview.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select

from gwa_desktop.exchange.disclosure import CATEGORY_GROUPS
from gwa_desktop.exchange.summary import Figures
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.district_figures import package_figures
from gwa_desktop.services.district_review import counted
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictActivity, DistrictPackage

#: A month with more participants than this many times the village's usual month is asked about.
UNUSUAL_FACTOR = 10
#: The usual month needs this many other months to compare with.
MONTHS_TO_COMPARE = 3


@dataclass(frozen=True)
class Finding:
    """One question about one package: which rule, and what to ask, in the UI language."""

    package_id: int
    municipality: str
    period: str
    rule: str
    message: str


def check_packages(database: Database, package_id: int | None = None) -> list[Finding]:
    """Every finding over the packages that count, by municipality and period.

    A rejected package is no part of a village's usual month; with `package_id` only
    that package's findings are returned, compared with the counted ones, whether it
    counts or not (the officer reviewing it, perhaps again, sees what to ask).
    """
    reviewed = package_id  # the loops below reuse the name package_id
    with database.session() as session:
        wanted = counted() if reviewed is None else counted() | (DistrictPackage.id == reviewed)
        packages = {p.id: p for p in session.scalars(select(DistrictPackage).where(wanted))}
        record_counts: dict[str, dict[int, int]] = {}
        for rule, condition in _record_rules().items():
            grouped = session.execute(
                select(DistrictActivity.package_id, func.count())
                .where(condition)
                .group_by(DistrictActivity.package_id)
            )
            record_counts[rule] = {package_id: count for package_id, count in grouped}
        figures = package_figures(session)
    findings: list[Finding] = []
    for package_id, package in packages.items():

        def add(rule: str, message: str, package: DistrictPackage = package) -> None:
            findings.append(
                Finding(
                    package.id,
                    package.municipality,
                    f"{package.period_start:%d.%m.%Y} – {package.period_end:%d.%m.%Y}",
                    rule,
                    message,
                )
            )

        larger = record_counts["breakdown_larger"].get(package_id, 0)
        if larger:
            add(
                "breakdown_larger",
                ngettext(
                    "{n} activity has more women, men and diverse (or more people by age, "
                    "or new and regular) than participants.",
                    "{n} activities have more women, men and diverse (or more people by age, "
                    "or new and regular) than participants.",
                    larger,
                ).format(n=larger),
            )
        hours = record_counts["hours_without_volunteers"].get(package_id, 0)
        if hours:
            add(
                "hours_without_volunteers",
                ngettext(
                    "{n} activity has volunteer hours but no volunteers.",
                    "{n} activities have volunteer hours but no volunteers.",
                    hours,
                ).format(n=hours),
            )
    for package_id, month, people, usual in _unusual_months(packages, figures):
        package = packages[package_id]
        findings.append(
            Finding(
                package_id,
                package.municipality,
                f"{package.period_start:%d.%m.%Y} – {package.period_end:%d.%m.%Y}",
                "unusual_month",
                _(
                    "{month}: {people} participants, more than {factor} times the usual "
                    "month of this municipality ({usual})."
                ).format(
                    month=f"{month[5:]}.{month[:4]}",
                    people=people,
                    factor=UNUSUAL_FACTOR,
                    usual=f"{usual:g}",
                ),
            )
        )
    if reviewed is not None:
        findings = [f for f in findings if f.package_id == reviewed]
    return sorted(findings, key=lambda f: (f.municipality, f.period, f.rule, f.message))


def _record_rules() -> dict[str, ColumnElement[bool]]:
    table = DistrictActivity
    larger = []
    for group in CATEGORY_GROUPS:
        added: ColumnElement[int] = func.coalesce(getattr(table, group[0]), 0)
        for key in group[1:]:
            added = added + func.coalesce(getattr(table, key), 0)
        larger.append(added > table.participants_total)
    return {
        "breakdown_larger": or_(*larger),
        "hours_without_volunteers": (table.volunteer_hours > 0)
        & (func.coalesce(table.volunteers_count, 0) == 0),
    }


def _unusual_months(
    packages: dict[int, DistrictPackage], figures: dict[int, Figures]
) -> list[tuple[int, str, int, float]]:
    """(package, month, participants, usual) where a month is far above the municipality's
    median month; the median of the other months, so the month itself does not raise it."""
    months: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    for package_id, of_package in figures.items():
        if package_id in packages:
            municipality = packages[package_id].municipality
            for month, month_figures in of_package.months.items():
                months[municipality].append((package_id, month, month_figures.participants))
    unusual = []
    for entries in months.values():
        for index, (package_id, month, people) in enumerate(entries):
            others = [p for i, (_pid, _m, p) in enumerate(entries) if i != index]
            if len(others) < MONTHS_TO_COMPARE:
                continue
            usual = statistics.median(others)
            if usual > 0 and people > UNUSUAL_FACTOR * usual:
                unusual.append((package_id, month, people, float(usual)))
    return unusual
