"""First start, and what the user sees when something goes wrong underneath."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import set_ui_language
from gwa_desktop.paths import backups_dir
from gwa_desktop.services.backup import backup_database
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.errors import DiskFullError
from gwa_desktop.ui import app as app_module
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.print_menu import print_flyer
from tests.ui.conftest import drive_dialog


def _answer(monkeypatch, button) -> list[str]:
    """Make QMessageBox answer `button` and collect the texts it was asked to show."""
    shown: list[str] = []

    def ask(parent, title, text, *args, **kwargs):
        shown.append(text)
        return button

    for name in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, ask)
    return shown


def test_empty_database_offers_demo_data_and_loads_it(qtbot, services, monkeypatch):
    assert services.is_empty()
    shown = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    app_module.offer_demo_data(services)
    assert "erfundenen Dorfes" in shown[0]
    assert (
        services.contacts.count() >= 25
        and services.offers.count() >= 12
        and services.activities.count() >= 50
    )


def test_declining_demo_data_keeps_the_database_empty(qtbot, services, monkeypatch):
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    app_module.offer_demo_data(services)
    assert services.is_empty()


def test_full_disk_keeps_the_form_open_with_the_entry(qtbot, services, monkeypatch):
    shown = _answer(monkeypatch, QMessageBox.StandardButton.Ok)

    def disk_full(data):
        raise DiskFullError()

    monkeypatch.setattr(services.contacts, "create", disk_full)
    dialog = ContactDialog(services.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Mariam Nouri")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.name.text() == "Mariam Nouri"
    assert shown == [str(DiskFullError())]
    assert "voll" in shown[0]


def test_messages_follow_an_english_ui(qtbot, window):
    set_ui_language("en")

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Olena Koval")
        dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData(LegalBasis.CONSENT.value))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible()
        assert "no valid consent is recorded" in dialog.error_text("consents")
        dialog.reject()

    drive_dialog(window.new_action.trigger, fill)
    assert window.services.contacts.count() == 0


def test_a_file_that_is_no_database_is_refused_at_start(qtbot, tmp_path, monkeypatch):
    bogus = tmp_path / "brief.sqlite"
    bogus.write_bytes(b"Sehr geehrte Damen und Herren")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Close,
    )
    assert app_module.open_with_dialogs(str(bogus)) is None
    assert str(bogus) in shown[0]
    assert bogus.read_bytes() == b"Sehr geehrte Damen und Herren"


def test_a_damaged_database_can_be_replaced_by_a_backup_at_start(
    qtbot, services, tmp_path, monkeypatch
):
    services.contacts.create(ContactData(name="Kita Regenbogen", kind=ContactKind.ORGANISATION))
    backup_database(services.database, backups_dir())
    damaged = tmp_path / "kaputt.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Reset)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (args[3][0], True))
    _answer(monkeypatch, QMessageBox.StandardButton.Ok)

    database = app_module.open_with_dialogs(str(damaged))

    assert database is not None
    try:
        assert [row[1] for row in Services.on(database).contacts.list_rows(ListQuery())] == [
            "Kita Regenbogen"
        ]
    finally:
        database.close()


def test_an_entry_deleted_elsewhere_is_told_when_its_form_would_open(qtbot, window, monkeypatch):
    """The form reads the record in its constructor: that read is inside the error boundary."""
    shown = _answer(monkeypatch, QMessageBox.StandardButton.Ok)
    record_id = window.services.contacts.create(
        ContactData(
            name="Mariam Nouri", kind=ContactKind.PERSON, legal_basis=LegalBasis.PUBLIC_TASK
        )
    )
    page = window.contacts_page
    page.refresh()
    page.select_id(record_id)
    window.services.contacts.delete([record_id])  # in another window, say

    page.edit_current()

    assert shown == ["Dieser Eintrag wurde inzwischen gelöscht. Die Liste wird aktualisiert."]
    assert page.model.rowCount() == 0


def test_a_flyer_for_an_offer_deleted_elsewhere_is_told_not_crashed(qtbot, window, monkeypatch):
    shown = _answer(monkeypatch, QMessageBox.StandardButton.Ok)
    offer_id = window.services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 3, 3),
        )
    )
    window.offers_page.refresh()
    window.offers_page.select_id(offer_id)
    window.services.offers.delete([offer_id])

    print_flyer(window)

    assert shown == ["Dieser Eintrag wurde inzwischen gelöscht. Die Liste wird aktualisiert."]
    assert window.offers_page.model.rowCount() == 0
