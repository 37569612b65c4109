"""Choosing records in a form's picker by keyboard: Enter adds, and never saves the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.widgets import RecordPicker


def _organisations(services) -> dict[str, int]:
    names = (
        "Arbeitsagentur Nord",
        "Jobcenter Landkreis",
        "Kita Sonnenschein",
        "Sportverein Blau-Weiß",
    )
    return {
        name: services.contacts.create(ContactData(name=name, kind=ContactKind.ORGANISATION))
        for name in names
    }


def _type_in(qtbot, picker: RecordPicker, text: str) -> None:
    picker.combo.lineEdit().setFocus()
    qtbot.keyClicks(picker.combo.lineEdit(), text)


def test_typing_down_enter_adds_the_highlighted_entry_and_clears_the_field(qtbot, services):
    ids = _organisations(services)
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.organisations
    _type_in(qtbot, picker, "Jobc")
    popup = picker.combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert picker.ids() == [ids["Jobcenter Landkreis"]]
    assert picker.combo.currentText() == ""
    picker.add_button.click()
    assert picker.ids() == [ids["Jobcenter Landkreis"]], "the Add button added a leftover entry"
    assert dialog.isVisible()


def test_enter_without_a_match_stays_in_the_picker_and_never_saves_the_dialog(qtbot, services):
    ids = _organisations(services)
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.organisations
    _type_in(qtbot, picker, "Kita Sonnenschein")
    qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)
    assert picker.ids() == [ids["Kita Sonnenschein"]]
    qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Enter)
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.saved_id is None
    assert services.activities.count() == 0
    assert picker.ids() == [ids["Kita Sonnenschein"]]


def test_a_part_of_a_name_adds_the_one_entry_it_matches(qtbot, services):
    ids = _organisations(services)
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.organisations
    _type_in(qtbot, picker, "sonnen")
    picker.combo.completer().popup().hide()
    qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)
    assert picker.ids() == [ids["Kita Sonnenschein"]]
