"""Several roles in the contact form, chosen with the keyboard (issue 13, item 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gwa_desktop.domain.enums import ContactRole, LegalBasis
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.widgets import select_data


def test_a_second_role_is_ticked_with_the_space_bar_and_saved(qtbot, services):
    form = ContactDialog(services.contacts, None)
    qtbot.addWidget(form)
    form.show()
    form.name.setText("Amal Nasser")
    select_data(form.legal_basis, LegalBasis.PUBLIC_TASK)
    select_data(form.role, ContactRole.VOLUNTEER)
    roles = form.other_roles
    roles.setFocus()
    row = next(
        i
        for i in range(roles.count())
        if roles.item(i).data(Qt.ItemDataRole.UserRole) == ContactRole.LANGUAGE_MEDIATOR.value
    )
    roles.setCurrentRow(0)
    for _step in range(row):
        qtbot.keyClick(roles, Qt.Key.Key_Down)
    qtbot.keyClick(roles, Qt.Key.Key_Space)

    saved = services.contacts.get(form.save())

    assert saved.roles == [ContactRole.VOLUNTEER, ContactRole.LANGUAGE_MEDIATOR]
