"""The main window driven as a user would: dialogs, search, edit, delete, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind, LegalBasis
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from gwa_desktop.ui.main_window import MainWindow
from tests.ui.conftest import drive_dialog


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _visible_names(page) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def test_contact_create_find_edit_delete(qtbot, window, monkeypatch):
    page = window.contacts_page
    window.show_page(window.pages.index(window.contacts_page))

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Samira Haddad")
        dialog.legal_basis.setCurrentIndex(
            dialog.legal_basis.findData(LegalBasis.PUBLIC_TASK.value)
        )
        qtbot.keyClicks(dialog.phone, "0123 45678-11")
        qtbot.keyClicks(dialog.languages, "ar, de")
        _save(dialog)

    drive_dialog(window.new_action.trigger, fill)
    assert window.services.contacts.count() == 1
    assert "1 von 1" in window.status_label.text() or "1 of 1" in window.status_label.text()

    window.services.contacts.create(
        ContactData(name="Kita Regenbogen", kind=ContactKind.ORGANISATION)
    )
    page.refresh()
    window.find_action.trigger()
    assert window.focusWidget() is page.search
    qtbot.keyClicks(page.search, "hadd")
    qtbot.waitUntil(lambda: _visible_names(page) == ["Samira Haddad"])

    page.table.selectRow(0)

    def rename(dialog):
        assert dialog.phone.text() == "0123 45678-11"
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "Samira Haddad-Ali")
        _save(dialog)

    drive_dialog(window.edit_action.trigger, rename)
    assert _visible_names(page) == ["Samira Haddad-Ali"]

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitActive(window):
        window.activateWindow()
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "• Samira Haddad-Ali" in asked[0]
    assert window.services.contacts.count(ListQuery(text="samira")) == 0
    assert window.services.contacts.count() == 1


def test_invalid_contact_keeps_dialog_open_with_inline_message(qtbot, window):
    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Olena Koval")
        dialog.legal_basis.setCurrentIndex(
            dialog.legal_basis.findData(LegalBasis.PUBLIC_TASK.value)
        )
        qtbot.keyClicks(dialog.email, "olena-at-example")
        _save(dialog)
        assert dialog.isVisible(), "a wrong e-mail must not close the form"
        assert "olena-at-example" in dialog.error_text("email")
        assert dialog.name.text() == "Olena Koval"
        dialog.email.clear()
        qtbot.keyClicks(dialog.email, "olena@example.org")
        _save(dialog)

    drive_dialog(window.new_action.trigger, fill)
    assert (
        window.services.contacts.get(window.contacts_page.model.row_id(0)).email
        == "olena@example.org"
    )


def test_private_person_without_basis_can_only_hold_name(qtbot, window):
    def check(dialog):
        qtbot.keyClicks(dialog.name, "Ahmad R.")
        assert not dialog.phone.isEnabled()
        assert "GDPR" in dialog.basis_hint.text() or "DSGVO" in dialog.basis_hint.text()
        dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData(LegalBasis.CONTRACT.value))
        assert dialog.phone.isEnabled()
        dialog.reject()

    drive_dialog(window.new_action.trigger, check)
    assert window.services.contacts.count() == 0


def test_offer_with_two_contact_persons_and_linked_activity_survive_reopen(
    qtbot, window, database_path
):
    services = window.services
    first = services.contacts.create(
        ContactData(name="Anna Berger", legal_basis=LegalBasis.CONTRACT, phone="0123 45678-21")
    )
    second = services.contacts.create(
        ContactData(name="Yonas Tesfay", legal_basis=LegalBasis.CONTRACT, phone="0123 45678-22")
    )
    window.show_page(window.pages.index(window.offers_page))

    def fill_offer(dialog):
        dialog.texts.tab("de").title.insert("Sprachcafé")
        arabic = dialog.texts.add_language("ar")
        arabic.title.insert("مقهى اللغة")
        dialog.times.enabled.setChecked(True)
        for contact_id in (first, second):
            dialog.contact_persons.add_id(contact_id)
        _save(dialog)

    drive_dialog(window.new_action.trigger, fill_offer)
    offer_row = window.offers_page.model.row_id(0)
    offer = services.offers.get(offer_row)
    assert sorted(offer.contact_person_ids) == sorted([first, second])
    assert offer.text_in("ar").title == "مقهى اللغة"

    window.show_page(window.pages.index(window.activities_page))

    def fill_activity(dialog):
        dialog.offer.setCurrentIndex(dialog.offer.findData(offer_row))
        assert dialog.title.text() == "Sprachcafé"
        dialog.total.setValue(12)
        dialog.women.setValue(7)
        _save(dialog)

    drive_dialog(window.new_action.trigger, fill_activity)
    assert services.activities.count() == 1
    window.close()

    reopened_db = open_database(str(database_path))
    try:
        reopened = MainWindow(Services.on(reopened_db))
        qtbot.addWidget(reopened)
        assert reopened.contacts_page.model.rowCount() == 2
        assert reopened.offers_page.model.index(0, 0).data() == "Sprachcafé"
        activity = reopened.services.activities.get(reopened.activities_page.model.row_id(0))
        assert (activity.offer_id, activity.participants_total, activity.participants_women) == (
            offer_row,
            12,
            7,
        )
    finally:
        reopened_db.close()


def test_window_geometry_is_remembered(qtbot, services):
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show_page(first.pages.index(first.activities_page))
    first.close()
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)
    assert second.current_page() is second.activities_page


def test_ctrl_number_switches_screens(qtbot, window):
    for number in (2, 3, 4, 5, 1, 0):
        qtbot.keyClick(window, str(number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == number
        assert window.navigation.currentRow() == number
