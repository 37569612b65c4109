"""The merge screen: two contacts side by side, one radio button per field and side.

The officer chooses which contact stays (the left one; "Swap sides" turns them round),
picks each differing field's value, and confirms; the service joins the rest and keeps
every link. "Not a duplicate" instead takes the pair off the duplicates list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.duplicates import CONTACTS
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ConflictError, ValidationError
from gwa_desktop.services.merge import FieldChoice, MergeService
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.open_file import isolated
from gwa_desktop.ui.operations import attempt, show_error
from gwa_desktop.ui.progress import run_in_background
from gwa_desktop.ui.widgets import fit_to_screen

KEEP, OTHER = 0, 1


class MergeDialog(QDialog):
    """After `exec()` accepted: `kept_id` is the contact that stays (None: marked distinct)."""

    help_anchor = "merge"  #: the handbook section F1 opens on this dialog

    def __init__(
        self, database: Database, keep_id: int, other_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.setWindowTitle(_("Merge contacts"))
        self.database = database
        self.service = MergeService(database)
        self.keep_id, self.other_id = keep_id, other_id
        self.kept_id: int | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.names = ("", "")
        #: What the merged contact keeps of both (languages, roles, consents, …).
        self.joined: list[FieldChoice] = []
        intro = QLabel(
            _(
                "Choose for each field which value the merged contact keeps. Languages, topics, "
                "tags, roles and consents of both are kept, and every offer, activity and "
                "member linked to either contact is linked to the one that stays."
            )
        )
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.swap_button = QPushButton(_("&Swap sides"))
        self.swap_button.setToolTip(_("Keep the right-hand contact instead of the left one"))
        self.swap_button.clicked.connect(self.swap)
        self.distinct_button = QPushButton(_("&Not a duplicate"))
        self.distinct_button.setToolTip(_("Two different contacts: no longer list them as a pair"))
        self.distinct_button.clicked.connect(self.mark_distinct)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            _("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.distinct_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.loaded = self._load()
        fit_to_screen(self, 760, 520)

    def _load(self) -> bool:
        """Fill the grid for the current sides; False when the pair cannot be merged."""
        try:
            ok, loaded = attempt(self, self._read)
        except ValidationError as error:
            show_error(self, str(error))
            ok, loaded = False, None
        if not ok or loaded is None:
            self.merge_button.setEnabled(False)
            self.swap_button.setEnabled(False)
            return False
        choices, suggested = loaded
        self._fill(choices, set(suggested))
        return True

    def _read(self) -> tuple[list[FieldChoice], list[str]]:
        keep, other = self.service.pair(self.keep_id, self.other_id)
        self.names = (keep.name, other.name)
        self.joined = self.service.joined(self.keep_id, self.other_id)
        return (
            self.service.choices(self.keep_id, self.other_id),
            self.service.suggested(self.keep_id, self.other_id),
        )

    def _fill(self, choices: list[FieldChoice], suggested: set[str]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.groups.clear()
        heading = (
            _("No. {id} (stays)").format(id=self.keep_id),
            _("No. {id} (is merged into it)").format(id=self.other_id),
        )
        for column, text in enumerate(heading, start=1):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, column)
        empty = _("(empty)")
        for row, choice in enumerate(choices, start=1):
            label = QLabel(choice.label)
            self.grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for side, text in ((KEEP, choice.keep_text), (OTHER, choice.other_text)):
                # Isolated: a phone number keeps its digits' order in a right-to-left window.
                button = QRadioButton(isolated(_one_line(text)) if text else empty)
                button.setToolTip(text)
                button.setAccessibleName(f"{choice.label}: {text or empty}")
                button.setEnabled(choice.differs)
                group.addButton(button, side)
                self.grid.addWidget(button, row, side + 1)
            taken = OTHER if choice.field in suggested and choice.differs else KEEP
            group.button(taken).setChecked(True)
            label.setBuddy(group.button(KEEP))
            self.groups[choice.field] = group
        row = len(choices) + 1
        both = QLabel("<b>" + _("Kept from both") + "</b>")
        self.grid.addWidget(both, row, 0, 1, 3)
        for offset, choice in enumerate(self.joined, start=row + 1):
            self.grid.addWidget(QLabel(choice.label), offset, 0)
            for side, text in ((KEEP, choice.keep_text), (OTHER, choice.other_text)):
                value = QLabel(isolated(_one_line(text)) if text else empty)
                value.setTextFormat(Qt.TextFormat.PlainText)  # typed text, never markup
                value.setToolTip(text)
                value.setEnabled(bool(text))
                self.grid.addWidget(value, offset, side + 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

    def taken(self) -> list[str]:
        """The fields whose value comes from the contact merged into the other."""
        return [field for field, group in self.groups.items() if group.checkedId() == OTHER]

    def choose(self, field: str, side: int) -> None:
        """Pick `side` (KEEP or OTHER) for `field`, as a click on its radio button would."""
        self.groups[field].button(side).setChecked(True)

    def swap(self) -> None:
        self.keep_id, self.other_id = self.other_id, self.keep_id
        self._load()

    def merge(self) -> None:
        question = _(
            "Merge “{other}” (No. {other_id}) into “{keep}” (No. {keep_id})?\n\n"
            "No. {other_id} is removed; its links, consents and the values you chose go to "
            "No. {keep_id}. This cannot be undone."
        ).format(
            other=isolated(self.names[1]),
            other_id=self.other_id,
            keep=isolated(self.names[0]),
            keep_id=self.keep_id,
        )
        answer = QMessageBox.question(
            self,
            _("Merge contacts"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        taken = self.taken()
        keep_id, other_id = self.keep_id, self.other_id
        try:
            ok, _result = attempt(
                self,
                lambda: run_in_background(
                    lambda _progress: self.service.merge(keep_id, other_id, taken)
                ),
            )
        except ValidationError as error:
            show_error(self, str(error))
            if isinstance(error, ConflictError):
                self._load()  # show what the other save left, to choose again
            return
        if ok:
            self.kept_id = keep_id
            self.accept()

    def mark_distinct(self) -> None:
        from gwa_desktop.services.duplicates import mark_distinct

        keep_id, other_id = self.keep_id, self.other_id
        try:
            ok, _result = attempt(
                self,
                lambda: run_in_background(
                    lambda _progress: mark_distinct(self.database, CONTACTS, keep_id, other_id)
                ),
            )
        except ValidationError as error:
            show_error(self, str(error))
            return
        if ok:
            self.accept()


def _one_line(text: str, length: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
