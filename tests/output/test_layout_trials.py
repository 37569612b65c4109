"""Trial layouts reuse line breaks, and only drawn lines are shaped.

A print tries a few type sizes by measuring and then draws the size it chose, so the
line breaks of a paragraph are kept per width and size on its (cached) analysis, and
a paragraph only shapes its lines when they are drawn or their widths are asked for.
A cache that handed a paragraph the breaks of another size, width, weight or
direction would print lines running past the column or cut in the wrong places;
these tests compare warm results with what a cold start computes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.output.pdf import layout, shaping, styles
from gwa_desktop.output.pdf.bidi_text import BidiParagraph
from gwa_desktop.output.pdf.fonts import register_fonts
from tests.output.test_shaping_cache import LANGUAGES, SIZES, TEXTS

register_fonts()

MIXED = (
    "Das Sprachcafé (مقهى اللغة) trifft sich jeden Dienstag um 14:00 im Gemeindehaus; "
    "الدرس يبدأ الساعة ١٤:٠٠ في Café Central، والدخول (25 يورو) للجميع. "
    "Donaudampfschifffahrtsgesellschaftskapitän"
)


def _cold_start() -> None:
    layout.analyse.cache_clear()
    layout._size_free_analysis.cache_clear()
    shaping._shaped_glyphs.cache_clear()
    styles._word_width.cache_clear()


def _printed(paragraph: BidiParagraph, width: float) -> list[tuple]:
    """What a drawn paragraph shows: per line its text, width and glyph runs."""
    paragraph.wrap(width, 1e6)
    return [
        (
            line.start,
            line.end,
            line.text,
            line.width,
            [(run.font_name, run.rtl, str(run.shaped.glyphs)) for run in line.runs],
        )
        for line in paragraph.lines
    ]


def _paragraph(text: str, size: float, bold: bool, direction: str, language: str | None):
    return BidiParagraph(text, font_size=size, bold=bold, direction=direction, language=language)


@settings(max_examples=150, deadline=None)
@given(
    text=TEXTS,
    size=SIZES,
    width=st.sampled_from([30.0, 90.0, 240.0]),
    bold=st.booleans(),
    direction=st.sampled_from(["auto", "ltr", "rtl"]),
    language=LANGUAGES,
)
def test_lines_after_trials_at_other_sizes_and_widths_equal_a_cold_layout(
    text, size, width, bold, direction, language
):
    """The same text measured first in other sizes, widths, the other weight and the
    other direction (as a print's trials and a board's repeated labels do) is printed
    exactly as a fresh process prints it."""
    other_direction = "ltr" if direction == "rtl" else "rtl"
    for trial_size, trial_width, trial_bold, trial_direction in (
        (size * 1.3, width, bold, direction),
        (size, width * 0.7, bold, direction),
        (size, width, not bold, direction),
        (size, width, bold, other_direction),
        (size * 0.8, width * 1.5, not bold, other_direction),
    ):
        trial = _paragraph(text, trial_size, trial_bold, trial_direction, language)
        trial.wrap(trial_width, 1e6)
    warm = _printed(_paragraph(text, size, bold, direction, language), width)
    _cold_start()
    assert warm == _printed(_paragraph(text, size, bold, direction, language), width)


def test_the_same_text_in_two_sizes_keeps_the_lines_of_each():
    """Twice the size at the same width gives more lines, each within the width, and
    measuring the small size again after the large one gives back its own lines."""
    small = _printed(_paragraph(MIXED, 8.0, False, "auto", "de"), 160.0)
    large = _printed(_paragraph(MIXED, 16.0, False, "auto", "de"), 160.0)
    again = _printed(_paragraph(MIXED, 8.0, False, "auto", "de"), 160.0)
    assert len(large) > len(small)
    assert again == small
    assert all(width <= 160.01 for _, _, _, width, _ in large + small)
    _cold_start()
    assert _printed(_paragraph(MIXED, 16.0, False, "auto", "de"), 160.0) == large


def test_bold_and_regular_of_one_text_do_not_share_lines():
    regular = _printed(_paragraph(MIXED, 11.0, False, "auto", "de"), 150.0)
    bold = _printed(_paragraph(MIXED, 11.0, True, "auto", "de"), 150.0)
    assert {font for line in regular for font, _, _ in line[4]}.isdisjoint(
        {font for line in bold for font, _, _ in line[4]}
    )
    _cold_start()
    assert _printed(_paragraph(MIXED, 11.0, True, "auto", "de"), 150.0) == bold


def test_right_to_left_and_left_to_right_paragraphs_of_one_text_differ_as_when_cold():
    rtl = _printed(_paragraph(MIXED, 10.0, False, "rtl", "ar"), 140.0)
    ltr = _printed(_paragraph(MIXED, 10.0, False, "ltr", "ar"), 140.0)
    assert [line[4] for line in rtl] != [line[4] for line in ltr]
    _cold_start()
    assert _printed(_paragraph(MIXED, 10.0, False, "rtl", "ar"), 140.0) == rtl
    assert _printed(_paragraph(MIXED, 10.0, False, "ltr", "ar"), 140.0) == ltr


def test_a_paragraph_wrapped_again_at_another_width_draws_the_new_lines():
    paragraph = _paragraph(MIXED, 10.0, False, "auto", "de")
    narrow = _printed(paragraph, 90.0)
    wide = _printed(paragraph, 300.0)
    assert len(wide) < len(narrow)
    assert wide == _printed(_paragraph(MIXED, 10.0, False, "auto", "de"), 300.0)


def test_pieces_of_a_split_paragraph_print_the_lines_of_the_whole():
    """A paragraph split over two columns prints the lines it measured, in order."""
    whole = _printed(_paragraph(MIXED, 10.0, False, "auto", "de"), 120.0)
    paragraph = _paragraph(MIXED, 10.0, False, "auto", "de")
    paragraph.wrap(120.0, 1e6)
    first, rest = paragraph.split(120.0, paragraph.leading * 3)
    assert [line[2] for line in _printed(first, 120.0) + _printed(rest, 120.0)] == [
        line[2] for line in whole
    ]


def test_measuring_shapes_no_line_until_one_is_drawn(monkeypatch):
    """A height comes from the line breaks alone; the glyph runs are made on demand."""
    made: list[tuple[int, int]] = []
    original = layout._make_line

    def counting(analysis, start, end, hyphen=False):
        made.append((start, end))
        return original(analysis, start, end, hyphen)

    monkeypatch.setattr(layout, "_make_line", counting)
    paragraph = _paragraph(MIXED, 10.0, False, "auto", "de")
    _, height = paragraph.wrap(120.0, 1e6)
    assert made == [] and height > 3 * paragraph.leading
    assert len(paragraph.lines) == len(made) == round(height / paragraph.leading)


def test_kept_line_breaks_stay_bounded():
    paragraph = _paragraph(MIXED, 10.0, False, "auto", "de")
    for width in range(60, 60 + 3 * layout._MAX_KEPT_BREAKS):
        paragraph.wrap(float(width), 1e6)
    assert len(paragraph._analysis.breaks_for) <= layout._MAX_KEPT_BREAKS


def test_a_fitted_title_after_other_sizes_and_weights_shrinks_as_when_cold():
    """Titles are fitted from kept word widths: the same word in another size or weight
    must not lend its width."""
    word = "Donaudampfschifffahrtsgesellschaft مقهى"

    def fitted(size: float, bold: bool) -> tuple[float, float]:
        title = styles.FittedText(word, "de", size, bold=bold)
        _, height = title.wrap(120.0, 1e6)
        return title._fitted(120.0).font_size, height

    warm = [fitted(size, bold) for size in (30.0, 20.0) for bold in (True, False)]
    assert warm[0][0] < 30.0 and len(set(warm)) == 4
    _cold_start()
    assert [fitted(size, bold) for size in (30.0, 20.0) for bold in (True, False)] == warm
