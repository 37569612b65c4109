"""In a right-to-left window, phone numbers and Latin names keep their order."""

from __future__ import annotations

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.main_window import MainWindow

ISOLATE, POP = "\u2068", "\u2069"


def test_cells_are_isolated_in_arabic_and_plain_in_german(qtbot, services):
    services.contacts.create(
        ContactData(
            name="TSV Lindenbach 1921 e. V.", kind=ContactKind.ORGANISATION, phone="0123 45670-151"
        )
    )
    apply_language("ar")
    window = MainWindow(services)
    qtbot.addWidget(window)
    model = window.contacts_page.model
    phone_column = [column.key for column in model.columns].index("phone")
    assert model.index(0, phone_column).data() == ISOLATE + "0123 45670-151" + POP
    assert model.index(0, 0).data() == ISOLATE + "TSV Lindenbach 1921 e. V." + POP

    apply_language("de")
    assert model.index(0, phone_column).data() == "0123 45670-151"
