"""The UI language at start: command line, stored choice, system locale, German."""

from __future__ import annotations

import pytest

from gwa_desktop.preferences import (
    choose_language,
    language_of_locale,
    preferences_path,
    store_language,
    stored_language,
)


def test_first_start_follows_a_supported_system_locale():
    assert choose_language(None, "uk_UA") == "uk"
    assert choose_language(None, "ar-SY") == "ar"


@pytest.mark.parametrize("system", ["fr_FR", "tr_TR", "C", "", None])
def test_other_system_locales_start_in_german(system):
    assert choose_language(None, system) == "de"


def test_stored_choice_beats_system_and_command_line_beats_both():
    store_language("ar")
    assert stored_language() == "ar"
    assert choose_language(None, "uk_UA") == "ar"
    assert choose_language("en", "uk_UA") == "en"


def test_damaged_or_foreign_preferences_mean_no_choice():
    preferences_path().write_text("{not json", encoding="utf-8")
    assert stored_language() is None
    preferences_path().write_text('{"language": "fr"}', encoding="utf-8")
    assert choose_language(None, None) == "de"


def test_only_ui_languages_can_be_stored():
    with pytest.raises(ValueError):
        store_language("fr")


def test_locale_names_are_read_by_their_language_part():
    assert language_of_locale("de_AT.UTF-8") == "de"
    assert language_of_locale("en") == "en"
    assert language_of_locale("pt_BR") is None
