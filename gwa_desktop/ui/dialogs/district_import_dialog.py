"""District mode: import packages from the municipalities and see the combined overview.

A package signed by another key than the one recorded for its municipality is refused;
"Accept new key…" takes it only after the officer types the fingerprint the
municipality read out by phone (e.g. after it replaced its laptop).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.errors import SignerChanged
from gwa_desktop.exchange.signing import same_fingerprint
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_number
from gwa_desktop.services.disclosure_settings import disclosure_threshold
from gwa_desktop.services.district_checks import check_packages
from gwa_desktop.services.district_import import ImportResult, import_packages, remove_package
from gwa_desktop.services.district_overview import VillageFigures, export_combined, village_figures
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import fit_to_screen, hbox


class DistrictImportDialog(QDialog):
    help_anchor = "district-mode"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.villages: list[VillageFigures] = []
        self.key_changes: list[ImportResult] = []
        self.setWindowTitle(_("District mode: import packages"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("only for encrypted packages"))
        choose = QPushButton(_("Import packages…"))
        choose.clicked.connect(self.choose_and_import)
        combined = QPushButton(_("Export combined workbook…"))
        combined.clicked.connect(self.export_workbook)
        self.remove_button = QPushButton(_("Remove package…"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.check_button = QPushButton(_("Check figures"))
        self.check_button.clicked.connect(self.check_figures)
        self.accept_key_button = QPushButton(_("Accept new key…"))
        self.accept_key_button.setEnabled(False)
        self.accept_key_button.clicked.connect(self.accept_new_key)
        explanation = QLabel(
            _(
                "Packages are signed. The first package of a municipality records its key; compare the "
                "fingerprint shown below with the municipality by phone."
            )
        )
        explanation.setWordWrap(True)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumHeight(160)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                _("Municipality"),
                _("Period"),
                _("Offers"),
                _("Activities"),
                _("Participants"),
                _("Volunteer hours"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hbox(QLabel(_("Password")), self.password, choose))
        layout.addWidget(explanation)
        layout.addWidget(self.log)
        layout.addWidget(QLabel(_("Combined overview of all imported municipalities")))
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hbox(self.remove_button, self.accept_key_button, self.check_button, combined, buttons)
        )
        fit_to_screen(self, 820, 520)
        self.refresh()

    def check_figures(self) -> None:
        """The plausibility questions about the imported packages, into the log."""
        ok, findings = attempt(self, lambda: check_packages(self.services.database))
        if not ok or findings is None:
            return
        lines = [f"{f.municipality}, {f.period}: {f.message}" for f in findings]
        self.log.appendPlainText("\n".join(lines) or _("No implausible figures found."))

    def choose_and_import(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Choose district packages"), "", _("District packages (*.zip *.gwa)")
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path], accept_key: str | None = None) -> None:
        password = self.password.text() or None
        ok, results = run_with_progress(
            self,
            _("Importing packages…"),
            lambda progress: import_packages(
                self.services.database, paths, password, progress=progress, accept_key=accept_key
            ),
        )
        if ok:
            self.log.appendPlainText(
                "\n".join(
                    r.message
                    if isinstance(r.error, SignerChanged)
                    else f"{r.path.name}: {r.message}"
                    for r in results
                )
            )
            self.key_changes = [r for r in results if isinstance(r.error, SignerChanged)]
            self.accept_key_button.setEnabled(bool(self.key_changes))
        self.refresh()

    def accept_new_key(self) -> None:
        """Re-import a package refused for its key, once the fingerprint read out by phone matches."""
        if not self.key_changes:
            return
        result = self.key_changes[0]
        change = result.error
        typed, ok = QInputDialog.getText(
            self,
            _("Accept new key"),
            _(
                "The package {path} of {municipality} is signed with a new key. Call the municipality and ask them to "
                "read out the fingerprint under File → Fingerprint of this installation. Type what they read out:"
            ).format(path=result.path.name, municipality=change.municipality),
        )
        if not ok or not typed.strip():
            return
        if not same_fingerprint(typed, change.offered):
            QMessageBox.warning(
                self,
                _("Accept new key"),
                _(
                    "{typed} is not the fingerprint of this package ({offered}). Nothing was changed. If the municipality "
                    "reads out a different fingerprint, the package does not come from them."
                ).format(typed=typed.strip(), offered=change.offered),
            )
            return
        self.import_files([result.path], accept_key=typed)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.villages):
            return
        village = self.villages[row]
        answer = QMessageBox.question(
            self,
            _("Remove package"),
            _(
                "Remove the package of {municipality} for {period} from the district overview? "
                "The file on the stick is not touched; you can import it again."
            ).format(municipality=village.municipality, period=village.period.label()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: remove_package(self.services.database, village.package_id))
            self.refresh()

    def refresh(self) -> None:
        villages = self.villages = village_figures(self.services.database)
        self.table.setRowCount(len(villages))
        for row, village in enumerate(villages):
            figures = village.figures
            values = [
                village.municipality,
                village.period.label(),
                str(figures.offers),
                str(village.activities),
                str(village.participants),
                format_number(figures.volunteer_hours),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if value == HIDDEN:
                    item.setToolTip(
                        _(
                            "{hidden} = fewer than {threshold} cases, or to be worked out from a total"
                        ).format(hidden=HIDDEN, threshold=disclosure_threshold())
                    )
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def export_workbook(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Choose the folder for the workbook"))
        if not folder:
            return
        ok, path = run_with_progress(
            self,
            _("Writing the workbook…"),
            lambda progress: export_combined(self.services.database, Path(folder), progress),
        )
        if ok:
            QMessageBox.information(
                self, _("GWA Desktop"), _("The workbook was written to {path}").format(path=path)
            )
