"""Restore a backup: pick one, see what it holds, confirm; the current state is saved first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _
from gwa_desktop.paths import backups_dir
from gwa_desktop.services import backup
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.accessibility import muted_text
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.form import ERROR_STYLE
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import fit_to_screen

PATH_ROLE = Qt.ItemDataRole.UserRole
#: Set on an entry whose file was refused: it stays visible, marked, so nobody takes it for a backup.
REFUSED_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    help_anchor = "restore"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.safety_copy: Path | None = None
        self.setWindowTitle(_("Restore a backup"))
        intro = QLabel(
            reason
            or _(
                "Choose a backup. Before it is restored, the current state is saved as a safety copy."
            )
        )
        intro.setWordWrap(True)
        self.backups = QListWidget()
        for path in backup.list_backups(backups_dir()):
            self._add(path)
        self.backups.currentItemChanged.connect(self._preview)
        other = QPushButton(_("Other file…"))
        other.clicked.connect(self._choose_file)
        self.preview = QLabel(_("No backup chosen."))
        self.preview.setWordWrap(True)
        # Shown for a backup protected with a password only; key-file backups open alone.
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("Password of this backup"))
        self.password.setAccessibleName(_("Password of this backup"))
        self.password.returnPressed.connect(self._preview)
        self.password.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(_("Restore"))
        self.restore_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.backups, other, self.password, self.preview, self.buttons):
            layout.addWidget(widget)
        fit_to_screen(self, 560, 420)
        if self.backups.count():
            self.backups.setCurrentRow(0)

    def chosen(self) -> Path | None:
        item = self.backups.currentItem()
        return None if item is None else Path(item.data(PATH_ROLE))

    def _add(self, path: Path) -> QListWidgetItem:
        item = QListWidgetItem(backup.backup_label(path))
        item.setToolTip(str(path))
        item.setData(PATH_ROLE, str(path))
        self.backups.addItem(item)
        return item

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a backup"), str(backups_dir()), _("GWA backup (*.gwabak *.sqlite)")
        )
        if name:
            listed = [
                self.backups.item(i)
                for i in range(self.backups.count())
                if Path(self.backups.item(i).data(PATH_ROLE)) == Path(name)
            ]
            self.backups.setCurrentItem(listed[0] if listed else self._add(Path(name)))

    def _mark_refused(self, item: QListWidgetItem, reason: str) -> None:
        """The entry says it is not a backup; choosing it again shows why."""
        path = Path(item.data(PATH_ROLE))
        item.setText(_("Not a GWA backup: {name}").format(name=path.name))
        item.setForeground(QBrush(muted_text(self.palette())))
        item.setToolTip(f"{path}\n{reason}")
        item.setData(REFUSED_ROLE, reason)

    def _preview(self) -> None:
        path = self.chosen()
        self.restore_button.setEnabled(False)
        self.preview.setStyleSheet("")
        if path is None:
            return
        self.password.setVisible(backup.needs_password(path))
        try:
            summary = backup.describe_backup(path, self._password())
        except backup.BackupPasswordNeeded as error:
            self.preview.setText(str(error))
            self.password.setFocus()
            return
        except ExchangeError as error:
            if self.password.isVisible():  # a wrong password: the file itself may be fine
                self.preview.setText(str(error))
                self.preview.setStyleSheet(ERROR_STYLE)
                return
            self._mark_refused(self.backups.currentItem(), str(error))
            self.preview.setText(str(error))
            self.preview.setStyleSheet(ERROR_STYLE)
            return
        self.preview.setText(summary.describe())
        self.restore_button.setEnabled(True)

    def _password(self) -> str | None:
        return self.password.text() if self.password.isVisible() else None

    def restore(self) -> None:
        path = self.chosen()
        answer = QMessageBox.question(
            self,
            _("Restore a backup"),
            _(
                "Replace all current data with the backup {name}? The current state is saved first."
            ).format(name=path.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, safety = run_with_progress(
            self,
            _("Restoring the backup…"),
            lambda progress: backup.restore_backup(
                self.services.database, path, password=self._password()
            ),
        )
        if ok:
            self.safety_copy = safety
            self.accept()
