"""The consent form fits one page in every print language, German beside it."""

from __future__ import annotations

import pytest

from gwa_desktop.output.pdf import consent_form as form
from gwa_desktop.output.pdf.consent_form import build_consent_form
from gwa_desktop.services.settings import MunicipalityData
from gwa_desktop.output.pdf.print_texts import PrintTexts
from tests.output.print_samples import ARABIC_SCRIPT, PRINT_LANGUAGES, comparable_words, flat_text, municipality, nfkc


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_one_page_german_beside_the_chosen_language(language):
    result = build_consent_form(language, municipality(officer_address="Rathaus, Marktplatz 1"))
    text = flat_text(result.pdf)
    assert result.pages == 1 and result.warnings == []
    assert PrintTexts("de")(form.TITLE) in text and "Unterschrift" in text
    title, signature = PrintTexts(language)(form.TITLE), PrintTexts(language)(form.FIELDS[-1])
    if language in ARABIC_SCRIPT:
        for word in comparable_words(title) + comparable_words(signature):
            assert word in nfkc(text)
    else:
        assert title in text and signature in text
    assert "Gemeinde Musterdorf" in text


def test_broken_logo_still_prints_the_form():
    result = build_consent_form("ar", municipality(logo=b"GIF89a broken", officer_address="Rathaus, Marktplatz 1"))
    assert [w.kind for w in result.warnings] == ["logo"] and result.pages == 1


def test_form_without_controller_address_warns_before_it_is_signed():
    warned = build_consent_form("uk", MunicipalityData()).warnings
    assert [w.kind for w in warned] == ["controller"]
    complete = build_consent_form("uk", municipality(officer_address="Rathaus, Marktplatz 1")).warnings
    assert "controller" not in [w.kind for w in complete]
