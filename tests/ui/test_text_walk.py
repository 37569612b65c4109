"""The checks of the language tests find what they are meant to find."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from gwa_desktop.ui.language import apply_language
from tests.ui.text_walk import chrome_texts, clipped, untranslated


def test_an_english_message_id_left_in_ukrainian_is_found(qtbot):
    apply_language("uk")
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("Save", "&Edit…", "Зберегти", "GWA Desktop", "0123 45678"):
        layout.addWidget(QLabel(text))
    assert sorted(text for _kind, text in untranslated(window, "uk")) == ["&Edit…", "Save"]
    assert ("label", "Зберегти") in list(chrome_texts(window))


def test_a_button_too_narrow_for_its_text_is_found(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Übersetzte Datei importieren…", window)
    button.setFixedWidth(40)
    window.show()
    assert [found[1] for found in clipped(window)] == ["Übersetzte Datei importieren…"]
