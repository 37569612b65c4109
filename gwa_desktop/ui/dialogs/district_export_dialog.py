"""Export for the district: period, target folder, and anonymous or encrypted with personal data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.services import installation_key
from gwa_desktop.services.district_export import check_export_password, export_district
from gwa_desktop.services.district_preview import outgoing_texts
from gwa_desktop.services.periods import EXPORT_PRESETS, default_export_period, named_period
from gwa_desktop.services.registry import Services
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.form import ERROR_STYLE
from gwa_desktop.ui.dialogs.outgoing_texts import OutgoingTextsView
from gwa_desktop.ui.dialogs.password_fields import PasswordFields
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.progress import run_with_progress
from gwa_desktop.ui.widgets import DateEdit, FolderField, fit_height_to_contents, fit_to_screen

WARNING_STYLE = "background: #fff4e5; border: 1px solid #e0a040; padding: 8px;"


def personal_data_warning() -> str:
    """Names exactly what the encrypted export contains beyond the anonymous figures."""
    return _(
        "This export contains personal data: the names, phone numbers, e-mail addresses, postal addresses, "
        "notes, languages, topics, legal basis and consent records of all contacts. Hand it over only to "
        "someone who may receive these data, and tell them the password by another way (phone, not with the stick)."
    )


class DistrictExportDialog(QDialog):
    help_anchor = "exchange"  #: the handbook section F1 opens in this dialog

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.services = services
        self.written: Path | None = None
        self.setWindowTitle(_("Export for the district"))
        today = date.today()
        default = default_export_period(today)
        self.start = DateEdit(default.start)
        self.end = DateEdit(default.end)
        self.preset = QComboBox()
        for key, label in EXPORT_PRESETS:
            period = named_period(key, today)
            self.preset.addItem(f"{_(label)} ({period.label()})", key)
        self.preset.addItem(_("Other period: type the dates"), None)
        self._select_matching_preset()
        self.preset.activated.connect(self._preset_chosen)
        folder = FolderField(
            _("Choose the folder for the export"), placeholder=_("e.g. the USB stick")
        )
        self.folder = folder.edit
        self.anonymous = QRadioButton(
            _("Anonymous figures (recommended): offers and headcounts, no personal data")
        )
        self.encrypted = QRadioButton(
            _("Full export with personal data, encrypted with a password")
        )
        self.anonymous.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.anonymous)
        group.addButton(self.encrypted)
        self.passwords = PasswordFields()
        self.password, self.repeat = self.passwords.password, self.passwords.repeat
        self.warning = QLabel(personal_data_warning())
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.fingerprint = QLabel(
            _(
                "The package is signed by this installation. Fingerprint: {fingerprint} — the district office may ask "
                "you to read it out."
            ).format(fingerprint=installation_key.fingerprint(services.database))
        )
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Period"), self.preset)
        form.addRow(_("From"), self.start)
        form.addRow(_("To"), self.end)
        form.addRow(_("Folder"), folder)
        form.addRow(self.anonymous)
        form.addRow(self.encrypted)
        self.passwords.add_to(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.fingerprint)
        # Preview step: before the package is written, every text that leaves is shown.
        self.preview = OutgoingTextsView()
        self.preview.hide()
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._period_changed)
        self.encrypted.toggled.connect(self._mode_changed)
        self.resize(620, self.sizeHint().height())
        self._mode_changed()

    def _mode_changed(self) -> None:
        personal = self.encrypted.isChecked()
        self.passwords.set_visible(personal)
        self.warning.setVisible(personal)
        self.error.hide()
        fit_height_to_contents(self)

    def _preset_chosen(self) -> None:
        period = named_period(self.preset.currentData(), date.today())
        if period is not None:
            self.start.set_date(period.start)
            self.end.set_date(period.end)

    def _select_matching_preset(self) -> None:
        """The preset the two dates make up, else "other period"."""
        typed = (self.start.to_date(), self.end.to_date())
        for index in range(self.preset.count()):
            period = named_period(self.preset.itemData(index), date.today())
            if period is None or (period.start, period.end) == typed:
                self.preset.setCurrentIndex(index)
                return

    def _period_changed(self) -> None:
        """Another period has other texts: they are shown again before writing."""
        self._select_matching_preset()
        self.preview.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        fit_height_to_contents(self)

    def _show_preview(self, period: Period) -> None:
        try:
            ok, texts = attempt(self, lambda: outgoing_texts(self.services.database, period))
        except ExchangeError as error:
            self._show_error(str(error))
            return
        if ok:
            self.preview.show_texts(period, texts)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Write the package"))
            fit_to_screen(self, max(self.width(), 860), max(self.height(), 640))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        fit_height_to_contents(self)

    def export(self) -> None:
        self.error.hide()
        folder = self.folder.text().strip()
        if not folder:
            self._show_error(_("Choose the folder to write the export to, e.g. the USB stick."))
            return
        password = None
        if self.encrypted.isChecked():
            password = self.password.text()
            if self.passwords.mismatch():
                self._show_error(self.passwords.mismatch())
                return
        unfinished = [edit for edit in (self.start, self.end) if not edit.is_valid()]
        if unfinished:
            example = QDate(date.today().year, 12, 31).toString(unfinished[0].displayFormat())
            self._show_error(
                _("“{text}” is not a date. Type it like {example}.").format(
                    text=unfinished[0].text(), example=example
                )
            )
            unfinished[0].setFocus()
            return
        try:
            period = Period(self.start.to_date(), self.end.to_date())
            if password is not None:
                check_export_password(self.services.database, password)
        except ExchangeError as error:
            self._show_error(str(error))
            return
        if self.preview.period != period:
            self._show_preview(period)
            return
        ok, path = run_with_progress(
            self,
            _("Writing the export…"),
            lambda progress: export_district(
                self.services.database, period, Path(folder), password, progress
            ),
        )
        if ok:
            self.written = path
            self.accept()
