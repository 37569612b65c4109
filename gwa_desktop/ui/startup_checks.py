"""Checks around the program's run: database integrity at start, an automatic backup at exit.

A damaged database file (a crash during a write on a failing disk, a pulled USB
stick) is found at start, while the automatic backups are still recent, and the user
is offered a restore right away instead of meeting errors later. SQLite's quick check
reads every page (about half a second for a 35 MiB file on an old laptop), so it runs
once the window has painted its first page, on a worker thread: the window answers
meanwhile, and the message comes when the check has found something.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.services import backup
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.exchange_menu import restore
from gwa_desktop.ui.progress import run_in_background

log = logging.getLogger(__name__)


def check_integrity_after_first_paint(current_window: Callable[[], QMainWindow]) -> None:
    """Run `offer_restore_if_damaged` once the event loop has shown the window.

    `current_window` gives the window on view when the check ends (the user may have
    switched the language, which builds a new one, while it ran).
    """
    QTimer.singleShot(0, lambda: offer_restore_if_damaged(current_window()))


def offer_restore_if_damaged(window: QMainWindow) -> bool:
    """Run SQLite's quick check off the GUI thread; on problems explain and offer the
    restore dialog. True if damaged."""
    database = window.services.database
    problems = run_in_background(lambda _progress: backup.integrity_problems(database))
    if not problems:
        return False
    log.error("integrity check failed: %s", problems[:10])
    if not window.isVisible():
        # Closed while the check ran: the log keeps the finding, the next start asks.
        return True
    answer = QMessageBox.warning(
        window,
        _("GWA Desktop"),
        _(
            "The database file is damaged (SQLite's integrity check failed). Entries may be missing or wrong.\n\n"
            "Do you want to restore a backup now? The damaged state is kept as a safety copy."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        restore(window, _("The database is damaged. Choose the most recent backup that is intact."))
    return True


def back_up_on_exit(database: Database) -> None:
    """The rotating automatic backup; a failure is logged, never blocks closing."""
    try:
        backup.automatic_backup(database)
    except (ExchangeError, OSError, sqlite3.Error):
        log.exception("automatic backup at exit failed")
