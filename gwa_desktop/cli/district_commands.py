"""`gwa district overview|workbook`: the district office's combined figures from scripts.

Both show the counts as every district output does (exchange/disclosure.py): a small
count, and any count a total would give away, is ".".
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gwa_desktop.cli import completeness_commands, district_review_commands
from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_number
from gwa_desktop.services.disclosure_settings import disclosure_threshold
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    district = commands.add_parser(
        "district", help=_("the district office's combined figures (district mode)")
    )
    actions = district.add_subparsers(dest="action", required=True)
    actions.add_parser(
        "overview", help=_("list the imported packages with their figures")
    ).set_defaults(handler=run_overview)
    actions.add_parser(
        "checks", help=_("list implausible figures of the imported packages, to ask about")
    ).set_defaults(handler=run_checks)
    workbook = actions.add_parser(
        "workbook", help=_("write the combined workbook of all imported packages")
    )
    workbook.add_argument("--out", type=Path, default=Path.cwd(), help=_("folder"))
    workbook.set_defaults(handler=run_workbook)
    district_review_commands.register_actions(actions)
    completeness_commands.register_district(actions)


def run_overview(_arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_overview import village_figures

    villages = village_figures(services.database)
    header = [
        _("Municipality"),
        _("Period"),
        _("Offers"),
        _("Activities"),
        _("Participants"),
        _("Volunteer hours"),
    ]
    print("\t".join(header))
    for village in villages:
        row = [
            village.municipality,
            village.period.label(),
            str(village.figures.offers),
            str(village.activities),
            str(village.participants),
            format_number(village.figures.volunteer_hours),
        ]
        print("\t".join(row))
    if any(HIDDEN in (v.activities, v.participants) for v in villages):
        print(
            _("{hidden} = fewer than {threshold} cases, or to be worked out from a total").format(
                hidden=HIDDEN, threshold=disclosure_threshold(services.database)
            )
        )
    district_review_commands.print_rejected(services)
    return 0


def run_workbook(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_overview import export_combined

    print(export_combined(services.database, arguments.out))
    return 0


def run_checks(_arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_checks import check_packages

    findings = check_packages(services.database)
    for finding in findings:
        print(f"{finding.municipality}, {finding.period}: {finding.message}")
    if not findings:
        print(_("No implausible figures found."))
    return 0
