"""`gwa export district|vcard|ical`, `gwa import`, `gwa fingerprint`, `gwa backup`, `gwa restore`: the USB exchange from scripts.

The exchange formats (openpyxl, pyzipper, icalendar, cryptography) are imported by the
command that uses them: every `gwa` run builds this module's parser, `gwa count` too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from gwa_desktop.cli.arguments import iso_date
from gwa_desktop.domain.plain_text import one_line
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.paths import backups_dir
from gwa_desktop.preferences import store_backup_months
from gwa_desktop.services import backup
from gwa_desktop.services.backup_key import key_file_statement, password_statement
from gwa_desktop.services.periods import EXPORT_PRESETS, named_period
from gwa_desktop.services.registry import Services

#: What `gwa export district` reads and writes, checked before it runs (cli.main.run)
#: instead of the whole file: the search indexes, the district's tables and the other
#: records of the village are most of it and go into no package.
EXPORTED_TABLES = (
    "municipality_settings",
    "publication_settings",
    "index_versions",
    "contacts",
    "contact_languages",
    "contact_topics",
    "consent_records",
    "offers",
    "offer_texts",
    "offer_languages",
    "offer_target_groups",
    "activities",
    "activity_languages",
    "erased_tokens",
    "installation_salt",
    "installation_keys",
    "installation_identity",
    "exported_packages",
)


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help=_("export for the district, a phone or a calendar"))
    kinds = export.add_subparsers(dest="kind", required=True)
    district = kinds.add_parser("district", help=_("write the package for the district office"))
    district.add_argument("--from", dest="start", type=iso_date, help=_("first day, YYYY-MM-DD"))
    district.add_argument("--to", dest="end", type=iso_date, help=_("last day, YYYY-MM-DD"))
    district.add_argument(
        "--period",
        choices=[key for key, _label in EXPORT_PRESETS],
        help=_("instead of --from and --to: a calendar quarter or year counted from today"),
    )
    district.add_argument("--out", type=Path, help=_("folder, e.g. the USB stick"))
    district.add_argument(
        "--show-texts",
        action="store_true",
        help=_("list every text that would leave, with what was blanked out; write nothing"),
    )
    district.add_argument(
        "--encrypted", action="store_true", help=_("include contacts, encrypted with a password")
    )
    district.add_argument(
        "--password-file", type=Path, help=_("file whose first line is the password")
    )
    district.set_defaults(handler=run_export_district, checked_tables=EXPORTED_TABLES)
    for name, handler, text in (
        ("vcard", run_export_vcard, _("contacts as vCard file")),
        ("ical", run_export_ical, _("offers and activities as iCalendar file")),
    ):
        device = kinds.add_parser(name, help=text)
        device.add_argument("--out", type=Path, required=True, help=_("file to write"))
        device.set_defaults(handler=handler)
    package = commands.add_parser("import", help=_("import district packages (district mode)"))
    package.add_argument("packages", nargs="+", type=Path)
    package.add_argument(
        "--password-file", type=Path, help=_("file whose first line is the password")
    )
    package.add_argument(
        "--receipts", type=Path, help=_("folder for the receipts (default: beside each package)")
    )
    package.add_argument(
        "--accept-key",
        metavar="FINGERPRINT",
        help=_("accept this new key of a municipality (after comparing its fingerprint by phone)"),
    )
    package.add_argument(
        "--dry-run",
        action="store_true",
        help=_("only show what the import would do with each package; store nothing"),
    )
    package.set_defaults(handler=run_import)
    own = commands.add_parser(
        "fingerprint", help=_("show the fingerprint of this installation's signing key")
    )
    own.set_defaults(handler=run_fingerprint)
    copy = commands.add_parser("backup", help=_("back up the database"))
    copy.add_argument("--out", type=Path, help=_("folder (default: the backup folder)"))
    copy.add_argument(
        "--keep-months",
        type=_months,
        metavar="N",
        help=_(
            "keep the monthly automatic backups for N months on this computer (default: 24); stored"
        ),
    )
    copy.add_argument(
        "--password-file",
        type=Path,
        help=_("encrypt with the password in the file's first line instead of the key file"),
    )
    copy.set_defaults(handler=run_backup)
    restore = commands.add_parser(
        "restore", help=_("restore a backup (a safety copy is made first)")
    )
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--password-file", type=Path, help=_("file whose first line is the password")
    )
    restore.set_defaults(handler=run_restore, when_unopenable=run_restore_in_place)


def _password(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ExchangeError(
            _("The password file {path} cannot be read ({reason}).").format(path=path, reason=error)
        ) from error
    return lines[0] if lines else ""


def run_export_district(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_export import export_district

    if arguments.period is not None:
        period = named_period(arguments.period, date.today())
    elif arguments.start is not None and arguments.end is not None:
        period = Period(arguments.start, arguments.end)
    else:
        print(_("Give the period with --from and --to, or with --period."))
        return 2
    if arguments.show_texts:
        return _show_texts(services, period)
    if arguments.out is None:
        print(_("--out is needed to write the package (or --show-texts to only list its texts)."))
        return 2
    if arguments.encrypted and arguments.password_file is None:
        print(_("--encrypted needs --password-file."))
        return 2
    password = _password(arguments.password_file) if arguments.encrypted else None
    path = export_district(services.database, period, arguments.out, password)
    print(path)
    return 0


def _show_texts(services: Services, period: Period) -> int:
    from gwa_desktop.services.district_preview import outgoing_texts

    texts = outgoing_texts(services.database, period)
    for text in texts:
        blanked = (
            "\t" + _("blanked out: {what}").format(what=", ".join(text.blanked))
            if text.blanked
            else ""
        )
        print(f"{text.field}\t{text.count}\t{one_line(text.text)}{blanked}")
    print(
        ngettext(
            "{count} distinct text would leave; {blanked} with something blanked out.",
            "{count} distinct texts would leave; {blanked} with something blanked out.",
            len(texts),
        ).format(count=len(texts), blanked=sum(1 for t in texts if t.blanked))
    )
    return 0


def run_export_vcard(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.device_export import export_vcard

    print(
        _("{count} contacts written to {path}").format(
            count=export_vcard(services.database, arguments.out), path=arguments.out
        )
    )
    return 0


def run_export_ical(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.device_export import export_ical

    print(
        _("{count} events written to {path}").format(
            count=export_ical(services.database, arguments.out), path=arguments.out
        )
    )
    return 0


def run_import(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services.district_import import OLDER, OVERLAPS, import_packages

    if arguments.dry_run:
        return _dry_run(arguments, services)
    results = import_packages(
        services.database,
        arguments.packages,
        _password(arguments.password_file),
        arguments.receipts,
        accept_key=arguments.accept_key,
    )
    for result in results:
        print(
            result.message
            if result.path.name in result.message
            else f"{result.path.name}: {result.message}"
        )
    # A package that was not taken (refused, overlapping, older than the one there) is
    # a failure for a script that moves packages on only when they were imported.
    not_taken = [r for r in results if r.refused or r.outcome in (OLDER, OVERLAPS)]
    return 2 if not_taken else 0


def _dry_run(arguments: argparse.Namespace, services: Services) -> int:
    """One block per package: file, verdict, village and period, the reason, each warning."""
    from gwa_desktop.services.district_dry_run import REFUSED, dry_run

    verdicts = dry_run(
        services.database,
        arguments.packages,
        _password(arguments.password_file),
        accept_key=arguments.accept_key,
    )
    for verdict in verdicts:
        village = f"{verdict.municipality}, {verdict.period}" if verdict.municipality else ""
        print("\t".join(part for part in (verdict.path.name, verdict.label, village) if part))
        print(f"  {one_line(verdict.reason)}")
        for warning in verdict.warnings:
            print("  " + _("Note: {warning}").format(warning=one_line(warning)))
    print(_("Dry run: nothing was imported."))
    return 2 if any(v.verdict == REFUSED for v in verdicts) else 0


def _months(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(_("a whole number of months, at least 1"))
    return int(value)


def run_fingerprint(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services import installation_key

    print(
        _("Fingerprint of this installation: {fingerprint}").format(
            fingerprint=installation_key.fingerprint(services.database)
        )
    )
    print(
        _("The district office compares it with the one it recorded when it imports your packages.")
    )
    from gwa_desktop.services.installation_identity import installation_id

    print(
        _("Installation id (the district knows your packages by it): {id}").format(
            id=installation_id(services.database)
        )
    )
    return 0


def run_backup(arguments: argparse.Namespace, services: Services) -> int:
    if arguments.keep_months is not None:
        store_backup_months(arguments.keep_months)
    password = _password(arguments.password_file)
    if password is not None:
        backup.check_backup_password(services.database, password)
    print(
        backup.backup_database(services.database, arguments.out or backups_dir(), password=password)
    )
    if password is None:
        print(key_file_statement())
    else:
        print(password_statement())
    print(
        _("Monthly automatic backups are kept for {months} months on this computer.").format(
            months=backup.keep_months()
        )
    )
    return 0


def run_restore_in_place(arguments: argparse.Namespace, target: Path) -> int:
    """The database cannot be opened (damaged): put the backup in its place."""
    try:
        password = _password(arguments.password_file)
        print(backup.describe_backup(arguments.file, password).describe())
        kept = backup.restore_in_place_of(arguments.file, target, password)
    except ExchangeError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(_("Restored. The unreadable database was kept as {path}").format(path=kept))
    return 0


def run_restore(arguments: argparse.Namespace, services: Services) -> int:
    password = _password(arguments.password_file)
    summary = backup.describe_backup(arguments.file, password)
    print(summary.describe())
    safety = backup.restore_backup(services.database, arguments.file, password=password)
    print(_("Restored. The previous state was saved as {path}").format(path=safety))
    return 0
