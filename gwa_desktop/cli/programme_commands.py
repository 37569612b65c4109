"""`gwa programme`: funding programmes, their planned figures and the report texts.

The same service as the dashboard's programme dialog, so a programme typed in here
is refused or stored exactly as there (a share above 100 %, a negative count, an offer
number that does not exist: a message, exit code 2, nothing stored).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.domain.programme import IndicatorData, IndicatorMeasure, ProgrammeData
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.programmes import ProgrammeService
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    programme = commands.add_parser(
        "programme", help=_("funding programmes: offers, planned figures, report texts")
    )
    actions = programme.add_subparsers(dest="action", required=True)

    listed = actions.add_parser("list", help=_("list the funding programmes"))
    listed.set_defaults(handler=found(run_list), reads_only=True)

    shown = actions.add_parser("show", help=_("a programme with its offers and planned figures"))
    shown.add_argument("programme_id", type=int)
    shown.set_defaults(handler=found(run_show), reads_only=True)

    added = actions.add_parser("add", help=_("add a funding programme"))
    added.add_argument("name")
    added.add_argument("--from", dest="first", type=iso_date, required=True)
    added.add_argument("--to", dest="last", type=iso_date, required=True)
    _details(added)
    added.set_defaults(handler=found(run_add))

    edited = actions.add_parser("edit", help=_("change a programme (only the options given)"))
    edited.add_argument("programme_id", type=int)
    edited.add_argument("--name")
    edited.add_argument("--from", dest="first", type=iso_date)
    edited.add_argument("--to", dest="last", type=iso_date)
    _details(edited)
    edited.set_defaults(handler=found(run_edit))

    deleted = actions.add_parser("delete", help=_("delete programmes (their offers stay)"))
    deleted.add_argument("ids", type=int, nargs="+")
    deleted.set_defaults(handler=found(run_delete))

    plan = actions.add_parser("plan", help=_("add a planned figure for a period"))
    plan.add_argument("programme_id", type=int)
    plan.add_argument("measure", choices=[m.value for m in IndicatorMeasure])
    plan.add_argument("planned", type=float)
    plan.add_argument("--from", dest="first", type=iso_date, required=True)
    plan.add_argument("--to", dest="last", type=iso_date, required=True)
    plan.add_argument("--label", default="", help=_("the funder's name for the figure"))
    plan.add_argument("--actual", type=float, help=_("actual figure, for figures entered by hand"))
    plan.add_argument("--comment", default="", help=_("explanation of the deviation"))
    plan.set_defaults(handler=found(run_plan))

    unplan = actions.add_parser("unplan", help=_("delete planned figures by their number"))
    unplan.add_argument("ids", type=int, nargs="+")
    unplan.set_defaults(handler=found(run_unplan))

    comment = actions.add_parser("comment", help=_("explain the deviation of a planned figure"))
    comment.add_argument("indicator_id", type=int)
    comment.add_argument("text")
    comment.set_defaults(handler=found(run_comment))

    texts = actions.add_parser(
        "texts", help=_("show or set the report texts of a period (aims, experiences, outlook)")
    )
    texts.add_argument(
        "--programme", type=int, help=_("number of the programme (default: the municipality)")
    )
    texts.add_argument("--from", dest="first", type=iso_date, required=True)
    texts.add_argument("--to", dest="last", type=iso_date, required=True)
    for name in ("aims", "experiences", "outlook"):
        texts.add_argument(f"--{name}")
    texts.set_defaults(handler=found(run_texts))


Handler = Callable[[argparse.Namespace, Services], int]


def found(handler: Handler) -> Handler:
    """The handler, with a programme or planned figure that does not exist as a message."""

    @wraps(handler)
    def run(arguments: argparse.Namespace, services: Services) -> int:
        try:
            return handler(arguments, services)
        except NotFoundError as error:
            print(str(error), file=sys.stderr)
            return 1

    return run


def _details(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--funder")
    parser.add_argument("--reference", help=_("the funder's reference number"))
    parser.add_argument("--notes")
    parser.add_argument(
        "--offer", type=int, action="append", dest="offer_ids", help=_("offer number (repeatable)")
    )
    parser.add_argument(
        "--activity",
        type=int,
        action="append",
        dest="activity_ids",
        help=_("number of a single activity that belongs to it (repeatable)"),
    )


def _given(arguments: argparse.Namespace, *names: str) -> dict[str, Any]:
    return {
        name: getattr(arguments, name) for name in names if getattr(arguments, name) is not None
    }


def run_list(_arguments: argparse.Namespace, services: Services) -> int:
    rows = ProgrammeService(services.database).rows()
    for row in rows:
        print(
            f"{row.id}\t{row.first_day}\t{row.last_day}\t{row.name}\t{row.funder}\t"
            f"{row.reference}\t{_('offers')}: {row.offers}\t{_('planned figures')}: {row.indicators}"
        )
    if not rows:
        print(_("No funding programme yet."))
    return 0


def run_show(arguments: argparse.Namespace, services: Services) -> int:
    service = ProgrammeService(services.database)
    programme = service.get(arguments.programme_id)
    print(programme.name)
    period = Period(programme.first_day, programme.last_day)
    for label, value in (
        (_("Funder"), programme.funder),
        (_("Reference number"), programme.reference),
        (_("Period"), period.label()),
        (_("Offers"), ", ".join(map(str, programme.offer_ids)) or "–"),
        (_("Single activities"), ", ".join(map(str, programme.activity_ids)) or "–"),
    ):
        print(f"  {label}: {value}")
    for indicator in service.indicators(arguments.programme_id):
        actual = "" if indicator.actual is None else f" / {indicator.actual:g}"
        print(
            f"  #{indicator.id}\t{format_date(indicator.first_day)}–{format_date(indicator.last_day)}"
            f"\t{indicator.name}\t{indicator.planned:g}{actual}\t{indicator.comment}"
        )
    return 0


def run_add(arguments: argparse.Namespace, services: Services) -> int:
    data = ProgrammeData(
        arguments.name,
        arguments.first,
        arguments.last,
        **_given(arguments, "funder", "reference", "notes", "offer_ids", "activity_ids"),
    )
    print(ProgrammeService(services.database).create(data))
    return 0


def run_edit(arguments: argparse.Namespace, services: Services) -> int:
    service = ProgrammeService(services.database)
    data = service.get(arguments.programme_id)
    changes = _given(arguments, "name", "funder", "reference", "notes", "offer_ids", "activity_ids")
    changes |= {
        key: value
        for key, value in (("first_day", arguments.first), ("last_day", arguments.last))
        if value is not None
    }
    for key, value in changes.items():
        setattr(data, key, value)
    service.update(data)
    return 0


def run_delete(arguments: argparse.Namespace, services: Services) -> int:
    ProgrammeService(services.database).delete(arguments.ids)
    return 0


def run_plan(arguments: argparse.Namespace, services: Services) -> int:
    data = IndicatorData(
        IndicatorMeasure(arguments.measure),
        arguments.planned,
        arguments.first,
        arguments.last,
        label=arguments.label,
        actual=arguments.actual,
        comment=arguments.comment,
    )
    print(ProgrammeService(services.database).add_indicator(arguments.programme_id, data))
    return 0


def run_unplan(arguments: argparse.Namespace, services: Services) -> int:
    ProgrammeService(services.database).delete_indicators(arguments.ids)
    return 0


def run_comment(arguments: argparse.Namespace, services: Services) -> int:
    ProgrammeService(services.database).comment_indicator(arguments.indicator_id, arguments.text)
    return 0


def run_texts(arguments: argparse.Namespace, services: Services) -> int:
    service = ProgrammeService(services.database)
    period = Period(arguments.first, arguments.last)
    texts = service.report_text(arguments.programme, period)
    changes = _given(arguments, "aims", "experiences", "outlook")
    if changes:
        for key, value in changes.items():
            setattr(texts, key, value)
        service.save_report_text(texts)
        return 0
    for label, value in (
        (_("Aims"), texts.aims),
        (_("Experiences"), texts.experiences),
        (_("Outlook"), texts.outlook),
    ):
        print(f"{label}:\n{value or '–'}\n")
    return 0
