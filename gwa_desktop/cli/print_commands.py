"""`gwa print flyer|overview|consent`: the same PDFs as the program, for scripts and batch printing.

Warnings (missing translation, unreadable logo, characters without font) go to stderr;
the PDF is still written, as in the program.  An empty selection is an error (exit 1).

Only the chosen print's modules are imported, by its handler: building the parser for
any `gwa` command must not load ReportLab, and a print never loads the exchange formats
(spreadsheets, calendars, zip packages).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gwa_desktop.cli import completeness_commands
from gwa_desktop.domain.enums import OfferCategory, TargetGroup
from gwa_desktop.domain.languages import is_known_language, normalise_code
from gwa_desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from gwa_desktop.output.pdf.document import PrintResult
    from gwa_desktop.services.registry import Services

#: The paper sizes each print offers (all of them in output.pdf.document.PAPER_SIZES).
FLYER_PAPERS = ("A4", "A5")
BOARD_PAPERS = ("A4", "A3")


#: What the prints read (traced with SQLite's authorizer): `gwa` checks these tables for
#: damage before a print instead of the whole file (cli.main.run).
PRINTED_TABLES = (
    "offers",
    "offer_texts",
    "offer_languages",
    "offer_target_groups",
    "offer_date_changes",
    "offer_contacts",
    "offer_print_contacts",
    "contacts",
    "consent_records",
    "holiday_periods",
    "municipality_settings",
)


def register(commands: argparse._SubParsersAction) -> None:
    printing = commands.add_parser(
        "print", help=_("make flyers, notice-board overviews and consent forms as PDF")
    )
    kinds = printing.add_subparsers(dest="print_kind", required=True)

    flyer = kinds.add_parser("flyer", help=_("flyer for one offer in 1 to 4 languages"))
    flyer.add_argument("offer_id", type=int, help=_("number of the offer (see: gwa list offers)"))
    _common(flyer, default_paper="A4", papers=FLYER_PAPERS)
    flyer.add_argument("--stacked", action="store_true", help=_("languages one below the other"))
    flyer.add_argument(
        "--strips", action="store_true", help=_("tear-off strips with the phone number")
    )
    flyer.add_argument(
        "--plain-language",
        action="store_true",
        help=_("plain language: large type, short sentences, one fact per line"),
    )
    flyer.set_defaults(handler=run_flyer, checked_tables=PRINTED_TABLES)

    overview = kinds.add_parser(
        "overview", help=_("overview of the active offers for the notice board")
    )
    _common(overview, default_paper="A4", papers=BOARD_PAPERS)
    overview.add_argument(
        "--landscape", action="store_true", help=_("landscape instead of portrait")
    )
    overview.add_argument(
        "--group",
        choices=("category", "weekday"),
        default="category",
        help=_("group the offers by category or by weekday"),
    )
    overview.add_argument(
        "--weekly-plan", action="store_true", help=_("Monday-to-Sunday grid instead of a list")
    )
    overview.add_argument("--category", choices=[c.value for c in OfferCategory])
    overview.add_argument("--target-group", choices=[g.value for g in TargetGroup])
    overview.add_argument(
        "--offer",
        type=int,
        action="append",
        dest="offer_ids",
        help=_("only this offer (repeatable)"),
    )
    overview.set_defaults(handler=run_overview, checked_tables=PRINTED_TABLES)

    consent = kinds.add_parser("consent", help=_("consent form in German and one more language"))
    consent.add_argument(
        "--lang", default="de", type=_language, help=_("second language of the form")
    )
    consent.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))
    consent.set_defaults(handler=run_consent, checked_tables=PRINTED_TABLES)
    completeness_commands.register_print(kinds)


def _common(parser: argparse.ArgumentParser, default_paper: str, papers: tuple[str, ...]) -> None:
    parser.add_argument(
        "--lang",
        action="append",
        dest="languages",
        type=_language,
        help=_("print language (repeatable; default: de)"),
    )
    parser.add_argument(
        "--paper",
        choices=papers,
        default=default_paper,
        help=_("paper size"),
    )
    parser.add_argument("--out", required=True, type=Path, help=_("PDF file to write"))


def run_flyer(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.output.pdf.flyer import MAX_LANGUAGES, FlyerOptions
    from gwa_desktop.services.errors import NotFoundError
    from gwa_desktop.services.printing import PrintingService

    languages = tuple(arguments.languages or ["de"])
    if len(languages) > MAX_LANGUAGES:
        print(_("A flyer has at most {n} languages.").format(n=MAX_LANGUAGES), file=sys.stderr)
        return 2
    options = FlyerOptions(
        languages,
        arguments.paper,
        "stacked" if arguments.stacked else "side_by_side",
        arguments.strips,
        arguments.plain_language,
    )
    try:
        result = PrintingService.from_services(services).flyer(arguments.offer_id, options)
    except NotFoundError:
        print(
            _("There is no offer with the number {id}.").format(id=arguments.offer_id),
            file=sys.stderr,
        )
        return 1
    return _write(result, arguments.out)


def run_overview(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.output.pdf.document import EmptySelectionError
    from gwa_desktop.output.pdf.overview import OverviewOptions
    from gwa_desktop.services.printing import OverviewSelection, PrintingService

    selection = OverviewSelection(
        offer_ids=tuple(arguments.offer_ids) if arguments.offer_ids else None,
        category=OfferCategory(arguments.category) if arguments.category else None,
        target_group=TargetGroup(arguments.target_group) if arguments.target_group else None,
    )
    options = OverviewOptions(
        tuple((arguments.languages or ["de"])[:2]),
        arguments.paper,
        arguments.landscape,
        arguments.group,
    )
    try:
        result = PrintingService.from_services(services).overview(
            selection, options, arguments.weekly_plan
        )
    except EmptySelectionError:
        print(_("No offer matches this selection; nothing was printed."), file=sys.stderr)
        return 1
    return _write(result, arguments.out)


def run_consent(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.printing import PrintingService

    return _write(
        PrintingService.from_services(services).consent_form(arguments.lang), arguments.out
    )


def _language(code: str) -> str:
    """An ISO 639 code argparse accepts; anything else is refused before printing."""
    if not is_known_language(code):
        raise argparse.ArgumentTypeError(
            _("Unknown language code: {codes}. Use ISO 639 codes such as de, ar, uk, fa.").format(
                codes=code
            )
        )
    return normalise_code(code)


def _write(result: PrintResult, path: Path) -> int:
    from gwa_desktop.exchange.atomic import write_bytes_atomically
    from gwa_desktop.exchange.errors import ExchangeError

    for warning in result.warnings:
        print(_("Warning: {message}").format(message=warning.message), file=sys.stderr)
    try:
        write_bytes_atomically(path, result.pdf)
    except ExchangeError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(
        ngettext("{path}: {n} page", "{path}: {n} pages", result.pages).format(
            path=path, n=result.pages
        )
    )
    return 0
