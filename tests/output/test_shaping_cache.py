"""The shaping and bidi caches give what uncached work gives, for any text.

A print tries several type sizes and builds its paragraphs afresh for each, so the
paragraph analysis (bidi levels, fonts, line breaks) and the HarfBuzz glyphs are
cached without the size.  A cache that returned another text's glyphs, or the glyphs
of the same letters without their control characters, would print the wrong words;
these tests compare cached results with fresh ones on generated mixed-direction text.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.output.pdf import layout, shaping
from gwa_desktop.output.pdf.bidi_text import BidiParagraph
from gwa_desktop.output.pdf.fonts import ARABIC, ETHIOPIC, LATIN, register_fonts

register_fonts()

_PIECES = st.sampled_from(
    [
        "مقهى",
        "اللغة",
        "كافٍ",
        "محمد",
        "تازه\u200cواردان",
        "۱۴:۰۰",
        "١٢٣",
        "Café",
        "Central",
        "14:00",
        "(25 يورو)",
        "ናይ ቋንቋ",
        "0151 2345678",
        "!",
        "،",
        "?",
        " ",
        " ",
        "\n",
        "\t",
        "\u200e",
        "\u200f",
        "\u202e",
        "\u202c",
        "\u2067",
        "\u2069",
        "\u200d",
        "\u00a0",
        "-",
        "–",
    ]
)
#: Strings of whole words, punctuation and control characters, plus single characters
#: from the scripts and the control ranges, so that near-identical texts meet.
TEXTS = st.lists(
    st.one_of(
        _PIECES,
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF, exclude_categories=("Cn", "Cs")),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x200B, max_codepoint=0x202E),
    ),
    min_size=1,
    max_size=12,
).map("".join)
FONTS = st.sampled_from([LATIN.regular, LATIN.bold, ARABIC.regular, ARABIC.bold, ETHIOPIC.regular])
SIZES = st.sampled_from([6.0, 7.5, 9.0, 11.5, 13.5 * 1.3, 30.0])
LANGUAGES = st.sampled_from([None, "ar", "fa", "ur", "ps", "de", "ti"])


def _uncached_shape(
    text: str, font: str, size: float, rtl: bool, language: str | None
) -> shaping.ShapedRun:
    glyphs, advance = shaping._shaped_glyphs.__wrapped__(text, font, rtl, language)
    return shaping.ShapedRun(glyphs, advance * size / 1000)


def _same_run(cached: shaping.ShapedRun, fresh: shaping.ShapedRun) -> None:
    assert str(cached.glyphs) == str(fresh.glyphs)
    assert cached.glyphs.__shapeData__ == fresh.glyphs.__shapeData__
    assert cached.width == fresh.width


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(TEXTS, min_size=2, max_size=6),
    font=FONTS,
    size=SIZES,
    rtl=st.booleans(),
    language=LANGUAGES,
)
def test_cached_shaping_equals_fresh_shaping(texts, font, size, rtl, language):
    """Shaping texts one after another (the cache filling up, the same letters in
    other sizes) never hands one text the glyphs of another."""
    for text in texts:
        shaping.shape_run(text, font, size * 2, rtl, language)
    for text in texts:
        _same_run(
            shaping.shape_run(text, font, size, rtl, language),
            _uncached_shape(text, font, size, rtl, language),
        )


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(TEXTS, min_size=2, max_size=5),
    size=SIZES,
    bold=st.booleans(),
    direction=st.sampled_from(["auto", "ltr", "rtl"]),
    language=LANGUAGES,
)
def test_cached_analysis_equals_fresh_analysis(texts, size, bold, direction, language):
    for text in texts:
        layout.analyse(text, size + 1, bold, direction, language)
    for text in texts:
        fresh = layout._size_free_analysis.__wrapped__(text, bold, direction, language)
        assert layout.analyse(text, size, bold, direction, language) == replace(
            fresh, font_size=size
        )


def _glyph_lines(paragraph: BidiParagraph, width: float) -> list[list[tuple[str, str, tuple]]]:
    paragraph.wrap(width, 1e6)
    return [
        [
            (run.font_name, str(run.shaped.glyphs), tuple(run.shaped.glyphs.__shapeData__))
            for run in line.runs
        ]
        for line in paragraph.lines
    ]


@settings(max_examples=100, deadline=None)
@given(
    text=TEXTS,
    others=st.lists(TEXTS, max_size=4),
    size=SIZES,
    width=st.sampled_from([40.0, 120.0, 400.0]),
    language=LANGUAGES,
)
def test_paragraph_lines_with_caches_equal_lines_from_a_cold_start(
    text, others, size, width, language
):
    """The glyph runs of every line, laid out with warm caches (after other texts and
    other sizes), are those a fresh process computes."""
    for other in [*others, text]:
        BidiParagraph(other, font_size=size * 1.1, language=language).wrap(width, 1e6)
    warm = _glyph_lines(BidiParagraph(text, font_size=size, language=language), width)
    layout.analyse.cache_clear()
    layout._size_free_analysis.cache_clear()
    shaping._shaped_glyphs.cache_clear()
    cold = _glyph_lines(BidiParagraph(text, font_size=size, language=language), width)
    assert warm == cold
