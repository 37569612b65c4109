"""`gwa count`: how many contacts, offers and activities the database holds.

On an up-to-date SQLite file the counts are read without SQLAlchemy or the models
(`quick_run`, services.counts); any other database (a server, one to upgrade or to
reindex, one to refuse) takes the full open of `cli.main.run` and the services' count,
which runs the same statement.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING

from gwa_desktop.i18n import _
from gwa_desktop.services.counts import COUNTED, quick_counts

if TYPE_CHECKING:
    from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    count = commands.add_parser("count", help=_("count contacts, offers and activities"))
    count.add_argument("entity", nargs="?", choices=sorted(COUNTED))
    count.set_defaults(handler=run_count, quick_run=quick_count, reads_only=True)


def _entities(arguments: argparse.Namespace) -> list[str]:
    return [arguments.entity] if arguments.entity else list(COUNTED)


def quick_count(arguments: argparse.Namespace, location: str) -> int | None:
    """Print the counts read over a plain connection; None when the full open must run."""
    counts = quick_counts(location, _entities(arguments))
    if counts is None:
        return None
    _print(counts)
    return 0


def run_count(arguments: argparse.Namespace, services: Services) -> int:
    _print({entity: getattr(services, entity).count() for entity in _entities(arguments)})
    return 0


def _print(counts: Mapping[str, int]) -> None:
    for entity, number in counts.items():
        print(f"{entity}\t{number}")
