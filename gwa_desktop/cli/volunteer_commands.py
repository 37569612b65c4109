"""`gwa volunteers` and `gwa certificate`: find help, and thank a volunteer on paper.

    gwa volunteers --language prs --weekday tue --from 12:00 --format csv > helfer.csv
    gwa certificate 12 --year 2026 --lang ar --out bescheinigung.pdf

The certificate's PDF modules are imported by its handler only (see print_commands).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gwa_desktop.cli.arguments import clock
from gwa_desktop.cli.listing_commands import typed_text
from gwa_desktop.cli.print_commands import _language, _write
from gwa_desktop.domain.volunteer import WEEKDAY_CODES
from gwa_desktop.i18n import _

if TYPE_CHECKING:
    from gwa_desktop.services.registry import Services
    from gwa_desktop.services.volunteers import HelpWanted, VolunteerMatch


def register(commands: argparse._SubParsersAction) -> None:
    finder = commands.add_parser(
        "volunteers", help=_("find volunteers by language, task and the times they can help")
    )
    finder.add_argument(
        "--language", type=_language, help=_("ISO 639 code of a language the person speaks")
    )
    finder.add_argument(
        "--skill", default="", type=typed_text, help=_("words of a task or topic, e.g. dolmetschen")
    )
    finder.add_argument("--weekday", choices=WEEKDAY_CODES, help=_("a day the person can help"))
    finder.add_argument(
        "--from", dest="starts", type=clock, help=_("with --weekday: free after this time")
    )
    finder.add_argument(
        "--to", dest="ends", type=clock, help=_("with --weekday: free before this time")
    )
    finder.add_argument(
        "--year",
        type=int,
        help=_("add each volunteer's hours in this year (inside the house only)"),
    )
    finder.add_argument("--format", choices=("table", "csv", "json"), default="table")
    finder.add_argument(
        "--print", dest="pdf", type=Path, help=_("also write the list as a PDF for the Helferkreis")
    )
    finder.set_defaults(handler=run_volunteers)

    certificate = commands.add_parser(
        "certificate", help=_("certificate of a volunteer's hours, tasks and trainings in a year")
    )
    certificate.add_argument(
        "contact_id", type=int, help=_("number of the contact (see: gwa volunteers)")
    )
    certificate.add_argument("--year", type=int, required=True, help=_("the year, e.g. 2026"))
    certificate.add_argument(
        "--lang", default="de", type=_language, help=_("second language beside German")
    )
    certificate.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))
    certificate.set_defaults(handler=run_certificate)


def run_volunteers(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.exchange.csv_export import spreadsheet_csv
    from gwa_desktop.services.volunteer_table import VOLUNTEER_COLUMNS, headings, match_row
    from gwa_desktop.services.volunteers import HelpWanted

    if (arguments.starts or arguments.ends) and arguments.weekday is None:
        print(_("--from and --to need a --weekday."), file=sys.stderr)
        return 2
    wanted = HelpWanted(
        language=arguments.language or "",
        skill=arguments.skill,
        weekday=None if arguments.weekday is None else WEEKDAY_CODES.index(arguments.weekday),
        starts=arguments.starts,
        ends=arguments.ends,
    )
    matches = services.volunteers.find(wanted, year=arguments.year)
    if arguments.pdf is not None and not _write_list(matches, wanted, arguments.pdf):
        return 2
    keys = ("id", *(k for k in VOLUNTEER_COLUMNS if k != "hours" or arguments.year))
    rows = [{"id": str(m.contact_id), **match_row(m)} for m in matches]
    if arguments.format == "json":
        records = [
            {
                "id": m.contact_id,
                "name": m.name,
                "phone": m.phone,
                "email": m.email,
                "languages": [{"code": s.code, "level": s.level.value} for s in m.languages],
                "tasks": m.profile.tasks,
                "topics": m.profile.topics,
                "available": [
                    {
                        "weekday": WEEKDAY_CODES[s.weekday],
                        "from": s.starts.strftime("%H:%M"),
                        "to": s.ends.strftime("%H:%M"),
                    }
                    for s in m.availability
                ],
                **({"hours": m.hours} if arguments.year else {}),
            }
            for m in matches
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif arguments.format == "csv":
        content = spreadsheet_csv(
            [_("No."), *headings(keys[1:])], ([row[k] for k in keys] for row in rows)
        )
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        for row in rows:
            print("\t".join(row[k] for k in keys))
    return 0


def run_certificate(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.certificates import CertificateService, NotAVolunteerError

    try:
        result = CertificateService.from_services(services).certificate(
            arguments.contact_id, arguments.year, arguments.lang
        )
    except NotAVolunteerError as error:
        print(str(error), file=sys.stderr)
        return 1
    return _write(result, arguments.out)


def _write_list(matches: list[VolunteerMatch], wanted: HelpWanted, path: Path) -> bool:
    """Write the printed list; the message goes to stderr, so stdout stays the list."""
    from gwa_desktop.exchange.atomic import write_bytes_atomically
    from gwa_desktop.exchange.errors import ExchangeError
    from gwa_desktop.services.volunteer_table import printed_list

    try:
        write_bytes_atomically(path, printed_list(matches, wanted).pdf)
    except ExchangeError as error:
        print(str(error), file=sys.stderr)
        return False
    print(_("The list was saved as {path}").format(path=path), file=sys.stderr)
    return True
