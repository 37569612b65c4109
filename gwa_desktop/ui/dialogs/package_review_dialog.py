"""District mode: the officer's verdict on one imported package, beside what the checks found.

Opened from the package list of the district dialog. The findings of the plausibility
rules for this package are what the officer asks the village about; the verdict
(accepted, has questions, rejected) and a note are saved with her name. A rejected
package stays in the list but counts in no figure. Two officers reviewing the same
package on a shared database: the second save is asked reload / overwrite / cancel
(ui/save_conflicts.py), never written over the first one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.i18n import _
from gwa_desktop.services.district_checks import check_packages
from gwa_desktop.services.district_review import (
    NOT_REVIEWED,
    STATES,
    PackageEntry,
    ReviewData,
    default_reviewer,
    get_review,
    reviewed_on,
    save_review,
    state_label,
)
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.form import with_error_label
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.save_conflicts import attempt_save
from gwa_desktop.ui.widgets import fit_to_screen, hbox


class PackageReviewDialog(QDialog):
    help_anchor = "package-review"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, entry: PackageEntry, parent: QWidget | None = None):
        super().__init__(parent)
        prepare_dialog(self)
        self.services, self.entry = services, entry
        self.version: int | None = 0
        self.setWindowTitle(_("Review package"))
        heading = QLabel(
            _("{municipality}, {period} — {activities} activities, file {file}").format(
                municipality=entry.municipality,
                period=entry.period,
                activities=entry.activities,
                file=entry.file_name or "–",
            )
        )
        heading.setWordWrap(True)
        self.findings = QPlainTextEdit()
        self.findings.setReadOnly(True)
        self.findings.setMaximumHeight(140)
        self.last_review = QLabel()
        self.last_review.setWordWrap(True)
        self.state_group = QButtonGroup(self)
        self.state_buttons: dict[str, QRadioButton] = {}
        for state in STATES:
            button = QRadioButton(state_label(state))
            self.state_group.addButton(button)
            self.state_buttons[state] = button
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_("What you asked the municipality, or why you reject it"))
        self.reviewed_by = QLineEdit()
        self.errors: dict[str, QLabel] = {}
        states, self.errors["state"] = with_error_label(hbox(*self.state_buttons.values()))
        note, self.errors["note"] = with_error_label(self.note)
        by, self.errors["reviewed_by"] = with_error_label(self.reviewed_by)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Verdict"), states)
        form.addRow(_("Note"), note)
        form.addRow(_("Reviewed by"), by)
        explanation = QLabel(_("A rejected package is kept but counts in no figure."))
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(_("What the checks found")))
        layout.addWidget(self.findings)
        layout.addWidget(self.last_review)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 520)
        self.show_findings()
        self.reload()

    def show_findings(self) -> None:
        ok, findings = attempt(
            self, lambda: check_packages(self.services.database, self.entry.package_id)
        )
        if ok and findings is not None:
            text = "\n".join(f"• {f.message}" for f in findings)
            self.findings.setPlainText(text or _("No implausible figures found."))

    def reload(self) -> None:
        """Show the verdict as it is saved now (also after "Reload" in a conflict)."""
        ok, review = attempt(
            self, lambda: get_review(self.services.database, self.entry.package_id)
        )
        if not ok or review is None:
            return
        self.show_review(review)

    def show_review(self, review: ReviewData) -> None:
        self.version = review.version
        self.state_group.setExclusive(False)
        for state, button in self.state_buttons.items():
            button.setChecked(state == review.state)
        self.state_group.setExclusive(True)
        self.note.setPlainText(review.note)
        self.reviewed_by.setText(review.reviewed_by or default_reviewer())
        if review.state == NOT_REVIEWED:
            self.last_review.setText(_("Not reviewed yet."))
        else:
            self.last_review.setText(
                _("Last review: {state}, by {name} on {when}.").format(
                    state=state_label(review.state),
                    name=review.reviewed_by or "–",
                    when=reviewed_on(review),
                )
            )

    def data(self) -> ReviewData:
        state = next(
            (s for s, button in self.state_buttons.items() if button.isChecked()), NOT_REVIEWED
        )
        return ReviewData(
            self.entry.package_id,
            state,
            self.note.toPlainText(),
            self.reviewed_by.text(),
            version=self.version,
        )

    def try_save(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.clear()
        try:
            ok, _saved = attempt_save(self, self._save, self._reloaded, self._build_on)
        except ValidationError as error:
            general = []
            for field, message in error.errors.items():
                label = self.errors.get(field)
                if label is None:
                    general.append(message)
                else:
                    label.setText(message)
                    label.show()
            self.general_error.setText("\n".join(general))
            return
        if ok:
            self.accept()

    def _save(self) -> ReviewData:
        return save_review(self.services.database, self.data())

    def _reloaded(self) -> None:
        self.reload()
        self.general_error.setText(
            _(
                "The form now shows the entry as it was saved elsewhere; your changes were discarded."
            )
        )

    def _build_on(self, version: int) -> None:
        self.version = version
