"""The data-quality panel: a count per finding, and one double-click (or Enter) to the record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.quality import Finding, findings
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.widgets import fit_to_screen

RECORD_ROLE = Qt.ItemDataRole.UserRole


class QualityDialog(QDialog):
    """After `exec()`, `chosen` is the (entity, id) the officer opened, or None."""

    help_anchor = "quality"  #: the handbook section F1 opens on this dialog

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Data quality"))
        self.chosen: tuple[str, int] | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Finding"), _("Count")])
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        ok, found = attempt(
            self, lambda: run_in_background(lambda _progress: findings(database, date.today()))
        )
        self.show_findings(found if ok and found is not None else [])
        fit_to_screen(self, 620, 420)

    def show_findings(self, found: list[Finding]) -> None:
        self.tree.clear()
        for finding in found:
            top = QTreeWidgetItem([finding.label, str(len(finding.ids))])
            for record_id in finding.ids:
                child = QTreeWidgetItem([_("No. {id}").format(id=record_id), ""])
                child.setData(0, RECORD_ROLE, (finding.entity, record_id))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.resizeColumnToContents(0)
        total = sum(len(f.ids) for f in found)
        self.setWindowTitle(
            ngettext("Data quality: {n} finding", "Data quality: {n} findings", total).format(
                n=total
            )
        )

    def _open(self, item: QTreeWidgetItem) -> None:
        record = item.data(0, RECORD_ROLE)
        if record is None:
            item.setExpanded(not item.isExpanded())
            return
        self.chosen = (record[0], record[1])
        self.accept()
