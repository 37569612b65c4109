"""Context menus on list rows and headers; columns shown per list are remembered."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.preferences import stored_hidden_columns
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.list_menus import header_menu, row_menu
from tests.ui.conftest import drive_dialog, weekly_offer


def _action(menu, text: str):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_the_context_menu_records_a_session_from_an_offer_row(qtbot, window):
    weekly_offer(window.services, "Elterncafé", 20, time(9), time(11))
    offer_id = weekly_offer(window.services, "Hausaufgabenhilfe", 30, time(14, 30), time(16))
    page = window.offers_page
    window.show_page(window.pages.index(page))
    page.refresh()
    row = page.model.row_of_id(offer_id)
    menu = row_menu(page, row)
    assert page.selected_ids() == [offer_id]  # the row right-clicked is the one acted on
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Bearbeiten…",
        "Termin erfassen…",
        "Aushang drucken…",
        "&Löschen…",
    ]

    def count_twelve(dialog: ActivityDialog) -> None:
        assert isinstance(dialog, ActivityDialog)
        assert dialog.title.text() == "Hausaufgabenhilfe"
        dialog.total.setValue(12)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    drive_dialog(_action(menu, "Termin erfassen…").trigger, count_twelve)
    (row_data,) = window.services.activities.list_rows(window.activities_page.model.query)
    saved = window.services.activities.get(row_data[0])
    assert (saved.offer_id, saved.participants_total) == (offer_id, 12)
    assert saved.occurred_on <= date.today()


def test_copy_phone_number_from_a_contact_row(qtbot, window):
    window.services.contacts.create(
        ContactData(name="Mina Yusuf", phone="0123 45678-9", legal_basis=LegalBasis.PUBLIC_TASK)
    )
    window.services.contacts.create(
        ContactData(name="Ohne Telefon", legal_basis=LegalBasis.PUBLIC_TASK)
    )
    page = window.contacts_page
    page.refresh()
    QGuiApplication.clipboard().clear()
    with_phone = row_menu(page, page.model.row_of_id(1))
    _action(with_phone, "Telefonnummer kopieren").trigger()
    assert QGuiApplication.clipboard().text() == "0123 45678-9"
    without = row_menu(page, page.model.row_of_id(2))
    assert not _action(without, "Telefonnummer kopieren").isEnabled()


def test_a_column_hidden_from_the_header_menu_stays_hidden_in_the_next_window(
    qtbot, window, services
):
    from gwa_desktop.ui.main_window import MainWindow

    page = window.contacts_page
    header = page.table.horizontalHeader()
    columns = [c.key for c in page.model.columns]
    # By default the longest, least used column is hidden; the name cannot be.
    assert header.isSectionHidden(columns.index("topics"))
    menu = header_menu(page)
    assert not _action(menu, "Name").isEnabled()
    _action(menu, "E-Mail").setChecked(False)
    _action(menu, "Ansprechperson für").setChecked(True)
    assert header.isSectionHidden(columns.index("email"))
    assert stored_hidden_columns("contacts") == ["email"]
    again = MainWindow(services)
    qtbot.addWidget(again)
    again_header = again.contacts_page.table.horizontalHeader()
    assert again_header.isSectionHidden(columns.index("email"))
    assert not again_header.isSectionHidden(columns.index("topics"))


def test_hidden_columns_of_the_current_row_show_in_the_details_line(qtbot, window):
    window.services.contacts.create(
        ContactData(
            name="Mina Yusuf", topics=["Hausaufgabenhilfe"], legal_basis=LegalBasis.PUBLIC_TASK
        )
    )
    page = window.contacts_page
    page.refresh()
    page.table.selectRow(0)
    page.table.setCurrentIndex(page.model.index(0, 0))
    QApplication.processEvents()
    assert page.details.isVisible()
    assert page.details.text() == "Ansprechperson für: Hausaufgabenhilfe"


def test_the_menu_key_opens_the_menu_of_the_current_row(qtbot, window, monkeypatch):
    from PySide6.QtCore import Qt

    from gwa_desktop.ui import list_menus

    offer_id = weekly_offer(window.services, "Hausaufgabenhilfe", 30, time(14, 30), time(16))
    page = window.offers_page
    window.show_page(window.pages.index(page))
    page.refresh()
    page.table.setCurrentIndex(page.model.index(page.model.row_of_id(offer_id), 0))
    seen: list[list[str]] = []
    # The menu is recorded instead of shown: a shown menu waits for the user.
    monkeypatch.setattr(
        list_menus, "open_menu", lambda menu, _at: seen.append([a.text() for a in menu.actions()])
    )
    # Shift+F10 first: the application keeps the modifiers of the last key event, and
    # a Shift left over would turn the next test's clicks into Shift-clicks.
    for key, modifier in (
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ):
        page.table.clearSelection()
        page.table.setFocus()
        before = len(seen)
        qtbot.keyClick(page.table, key, modifier)
        assert len(seen) == before + 1
        assert "Termin erfassen…" in seen[-1]
        assert page.selected_ids() == [offer_id]
