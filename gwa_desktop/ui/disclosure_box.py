"""The settings' box for the suppression threshold of the district figures.

Applies at once, like the UI language, for everyone working on this database
(services/disclosure_settings.py). The spin box cannot go outside the allowed range;
the service checks again and its message is shown should it refuse.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QMessageBox, QSpinBox, QWidget

from gwa_desktop.domain.suppression import HIDDEN, MAX_THRESHOLD, MIN_THRESHOLD
from gwa_desktop.i18n import _
from gwa_desktop.services.disclosure_settings import (
    disclosure_threshold,
    set_disclosure_threshold,
)
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.ui.operations import attempt


class DisclosureBox(QGroupBox):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(_("Published figures"), parent)
        self.database = database
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setAccessibleName(_("Hide counts below"))
        note = QLabel()
        note.setWordWrap(True)
        self.note = note
        form = QFormLayout(self)
        form.addRow(_("Hide counts below"), self.threshold)
        form.addRow(note)
        self.refresh()
        self.threshold.valueChanged.connect(self._store)

    def refresh(self) -> None:
        """Show the threshold in force (another officer may have changed it)."""
        ok, stored = attempt(self, lambda: disclosure_threshold(self.database))
        if ok and stored is not None:
            self.threshold.blockSignals(True)
            self.threshold.setValue(stored)
            self.threshold.blockSignals(False)
        self._describe()

    def _store(self, value: int) -> None:
        try:
            ok, _stored = attempt(self, lambda: set_disclosure_threshold(self.database, value))
        except ValidationError as error:
            QMessageBox.warning(self, _("GWA Desktop"), str(error))
            ok = False
        if not ok:
            self.refresh()
        self._describe()

    def _describe(self) -> None:
        self.note.setText(
            _(
                "In the district package's workbook and the district's overview, counts "
                "from 1 to {below} and every cell a total would give away are printed as "
                "“{hidden}”. Applies to everyone working with this database."
            ).format(below=self.threshold.value() - 1, hidden=HIDDEN)
        )
