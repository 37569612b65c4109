"""Recording one consent: when, for what, on which form version and language, how."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from gwa_desktop.domain.contact import ConsentData
from gwa_desktop.domain.enums import ConsentMethod
from gwa_desktop.i18n import _
from gwa_desktop.services.validation import Checker
from gwa_desktop.ui.dialogs.form import FormDialog
from gwa_desktop.ui.widgets import DateEdit, enum_combo, fit_to_screen

#: Lines of the purpose field: the usual purpose fits in two, a long one scrolls.
PURPOSE_LINES = 3


class ConsentDialog(FormDialog):
    help_anchor = "consent"  #: the handbook section F1 opens in this dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Record consent"), parent)
        self.result_data: ConsentData | None = None
        self.given_on = self.add_row(_("Given on"), DateEdit(), "given_on")
        self.purpose = self.add_row(
            _("Purpose"),
            QPlainTextEdit(_("Contact and information about the offers of the municipality")),
            "purpose",
        )
        self.purpose.setFixedHeight(self.purpose.fontMetrics().lineSpacing() * PURPOSE_LINES + 12)
        # Its own purpose, never implied by the one above: unticked unless she agreed to it.
        self.names_publicly = self.add_row(
            "", QCheckBox(_("May be named on flyers and notice boards"))
        )
        self.method = self.add_row(_("How given"), enum_combo(ConsentMethod))
        self.form_version = self.add_row(_("Form version"), QLineEdit("1"))
        self.form_language = self.add_row(_("Form language"), QLineEdit("de"), "form_language")
        # Five short rows: as high as they need, so no empty band separates them from the buttons.
        fit_to_screen(self, 560, self.sizeHint().height())

    def check(self) -> None:
        check = Checker()
        check.required("purpose", self.purpose.toPlainText(), _("Purpose"))
        check.languages("form_language", [self.form_language.text().strip()])
        check.raise_if_any()

    def save(self) -> int:
        self.check()
        self.result_data = ConsentData(
            given_on=self.given_on.to_date(),
            purpose=self.purpose.toPlainText().strip(),
            method=self.method.currentData(),
            form_version=self.form_version.text().strip(),
            form_language=self.form_language.text().strip().lower(),
            names_publicly=self.names_publicly.isChecked(),
        )
        return 0
