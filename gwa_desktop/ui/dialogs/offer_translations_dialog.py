"""Translations of offer texts by people: what is missing, export it, import it back.

The table shows per offer and language whether the texts exist; the officer exports the
missing ones of one language for a volunteer or an agency and later imports the returned
file after a preview of every change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import COMMON_LANGUAGES, language_name
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.services.offer_text_coverage import (
    CoverageRow,
    TextState,
    coverage,
    translated_languages,
)
from gwa_desktop.services.offer_translation_exchange import (
    TranslationFileError,
    apply_translations,
    export_missing_texts,
    read_translations,
)
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.widgets import fit_to_screen

STATE_COLOURS = {
    TextState.COMPLETE: "#d8f0d8",
    TextState.NO_DESCRIPTION: "#fdf1c7",
    TextState.MISSING: "#f8d7d7",
}
FILE_FILTER = "XLIFF (*.xlf *.xliff)"


class OfferTranslationsDialog(QDialog):
    def __init__(
        self, offers: OfferService, settings: SettingsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.offers = offers
        self.settings = settings
        self.rows: list[CoverageRow] = []
        self.setWindowTitle(_("Translations of offer texts"))
        self.language = QComboBox()
        for code in COMMON_LANGUAGES:
            if code != REQUIRED_TEXT_LANGUAGE:
                self.language.addItem(f"{language_name(code, ui_language())} ({code})", code)
        self.language.currentIndexChanged.connect(self.refresh)
        self.export_button = QPushButton(_("Export missing texts…"))
        self.import_button = QPushButton(_("Import translated file…"))
        self.export_button.clicked.connect(self.export_texts)
        self.import_button.clicked.connect(self.import_texts)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Language for the translators")))
        top.addWidget(self.language, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 560)
        self.refresh()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def refresh(self) -> None:
        ok, offers = attempt(self, self.offers.get_many)
        if not ok:
            return
        languages = sorted({*translated_languages(offers), self.chosen_language()})
        self.rows = coverage(offers, languages)
        self._fill_table(languages)
        missing = sum(
            1 for row in self.rows if row.states[self.chosen_language()] is not TextState.COMPLETE
        )
        self.summary.setText(
            ngettext(
                "{n} offer lacks texts in {language}.",
                "{n} offers lack texts in {language}.",
                missing,
            ).format(n=missing, language=self.language.currentText())
        )
        self.export_button.setEnabled(missing > 0)

    def _fill_table(self, languages: list[str]) -> None:
        self.table.clear()
        self.table.setRowCount(len(self.rows))
        self.table.setColumnCount(len(languages) + 1)
        self.table.setHorizontalHeaderLabels(
            [_("Offer"), *(language_name(code, ui_language()) for code in languages)]
        )
        for row_index, row in enumerate(self.rows):
            self.table.setItem(row_index, 0, QTableWidgetItem(row.title))
            for column, code in enumerate(languages, start=1):
                state = row.states[code]
                item = QTableWidgetItem(state.label)
                item.setBackground(QBrush(QColor(STATE_COLOURS[state])))
                self.table.setItem(row_index, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(languages) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def export_texts(self) -> None:
        language = self.chosen_language()
        suggested = str(Path.home() / f"offers-{language}.xlf")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export texts for translation"), suggested, FILE_FILTER
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Write the file; tells the user how many texts it holds, or why it failed."""
        try:
            ok, count = attempt(
                self,
                lambda: export_missing_texts(
                    self.offers, self.settings, self.chosen_language(), path
                ),
            )
        except (TranslationFileError, ExchangeError) as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return None
        if ok:
            QMessageBox.information(
                self,
                self.windowTitle(),
                ngettext(
                    "{n} text was written to {path}. Give the file to the translator and import it when it comes back.",
                    "{n} texts were written to {path}. Give the file to the translator and import it when it comes back.",
                    count,
                ).format(n=count, path=path),
            )
        return count

    def import_texts(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import translated file"), str(Path.home()), FILE_FILTER
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> int:
        """Read, preview, and on confirmation save; returns the number of offers changed."""
        try:
            ok, preview = attempt(self, lambda: read_translations(path, self.offers, self.settings))
        except TranslationFileError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return 0
        if not ok or ImportPreviewDialog(preview, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        try:
            ok, changed = attempt(self, lambda: apply_translations(preview, self.offers))
        except TranslationFileError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return 0
        self.refresh()
        return changed if ok else 0
