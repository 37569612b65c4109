"""`gwa public-contact OFFER`: who and which number the offer's public prints show.

Without options it lists the offer's contact persons, whether each may be named
publicly, and the current choice; `--contact`/`--auto` and `--number` change it.
"""

from __future__ import annotations

import argparse
import sys

from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.public_contacts import PrintChoice, PublicContactService
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    public = commands.add_parser(
        "public-contact", help=_("show or choose the contact and number an offer's prints show")
    )
    public.add_argument("offer", type=int)
    who = public.add_mutually_exclusive_group()
    who.add_argument("--contact", type=int, help=_("id of the contact person to name"))
    who.add_argument(
        "--auto", action="store_true", help=_("name the first who may be named publicly")
    )
    public.add_argument("--number", choices=[n.value for n in PrintedNumber])
    public.set_defaults(handler=run_public_contact)


def run_public_contact(arguments: argparse.Namespace, services: Services) -> int:
    service = PublicContactService(services.database)
    try:
        choice = service.choice(arguments.offer)
        if arguments.contact is not None or arguments.auto or arguments.number:
            contact = None if arguments.auto else (arguments.contact or choice.contact_id)
            number = PrintedNumber(arguments.number) if arguments.number else choice.number
            choice = PrintChoice(contact, number)
            service.choose(arguments.offer, choice)
        candidates = service.candidates(arguments.offer)
    except ValidationError as error:
        print(str(error), file=sys.stderr)
        return 1
    except NotFoundError:
        print(_("There is no offer {id}.").format(id=arguments.offer), file=sys.stderr)
        return 1
    for candidate in candidates:
        mark = "*" if candidate.id == choice.contact_id else " "
        allowed = _("may be named publicly") if candidate.may_be_named else _("not public")
        print(f"{mark} {candidate.id}\t{candidate.name}\t{allowed}")
    print(choice.number.label)
    return 0
