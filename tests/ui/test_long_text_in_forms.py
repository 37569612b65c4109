"""A pasted 5 MB text is refused at its field, and the form keeps it for shortening."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.i18n import _
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.widgets import select_data

FIVE_MB = "Notiz " * (5 * 1024 * 1024 // 6)
TOO_LONG = _("This is too long: at most {n} characters.").format(n=10_000)


def test_five_megabytes_of_contact_notes_are_refused_at_the_notes_field(qtbot, services):
    dialog = ContactDialog(services.contacts)
    qtbot.addWidget(dialog)
    dialog.name.setText("Mina Yusuf")
    select_data(dialog.legal_basis, LegalBasis.PUBLIC_TASK)
    dialog.notes.setPlainText(FIVE_MB)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_text("notes") == TOO_LONG
    assert dialog.result() != dialog.DialogCode.Accepted and services.contacts.count() == 0


def test_overlong_activity_notes_are_refused_at_the_notes_field(qtbot, services):
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    qtbot.addWidget(dialog)
    dialog.title.setText("Netzwerktreffen")
    dialog.notes.setPlainText("x" * 10_001)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error_text("notes") == TOO_LONG and services.activities.count() == 0
