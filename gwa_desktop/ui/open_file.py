"""Open a saved file in the computer's own program, and say so when none starts.

Qt only logs a warning when no program is registered for PDFs (a fresh Windows without
a PDF reader, a Linux laptop without xdg-open); the officer then waited for a window
that never came. She is told instead, with the file's place, and may open its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from gwa_desktop.i18n import _
from gwa_desktop.ui.table_model import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE


def isolated(text: str) -> str:
    """A path keeps its own direction inside right-to-left text."""
    return FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE


def open_saved_file(parent: QWidget, path: Path) -> bool:
    """Show `path` in its program; when that fails, offer its folder. True if the file opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    answer = QMessageBox.question(
        parent,
        _("The file could not be opened"),
        _(
            "The file was saved as {path}, but no program to show it could be started on this computer "
            "(for PDF files, install a PDF reader). Open the folder with the file?"
        ).format(path=isolated(str(path))),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    if answer == QMessageBox.StandardButton.Open and not QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(path.parent))
    ):
        QMessageBox.information(
            parent,
            _("The file could not be opened"),
            _("The folder could not be opened either. The file is {path}").format(
                path=isolated(str(path))
            ),
        )
    return False
