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


def test_migration_languages_come_first_in_the_ui_language():
    assert language_choices("de")[:3] == ["Arabisch (ar)", "Persisch (fa)", "Dari (prs)"]
    assert language_choices("uk")[0] == "арабська (ar)"


def test_living_languages_follow_alphabetically_by_name_without_historic_ones():
    choices = language_choices("de")
    rest = choices[choices.index("Deutsch (de)") + 1 :]
    assert rest[:3] == ["Abchasisch (ab)", "Aceh (ace)", "Acholi (ach)"]
    assert "Mittelhochdeutsch (gmh)" not in choices and "Gotisch (got)" not in choices
    assert rest.index("Ägyptisches Arabisch (arz)") < rest.index("Akan (ak)")


def test_a_historic_language_stored_on_a_record_stays_choosable(qtbot):
    edit = LanguageCodesEdit()
    qtbot.addWidget(edit)
    edit.set_values(["de", "gmh"])
    assert "Mittelhochdeutsch (gmh)" in edit.choices.model().stringList()
    assert edit.values() == ["de", "gmh"]


def test_the_picker_finds_a_language_by_its_code(qtbot):
    edit = LanguageCodesEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit, "prs")
    completer = edit.choices
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert offered == ["Dari (prs)"]
