"""`gwa reindex`: compute every sort key and search text again."""

from __future__ import annotations

import argparse

from gwa_desktop.i18n import _
from gwa_desktop.services.registry import Services
from gwa_desktop.services.reindex import reindex


def register(commands: argparse._SubParsersAction) -> None:
    commands.add_parser(
        "reindex",
        help=_(
            "compute the sort keys and search texts of all records again (after a collation or catalog change)"
        ),
    ).set_defaults(handler=run_reindex)


def run_reindex(_arguments: argparse.Namespace, services: Services) -> int:
    summary = reindex(services.database)
    print(_("Records whose sort key or search text changed: {n}").format(n=summary.changed))
    return 0
