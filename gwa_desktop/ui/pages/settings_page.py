"""Settings: the UI language of this computer, the municipality's data printed on
flyers, and the officer's contact."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.public_holidays import STATE_NAMES
from gwa_desktop.i18n import UI_LANGUAGES, _, ui_language
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.settings import SettingsService, logo_problem
from gwa_desktop.ui.changes import SETTINGS
from gwa_desktop.ui.dialogs.form import ERROR_STYLE, with_error_label
from gwa_desktop.ui.disclosure_box import DisclosureBox
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.save_conflicts import attempt_save
from gwa_desktop.ui.widgets import LanguageCodesEdit, select_data

#: The UI languages in their own names, as CLDR writes them (capitalised). Written out
#: because looking them up loads Babel's data of three more locales at every start;
#: tests/ui/test_start_up.py checks them against CLDR.
UI_LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "ar": "العربية", "uk": "Українська"}


class SettingsPage(QWidget):
    help_anchor = "settings"  #: the handbook section F1 opens on this screen
    status_changed = Signal(str)
    #: A restore or an import brings other settings: the page shows them.
    shows = frozenset({SETTINGS})
    #: Another UI language was picked; the main window is rebuilt in it.
    language_chosen = Signal(str)

    def __init__(self, service: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._saved: MunicipalityData | None = None
        self.logo: bytes | None = None
        self.logo_filename = ""
        #: The version of the settings shown; a save after another window's asks first.
        self.version: int | None = None
        self.name = QLineEdit()
        self.district = QLineEdit()
        self.federal_state = QComboBox()
        self.federal_state.addItem(_("— none —"), "")
        for code, name in STATE_NAMES.items():
            self.federal_state.addItem(_(name), code)
        #: The data-quality panel lists active offers without a text in these languages.
        self.text_languages = LanguageCodesEdit()
        self.officer_name = QLineEdit()
        self.officer_phone = QLineEdit()
        self.officer_email = QLineEdit()
        self.officer_address = QPlainTextEdit()
        self.officer_address.setMaximumHeight(80)
        self.logo_preview = QLabel(_("no logo"))
        self.logo_preview.setFixedSize(160, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb;")
        choose = QPushButton(_("Choose logo…"))
        remove = QPushButton(_("Remove logo"))
        choose.clicked.connect(self.choose_logo)
        remove.clicked.connect(lambda: self._set_logo(None, ""))
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.save_button = QPushButton(_("Save settings"))
        self.save_button.clicked.connect(self.save)

        self.language = QComboBox()
        for code in UI_LANGUAGES:
            # Each language in its own name, so a reader finds theirs in any UI language.
            self.language.addItem(UI_LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(ui_language()))
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        language_box = QGroupBox(_("Language of the program"))
        language_form = QFormLayout(language_box)
        language_form.addRow(_("Language"), self.language)
        language_note = QLabel(
            _("Applies at once and only on this computer; the data stay as they are.")
        )
        language_note.setWordWrap(True)
        language_form.addRow(language_note)

        municipality = QGroupBox(_("Municipality"))
        form = QFormLayout(municipality)
        self.field_errors: dict[str, QLabel] = {}
        form.addRow(_("Name of the municipality"), self._checked(self.name, "name"))
        form.addRow(_("District"), self.district)
        form.addRow(
            _("Federal state (its public holidays pause offers)"),
            self._checked(self.federal_state, "federal_state"),
        )
        form.addRow(
            _("Languages of the offers' texts besides German"),
            self._checked(self.text_languages, "text_languages"),
        )
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        form.addRow(_("Logo"), logo_row)
        officer = QGroupBox(_("Integration officer (printed as contact on flyers)"))
        officer_form = QFormLayout(officer)
        officer_form.addRow(_("Name"), self.officer_name)
        officer_form.addRow(_("Phone"), self._checked(self.officer_phone, "officer_phone"))
        officer_form.addRow(_("E-mail"), self._checked(self.officer_email, "officer_email"))
        officer_form.addRow(_("Address"), self._checked(self.officer_address, "officer_address"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(language_box)
        layout.addWidget(municipality)
        layout.addWidget(officer)
        self.disclosure = DisclosureBox(service.database)
        layout.addWidget(self.disclosure)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.disclosure.refresh()
        ok, data = attempt(self, self.service.get)
        if ok:
            self.show_data(data)
            self._saved = self.data()

    def has_unsaved_changes(self) -> bool:
        """True when the form differs from what was last read or saved."""
        return self._saved is not None and self.data() != self._saved

    def show_data(self, data: MunicipalityData) -> None:
        self.version = data.version
        self.name.setText(data.name)
        self.district.setText(data.district)
        select_data(self.federal_state, data.federal_state)
        self.text_languages.set_values(data.text_language_codes)
        self.officer_name.setText(data.officer_name)
        self.officer_phone.setText(data.officer_phone)
        self.officer_email.setText(data.officer_email)
        self.officer_address.setPlainText(data.officer_address)
        self._set_logo(data.logo, data.logo_filename)

    def data(self) -> MunicipalityData:
        return MunicipalityData(
            name=self.name.text(),
            district=self.district.text(),
            federal_state=self.federal_state.currentData() or "",
            text_languages=",".join(self.text_languages.values()),
            officer_name=self.officer_name.text(),
            officer_phone=self.officer_phone.text(),
            officer_email=self.officer_email.text(),
            officer_address=self.officer_address.toPlainText(),
            logo=self.logo,
            logo_filename=self.logo_filename,
            version=self.version,
        )

    def _checked(self, widget: QWidget, field: str) -> QWidget:
        """The field with its own error line, as in the edit dialogs."""
        holder, self.field_errors[field] = with_error_label(widget)
        return holder

    def save(self) -> bool:
        self.errors.clear()
        for label in self.field_errors.values():
            label.hide()
        try:
            ok, _result = attempt_save(self, self._save_data, self._reload, self._build_on)
        except ValidationError as error:
            general = []
            for field, message in error.errors.items():
                label = self.field_errors.get(field)
                if label is None:
                    general.append(message)
                else:
                    label.setText(message)
                    label.show()
            self.errors.setText("\n".join(general))
            return False
        if ok:
            self._saved = self.data()
            self.status_changed.emit(_("Settings saved."))
        return ok

    def _save_data(self) -> None:
        data = self.data()
        self.service.save(data)
        self.version = data.version

    def _reload(self) -> None:
        self.refresh()
        self.errors.setText(
            _(
                "The page now shows the settings as they were saved elsewhere; your changes were discarded."
            )
        )

    def _build_on(self, version: int) -> None:
        self.version = version

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose logo"), "", _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> None:
        try:
            content = path.read_bytes()
        except OSError as error:
            QMessageBox.warning(
                self, _("Logo"), _("The file cannot be read: {error}").format(error=error.strerror)
            )
            return
        problem = logo_problem(content)
        if problem:
            QMessageBox.warning(self, _("Logo"), problem)
            return
        self._set_logo(content, path.name)

    def _set_logo(self, content: bytes | None, filename: str) -> None:
        self.logo, self.logo_filename = content, filename
        pixmap = QPixmap()
        if content and pixmap.loadFromData(content):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setText(_("no logo"))
