"""`gwa threshold [N]`: from how many cases the district outputs show a count."""

from __future__ import annotations

import argparse

from gwa_desktop.domain.suppression import HIDDEN, MAX_THRESHOLD, MIN_THRESHOLD
from gwa_desktop.i18n import _
from gwa_desktop.services.disclosure_settings import (
    disclosure_threshold,
    set_disclosure_threshold,
)
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "threshold",
        help=_("show or set from how many cases the district figures show a count"),
    )
    command.add_argument(
        "value",
        nargs="?",
        help=_("new threshold, a whole number from {low} to {high}").format(
            low=MIN_THRESHOLD, high=MAX_THRESHOLD
        ),
    )
    command.set_defaults(handler=run_threshold)


def run_threshold(arguments: argparse.Namespace, services: Services) -> int:
    if arguments.value is not None:
        set_disclosure_threshold(services.database, arguments.value)
    threshold = disclosure_threshold(services.database)
    print(
        _(
            "Counts from 1 to {below} are printed as “{hidden}” in the district figures "
            "(threshold {threshold})."
        ).format(below=threshold - 1, hidden=HIDDEN, threshold=threshold)
    )
    return 0
