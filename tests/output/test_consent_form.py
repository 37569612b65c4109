"""The consent form fits one page in every print language, German beside it."""

from __future__ import annotations

import pytest

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.output.pdf import consent_form as form
from gwa_desktop.output.pdf.consent_form import build_consent_form
from gwa_desktop.output.pdf.print_texts import PrintTexts
from tests.output.print_samples import (
    ARABIC_SCRIPT,
    PRINT_LANGUAGES,
    comparable_words,
    flat_text,
    municipality,
    nfkc,
)


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
    result = build_consent_form(
        "ar", municipality(logo=b"GIF89a broken", officer_address="Rathaus, Marktplatz 1")
    )
    assert [w.kind for w in result.warnings] == ["logo"] and result.pages == 1


def test_form_without_controller_address_warns_before_it_is_signed():
    warned = build_consent_form("uk", MunicipalityData()).warnings
    assert [w.kind for w in warned] == ["controller"]
    complete = build_consent_form(
        "uk", municipality(officer_address="Rathaus, Marktplatz 1")
    ).warnings
    assert "controller" not in [w.kind for w in complete]


@pytest.mark.parametrize("language", ("fa", "prs", "ur", "ps"))
def test_purpose_starting_with_the_latin_municipality_name_runs_right_to_left(language):
    """The translated purpose begins with "{municipality}": a Latin first word must not
    turn the whole paragraph left to right (its lines would start at the left edge)."""
    blocks = form._column(language, municipality(), form.SIZES[0])
    purpose = PrintTexts(language)(form.SECTIONS[0][1]).format(municipality="Gemeinde Musterdorf")
    assert purpose.startswith("Gemeinde Musterdorf")
    paragraph = next(
        item
        for block in blocks
        for item in block.items
        if getattr(item, "_analysis", None) and item._analysis.text == purpose
    )
    paragraph.wrap(200, 1e6)
    assert paragraph.direction == "rtl"
    first_line = paragraph.lines[0]
    # Right to left: the name, typed first, is the rightmost run of the first line.
    assert "Musterdorf" in first_line.runs[-1].text
    assert paragraph._line_x(first_line) == pytest.approx(200 - first_line.width)


@pytest.mark.parametrize(
    ("text", "language", "direction"),
    [
        ("Musterdorf می‌خواهد اطلاعات تماس شما را ذخیره کند", "fa", "rtl"),
        ("محمد leitet den Kurs im Gemeindehaus", "de", "ltr"),
        ("Café Mondial", "ar", "ltr"),
        ("0151 2345678", "ar", "ltr"),
        ("مقهى اللغة", "de", "rtl"),
    ],
)
def test_paragraph_direction_follows_the_print_language_where_the_text_has_its_letters(
    text, language, direction
):
    from gwa_desktop.output.pdf.styles import Text

    assert Text(text, language, 10).direction == direction
