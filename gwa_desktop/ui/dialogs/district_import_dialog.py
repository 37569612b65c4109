"""District mode: import packages from the municipalities and see the combined overview.

Chosen packages are first judged in a dry run (services/district_dry_run.py): the
officer sees for each whether it brings a new village, a new period, replaces an earlier
package, is unchanged or refused, and why, and only "Import" stores them.

A package signed by another key than the one recorded for its municipality is refused;
"Accept new key…" takes it only after the officer types the fingerprint the
municipality read out by phone (e.g. after it replaced its laptop). The list holds
every imported package with its review state; a rejected one shows no figures, since
it counts in none (ui/dialogs/package_review_dialog.py gives the verdict).
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
from gwa_desktop.services.district_dry_run import Verdict, dry_run
from gwa_desktop.services.district_import import ImportResult, import_packages, remove_package
from gwa_desktop.services.district_overview import VillageFigures, export_combined, village_figures
from gwa_desktop.services.district_review import PackageEntry, list_packages, state_label
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.package_review_dialog import PackageReviewDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import fit_to_screen, hbox

#: Pixels: a long file name is cut (its tooltip has it whole) so the reasons keep their room.
FILE_COLUMN_WIDTH = 220
REASON_COLUMN_WIDTH = 320


class DistrictImportDialog(QDialog):
    help_anchor = "district-mode"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.villages: list[VillageFigures] = []
        self.entries: list[PackageEntry] = []
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
        self.refresh_button = QPushButton(_("Refresh overview"))
        self.refresh_button.clicked.connect(self.refresh)
        self.check_button = QPushButton(_("Check figures"))
        self.check_button.clicked.connect(self.check_figures)
        self.review_button = QPushButton(_("Review package…"))
        self.review_button.clicked.connect(self.review_selected)
        reported = QPushButton(_("Who has reported…"))
        reported.clicked.connect(self.show_completeness)
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
        self.pending: list[Path] = []
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan = QTableWidget(0, 5)
        self.plan.setHorizontalHeaderLabels(
            [_("File"), _("Municipality"), _("Period"), _("Result"), _("Why")]
        )
        self.plan.verticalHeader().hide()
        self.plan.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.plan.setWordWrap(True)
        self.plan.horizontalHeader().setStretchLastSection(True)
        # The reasons wrap in the last column; rows grow when it is resized.
        self.plan.horizontalHeader().sectionResized.connect(
            lambda *_args: self.plan.resizeRowsToContents()
        )
        self.confirm_button = QPushButton(_("Import"))
        self.confirm_button.clicked.connect(self.confirm_import)
        self.discard_button = QPushButton(_("Discard"))
        self.discard_button.clicked.connect(self.discard_plan)
        self.plan_box = QWidget()
        plan_layout = QVBoxLayout(self.plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.plan_label)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addWidget(hbox(self.discard_button, self.confirm_button))
        self.plan_box.hide()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                _("Municipality"),
                _("Period"),
                _("Offers"),
                _("Activities"),
                _("Participants"),
                _("Volunteer hours"),
                _("Review"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.review_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hbox(QLabel(_("Password")), self.password, choose))
        layout.addWidget(explanation)
        layout.addWidget(self.log)
        layout.addWidget(self.plan_box, 1)
        layout.addWidget(QLabel(_("Combined overview of all imported municipalities")))
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hbox(
                self.review_button,
                self.remove_button,
                self.accept_key_button,
                self.refresh_button,
                self.check_button,
                reported,
                combined,
                buttons,
            )
        )
        fit_to_screen(self, 820, 520)
        self.refresh()

    def show_completeness(self) -> None:
        from gwa_desktop.ui.dialogs.completeness_dialog import CompletenessDialog

        CompletenessDialog(self.services, self).exec()

    def check_figures(self) -> None:
        """The plausibility questions about the imported packages, into the log."""
        ok, findings = run_with_progress(
            self,
            _("Checking the figures…"),
            lambda _progress: check_packages(self.services.database),
        )
        if not ok or findings is None:
            return
        lines = [f"{f.municipality}, {f.period}: {f.message}" for f in findings]
        self.log.appendPlainText("\n".join(lines) or _("No implausible figures found."))

    def choose_and_import(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Choose district packages"), "", _("District packages (*.zip *.gwa)")
        )
        if names:
            self.preview_files([Path(n) for n in names])

    def preview_files(self, paths: list[Path]) -> None:
        """The dry run: what importing `paths` would do, shown above the Import button."""
        password = self.password.text() or None
        ok, verdicts = run_with_progress(
            self,
            _("Checking packages…"),
            lambda progress: dry_run(self.services.database, paths, password, progress=progress),
        )
        if not ok:
            return
        self.show_plan(paths, verdicts)

    def show_plan(self, paths: list[Path], verdicts: list[Verdict]) -> None:
        self.pending = paths
        self.plan.setRowCount(len(verdicts))
        for row, verdict in enumerate(verdicts):
            why = "\n".join([verdict.reason, *verdict.warnings])
            values = [verdict.path.name, verdict.municipality, verdict.period, verdict.label, why]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(verdict.path.name if column == 0 else why)
                self.plan.setItem(row, column, item)
        self.plan.resizeColumnsToContents()
        self.plan.setColumnWidth(0, min(self.plan.columnWidth(0), FILE_COLUMN_WIDTH))
        self.plan.setColumnWidth(4, max(self.plan.columnWidth(4), REASON_COLUMN_WIDTH))
        self.plan.resizeRowsToContents()
        taken = sum(1 for v in verdicts if v.taken)
        self.plan_label.setText(
            _(
                "Dry run: nothing has been stored yet. {taken} of {count} packages would be imported; "
                "check the list, then choose Import."
            ).format(taken=taken, count=len(verdicts))
        )
        self.confirm_button.setEnabled(taken > 0)
        self.key_changes = [
            ImportResult(v.path, None, v.reason, error=v.error)
            for v in verdicts
            if isinstance(v.error, SignerChanged)
        ]
        self.accept_key_button.setEnabled(bool(self.key_changes))
        self.plan_box.show()
        self.confirm_button.setFocus()

    def confirm_import(self) -> None:
        paths = self.pending
        self.discard_plan()
        if paths:
            self.import_files(paths)

    def discard_plan(self) -> None:
        self.pending = []
        self.plan.setRowCount(0)
        self.plan_box.hide()

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

    def selected_entry(self) -> PackageEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def review_selected(self) -> None:
        """The verdict on the selected package, with what the checks found in it."""
        entry = self.selected_entry()
        if entry is None:
            return
        PackageReviewDialog(self.services, entry, self).exec()
        self.refresh()

    def remove_selected(self) -> None:
        village = self.selected_entry()
        if village is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove package"),
            _(
                "Remove the package of {municipality} for {period} from the district overview? "
                "The file on the stick is not touched; you can import it again."
            ).format(municipality=village.municipality, period=village.period),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: remove_package(self.services.database, village.package_id))
            self.refresh()

    def refresh(self) -> None:
        """Recompute the overview on a worker thread: choosing the hidden cells of a
        large district takes seconds, and the window must keep answering (and Cancel).
        The list holds every package with its review state; a rejected one has no figures."""
        database = self.services.database
        ok, computed = run_with_progress(
            self,
            _("Computing the overview…"),
            lambda progress: (
                village_figures(database, progress),
                list_packages(database),
                disclosure_threshold(database),
            ),
        )
        if not ok or computed is None:
            villages, entries, threshold = [], [], 0
            self.log.appendPlainText(
                _("The overview was not computed. Press “Refresh overview” to compute it.")
            )
        else:
            villages, entries, threshold = computed
        self.villages, self.entries = villages, entries
        shown = {village.package_id: village for village in villages}
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            village = shown.get(entry.package_id)  # None: rejected, counts in no figure
            figures = (
                [
                    str(village.figures.offers),
                    str(village.activities),
                    str(village.participants),
                    format_number(village.figures.volunteer_hours),
                ]
                if village is not None
                else ["–"] * 4
            )
            values = [
                entry.municipality,
                entry.period,
                *figures,
                state_label(entry.review.state),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if value == HIDDEN:
                    item.setToolTip(
                        _(
                            "{hidden} = fewer than {threshold} cases, or to be worked out from a total"
                        ).format(hidden=HIDDEN, threshold=threshold)
                    )
                if column == 6 and entry.review.note:
                    item.setToolTip(entry.review.note)
                if 2 <= column < 6:
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
