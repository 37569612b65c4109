"""Languages are chosen by name; the field keeps the codes."""

from __future__ import annotations

from gwa_desktop.ui.widgets import LanguageCodesEdit, language_choices


def test_typing_a_name_offers_the_language_and_inserts_its_code(qtbot):
    edit = LanguageCodesEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit, "ar, dari")
    completer = edit.choices
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert "Dari (prs)" in offered
    edit.insert_choice("Dari (prs)")
    assert edit.values() == ["ar", "prs"]


def test_common_languages_come_first_in_the_ui_language():
    assert language_choices("de")[:3] == ["Deutsch (de)", "Englisch (en)", "Arabisch (ar)"]
