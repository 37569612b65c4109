"""Date and time inputs take the locale's usual short forms, with four-digit years."""

from __future__ import annotations

import pytest

from gwa_desktop.i18n.formatting import date_input_pattern, format_number, time_input_pattern


@pytest.mark.parametrize(
    ("language", "pattern"),
    [
        ("de", "dd.MM.yyyy"),
        ("en", "M/d/yyyy"),
        ("uk", "dd.MM.yyyy"),
        ("ar", "d\u200f/M\u200f/yyyy"),
    ],
)
def test_date_input_pattern(language, pattern):
    assert date_input_pattern(language) == pattern


def test_time_input_pattern_is_24_hours_in_german_and_12_in_english():
    assert time_input_pattern("de") == "HH:mm"
    assert time_input_pattern("en").startswith("h:mm")


def test_numbers_follow_the_language():
    assert format_number(1234.5, "de") == "1.234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234.5, "uk") == "1\xa0234,5"
