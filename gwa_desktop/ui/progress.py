"""Long exchange steps in the UI: a progress dialog with Cancel, and one place for their errors.

The work runs in the GUI thread and lets Qt process events whenever it reports
progress; pressing Cancel makes that report raise `Cancelled`, which unwinds through
the atomic writer or the database transaction, so nothing half-done remains.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from gwa_desktop.exchange.errors import Cancelled, ExchangeError
from gwa_desktop.exchange.progress import Progress
from gwa_desktop.i18n import _
from gwa_desktop.ui.operations import attempt, show_error

T = TypeVar("T")
SCALE = 1000


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[Progress], T]) -> tuple[bool, T | None]:
    """Run `work(progress)` behind a cancellable progress dialog; (False, None) after a message on failure."""
    dialog = QProgressDialog(label, _("Cancel"), 0, SCALE, parent)
    dialog.setWindowTitle(_("GWA Desktop"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)

    def progress(done: int, total: int, text: str) -> None:
        if total:
            dialog.setValue(min(SCALE - 1, int(done * SCALE / total)))
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled()

    try:
        ok, result = attempt(parent, lambda: work(progress))
    except Cancelled as cancelled:
        QMessageBox.information(parent, _("GWA Desktop"), str(cancelled))
        return False, None
    except ExchangeError as error:
        show_error(parent, str(error))
        return False, None
    finally:
        dialog.reset()
        dialog.deleteLater()
    return ok, result
