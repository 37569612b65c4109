"""Bundled fonts: registration, per-character fallback, and coverage warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from gwa_desktop.output.pdf import fonts
from gwa_desktop.output.pdf.fonts import ARABIC, ETHIOPIC, LATIN, fonts_for_text, register_fonts, uncovered_characters


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    font = pdfmetrics.getFont(ARABIC.regular)
    register_fonts()
    assert pdfmetrics.getFont(ARABIC.regular) is font
    for family in (LATIN, ARABIC, ETHIOPIC):
        assert pdfmetrics.getFont(family.bold).fontName == family.bold


def test_resources_dir_default_and_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(fonts.RESOURCES_ENV, raising=False)
    assert (fonts.resources_dir() / "fonts" / "NotoSans-Regular.ttf").is_file()
    monkeypatch.setenv(fonts.RESOURCES_ENV, str(tmp_path))
    assert fonts.resources_dir() == tmp_path


def test_each_script_gets_its_font_and_neutrals_follow_neighbours() -> None:
    text = "Ab الدرس (25) ሰዓት 14:00!"
    chosen = dict(zip(range(len(text)), fonts_for_text(text)))
    assert chosen[0] == LATIN.regular
    assert chosen[text.index("ا")] == ARABIC.regular
    assert chosen[text.index(" (")] == ARABIC.regular  # space after Arabic stays Arabic
    assert chosen[text.index("(")] == LATIN.regular  # Noto Sans Arabic has no brackets
    assert chosen[text.index("ሰ")] == ETHIOPIC.regular
    assert chosen[text.index("1")] == LATIN.regular  # Noto Sans Ethiopic has no digits
    assert chosen[text.index("!")] == LATIN.regular


def test_marks_and_zwnj_stay_with_their_letter() -> None:
    text = "كافٍ می\u200cشود"
    assert set(fonts_for_text(text)) == {ARABIC.regular}
    assert set(fonts_for_text(text, bold=True)) == {ARABIC.bold}


def test_uncovered_characters_reports_cjk_and_devanagari_once() -> None:
    assert uncovered_characters("Kurs 日本 नमस्ते 日") == ["日", "本", "न", "म", "स", "्", "त", "े"]


@pytest.mark.parametrize(
    "text",
    [
        "Grüße, Straße, İğdır, Şişli — Курс німецької мови",
        "يبدأ الدرس (25 يورو) ١٤:٠٠ می‌شود ۴۵۶ ټولګی ږ ړ ځ ڼ ہوگی۔ ے",
        "ናይ ጀርመን ቋንቋ ትምህርቲ። 14:00!",
        "\u200e\u200f\u2067\u2069\ufeff\n",
    ],
)
def test_our_languages_are_fully_covered(text: str) -> None:
    assert uncovered_characters(text) == []
