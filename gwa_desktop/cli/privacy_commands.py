"""`gwa retention`, `gwa retention-period`, `gwa erase`, `gwa erasure-log`, `gwa information`,
`gwa consent-form`, `gwa processing-record`: the data-protection lifecycle from scripts
(Art. 5(1)(e), 15, 17 and 30 GDPR). The PDF commands load ReportLab in their handlers."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from gwa_desktop.domain.retention import BASIS_KEYS, ErasureAction, ErasureReason, basis_label
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.registry import Services
from gwa_desktop.services.retention import RetentionService


def register(commands: argparse._SubParsersAction) -> None:
    retention = commands.add_parser(
        "retention", help=_("list the persons whose retention period has ended")
    )
    retention.add_argument("--format", choices=("table", "json"), default="table")
    retention.set_defaults(handler=run_retention, reads_only=True)

    period = commands.add_parser(
        "retention-period", help=_("show or set the retention period of a legal basis")
    )
    period.add_argument("basis", nargs="?", choices=BASIS_KEYS)
    period.add_argument("months", nargs="?", type=int, help=_("months after the last contact"))
    period.set_defaults(handler=run_period)

    erase = commands.add_parser(
        "erase", help=_("delete or anonymise a person and log it (without her data)")
    )
    erase.add_argument("contact_id", type=int)
    erase.add_argument(
        "--reason",
        required=True,
        choices=[reason.value for reason in ErasureReason.chosen_by_officer()],
    )
    erase.add_argument(
        "--anonymise", action="store_true", help=_("keep an unnamed record for the figures")
    )
    erase.add_argument(
        "--even-if-sole-contact",
        action="store_true",
        help=_("erase even if she is the only contact person of an active offer"),
    )
    erase.set_defaults(handler=run_erase)

    log = commands.add_parser("erasure-log", help=_("list the erasure log"))
    log.add_argument("--format", choices=("table", "json"), default="table")
    log.set_defaults(handler=run_log, reads_only=True)

    information = commands.add_parser(
        "information",
        help=_("everything stored about one person, as PDF and JSON (Art. 15 GDPR)"),
    )
    information.add_argument("contact_id", type=int)
    information.add_argument("--out", required=True, type=Path, help=_("folder to write into"))
    information.set_defaults(handler=run_information)

    form = commands.add_parser(
        "consent-form", help=_("a consent form with the person's name and the chosen purposes")
    )
    form.add_argument("contact_id", type=int)
    form.add_argument(
        "--purpose",
        action="append",
        choices=("contact", "public"),
        help=_("contact: contact and information; public: named on prints (repeatable)"),
    )
    form.add_argument("--lang", default="de", help=_("second language of the form"))
    form.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))
    form.set_defaults(handler=run_consent_form)

    record = commands.add_parser(
        "processing-record", help=_("the record of processing activities as PDF (Art. 30 GDPR)")
    )
    record.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))
    record.set_defaults(handler=run_processing_record)


def run_retention(arguments: argparse.Namespace, services: Services) -> int:
    due = RetentionService(services.database).due(date.today())
    if arguments.format == "json":
        rows = [
            {
                "id": person.id,
                "name": person.name,
                "legal_basis": person.basis,
                "last_contact": person.last_contact.isoformat(),
                "due_on": person.due_on.isoformat(),
                "months": person.months,
            }
            for person in due
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for person in due:
        print(
            f"{person.id}\t{person.name}\t{person.basis_label}\t"
            f"{format_date(person.last_contact)}\t{format_date(person.due_on)}"
        )
    print(_("Persons due for erasure: {n}").format(n=len(due)))
    return 0


def run_period(arguments: argparse.Namespace, services: Services) -> int:
    service = RetentionService(services.database)
    if arguments.basis is not None and arguments.months is not None:
        try:
            service.set_period(arguments.basis, arguments.months)
        except ValidationError as error:
            print(str(error), file=sys.stderr)
            return 1
    elif arguments.basis is not None or arguments.months is not None:
        print(_("Name a legal basis and the months, or neither."), file=sys.stderr)
        return 1
    for key, months in service.periods().items():
        print(f"{key}\t{months}\t{basis_label(key)}")
    return 0


def run_erase(arguments: argparse.Namespace, services: Services) -> int:
    service = ErasureService(services.database)
    action = ErasureAction.ANONYMISED if arguments.anonymise else ErasureAction.DELETED
    try:
        preview = service.preview(arguments.contact_id)
        service.erase(
            arguments.contact_id,
            ErasureReason(arguments.reason),
            action,
            even_if_sole_contact=arguments.even_if_sole_contact,
        )
    except NotFoundError:
        print(_("There is no contact {id}.").format(id=arguments.contact_id), file=sys.stderr)
        return 1
    except ValidationError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(preview.describe())
    print(_("Contact {id}: {action}.").format(id=arguments.contact_id, action=action.label))
    return 0


def run_log(arguments: argparse.Namespace, services: Services) -> int:
    entries = ErasureService(services.database).log()
    if arguments.format == "json":
        rows = [
            {
                "contact_id": entry.contact_id,
                "erased_at": entry.erased_at.isoformat(timespec="seconds"),
                "action": entry.action.value,
                "reason": entry.reason.value,
            }
            for entry in entries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        print(
            f"{entry.contact_id}\t{format_date(entry.erased_at.date())}\t"
            f"{entry.action.label}\t{entry.reason.label}"
        )
    return 0


def run_information(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.person_information import write_information

    try:
        files = write_information(
            services.database, arguments.contact_id, arguments.out, date.today()
        )
    except NotFoundError:
        print(_("There is no contact {id}.").format(id=arguments.contact_id), file=sys.stderr)
        return 1
    print(files.pdf)
    print(files.json)
    return 0


def run_consent_form(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.cli.print_commands import _language, _write
    from gwa_desktop.services.printing import PrintingService

    try:
        language = _language(arguments.lang)
    except argparse.ArgumentTypeError as error:
        print(str(error), file=sys.stderr)
        return 1
    purposes = list(dict.fromkeys(arguments.purpose or ["contact"]))
    try:
        result = PrintingService.from_services(services).consent_form(
            language, arguments.contact_id, purposes
        )
    except NotFoundError:
        print(_("There is no contact {id}.").format(id=arguments.contact_id), file=sys.stderr)
        return 1
    return _write(result, arguments.out)


def run_processing_record(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.cli.print_commands import _write
    from gwa_desktop.services.processing_record import build_processing_record

    return _write(build_processing_record(services.database, date.today()), arguments.out)
