"""The data-quality panel: a count per finding, and one double-click (or Enter) to the record.

Likely duplicate contacts are listed as pairs; opening one shows the merge screen, and
the panel counts again after a merge or a "not a duplicate"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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

from gwa_desktop.domain.duplicates import CONTACTS
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.quality import Finding, findings
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.merge_dialog import MergeDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from gwa_desktop.services.duplicates import DuplicatePair

RECORD_ROLE = Qt.ItemDataRole.UserRole
#: A pair's (entity, first id, second id, …): set on the lines of the duplicate findings.
PAIR_ROLE = Qt.ItemDataRole.UserRole + 1
#: The findings whose lines are pairs (two contacts merge; two offers open the first).
DUPLICATES, OFFER_DUPLICATES = "contact_duplicate", "offer_duplicate"


class QualityDialog(QDialog):
    """After `exec()`, `chosen` is the (entity, id) the officer opened, or None."""

    help_anchor = "quality"  #: the handbook section F1 opens on this dialog

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(_("Data quality"))
        self.chosen: tuple[str, int] | None = None
        self.database = database
        #: Whether a merge or a "not a duplicate" changed the data shown elsewhere.
        self.changed = False
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Finding"), _("Count")])
        self.tree.itemActivated.connect(self._open)
        self.tree.currentItemChanged.connect(self._update_buttons)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.distinct_button = buttons.addButton(
            _("&Not a duplicate"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.distinct_button.setToolTip(_("The selected pair are two different records"))
        self.distinct_button.clicked.connect(self.mark_distinct)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.reload()
        fit_to_screen(self, 620, 420)

    def reload(self) -> None:
        from gwa_desktop.services.duplicates import contact_pairs, offer_pairs, record_ids

        def work(_progress: object) -> tuple[list[Finding], dict[str, list[DuplicatePair]]]:
            pairs = {
                DUPLICATES: contact_pairs(self.database),
                OFFER_DUPLICATES: offer_pairs(self.database),
            }
            known = {code: record_ids(found) for code, found in pairs.items()}
            return findings(self.database, date.today(), known), pairs

        ok, found = attempt(self, lambda: run_in_background(work))
        self.show_findings(*(found if ok and found is not None else ([], {})))

    def show_findings(
        self, found: list[Finding], pairs: Mapping[str, Sequence[DuplicatePair]] | None = None
    ) -> None:
        self.tree.clear()
        pairs = pairs or {}
        for finding in found:
            top = QTreeWidgetItem([finding.label, str(len(finding.ids))])
            if finding.code in pairs:
                for pair in pairs[finding.code]:
                    top.addChild(_pair_item(pair))
            else:
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
        self._update_buttons()

    def _current_pair(self) -> Sequence[object] | None:
        """(entity, first id, second id, …) of the selected pair line, or None."""
        item = self.tree.currentItem()
        pair = item.data(0, PAIR_ROLE) if item is not None else None
        return pair if isinstance(pair, (tuple, list)) else None

    def _update_buttons(self) -> None:
        self.distinct_button.setEnabled(self._current_pair() is not None)

    def _open(self, item: QTreeWidgetItem) -> None:
        pair = item.data(0, PAIR_ROLE)
        if pair is not None and pair[0] == CONTACTS:
            self.open_merge(pair[1], pair[2])
            return
        record = item.data(0, RECORD_ROLE)
        if record is None:
            item.setExpanded(not item.isExpanded())
            return
        self.chosen = (record[0], record[1])
        self.accept()

    def open_merge(self, first_id: int, second_id: int) -> None:
        """The merge screen for a pair; the counts follow what the officer did there."""
        dialog = MergeDialog(self.database, first_id, second_id, self)
        if dialog.loaded and dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self.reload()

    def mark_distinct(self) -> None:
        """Take the selected pair off the list: two different contacts or offers."""
        from gwa_desktop.services.duplicates import mark_distinct

        pair = self._current_pair()
        if pair is None:
            return
        entity, first_id, second_id = str(pair[0]), int(str(pair[1])), int(str(pair[2]))
        ok, _result = attempt(
            self,
            lambda: run_in_background(
                lambda _progress: mark_distinct(self.database, entity, first_id, second_id)
            ),
        )
        if ok:
            self.reload()


def _pair_item(pair: DuplicatePair) -> QTreeWidgetItem:
    """A pair as a line; Enter merges two contacts, or opens the first of two offers."""
    item = QTreeWidgetItem(
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
    item.setToolTip(0, pair.reason_text)
    item.setData(0, PAIR_ROLE, tuple(pair))
    item.setData(0, RECORD_ROLE, (pair.entity, pair.first_id))
    return item
