"""One measured start, run as its own process by start_bench.py.

    start_window.py program DATABASE   the real program's start path (gwa_desktop.ui.app.main)
    start_window.py floor              a bare PySide6 window with a line edit and a table

Either exits (with os._exit, skipping the backup at exit) as soon as its window is shown
with the first rows of its list and the event loop has nothing left to do, so the
process's lifetime is "start to usable window".
"""

from __future__ import annotations

import os
import sys

#: Give up (exit code 1) rather than wait for ever when the window never gets ready.
MAX_TRIES = 20_000


def exit_when(ready, tries: int = 0) -> None:
    """Poll from the event loop: a zero timer fires once pending events are handled."""
    from PySide6.QtCore import QTimer

    if ready():
        sys.stdout.flush()
        os._exit(0)
    if tries > MAX_TRIES:
        os._exit(1)
    QTimer.singleShot(0, lambda: exit_when(ready, tries + 1))


def program_ready() -> bool:
    from PySide6.QtWidgets import QApplication

    from gwa_desktop.ui.main_window import MainWindow
    from gwa_desktop.ui.pages.list_page import ListPage

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            # A list shows its first rows; the week page (the first screen since issue
            # 13) fills itself while the window is built.
            page = widget.current_page()
            return not isinstance(page, ListPage) or page.model.rowCount() > 0
    return False


def run_program(database: str) -> int:
    # The program's module first, as its entry point imports it (the import order
    # matters: see gwa_desktop/ui/__init__.py); main() then takes this running
    # instance, as it does under the tests.
    from gwa_desktop.ui.app import main  # noqa: I001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: exit_when(program_ready))
    status = main(["--database", database, "--language", "de"])
    del app
    return status


def run_floor() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    table = QTableWidget(50, 6)
    for row in range(50):
        for column in range(6):
            table.setItem(row, column, QTableWidgetItem(f"{row}/{column}"))
    layout.addWidget(table)
    window.resize(1180, 720)
    window.show()
    QTimer.singleShot(0, lambda: exit_when(lambda: window.isVisible()))
    return app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "program":
        raise SystemExit(run_program(sys.argv[2]))
    raise SystemExit(run_floor())
