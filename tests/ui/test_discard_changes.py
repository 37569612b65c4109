"""Closing a form with typed input asks first; an untouched form just closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog


def _dialog(qtbot, services) -> ContactDialog:
    dialog = ContactDialog(services.contacts)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answers(monkeypatch, button) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *a, **k: asked.append(text) or button
    )
    return asked


def test_untouched_form_closes_without_question(qtbot, services, monkeypatch):
    asked = _answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = _dialog(qtbot, services)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []


def test_typed_input_survives_a_cancelled_escape(qtbot, services, monkeypatch):
    asked = _answers(monkeypatch, QMessageBox.StandardButton.Cancel)
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.name, "Fatima Ahmadi")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.name.text() == "Fatima Ahmadi" and len(asked) == 1


def test_discard_closes_and_saves_nothing(qtbot, services, monkeypatch):
    _answers(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.name, "Fatima Ahmadi")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert services.contacts.count() == 0
