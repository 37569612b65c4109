"""Print a volunteer's certificate: who, which year, which second language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from gwa_desktop.domain.languages import language_name
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.output.pdf.document import PrintResult
from gwa_desktop.services.certificates import CertificateService
from gwa_desktop.services.volunteers import HelpWanted, VolunteerService
from gwa_desktop.ui.dialogs.print_dialog import PrintDialog, language_combo
from gwa_desktop.ui.widgets import select_data


class CertificatePrintDialog(PrintDialog):
    """The year offered first is the latest in which she helped (else last year)."""

    help_anchor = "volunteers"  #: the handbook section F1 opens in this dialog

    def __init__(
        self,
        certificates: CertificateService,
        volunteers: VolunteerService,
        contact_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Print volunteer certificate"), parent)
        self.certificates = certificates
        self.volunteers = volunteers
        self.person = QComboBox()
        for match in volunteers.find(HelpWanted()):
            self.person.addItem(match.name, match.contact_id)
        select_data(self.person, contact_id)
        self.year = QComboBox()
        self.language = language_combo("de", optional=False)
        self.form.addRow(_("Volunteer"), self.person)
        self.form.addRow(_("Year"), self.year)
        self.form.addRow(_("Second language"), self.language)
        self.person.currentIndexChanged.connect(self._offer_years)
        self._offer_years()
        self.watch(self.person, self.year, self.language)

    def _offer_years(self) -> None:
        contact_id = self.person.currentData()
        years = self.volunteers.years_helped(contact_id) if contact_id is not None else []
        this_year = date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted({*years, this_year, this_year - 1}, reverse=True):
            self.year.addItem(str(year), year)
        select_data(self.year, years[0] if years else this_year - 1)
        self.year.blockSignals(False)

    def job(self) -> Callable[[], PrintResult]:
        contact_id, year = self.person.currentData(), self.year.currentData()
        language = self.language.currentData()
        if contact_id is None:

            def nobody() -> PrintResult:
                raise ValueError(_("No volunteer is recorded yet."))

            return nobody
        return lambda: self.certificates.certificate(contact_id, year, language)

    def file_name(self) -> str:
        code = self.language.currentData()
        suffix = "" if code == "de" else f" ({language_name(code, ui_language())})"
        return f"{_('Volunteer certificate')} {self.year.currentData()} – {self.person.currentText()}{suffix}.pdf"
