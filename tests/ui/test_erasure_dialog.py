"""Review and erase from the File menu: a person due for deletion is erased after a
confirmation that names what goes; the contact list no longer shows her."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.services.erasure import ErasureService
from gwa_desktop.ui.dialogs.erasure_dialog import ErasureDialog
from tests.ui.conftest import drive_dialog


def _person(services, name: str, saved_on: str) -> int:
    contact_id = services.contacts.create(
        ContactData(name=name, phone="0151 4445556", legal_basis=LegalBasis.PUBLIC_TASK)
    )
    with services.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?",
            (saved_on, saved_on, contact_id),
        )
    return contact_id


def test_review_and_erase_a_person_due_for_deletion(window, services, qtbot, monkeypatch):
    due = _person(services, "Theodora Altbestand", "2020-03-01")
    _person(services, "Konrad Aktuell", "2099-01-01")
    window.contacts_page.refresh()
    asked: list[str] = []

    def confirm(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    shots: list[ErasureDialog] = []

    def in_dialog(dialog):
        assert isinstance(dialog, ErasureDialog)
        names = [
            dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())
        ]
        assert names == ["Theodora Altbestand"]
        assert dialog.count.text() == "1 Person ist zur Löschung fällig."
        dialog.grab().save("/tmp/privacy-erasure-dialog.png")
        dialog.search.setText("theo")
        assert dialog.erase_button.isEnabled()
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        shots.append(dialog)
        assert dialog.tree.topLevelItemCount() == 0
        assert dialog.count.text() == "Niemand ist zur Löschung fällig."
        dialog.reject()

    drive_dialog(window.erasure_action.trigger, in_dialog)

    assert shots and len(asked) == 1
    assert "Theodora Altbestand" in asked[0] and "Telefon" in asked[0]
    assert "nicht rückgängig" in asked[0]
    assert [entry.contact_id for entry in ErasureService(services.database).log()] == [due]
    assert services.contacts.count() == 1
    qtbot.waitUntil(lambda: window.contacts_page.model.rowCount() == 1)


def test_saying_no_erases_nothing(window, services, monkeypatch):
    _person(services, "Theodora Altbestand", "2020-03-01")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )

    def in_dialog(dialog):
        dialog.erase_chosen()
        assert dialog.tree.topLevelItemCount() == 1
        dialog.reject()

    drive_dialog(window.erasure_action.trigger, in_dialog)
    assert ErasureService(services.database).log() == []
    assert services.contacts.count() == 1
