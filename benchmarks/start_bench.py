"""Start-up as whole processes: the real window against a bare PySide6 window, imports.

(a) process start until the main window shows the first page of its list on the bench
database and the event loop idles (start_window.py program), against a bare PySide6
window with a line edit and a table (start_window.py floor); (b) `import
gwa_desktop.ui.app` against `import PySide6.QtWidgets`. Both offscreen, each with its
peak memory. The window works on a copy of the database in a fresh data folder: the
program's first open switches the file to WAL mode, and the shared cache stays as it is.
The copy's derived columns are brought up to date first, untimed: a freshly migrated
bench database records no search-text version, and every timed start would otherwise
recompute all 110,000 search texts (`services.reindex.ensure_current`, seconds).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from harness import Figure, alternate_processes, python_command, run_process

#: Untimed: what the program's first start after an upgrade does, once, to the copy.
BRING_CURRENT = (
    "import sys\n"
    "from gwa_desktop.services.reindex import ensure_current\n"
    "from gwa_desktop.storage.database import open_database\n"
    "database = open_database(sys.argv[1])\n"
    "ensure_current(database)\n"
    "database.close()\n"
)


def measure(database: Path, scale: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="gwa-start-bench-") as folder:
        copy = Path(folder) / "bench.sqlite"
        shutil.copy(database, copy)
        env = {"QT_QPA_PLATFORM": "offscreen", "GWA_DATA_DIR": str(Path(folder) / "data")}
        run_process(python_command("-c", BRING_CURRENT, str(copy)), env)
        (window, window_peak), (bare, bare_peak) = alternate_processes(
            python_command("benchmarks/start_window.py", "program", str(copy)),
            python_command("benchmarks/start_window.py", "floor"),
            env=env,
        )
        (imports, imports_peak), (qt, qt_peak) = alternate_processes(
            python_command("-c", "import gwa_desktop.ui.app"),
            python_command("-c", "import PySide6.QtWidgets"),
            env=env,
        )
    return [
        Figure(
            "process start to usable window",
            window,
            "bare PySide6 window (line edit, table)",
            bare,
            window_peak,
            bare_peak,
        ),
        Figure(
            "`import gwa_desktop.ui.app`",
            imports,
            "`import PySide6.QtWidgets`",
            qt,
            imports_peak,
            qt_peak,
        ),
    ]
