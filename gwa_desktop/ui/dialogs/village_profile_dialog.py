"""The village profile of one year, typed in by hand (the district may send a file instead).

One line per figure, prefilled with what is stored, and one line for the languages
spoken in the village ("ar 64, uk 41"). Saving replaces the year's profile as a whole
through the same parsing and checks as an import; a refused entry keeps the form as
typed and names what is wrong.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.village_profile import FIGURES, VillageProfile
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.village_profile import VillageProfileService
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.operations import attempt


class VillageProfileDialog(QDialog):
    help_anchor = "dashboard"  #: the handbook section F1 opens in this dialog

    def __init__(
        self, service: VillageProfileService, year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.service = service
        self.setWindowTitle(_("Village profile"))
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(year or date.today().year)
        self.year.valueChanged.connect(self.load)
        form = QFormLayout()
        form.addRow(_("Year"), self.year)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, _percent in FIGURES:
            self.fields[key] = QLineEdit()
            form.addRow(_(label), self.fields[key])
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(_("e.g. ar 64, uk 41"))
        form.addRow(_("Languages spoken in the village (code and speakers)"), self.languages)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        ok, profile = attempt(self, lambda: self.service.get(self.year.value()))
        if not ok or profile is None:
            return
        for key, edit in self.fields.items():
            value = profile.figures.get(key)
            edit.setText("" if value is None else shown(value))
        self.languages.setText(
            ", ".join(f"{code} {speakers}" for code, speakers in sorted(profile.languages.items()))
        )

    def entered(self) -> dict[str, str]:
        """The form as the columns of an import file: figure keys, "Sprache <code>"."""
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        for part in self.languages.text().replace(";", ",").split(","):
            code, _space, speakers = part.strip().partition(" ")
            if code:
                values[f"Sprache {code}"] = speakers.strip()
        return values

    def save(self) -> None:
        try:
            ok, profile = attempt(
                self, lambda: self.service.replace_values(self.year.value(), self.entered())
            )
        except ValidationError as refused:
            QMessageBox.warning(
                self,
                _("Village profile"),
                _("Not saved:") + "\n\n" + "\n".join(f"• {m}" for m in refused.errors.values()),
            )
            return
        if ok and isinstance(profile, VillageProfile):
            self.accept()


def shown(value: float) -> str:
    """A stored figure as the form shows it and reads it back: no thousands separator
    (an Arabic "1,851" would read as 1.851) and a decimal comma, as the district writes."""
    return f"{value:g}".replace(".", ",")
