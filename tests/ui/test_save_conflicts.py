"""Two windows on the same entry: the later save asks "reload or overwrite?".

The first dialog saves; the second, opened before, must not silently overwrite it. The
real question box is clicked from its own event loop (drive_dialog), as the officer would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.i18n import _
from gwa_desktop.storage.errors import DatabaseBusyError
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.pages.settings_page import SettingsPage
from gwa_desktop.ui.save_conflicts import busy_box, conflict_box
from tests.services.service_builders import offer_data
from tests.ui.conftest import drive_dialog


@pytest.fixture(autouse=True)
def discard_at_teardown(monkeypatch):
    """Forms left open with input close without the "discard changes?" question."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )


def _contact(services) -> int:
    return services.contacts.create(
        ContactData(name="Mina Yusuf", legal_basis=LegalBasis.PUBLIC_TASK)
    )


def _open(qtbot, services, contact_id) -> ContactDialog:
    dialog = ContactDialog(services.contacts, contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _click(label: str):
    def handle(box: QMessageBox) -> None:
        assert box.text() == _(
            "This entry was changed in the meantime, in another window or on another computer — reload or overwrite?"
        )
        next(b for b in box.buttons() if b.text() == label).click()

    return handle


def _two_windows(qtbot, services):
    contact_id = _contact(services)
    first, second = _open(qtbot, services, contact_id), _open(qtbot, services, contact_id)
    first.notes.setPlainText("Dolmetscht dienstags")
    _save(first)
    assert first.result() == first.DialogCode.Accepted
    second.notes.setPlainText("Spricht auch Farsi")
    return contact_id, second


def test_reload_shows_the_other_save_and_says_the_changes_are_gone(qtbot, services):
    contact_id, second = _two_windows(qtbot, services)
    drive_dialog(lambda: _save(second), _click(_("Reload")))

    assert second.isVisible()
    assert second.notes.toPlainText() == "Dolmetscht dienstags"
    assert second.error_text("") == _(
        "The form now shows the entry as it was saved elsewhere; your changes were discarded."
    )
    assert services.contacts.get(contact_id).notes == "Dolmetscht dienstags"
    second.notes.setPlainText("Dolmetscht dienstags, spricht auch Farsi")
    _save(second)  # the reloaded form builds on the saved version
    assert services.contacts.get(contact_id).notes == "Dolmetscht dienstags, spricht auch Farsi"


def test_overwrite_saves_the_input_over_the_other_change(qtbot, services):
    contact_id, second = _two_windows(qtbot, services)
    drive_dialog(lambda: _save(second), _click(_("Overwrite")))
    assert second.result() == second.DialogCode.Accepted
    assert services.contacts.get(contact_id).notes == "Spricht auch Farsi"


def test_cancel_keeps_the_form_and_saves_nothing(qtbot, services):
    contact_id, second = _two_windows(qtbot, services)
    drive_dialog(lambda: _save(second), _click(_("Cancel")))
    assert second.isVisible() and second.notes.toPlainText() == "Spricht auch Farsi"
    assert services.contacts.get(contact_id).notes == "Dolmetscht dienstags"


def test_an_entry_deleted_meanwhile_is_named_and_the_input_stays(qtbot, services):
    contact_id = _contact(services)
    dialog = _open(qtbot, services, contact_id)
    services.contacts.delete([contact_id])
    dialog.notes.setPlainText("Spricht auch Farsi")
    shown: list[str] = []
    drive_dialog(lambda: _save(dialog), lambda box: (shown.append(box.text()), box.accept()))
    assert shown == [
        _(
            "This entry was deleted in the meantime, in another window or on another computer, so "
            "your input cannot be saved to it. It is still in this form: copy what you need, then close it."
        )
    ]
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Spricht auch Farsi"


def test_a_busy_database_offers_retry(qtbot, services, monkeypatch):
    contact_id = _contact(services)
    dialog = _open(qtbot, services, contact_id)
    dialog.notes.setPlainText("Spricht auch Farsi")
    real_update, calls = services.contacts.update, []

    def busy_once(data):
        calls.append(data)
        if len(calls) == 1:
            raise DatabaseBusyError()
        real_update(data)

    monkeypatch.setattr(services.contacts, "update", busy_once)
    drive_dialog(
        lambda: _save(dialog), lambda box: box.button(QMessageBox.StandardButton.Retry).click()
    )
    assert len(calls) == 2 and dialog.result() == dialog.DialogCode.Accepted
    assert services.contacts.get(contact_id).notes == "Spricht auch Farsi"


def test_an_offer_reload_drops_a_language_the_other_window_removed(qtbot, services):
    data = offer_data()
    data.texts.append(OfferTextData("ar", "مقهى اللغة"))
    offer_id = services.offers.create(data)
    first = OfferDialog(services.offers, services.contacts, offer_id)
    second = OfferDialog(services.offers, services.contacts, offer_id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()
    first.texts.tabs.removeTab(1)
    _save(first)
    # Not the place or the time: a series edit would first ask which dates it means.
    second.cost_note.setText("mit Kaffee")
    drive_dialog(lambda: _save(second), _click(_("Reload")))
    assert second.texts.languages() == ["de"] and second.cost_note.text() == ""


def test_settings_saved_in_another_window_are_not_overwritten(qtbot, services):
    first, second = SettingsPage(services.settings), SettingsPage(services.settings)
    for page in (first, second):
        qtbot.addWidget(page)
        page.refresh()
    first.name.setText("Gemeinde Lindenbach")
    assert first.save()
    first.officer_name.setText("Eva Muster")
    assert first.save()  # the page stays open and saves again on its own version
    second.name.setText("Gemeinde Anderswo")
    drive_dialog(lambda: second.save(), _click(_("Cancel")))
    assert services.settings.get().name == "Gemeinde Lindenbach"
    drive_dialog(lambda: second.save(), _click(_("Overwrite")))
    assert services.settings.get().name == "Gemeinde Anderswo"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_questions_read_well(qtbot, language, tmp_path):
    """Pictures of the questions (set GWA_SCREENSHOT_DIR to keep them); Arabic is mirrored."""
    apply_language(language)
    folder = Path(os.environ.get("GWA_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    box, choices = conflict_box(None)
    busy = busy_box(None, str(DatabaseBusyError()))
    for name, widget in (("conflict", box), ("busy", busy)):
        qtbot.addWidget(widget)
        widget.show()
        path = folder / f"{name}_{language}.png"
        assert widget.grab().save(str(path)) and path.stat().st_size > 5_000
    assert [b.text() for b in choices] == [_("Reload"), _("Overwrite"), _("Cancel")]
    assert box.isRightToLeft() == (language == "ar")
