"""`gwa report`: the report for funders (Sachbericht) as a PDF or an XLSX workbook.

For the whole municipality or one funding programme (`--programme`), over any period;
a period without data gives a report that says so. Small counts are hidden as in the
district export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help=_("activity report for funders as PDF or XLSX (planned and actual figures)")
    )
    report.add_argument("--from", dest="first", type=iso_date, required=True)
    report.add_argument("--to", dest="last", type=iso_date, required=True)
    report.add_argument(
        "--programme", type=int, help=_("number of the funding programme (see: gwa programme list)")
    )
    report.add_argument("--out", required=True, type=Path, help=_("file to write (.pdf or .xlsx)"))
    report.set_defaults(handler=run_report, reads_only=True)


def run_report(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.report_files import report_format, write_report

    report_format(arguments.out)
    period = Period(arguments.first, arguments.last)
    try:
        written = write_report(services.database, period, arguments.out, arguments.programme)
    except NotFoundError as error:
        print(str(error), file=sys.stderr)
        return 1
    for warning in written.warnings:
        print(_("Warning: {message}").format(message=warning), file=sys.stderr)
    if written.empty:
        print(_("There is no data in this period; the report says so."), file=sys.stderr)
    if written.pages:
        print(
            ngettext("{path}: {n} page", "{path}: {n} pages", written.pages).format(
                path=arguments.out, n=written.pages
            )
        )
    else:
        print(arguments.out)
    return 0
