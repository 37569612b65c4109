"""Review and erase: the persons whose retention period has ended, erased in one step.

The list shows who is due (last contact and the day the period ended), searchable and
sortable; the officer picks a reason, chooses to delete or to anonymise, and confirms a
message naming everything that goes, including offers left without a contact person.
The retention periods per legal basis are set here too (1 to 120 months).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.retention import (
    MAX_MONTHS,
    MIN_MONTHS,
    ErasureAction,
    ErasureReason,
    basis_label,
)
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.retention import DuePerson, RetentionService
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.changes import CONTACTS, OFFERS
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.widgets import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole


class _Row(QTreeWidgetItem):
    """A due person; numbers and dates sort by value, names as the reader expects."""

    def __init__(self, person: DuePerson) -> None:
        super().__init__(
            [
                str(person.id),
                person.name,
                person.basis_label,
                format_date(person.last_contact),
                format_date(person.due_on),
            ]
        )
        self.setData(0, ID_ROLE, person.id)
        self.keys: tuple[object, ...] = (
            person.id,
            sort_key(person.name),
            person.basis_label,
            person.last_contact,
            person.due_on,
        )

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if isinstance(other, _Row):
            return bool(self.keys[column] < other.keys[column])  # type: ignore[operator]
        return super().__lt__(other)


class ErasureDialog(QDialog):
    """`erased` counts the persons erased while it was open (the window refreshes then)."""

    help_anchor = "erasure"  #: the handbook section F1 opens on this dialog

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(_("Retention and erasure"))
        self.retention = RetentionService(database)
        self.erasure = ErasureService(database)
        self.erased = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setAccessibleName(_("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setSortingEnabled(True)
        self.tree.setHeaderLabels(
            [_("No."), _("Name"), _("Legal basis"), _("Last contact"), _("Due since")]
        )
        self.tree.currentItemChanged.connect(self._chosen)
        self.count = QLabel()
        self.reason = QComboBox()
        for reason in ErasureReason.chosen_by_officer():
            self.reason.addItem(reason.label, reason)
        self.anonymise = QCheckBox(
            _("Anonymise instead of delete (keeps an unnamed record for the figures)")
        )
        self.erase_button = QPushButton(_("&Erase…"))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase_chosen)
        actions = QFormLayout()
        actions.addRow(_("Reason"), self.reason)
        actions.addRow("", self.anonymise)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.tree, self.count):
            layout.addWidget(widget)
        layout.addLayout(actions)
        layout.addWidget(self._periods_box())
        layout.addWidget(buttons)
        self.reload()
        fit_to_screen(self, 720, 560)

    def _periods_box(self) -> QGroupBox:
        box = QGroupBox(_("Retention periods (months after the last contact)"))
        form = QFormLayout(box)
        self.period_fields: dict[str, QSpinBox] = {}
        ok, periods = attempt(self, self.retention.periods)
        for key, months in (periods if ok and periods else {}).items():
            field = QSpinBox()
            field.setRange(MIN_MONTHS, MAX_MONTHS)
            field.setValue(months)
            field.setAccessibleName(basis_label(key))
            self.period_fields[key] = field
            form.addRow(basis_label(key), field)
        save = QPushButton(_("Save the periods"))
        save.clicked.connect(self.save_periods)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(save)
        form.addRow(row)
        return box

    def save_periods(self) -> None:
        try:
            for key, field in self.period_fields.items():
                attempt(
                    self, lambda key=key, field=field: self.retention.set_period(key, field.value())
                )
        except ValidationError as error:
            QMessageBox.warning(self, _("Retention and erasure"), str(error))
            return
        self.reload()

    def reload(self) -> None:
        ok, due = attempt(self, lambda: self.retention.due(date.today()))
        self.show_due(due if ok and due is not None else [])

    def show_due(self, due: list[DuePerson]) -> None:
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for person in due:
            item = _Row(person)
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        # The legal basis' long label takes what the name and the dates leave.
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(self.tree.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 2
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.count.setText(
            ngettext(
                "{n} person is due for erasure.", "{n} persons are due for erasure.", len(due)
            ).format(n=len(due))
            if due
            else _("Nobody is due for erasure.")
        )
        if due:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        folded = text.casefold().strip()
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            item.setHidden(bool(folded) and folded not in item.text(1).casefold())

    def _chosen(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        self.erase_button.setEnabled(current is not None and not current.isHidden())

    def chosen_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None or item.isHidden() else int(item.data(0, ID_ROLE))

    def erase_chosen(self) -> None:
        contact_id = self.chosen_id()
        if contact_id is None:
            return
        ok, preview = attempt(self, lambda: self.erasure.preview(contact_id))
        if not ok or preview is None:
            self.reload()
            return
        action = ErasureAction.ANONYMISED if self.anonymise.isChecked() else ErasureAction.DELETED
        question = (
            preview.describe()
            + "\n\n"
            + (
                _("Anonymise this person now? This cannot be undone.")
                if action is ErasureAction.ANONYMISED
                else _("Delete this person now? This cannot be undone.")
            )
        )
        answer = QMessageBox.question(
            self,
            _("Retention and erasure"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reason = self.reason.currentData()
        # The confirmation named the offers she alone is contact person of.
        done, _logged = attempt(
            self,
            lambda: self.erasure.erase(contact_id, reason, action, even_if_sole_contact=True),
        )
        if done:
            self.erased += 1
        self.reload()


def open_erasure_review(window: QMainWindow) -> None:
    """From the File menu; the lists show the erased persons gone afterwards."""
    dialog = ErasureDialog(window.services.database, window)
    dialog.exec()
    if dialog.erased:
        window.refresh_after(frozenset({CONTACTS, OFFERS}))
