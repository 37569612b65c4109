"""`gwa profile`: the village profile per year and who has no offer.

`gwa profile --year 2026` prints the coverage gaps (age groups, target groups and
languages of the village that no active offer serves); `gwa profile import FILE --year`
reads the district's CSV or XLSX, `gwa profile set --year Y NAME=VALUE ...` stores figures
typed by hand, `gwa profile show --year` prints the stored figures.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from gwa_desktop.domain.languages import language_name
from gwa_desktop.domain.village_profile import FIGURES, PERCENT_KEYS
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.i18n.formatting import format_number
from gwa_desktop.services.registry import Services
from gwa_desktop.services.village_profile import VillageProfileService


def register(commands: argparse._SubParsersAction) -> None:
    profile = commands.add_parser(
        "profile", help=_("village profile per year and the groups no offer serves")
    )
    profile.add_argument("--year", type=int, default=date.today().year)
    profile.set_defaults(handler=run_gaps, reads_only=True)
    actions = profile.add_subparsers(dest="action")
    shown = actions.add_parser("show", help=_("the stored figures of a year"))
    shown.add_argument("--year", type=int, default=date.today().year)
    shown.set_defaults(handler=run_show, reads_only=True)
    imported = actions.add_parser("import", help=_("read the district's CSV or XLSX for a year"))
    imported.add_argument("file", type=Path)
    imported.add_argument("--year", type=int, required=True)
    imported.set_defaults(handler=run_import, reads_only=False)
    typed = actions.add_parser(
        "set",
        help=_(
            "store figures typed by hand, named as in the import file: "
            'Einwohner=1250 "Sprache ar=40"'
        ),
    )
    typed.add_argument("values", nargs="+", type=name_and_value, metavar="NAME=VALUE")
    typed.add_argument("--year", type=int, required=True)
    typed.set_defaults(handler=run_set, reads_only=False)
    printed = actions.add_parser(
        "print", help=_("the profile and its gaps as one page for the council")
    )
    printed.add_argument("--year", type=int, default=date.today().year)
    printed.add_argument("--out", type=Path, required=True, help=_("PDF file to write"))
    printed.set_defaults(handler=run_print, reads_only=True)


def run_show(arguments: argparse.Namespace, services: Services) -> int:
    profile = VillageProfileService(services.database).get(arguments.year)
    for key, label, _percent in FIGURES:
        if key in profile.figures:
            suffix = " %" if key in PERCENT_KEYS else ""
            print(f"{_(label)}: {format_number(profile.figures[key])}{suffix}")
    for code, speakers in sorted(profile.languages.items(), key=lambda item: -item[1]):
        print(f"{language_name(code, ui_language())}: {format_number(speakers)}")
    if not profile.figures and not profile.languages:
        print(_("No village profile for {year} yet.").format(year=arguments.year))
    return 0


def name_and_value(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(
            _("“{text}” is not NAME=VALUE, e.g. Einwohner=1250.").format(text=text)
        )
    return name.strip(), value.strip()


def run_set(arguments: argparse.Namespace, services: Services) -> int:
    profile = VillageProfileService(services.database).set_values(
        arguments.year, dict(arguments.values)
    )
    print(
        _("Village profile {year}: {figures} figures and {languages} languages stored.").format(
            year=profile.year, figures=len(profile.figures), languages=len(profile.languages)
        )
    )
    return 0


def run_import(arguments: argparse.Namespace, services: Services) -> int:
    profile = VillageProfileService(services.database).import_file(arguments.file, arguments.year)
    print(
        _("Village profile {year}: {figures} figures and {languages} languages stored.").format(
            year=profile.year, figures=len(profile.figures), languages=len(profile.languages)
        )
    )
    return 0


def run_gaps(arguments: argparse.Namespace, services: Services) -> int:
    service = VillageProfileService(services.database)
    if arguments.year not in service.years():
        print(_("No village profile for {year} yet.").format(year=arguments.year))
        return 1
    labels = {key: _(label) for key, label, _percent in FIGURES}
    gaps = service.gaps(arguments.year)
    for gap in gaps:
        if gap.kind == "age_group":
            text = _("No active offer for {group} ({n} inhabitants)").format(
                group=labels[gap.key], n=format_number(gap.size)
            )
        elif gap.kind == "target_group":
            text = _("No active offer for newcomers ({share} % with migration history)").format(
                share=format_number(gap.size)
            )
        else:
            text = _("No active offer in {language} ({n} speakers)").format(
                language=language_name(gap.key, ui_language()), n=format_number(gap.size)
            )
        print(text)
    if not gaps:
        print(_("Every age group and language of the village has an active offer."))
    return 0


def run_print(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.exchange.atomic import write_bytes_atomically
    from gwa_desktop.output.pdf.report import build_report
    from gwa_desktop.services.village_profile import profile_document

    service = VillageProfileService(services.database)
    if arguments.year not in service.years():
        print(_("No village profile for {year} yet.").format(year=arguments.year))
        return 1
    municipality = services.settings.get()
    document = profile_document(
        service.get(arguments.year), service.gaps(arguments.year), municipality.name
    )
    document.hidden_note = ""
    result = build_report(document, municipality)
    write_bytes_atomically(arguments.out, result.pdf)
    print(
        ngettext("{path}: {n} page", "{path}: {n} pages", result.pages).format(
            path=arguments.out, n=result.pages
        )
    )
    return 0
