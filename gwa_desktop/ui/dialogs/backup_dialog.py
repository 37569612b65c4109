"""Back up now: the folder, and the key file of this computer or a password.

A backup encrypted with the key file opens only where that file is; that is right for
the automatic backups at home, wrong for a stick handed to a colleague or taken to a new
laptop. Such a backup needs a password, typed twice and checked like the district
export's before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.paths import backups_dir
from gwa_desktop.services import backup
from gwa_desktop.services.backup_key import key_file_statement, password_statement
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.form import ERROR_STYLE
from gwa_desktop.ui.dialogs.password_fields import PasswordFields
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import FolderField, fit_height_to_contents


class BackupDialog(QDialog):
    help_anchor = "backups"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.written: Path | None = None
        self.setWindowTitle(_("Back up now"))
        folder = FolderField(_("Choose the folder for the backup"), str(backups_dir()))
        self.folder = folder.edit
        self.with_key = QRadioButton(_("Encrypt with the key file of this computer"))
        self.with_password = QRadioButton(
            _("Encrypt with a password (for a backup that travels, e.g. to a new laptop)")
        )
        self.with_key.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.with_key)
        group.addButton(self.with_password)
        self.passwords = PasswordFields()
        self.password, self.repeat = self.passwords.password, self.passwords.repeat
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(_("Folder"), folder)
        form.addRow(self.with_key)
        form.addRow(self.with_password)
        self.passwords.add_to(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Back up"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.back_up)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.with_password.toggled.connect(self._mode_changed)
        self.resize(600, self.sizeHint().height())
        self._mode_changed()

    def _mode_changed(self) -> None:
        protected = self.with_password.isChecked()
        self.passwords.set_visible(protected)
        self.explanation.setText(password_statement() if protected else key_file_statement())
        self.error.hide()
        if protected:
            self.password.setFocus()
        fit_height_to_contents(self)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        fit_height_to_contents(self)

    def back_up(self) -> None:
        """Check what was typed, then write; a refusal keeps the dialog and what was typed."""
        self.error.hide()
        folder = self.folder.text().strip()
        if not folder:
            self._show_error(_("Choose the folder to write the backup to."))
            return
        password = None
        if self.with_password.isChecked():
            password = self.password.text()
            if self.passwords.mismatch():
                self._show_error(self.passwords.mismatch())
                return
            try:
                backup.check_backup_password(self.services.database, password)
            except ExchangeError as error:
                self._show_error(str(error))
                return
        ok, path = run_with_progress(
            self,
            _("Backing up…"),
            lambda progress: backup.backup_database(
                self.services.database, Path(folder), password=password
            ),
        )
        if ok:
            self.written = path
            self.accept()
