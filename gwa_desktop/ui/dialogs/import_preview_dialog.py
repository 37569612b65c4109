"""What an import of translated offer texts would change, shown before anything is saved."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.languages import language_name
from gwa_desktop.i18n import _, ngettext, ui_language
from gwa_desktop.services.offer_translation_exchange import ImportPreview
from gwa_desktop.ui.dialog_setup import prepare_dialog
from gwa_desktop.ui.widgets import fit_to_screen

FIELD_LABELS = {"title": lambda: _("Title"), "description": lambda: _("Description")}
OUTDATED_COLOUR = "#fdf1c7"


class ImportPreviewDialog(QDialog):
    """Accepting the dialog means: save these changes."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_dialog(self)
        self.preview = preview
        self.setWindowTitle(_("Preview of the import"))
        count = len(preview.changes)
        lines = [
            ngettext(
                "{n} text in {language} will be added or changed.",
                "{n} texts in {language} will be added or changed.",
                count,
            ).format(n=count, language=language_name(preview.language, ui_language())),
            ngettext(
                "{n} text is already up to date.",
                "{n} texts are already up to date.",
                preview.unchanged,
            ).format(n=preview.unchanged),
            ngettext(
                "{n} text is not translated yet.",
                "{n} texts are not translated yet.",
                preview.untranslated,
            ).format(n=preview.untranslated),
            *preview.problems,
        ]
        if any(change.source_changed for change in preview.changes):
            lines.append(
                _(
                    "Highlighted rows: the German text was changed after the export; please check them."
                )
            )
        self.summary = QLabel("\n".join(lines))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(count, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Offer"), _("Field"), _("Current text"), _("New text")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for row, change in enumerate(preview.changes):
            cells = (change.offer_title, FIELD_LABELS[change.field](), change.old, change.new)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.source_changed:
                    item.setBackground(QBrush(QColor(OUTDATED_COLOUR)))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 860, 480)
