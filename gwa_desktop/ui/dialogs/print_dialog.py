"""The shared print dialog: options on the left, a preview of page 1 on the right.

Every change of an option rebuilds the PDF (through the printing service) shortly
after, so the officer sees what will be printed, and warnings (missing translations,
logo, characters without font) before saving.  Subclasses add their options and say
how to build the PDF: `job()` reads the options here, on the GUI thread, and returns
the work, which runs on a worker thread so the window stays responsive while a long
overview is laid out. A change made while a preview is being built starts one more
build when it is done; the preview never shows a stale selection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import language_name
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.output.pdf.document import EmptySelectionError, PrintResult
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.open_file import open_saved_file
from gwa_desktop.ui.operations import attempt, show_error
from gwa_desktop.ui.pdf_pages import page_image_fitting, print_pdf
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.widgets import announce, documents_folder

#: The languages with translated print texts, offered first in the pickers.
PRINT_LANGUAGES = ("de", "en", "fr", "ar", "fa", "prs", "ur", "ps", "uk", "ru", "tr", "ti", "ku")
PREVIEW_WIDTH = 380
PREVIEW_HEIGHT = int(PREVIEW_WIDTH * 1.414)
PREVIEW_PADDING = 8
REBUILD_DELAY_MS = 150
WARNING_STYLE = "color: #9a3412;"


def language_combo(selected: str | None, optional: bool) -> QComboBox:
    """A picker of print languages named in the UI language; `optional` adds "none"."""
    combo = QComboBox()
    if optional:
        combo.addItem(_("(none)"), None)
    for code in PRINT_LANGUAGES:
        combo.addItem(f"{language_name(code, ui_language())} ({code})", code)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
    return combo


class PrintDialog(QDialog):
    """Subclasses fill `self.form` and implement `build()` and `file_name()`."""

    help_anchor = "print-dialog"  #: the handbook section F1 opens in this dialog

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(title)
        self.result: PrintResult | None = None
        self.saved_path: Path | None = None
        self.form = QFormLayout()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setMaximumWidth(360)
        self.open_after = QCheckBox(_("Open the PDF after saving"))
        self.open_after.setChecked(True)
        self.preview = QLabel(_("Preparing the preview…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setStyleSheet(f"background: #6b7280; padding: {PREVIEW_PADDING}px;")
        self.pages = QLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button = self.buttons.addButton(
            _("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.send_to_printer)
        close.clicked.connect(self.reject)
        options = QVBoxLayout()
        options.addLayout(self.form)
        options.addWidget(self.warnings)
        options.addStretch(1)
        options.addWidget(self.open_after)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.pages)
        row = QHBoxLayout()
        row.addLayout(options, 1)
        row.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_DELAY_MS)
        self._timer.timeout.connect(self.rebuild)
        self._building = False
        self._changed_while_building = False

    # to be provided by subclasses -------------------------------------------------------

    def job(self) -> Callable[[], PrintResult]:
        """Read the options (GUI thread) and return the work that builds the PDF (any thread)."""
        raise NotImplementedError

    def file_name(self) -> str:
        raise NotImplementedError

    def hints_job(self) -> Callable[[], list[str]]:
        """Like `job`: the work that finds messages to show besides the print's own warnings."""
        return list

    # shared behaviour ---------------------------------------------------------------------

    def watch(self, *widgets: QWidget) -> None:
        """Rebuild the preview whenever one of these option widgets changes."""
        for widget in widgets:
            signal = widget.toggled if isinstance(widget, QCheckBox) else widget.currentIndexChanged
            signal.connect(self._timer.start)

    def rebuild(self) -> None:
        """Build the PDF now and show page 1; on an empty selection explain why nothing shows."""
        self._timer.stop()
        if self._building:
            self._changed_while_building = True
            return
        self._building = True
        try:
            while True:
                self._changed_while_building = False
                self._rebuild_once()
                if not self._changed_while_building:
                    break
        finally:
            self._building = False

    def _rebuild_once(self) -> None:
        self.result = None
        build, find_hints = self.job(), self.hints_job()
        hints: list[str] = []
        try:
            ok, outcome = attempt(
                self, lambda: run_in_background(lambda _progress: (build(), find_hints()))
            )
            result, hints = outcome if outcome is not None else (None, [])
        except EmptySelectionError:
            ok, result = False, None
            self._show(
                [_("No offer matches this selection. Change the filter to print an overview.")]
            )
        except ValueError as error:
            ok, result = False, None
            self._show([str(error)])
        if self._changed_while_building:
            return
        if ok and result is not None:
            self.result = result
            box = self.preview.contentsRect()
            image = page_image_fitting(
                result.pdf,
                max(box.width(), PREVIEW_WIDTH) - 2 * PREVIEW_PADDING,
                max(box.height(), PREVIEW_HEIGHT) - 2 * PREVIEW_PADDING,
            )
            self.preview.setPixmap(QPixmap.fromImage(image))
            self.pages.setText(
                ngettext("{n} page", "{n} pages", result.pages).format(n=result.pages)
            )
            self._show(hints + [warning.message for warning in result.warnings])
        else:
            self.preview.setPixmap(QPixmap())
            self.pages.clear()
        self.save_button.setEnabled(self.result is not None)
        self.print_button.setEnabled(self.result is not None)

    def _show(self, messages: list[str]) -> None:
        self.warnings.setText("\n\n".join(messages))
        self.warnings.setVisible(bool(messages))

    def save(self) -> None:
        if self.result is None:
            return
        suggested = str(documents_folder() / self.file_name())
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save PDF"), suggested, _("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        try:
            write_bytes_atomically(target, self.result.pdf)
        except ExchangeError as error:
            show_error(self, str(error))
            return
        self.saved_path = target
        if not self.open_after.isChecked() or not open_saved_file(self, target):
            announce(self, _("The PDF was saved as {path}").format(path=target))
        self.accept()

    def send_to_printer(self) -> None:
        if self.result is not None and print_pdf(self.result.pdf, self, self.windowTitle()):
            self.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.result is None:
            self.rebuild()
