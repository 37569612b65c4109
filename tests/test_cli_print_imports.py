"""`gwa print …` loads what its print needs and nothing of the exchange stack or the GUI.

Importing openpyxl, icalendar and pyzipper (the district packages) or PySide6 costs a
print command more than drawing the flyer.  Each print runs in a process of its own
here, through the print commands' parser and handlers, and reports the modules it
ended with; the command-line entry point's own imports (`cli/main.py`) are not part
of this check.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gwa_desktop.services.offers import OfferService
from tests.output.print_samples import sample_offer

#: Build the print commands' parser, run one print against a database file, and print
#: the modules imported after the parser was built and at the end.
SCRIPT = """
import argparse, json, sys
from gwa_desktop.cli import print_commands
parser = argparse.ArgumentParser()
print_commands.register(parser.add_subparsers(dest="command", required=True))
after_parser = sorted(sys.modules)
arguments = parser.parse_args(sys.argv[2:])
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
database = open_database(sys.argv[1])
code = arguments.handler(arguments, Services.on(database))
database.close()
print(json.dumps({"code": code, "parser": after_parser, "end": sorted(sys.modules)}))
"""
EXCHANGE_AND_GUI = ("openpyxl", "icalendar", "pyzipper", "xlsxwriter", "PySide6", "shiboken6")
FLYER, OVERVIEW, WEEKLY, CONSENT = (
    f"gwa_desktop.output.pdf.{name}"
    for name in ("flyer", "overview", "weekly_plan", "consent_form")
)
#: Per print: the builder it needs, and the other prints' builders it must not load
#: (the overview command makes both boards, so it may load both).
BUILDERS = {
    "flyer": (FLYER, {OVERVIEW, WEEKLY, CONSENT}),
    "overview": (OVERVIEW, {FLYER, CONSENT}),
    "weekly": (WEEKLY, {FLYER, CONSENT}),
    "consent": (CONSENT, {FLYER, OVERVIEW, WEEKLY}),
}


def _run(database_path, tmp_path, *arguments: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(database_path), "print", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["code"] == 0, run.stderr
    return report


def _top_level(modules: object) -> set[str]:
    assert isinstance(modules, list)
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    ("kind", "arguments"),
    [
        (
            "flyer",
            ["flyer", "{id}", "--lang", "de", "--lang", "ar", "--lang", "fa", "--lang", "tr"],
        ),
        ("overview", ["overview", "--paper", "A3", "--lang", "de", "--lang", "ar"]),
        ("weekly", ["overview", "--weekly-plan", "--lang", "de", "--lang", "uk"]),
        ("consent", ["consent", "--lang", "ar"]),
    ],
)
def test_a_print_imports_neither_the_exchange_stack_nor_the_gui_nor_other_prints(
    database, database_path, tmp_path, kind, arguments
):
    offer_id = OfferService(database).create(sample_offer(offer_id=None))
    out = tmp_path / f"{kind}.pdf"
    filled = [part.format(id=offer_id) for part in arguments] + ["--out", str(out)]
    report = _run(database_path, tmp_path, *filled)

    assert out.read_bytes().startswith(b"%PDF")
    assert not _top_level(report["end"]) & set(EXCHANGE_AND_GUI)
    # The parser alone needs no PDF library; the print only its own builder.
    assert not _top_level(report["parser"]) & {"reportlab", "uharfbuzz", "icu4py"}
    needed, others = BUILDERS[kind]
    assert needed in report["end"]
    assert not others & set(report["end"])
