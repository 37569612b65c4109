"""Quitting with unsaved settings asks first; the status bar speaks only for the screen on view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gwa_desktop.domain.contact import ContactData
from tests.output.print_samples import sample_offer


def _change_officer(window) -> None:
    window.show_page(window.pages.index(window.settings_page))
    window.settings_page.name.setText("Gemeinde Musterdorf")
    window.settings_page.officer_name.setText("Mara Okafor")


@pytest.mark.parametrize(
    "answer",
    [
        QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Save,
    ],
)
def test_quitting_with_unsaved_settings_asks(qtbot, window, monkeypatch, answer):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or answer
    )
    _change_officer(window)
    window.show_page(window.pages.index(window.contacts_page))
    window.close()
    assert len(asked) == 1
    stored = window.services.settings.get().officer_name
    if answer == QMessageBox.StandardButton.Cancel:
        assert window.isVisible() and window.settings_page.officer_name.text() == "Mara Okafor"
        assert window.current_page() is window.settings_page
        assert stored == ""
    else:
        assert not window.isVisible()
        assert stored == ("Mara Okafor" if answer == QMessageBox.StandardButton.Save else "")


def test_quitting_without_changes_does_not_ask(qtbot, window, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: pytest.fail("asked without changes")
    )
    _change_officer(window)
    assert window.settings_page.save()
    window.close()
    assert not window.isVisible()


def test_status_bar_keeps_the_counts_of_the_screen_on_view(qtbot, window):
    window.services.contacts.create(ContactData(name="Lena Wolf"))
    window.services.offers.create(sample_offer(("de",), offer_id=None))
    window.show_page(window.pages.index(window.offers_page))
    offers_summary = window.offers_page.summary()
    assert window.status_label.text() == offers_summary
    for page in (window.contacts_page, window.activities_page):
        page.refresh()
    assert window.status_label.text() == offers_summary

    window.show_page(window.pages.index(window.settings_page))
    window.offers_page.refresh()
    window.activities_page.refresh()
    assert window.status_label.text() == ""
