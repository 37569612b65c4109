"""Bundled fonts: registration, per-character fallback, and coverage warnings."""

from __future__ import annotations

from importlib.resources import files

import pytest
from reportlab.pdfbase import pdfmetrics

from gwa_desktop.output.pdf import fonts
from gwa_desktop.output.pdf.fonts import (
    ARABIC,
    ETHIOPIC,
    LATIN,
    fonts_for_text,
    register_fonts,
    uncovered_characters,
)


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    font = pdfmetrics.getFont(ARABIC.regular)
    register_fonts()
    assert pdfmetrics.getFont(ARABIC.regular) is font
    for family in (LATIN, ARABIC, ETHIOPIC):
        assert pdfmetrics.getFont(family.bold).fontName == family.bold


def test_fonts_and_their_licence_are_package_data() -> None:
    """Found through the package (importlib.resources), not by walking up from the source."""
    folder = fonts.fonts_dir()
    assert folder == files("gwa_desktop") / "resources" / "fonts"
    assert "SIL Open Font License" in (folder / "OFL.txt").read_text(encoding="utf-8")
    for filename in fonts._FILES.values():
        assert (folder / filename).read_bytes()[:4] == b"\x00\x01\x00\x00"


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
