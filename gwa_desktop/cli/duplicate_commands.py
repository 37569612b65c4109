"""`gwa duplicates`: likely duplicate contacts and offers with their score,
`gwa not-duplicate` to take a pair off that list for good (or back on with --undo), and
`gwa merge-contacts KEEP OTHER --take phone=other` to merge a pair into one contact."""

from __future__ import annotations

import argparse
import json
import sys

from gwa_desktop.domain.duplicates import CONTACTS, DEFAULT_THRESHOLD, OFFERS
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.merge import FIELDS, MergeService
from gwa_desktop.services.registry import Services


def score_value(text: str) -> int:
    """A threshold from 0 to 100, explained when it is not one."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a score; give a whole number from 0 to 100").format(text=text)
        )
    return value


def register(commands: argparse._SubParsersAction) -> None:
    found = commands.add_parser("duplicates", help=_("list likely duplicate contacts and offers"))
    found.add_argument("--format", choices=("table", "json"), default="table")
    found.add_argument(
        "--threshold",
        type=score_value,
        default=DEFAULT_THRESHOLD,
        help=_("lowest score of a contact pair listed (0-100, default {n})").format(
            n=DEFAULT_THRESHOLD
        ),
    )
    found.set_defaults(handler=run_duplicates, reads_only=True)

    distinct = commands.add_parser(
        "not-duplicate", help=_("declare two contacts or offers different, so they are not listed")
    )
    distinct.add_argument("entity", choices=(CONTACTS, OFFERS))
    distinct.add_argument("first", type=int)
    distinct.add_argument("second", type=int)
    distinct.add_argument("--undo", action="store_true", help=_("list the pair again"))
    distinct.set_defaults(handler=run_not_duplicate)

    merge = commands.add_parser(
        "merge-contacts", help=_("merge a contact into another, keeping every link")
    )
    merge.add_argument("keep", type=int, help=_("id of the contact that stays"))
    merge.add_argument("other", type=int, help=_("id of the contact merged into it (removed)"))
    merge.add_argument(
        "--take",
        action="append",
        default=[],
        type=taken_field,
        metavar="FIELD=other",
        help=_("take this field's value from the other contact ({fields})").format(
            fields=", ".join(FIELDS)
        ),
    )
    merge.set_defaults(handler=run_merge)

    merges = commands.add_parser(
        "merge-log", help=_("list every merge of contacts: when, which ids, which fields")
    )
    merges.add_argument("--format", choices=("table", "json"), default="table")
    merges.set_defaults(handler=run_merge_log, reads_only=True)


def taken_field(text: str) -> str:
    """`phone=other` or `phone`: the field's value comes from the other contact;
    `phone=keep` names the default (the kept contact's value) and takes nothing."""
    name, _sep, side = text.partition("=")
    if name not in FIELDS or side not in ("", "other", "keep"):
        raise argparse.ArgumentTypeError(
            _("{text!r}: write FIELD=other, with FIELD one of {fields}").format(
                text=text, fields=", ".join(FIELDS)
            )
        )
    return "" if side == "keep" else name


def run_duplicates(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services import duplicates  # RapidFuzz: only for this command

    pairs = duplicates.all_pairs(services.database, arguments.threshold)
    if arguments.format == "json":
        rows = [
            {
                "entity": p.entity,
                "first_id": p.first_id,
                "second_id": p.second_id,
                "score": p.score,
                "reasons": list(p.reasons),
            }
            for p in pairs
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    entities = {CONTACTS: _("Contacts"), OFFERS: _("Offers")}
    for p in pairs:
        print(
            f"{p.score}\t{entities[p.entity]}\t{p.first_id} {p.first_label}\t"
            f"{p.second_id} {p.second_label}\t{p.reason_text}"
        )
    return 0


def run_not_duplicate(arguments: argparse.Namespace, services: Services) -> int:
    from gwa_desktop.services import duplicates

    change = duplicates.unmark_distinct if arguments.undo else duplicates.mark_distinct
    try:
        change(services.database, arguments.entity, arguments.first, arguments.second)
    except ValidationError as error:
        print(str(error), file=sys.stderr)
        return 1
    except NotFoundError as error:
        print(_("There is no record {id}.").format(id=error.args[0]), file=sys.stderr)
        return 1
    return 0


def run_merge(arguments: argparse.Namespace, services: Services) -> int:
    try:
        result = MergeService(services.database).merge(
            arguments.keep, arguments.other, [name for name in arguments.take if name]
        )
    except ValidationError as error:
        print(str(error), file=sys.stderr)
        return 1
    except NotFoundError as error:
        print(_("There is no contact {id}.").format(id=error.args[0]), file=sys.stderr)
        return 1
    print(
        ngettext(
            "Contact {other} merged into {keep}; {n} link moved to it.",
            "Contact {other} merged into {keep}; {n} links moved to it.",
            result.links_moved,
        ).format(other=result.removed_id, keep=result.kept_id, n=result.links_moved)
    )
    return 0


def run_merge_log(arguments: argparse.Namespace, services: Services) -> int:
    entries = MergeService(services.database).log()
    rows = [
        {
            "merged_at": entry.merged_at.isoformat(timespec="seconds"),
            "kept_id": entry.kept_id,
            "removed_id": entry.removed_id,
            "fields_taken": [name for name in entry.fields_taken.split(",") if name],
            "links_moved": entry.links_moved,
        }
        for entry in entries
    ]
    if arguments.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        fields = ", ".join(row["fields_taken"]) or "-"
        print(
            f"{row['merged_at']}\t{row['removed_id']} → {row['kept_id']}\t{fields}\t"
            f"{row['links_moved']}"
        )
    return 0
