"""`gwa quality [--format json]`: every data-quality finding with its count and record ids."""

from __future__ import annotations

import argparse
import json
from datetime import date

from gwa_desktop.i18n import _
from gwa_desktop.services.quality import findings
from gwa_desktop.services.registry import Services


def register(commands: argparse._SubParsersAction) -> None:
    quality = commands.add_parser("quality", help=_("list the data-quality findings"))
    quality.add_argument("--format", choices=("table", "json"), default="table")
    quality.set_defaults(handler=run_quality, reads_only=True)


def run_quality(arguments: argparse.Namespace, services: Services) -> int:
    found = findings(services.database, date.today())
    if arguments.format == "json":
        rows = [
            {"code": f.code, "entity": f.entity, "count": len(f.ids), "ids": list(f.ids)}
            for f in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for finding in found:
        ids = ", ".join(str(i) for i in finding.ids)
        print(f"{len(finding.ids)}\t{finding.label}\t{ids}")
    return 0
