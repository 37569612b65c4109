"""The window and `gwa` start without the heavy stacks; those load when first used.

Importing the print, export, exchange and migration libraries made up most of the
program's start (issue 12). Each test runs a fresh interpreter and looks at sys.modules.
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Loaded by the window only when a print, an export or an upgrade needs them.
WINDOW_LATER = (
    "alembic",
    "cryptography",
    "icalendar",
    "openpyxl",
    "pypdfium2",
    "pyzipper",
    "rapidfuzz",
    "reportlab",
    "uharfbuzz",
)
#: Loaded by `gwa` only for the commands that need them. The print stack (reportlab,
#: uharfbuzz) is kept out of `gwa count` by the print commands' own lazy imports; the
#: `holidays` package (a third of a second) by domain.public_holidays importing it when
#: the holidays of a year are first computed.
CLI_LATER = (
    "alembic",
    "cryptography",
    "holidays",
    "icalendar",
    "openpyxl",
    "pypdfium2",
    "pyzipper",
    "rapidfuzz",
    "reportlab",
    "uharfbuzz",
)


def _imported(code: str, names: tuple[str, ...]) -> list[str]:
    script = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(n for n in {names!r} if n in sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[-1])


def test_the_window_module_imports_none_of_the_heavy_stacks():
    assert _imported("import gwa_desktop.ui.app", WINDOW_LATER) == []


def test_the_command_line_imports_none_of_the_exchange_or_migration_stacks():
    assert _imported("import gwa_desktop.cli.main", CLI_LATER) == []


def test_gwa_count_runs_without_them(database_path):
    code = (
        "from gwa_desktop.cli.main import main\n"
        f"assert main(['--database', {str(database_path)!r}, 'count']) == 0"
    )
    assert _imported(code, CLI_LATER) == []


def test_the_first_pages_of_the_lists_do_not_load_the_collation_table(database_path):
    """Ranking enum labels needs the collation table (a quarter second to load); only a
    sort by such a column asks for it, not the lists' default order."""
    code = (
        "from gwa_desktop.services.listing import ListQuery\n"
        "from gwa_desktop.services.registry import Services\n"
        "from gwa_desktop.storage.database import open_database\n"
        f"services = Services.on(open_database({str(database_path)!r}))\n"
        "for service in (services.contacts, services.offers, services.activities):\n"
        "    service.list_rows(ListQuery(), 0, 500)\n"
        "    service.count(ListQuery())\n"
        "assert 'pyuca' not in sys.modules\n"
        "services.contacts.list_rows(ListQuery(sort_key='kind'), 0, 500)"
    )
    assert _imported(code, ("pyuca",)) == ["pyuca"]


def test_the_window_builds_without_the_collation_table(database_path, tmp_path):
    """The settings page's language field sorts 600 language names with the collation
    table; it does so when the officer first types there, not while the window is built."""
    code = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        f"os.environ['GWA_DATA_DIR'] = {str(tmp_path / 'data')!r}\n"
        "from gwa_desktop.ui.main_window import MainWindow\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from gwa_desktop.services.registry import Services\n"
        "from gwa_desktop.storage.database import open_database\n"
        "app = QApplication([])\n"
        f"window = MainWindow(Services.on(open_database({str(database_path)!r})))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert 'pyuca' not in sys.modules\n"
        "window.settings_page.text_languages._offer_choices('ara')\n"
    )
    assert _imported(code, ("pyuca",)) == ["pyuca"]
