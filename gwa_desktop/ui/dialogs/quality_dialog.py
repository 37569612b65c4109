"""The data-quality panel: a count per finding, and one double-click (or Enter) to the record.

Likely duplicate contacts are listed as pairs; opening one shows the merge screen, and
the panel counts again after a merge or a "not a duplicate"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

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
from gwa_desktop.ui.dialogs.merge_dialog import MergeDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from gwa_desktop.services.duplicates import DuplicatePair

RECORD_ROLE = Qt.ItemDataRole.UserRole
#: The finding whose children are pairs to merge rather than records to open.
DUPLICATES = "contact_duplicate"


class QualityDialog(QDialog):
    """After `exec()`, `chosen` is the (entity, id) the officer opened, or None."""

    help_anchor = "quality"  #: the handbook section F1 opens on this dialog

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Data quality"))
        self.chosen: tuple[str, int] | None = None
        self.database = database
        #: Whether a merge or a "not a duplicate" changed the contacts.
        self.changed = False
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Finding"), _("Count")])
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.reload()
        fit_to_screen(self, 620, 420)

    def reload(self) -> None:
        from gwa_desktop.services.duplicates import contact_pairs, record_ids

        def work(_progress: object) -> tuple[list[Finding], list[DuplicatePair]]:
            pairs = contact_pairs(self.database)
            known = {DUPLICATES: record_ids(pairs)}
            return findings(self.database, date.today(), known), pairs

        ok, found = attempt(self, lambda: run_in_background(work))
        self.show_findings(*(found if ok and found is not None else ([], [])))

    def show_findings(self, found: list[Finding], pairs: Sequence[DuplicatePair] = ()) -> None:
        self.tree.clear()
        for finding in found:
            top = QTreeWidgetItem([finding.label, str(len(finding.ids))])
            if finding.code == DUPLICATES:
                for pair in pairs:
                    child = QTreeWidgetItem(
                        [
                            _("No. {first} {first_name} and No. {second} {second_name}").format(
                                first=pair.first_id,
                                first_name=pair.first_label,
                                second=pair.second_id,
                                second_name=pair.second_label,
                            ),
                            str(pair.score),
                        ]
                    )
                    child.setToolTip(0, pair.reason_text)
                    child.setData(0, RECORD_ROLE, ("merge", pair.first_id, pair.second_id))
                    top.addChild(child)
                self.tree.addTopLevelItem(top)
                continue
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
        if record[0] == "merge":
            self.open_merge(record[1], record[2])
            return
        self.chosen = (record[0], record[1])
        self.accept()

    def open_merge(self, first_id: int, second_id: int) -> None:
        """The merge screen for a pair; the counts follow what the officer did there."""
        dialog = MergeDialog(self.database, first_id, second_id, self)
        if dialog.loaded and dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self.reload()
