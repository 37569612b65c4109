"""`gwa district packages|review`: the list of imported packages and the officer's verdict.

    gwa district packages
    gwa district review 12 --state questions --note "March: 400 participants at one café?"

The package number is the first column of the list. A rejected package stays in the
list (and can be reviewed again) but counts in no figure.
"""

from __future__ import annotations

import argparse

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.district_review import (
    STATES,
    default_reviewer,
    get_review,
    list_packages,
    reviewed_on,
    save_review,
    state_label,
)
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.services.registry import Services


def register_actions(actions: argparse._SubParsersAction) -> None:
    actions.add_parser(
        "packages", help=_("list the imported packages with their review state")
    ).set_defaults(handler=run_packages)
    review = actions.add_parser("review", help=_("record the review of an imported package"))
    review.add_argument("package", type=int, help=_("the package number from the list"))
    review.add_argument("--state", required=True, choices=STATES, help=_("the verdict"))
    review.add_argument("--note", default="", help=_("what was asked, or why it was rejected"))
    review.add_argument("--by", default=None, help=_("who reviewed (default: the login name)"))
    review.set_defaults(handler=run_review)


def run_packages(_arguments: argparse.Namespace, services: Services) -> int:
    entries = list_packages(services.database)
    header = [
        _("No."),
        _("Municipality"),
        _("Period"),
        _("Activities"),
        _("Review"),
        _("Reviewed by"),
        _("Reviewed on"),
        _("Note"),
    ]
    print("\t".join(header))
    for entry in entries:
        review = entry.review
        row = [
            str(entry.package_id),
            entry.municipality,
            entry.period,
            str(entry.activities),
            state_label(review.state),
            review.reviewed_by,
            reviewed_on(review),
            " ".join(review.note.split()),
        ]
        print("\t".join(row))
    if not entries:
        print(_("No packages imported."))
    return 0


def run_review(arguments: argparse.Namespace, services: Services) -> int:
    try:
        current = get_review(services.database, arguments.package)
    except NotFoundError:
        print(_("There is no imported package number {number}.").format(number=arguments.package))
        return 2
    current.state, current.note = arguments.state, arguments.note
    current.reviewed_by = arguments.by if arguments.by is not None else default_reviewer()
    try:
        save_review(services.database, current)
    except NotFoundError:
        print(_("There is no imported package number {number}.").format(number=arguments.package))
        return 2
    print(
        _("Package {number}: {state}.").format(
            number=arguments.package, state=state_label(current.state)
        )
    )
    if not current.counts:
        print(_("A rejected package is kept but counts in no figure."))
    return 0


def print_rejected(services: Services) -> None:
    """Below the overview: how many packages it leaves out, so its sums are not misread."""
    rejected = sum(1 for entry in list_packages(services.database) if not entry.review.counts)
    if rejected:
        print(
            ngettext(
                "{n} rejected package is not counted (gwa district packages lists it).",
                "{n} rejected packages are not counted (gwa district packages lists them).",
                rejected,
            ).format(n=rejected)
        )
