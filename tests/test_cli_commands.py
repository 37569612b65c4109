"""`gwa` registers only the chosen command's module, and knows which module that is.

Importing every command module made up much of a short command's run (issue 12); the
parser now imports the module of the command named on the line (`COMMAND_OWNERS`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

import pytest

from gwa_desktop.cli import main as cli


def _registered(name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    importlib.import_module(f"gwa_desktop.cli.{name}").register(commands)
    return set(commands.choices)


def test_every_command_is_owned_by_the_module_that_registers_it():
    owners = {command: module for module in cli.COMMAND_MODULES for command in _registered(module)}
    assert owners == cli.COMMAND_OWNERS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["count"], ("count_commands",)),
        (["--database", "print", "print", "flyer", "1"], ("print_commands",)),
        (["--database=x.sqlite", "--portable", "export", "district"], ("exchange_commands",)),
        (["--help"], cli.COMMAND_MODULES),
        ([], cli.COMMAND_MODULES),
        (["cuont"], cli.COMMAND_MODULES),
    ],
)
def test_the_command_word_chooses_the_modules(argv, expected):
    assert cli._modules_for(argv) == expected


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in cli.COMMAND_OWNERS)


def test_a_mistyped_command_names_the_choices(capsys):
    with pytest.raises(SystemExit):
        cli.main(["cuont"])
    err = capsys.readouterr().err
    assert "count" in err and "district" in err


def test_gwa_count_imports_no_other_command_module(database_path):
    script = (
        "import json, sys\n"
        "from gwa_desktop.cli.main import main\n"
        f"code = main(['--database', {str(database_path)!r}, 'count'])\n"
        "print(json.dumps([code, sorted(n for n in sys.modules if n.endswith('_commands'))]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    code, modules = json.loads(run.stdout.splitlines()[-1])
    assert code == 0
    assert modules == ["gwa_desktop.cli.count_commands"]


def test_gwa_count_counts_what_the_lists_count(database):
    """`gwa count` counts each table; the figures are those of the services' list counts,
    on the demo village (organisations with members, several roles and languages per
    contact, offers with texts in several languages), with and without a removed row."""
    from gwa_desktop.cli.listing_commands import ENTITIES
    from gwa_desktop.services.demo_data import load_demo_data
    from gwa_desktop.services.listing import ListQuery
    from gwa_desktop.services.registry import Services
    from gwa_desktop.storage.models import Activity

    services = Services.on(database)
    assert [getattr(services, entity).count() for entity in ENTITIES] == [0, 0, 0]
    load_demo_data(database)
    for _round in range(2):
        expected = [getattr(services, entity).count(ListQuery()) for entity in ENTITIES]
        assert all(expected)
        assert [getattr(services, entity).count() for entity in ENTITIES] == expected
        with database.session() as session:
            session.delete(session.query(Activity).first())


def test_gwa_count_the_full_way_configures_no_mapper(database_path):
    """Configuring the 43 mappers is a tenth of a second `gwa count` does without (once
    the search index is current: the first run on a new file computes it), also where it
    takes the full open: an URL, a server, a file to upgrade (tests/test_cli_count.py)."""
    assert cli.main(["--database", str(database_path), "count"]) == 0
    url = f"sqlite:///{database_path}"
    code = (
        "from gwa_desktop.cli.main import main\n"
        f"assert main(['--database', {url!r}, 'count']) == 0\n"
        "import sys\n"
        "assert 'gwa_desktop.services.registry' in sys.modules\n"
        "from gwa_desktop.storage.models import Contact\n"
        "assert not Contact.__mapper__.configured\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
