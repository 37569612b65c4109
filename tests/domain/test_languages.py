"""Language codes: names, Dari, writing direction, unknown codes."""

from __future__ import annotations

import pytest

from gwa_desktop.domain.languages import (
    COMMON_LANGUAGES,
    is_known_language,
    is_rtl,
    known_codes,
    language_name,
    normalise_code,
)


def test_dari_has_its_own_name_distinct_from_persian():
    assert language_name("prs", "de") == "Dari"
    assert language_name("prs", "en") == "Dari"
    assert language_name("fa", "de") == "Persisch"
    assert language_name("fa", "en") == "Persian"


@pytest.mark.parametrize(
    ("code", "display", "name"),
    [
        ("ar", "de", "Arabisch"),
        ("ar", "en", "Arabic"),
        ("uk", "de", "Ukrainisch"),
        ("ti", "de", "Tigrinya"),
        (" TR ", "de", "Türkisch"),
    ],
)
def test_language_names_in_the_display_language(code, display, name):
    assert language_name(code, display) == name


def test_unknown_code_falls_back_to_the_code():
    assert language_name("qqq", "de") == "qqq"
    assert language_name("QQQ ", "en") == "qqq"


def test_invalid_display_language_falls_back_to_english():
    assert language_name("uk", "not a locale") == "Ukrainian"


@pytest.mark.parametrize("code", ["de", "ar", "prs", "fa", "uk", "ckb", "ti", " AR ", "Prs"])
def test_known_codes(code):
    assert is_known_language(code)


@pytest.mark.parametrize("code", ["", "xx", "qqq", "arabic", "de_DE", "fa_AF", "de-DE"])
def test_unknown_codes(code):
    assert not is_known_language(code)


def test_every_common_language_is_known_and_has_a_real_name():
    for code in COMMON_LANGUAGES:
        assert code in known_codes()
        assert language_name(code, "de") != code, code


@pytest.mark.parametrize("code", ["ar", "fa", "prs", "ur", "ps", "ckb", "he", " AR"])
def test_right_to_left_languages(code):
    assert is_rtl(code)


@pytest.mark.parametrize("code", ["de", "uk", "tr", "ku", "ti", "so", "xx", ""])
def test_left_to_right_languages(code):
    assert not is_rtl(code)


def test_normalise_code():
    assert normalise_code("  PRS\t") == "prs"


def test_picker_codes_put_migration_languages_first_and_leave_out_dead_ones():
    from gwa_desktop.domain.languages import MIGRATION_LANGUAGES, living_codes, picker_codes

    codes = picker_codes("de")
    assert codes[: len(MIGRATION_LANGUAGES)] == list(MIGRATION_LANGUAGES)
    assert len(codes) == len(set(codes)) == len(living_codes())
    for dead in ("gmh", "goh", "ang", "grc", "got", "akk"):
        assert dead not in codes
    assert picker_codes("de", ["GMH"])[-1] == "gmh"


def test_language_names_of_a_joined_list():
    from gwa_desktop.domain.languages import language_names

    assert language_names("ar, prs", "de") == "Arabisch, Dari"
    assert language_names("uk,xx", "en") == "Ukrainian, xx"
