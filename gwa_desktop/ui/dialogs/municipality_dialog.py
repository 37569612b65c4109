"""District mode: add or change one municipality of the district's list.

A refused entry (a second "Lindental", an AGS with seven digits) marks its fields and
the form stays open with everything typed (FormDialog).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from gwa_desktop.i18n import _
from gwa_desktop.services.district_municipalities import (
    MunicipalityInput,
    MunicipalityListService,
)
from gwa_desktop.services.reporting_cycles import CYCLE_LABELS, MAX_GRACE_DAYS, ReportingCycle
from gwa_desktop.ui.dialogs.form import FormDialog
from gwa_desktop.ui.widgets import DateEdit, fit_to_screen, select_data


class MunicipalityDialog(FormDialog):
    help_anchor = "district-mode"

    def __init__(
        self,
        listing: MunicipalityListService,
        entry_id: int | None = None,
        parent: QWidget | None = None,
        suggested: MunicipalityInput | None = None,
    ) -> None:
        super().__init__(
            _("Add municipality") if entry_id is None else _("Edit municipality"), parent
        )
        self.listing = listing
        self.entry_id = entry_id
        self.name = QLineEdit()
        self.official_key = QLineEdit()
        self.official_key.setPlaceholderText("09162000")
        self.installation_id = QLineEdit()
        self.cycle = QComboBox()
        for cycle in ReportingCycle:
            self.cycle.addItem(_(CYCLE_LABELS[cycle]), cycle.value)
        self.active_from = DateEdit()
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, MAX_GRACE_DAYS)
        self.grace_days.setSuffix(" " + _("days"))
        self.contact_note = QPlainTextEdit()
        self.contact_note.setPlaceholderText(_("who to call, phone, e-mail"))
        self.contact_note.setFixedHeight(80)
        self.contact_note.setTabChangesFocus(True)
        self.add_row(_("Name"), self.name, "name")
        self.add_row(_("Official key (AGS)"), self.official_key, "official_key")
        self.add_row(_("Installation id"), self.installation_id, "installation_id")
        self.add_row(_("Reports"), self.cycle, "cycle")
        self.add_row(_("Expected from"), self.active_from, "active_from")
        self.add_row(_("Late after the period's end"), self.grace_days, "grace_days")
        self.add_row(_("Contact note"), self.contact_note)
        self.watch(self.contact_note)
        for widget, text in (
            (self.name, _("Name")),
            (self.official_key, _("Official key (AGS)")),
            (self.installation_id, _("Installation id")),
            (self.cycle, _("Reports")),
            (self.grace_days, _("Late after the period's end")),
            (self.contact_note, _("Contact note")),
        ):
            widget.setAccessibleName(text)
        fit_to_screen(self, 620, 440)
        self.show_input(
            listing.get(entry_id).as_input()
            if entry_id is not None
            else suggested or MunicipalityInput("")
        )

    def show_input(self, data: MunicipalityInput) -> None:
        self.name.setText(data.name)
        self.official_key.setText(data.official_key)
        self.installation_id.setText(data.installation_id)
        select_data(self.cycle, data.cycle)
        self.active_from.set_date(data.active_from)
        self.grace_days.setValue(data.grace_days)
        self.contact_note.setPlainText(data.contact_note)

    def data(self) -> MunicipalityInput:
        return MunicipalityInput(
            self.name.text(),
            self.official_key.text(),
            self.installation_id.text(),
            ReportingCycle(self.cycle.currentData()),
            self.active_from.to_date(),
            self.grace_days.value(),
            self.contact_note.toPlainText(),
        )

    def save(self) -> int:
        if self.entry_id is None:
            return self.listing.add(self.data())
        self.listing.edit(self.entry_id, self.data())
        return self.entry_id

    def load_saved(self) -> None:
        if self.entry_id is not None:
            self.show_input(self.listing.get(self.entry_id).as_input())
