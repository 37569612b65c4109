"""Notice-board overview and weekly plan, in every print language, read back from the PDF."""

from __future__ import annotations

import io
import subprocess
import tempfile
from datetime import time
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A3, landscape

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.schedule_text import describe_rule, printed_date, weekday_name
from gwa_desktop.i18n.formatting import format_time
from gwa_desktop.output.pdf.board import BoardEntry, BoardPage
from gwa_desktop.output.pdf.document import EmptySelectionError
from gwa_desktop.output.pdf.offer_view import ContactLine, offer_view
from gwa_desktop.output.pdf.overview import SCALES as DEFAULT_SCALES
from gwa_desktop.output.pdf.overview import BoardContent, OverviewOptions, build_overview
from gwa_desktop.output.pdf.print_texts import PrintTexts
from gwa_desktop.output.pdf.weekly_plan import build_weekly_plan
from tests.output.print_samples import (
    ARABIC_SCRIPT,
    PHONE,
    PRINT_LANGUAGES,
    TEXTS,
    TODAY,
    bbox_words,
    comparable_words,
    flat_text,
    municipality,
    nfkc,
    presentation_form_count,
    sample_offer,
)
from tests.output.test_bidi_text import bbox_words as bidi_bbox_words


def board(languages, offers=None):
    offers = offers or [sample_offer()]
    entries = [
        BoardEntry(
            o,
            [
                offer_view(o, code, [ContactLine("Samira Haddad", PHONE)], TODAY)
                for code in languages
            ],
        )
        for o in offers
    ]
    return BoardContent(entries, municipality(), TODAY)


def many_offers(count):
    return [
        sample_offer(
            offer_id=i + 1,
            category=list(OfferCategory)[i % 8],
            start_date=sample_offer().start_date.replace(day=5 + i % 7),
            start_time=time(9 + i % 9),
            end_time=time(10 + i % 9),
            texts=[sample_offer().texts[0].__class__("de", f"Angebot Nummer {i + 1}", "")],
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
@pytest.mark.parametrize("builder", [build_overview, build_weekly_plan])
def test_every_language_prints_title_time_and_weekday(language, builder):
    languages = ("de", language) if language != "de" else ("de",)
    result = builder(board(languages), OverviewOptions(languages, group_by="weekday"))
    text = flat_text(result.pdf)
    assert result.warnings == []
    assert TEXTS["de"][0] in text and "15:00" in text
    if language in ARABIC_SCRIPT:
        assert presentation_form_count(text) > 10
        for word in comparable_words(TEXTS[language][0]) + comparable_words(
            weekday_name(1, language)
        ):
            assert word in nfkc(text)
    else:
        assert TEXTS[language][0] in text
        assert weekday_name(1, language) in text
        if builder is build_overview:  # the plan prints times once, in the first language
            assert format_time(time(15), language).replace("\u202f", " ") in text.replace(
                "\u202f", " "
            )


def test_overview_contact_phone_and_category_heading():
    text = flat_text(
        build_overview(board(("de",)), OverviewOptions(("de",), group_by="category")).pdf
    )
    assert PHONE in text and PrintTexts("de").category(OfferCategory.LANGUAGE) in text


def test_forty_offers_on_a3_landscape_grouped_by_weekday_in_weekday_order():
    result = build_overview(
        board(("de",), many_offers(40)), OverviewOptions(("de",), "A3", True, "weekday")
    )
    page = pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        landscape(A3), abs=0.5
    )
    text = flat_text(result.pdf)
    assert result.pages <= 2
    for number in range(1, 41):
        assert f"Angebot Nummer {number} " in text + " "
    positions = [text.index(weekday_name(day, "de")) for day in range(7)]
    assert positions == sorted(positions)


def test_weekly_plan_keeps_a_busy_day_in_its_column():
    offers = [
        sample_offer(
            offer_id=i + 1,
            start_time=time(8 + i % 12),
            texts=[sample_offer().texts[0].__class__("de", f"Dienstagsangebot {i + 1}", "")],
        )
        for i in range(30)
    ]
    result = build_weekly_plan(board(("de",), offers), OverviewOptions(("de",), landscape=True))
    assert result.pages >= 2
    text = flat_text(result.pdf)
    for number in range(1, 31):
        assert f"Dienstagsangebot {number} " in text + " "


def test_biweekly_and_one_off_offers_say_so_in_the_weekly_plan():
    offers = [
        sample_offer(offer_id=1, recurrence=Recurrence.BIWEEKLY),
        sample_offer(offer_id=2, recurrence=Recurrence.ONCE, start_date=TODAY),
    ]
    text = flat_text(build_weekly_plan(board(("de",), offers), OverviewOptions(("de",))).pdf)
    assert "jeden zweiten Dienstag" in text and "01.03.2026" in text


@pytest.mark.parametrize("second", ["uk", "ar", "tr"])
def test_weekly_plan_says_the_rhythm_in_both_languages(second):
    offers = [
        sample_offer(offer_id=1, recurrence=Recurrence.BIWEEKLY),
        sample_offer(offer_id=2, recurrence=Recurrence.ONCE, start_date=TODAY),
    ]
    text = nfkc(
        flat_text(
            build_weekly_plan(board(("de", second), offers), OverviewOptions(("de", second))).pdf
        )
    )
    rule = describe_rule(offers[0].schedule, second)
    once = printed_date(TODAY, second)
    words = (
        comparable_words(rule) + comparable_words(once)
        if second in ARABIC_SCRIPT
        else [rule, nfkc(once)]
    )
    assert "jeden zweiten Dienstag" in text
    for word in words:
        assert word in text, word


@pytest.mark.parametrize("builder", [build_overview, build_weekly_plan])
def test_empty_selection_is_a_clear_error(builder):
    with pytest.raises(EmptySelectionError):
        builder(BoardContent([], municipality(), TODAY), OverviewOptions())


def test_missing_translation_is_reported_per_offer():
    result = build_overview(
        board(("de", "ti"), [sample_offer(languages=("de",))]), OverviewOptions(("de", "ti"))
    )
    assert [w.kind for w in result.warnings] == ["missing_translation"]


def test_long_municipality_name_shrinks_the_title_instead_of_running_into_the_offers(tmp_path):
    long_name = "Verbandsgemeinde Lindenbach-Oberweiler an der Mosel"
    content = board(["de", "ar"])
    content = BoardContent(content.entries, municipality(name=long_name), TODAY)
    words = bbox_words(
        build_overview(content, OverviewOptions(("de", "ar"), "A4", False, "category")).pdf,
        tmp_path,
    )[0]
    stamp_top = min(w.y_min for w in words if w.text.startswith("Stand"))
    head = [w for w in words if w.y_max < 300]  # the footer repeats the name at the bottom
    title_words = [
        w
        for w in head
        if w.text in {"Angebote", "Verbandsgemeinde", "Mosel", "Lindenbach-Oberweiler"}
    ]
    assert len(title_words) >= 3
    assert max(w.y_max for w in title_words) < stamp_top


@pytest.mark.parametrize("phone", ["06321 4711-0", "+49 6321 4711"])
def test_phone_keeps_its_order_beside_arabic_text(phone, tmp_path):
    offer = sample_offer()
    entries = [
        BoardEntry(
            offer,
            [
                offer_view(offer, code, [ContactLine("Samira Haddad", phone)], TODAY)
                for code in ("ar", "de")
            ],
        )
    ]
    result = build_overview(
        BoardContent(entries, municipality(), TODAY),
        OverviewOptions(("ar", "de"), "A4", False, "category"),
    )
    words = bbox_words(result.pdf, tmp_path)[0]
    first = next(
        w for w in words if w.text.endswith(phone.split()[0]) or w.text == phone.split()[0]
    )
    line = sorted(
        (w for w in words if abs(w.y_min - first.y_min) < 2 and w.x_min >= first.x_min),
        key=lambda w: w.x_min,
    )
    assert " ".join(w.text for w in line).startswith(phone)


def test_boards_read_right_to_left_fill_the_rightmost_column_first():
    page = BoardPage.of("A4", True)
    left_to_right = [x for x, *_rest in page.columns(7, 8.0)]
    right_to_left = [x for x, *_rest in page.columns(7, 8.0, right_to_left=True)]
    assert left_to_right == sorted(left_to_right)
    assert right_to_left == sorted(left_to_right, reverse=True)


def _tuesday_offers(count):
    return [
        sample_offer(
            offer_id=i + 1,
            start_time=time(8 + i % 12),
            texts=[sample_offer().texts[0].__class__("de", f"Dienstagsangebot {i + 1}", "")],
        )
        for i in range(count)
    ]


@pytest.mark.parametrize(
    ("second", "continued"), [(None, "Dienstag (Fortsetzung)"), ("uk", "вівторок (продовження)")]
)
def test_a_group_that_goes_on_in_the_next_column_repeats_its_heading(second, continued, tmp_path):
    languages = ("de", second) if second else ("de",)
    result = build_overview(
        board(languages, _tuesday_offers(30)), OverviewOptions(languages, group_by="weekday")
    )
    text = flat_text(result.pdf)
    assert text.count("Dienstag") >= 2 and continued in text
    # Each repeated heading stands at the top of its column, above every entry there.
    for page in bbox_words(result.pdf, tmp_path):
        marks = [word for word in page if word.text == "(Fortsetzung)"]
        for mark in marks:
            same_column = [
                word
                for word in page
                if word.text.startswith("Dienstagsangebot") and abs(word.x_min - mark.x_min) < 150
            ]
            assert all(word.y_min > mark.y_min for word in same_column)


def test_board_type_grows_with_the_paper():
    """A3 is A4 enlarged by √2; its type should grow too, to be read from a metre away."""

    def title_height(paper):
        pdf = build_overview(board(("de",), many_offers(3)), OverviewOptions(("de",), paper)).pdf
        path = Path(tempfile.mkdtemp()) / "board.pdf"
        path.write_bytes(pdf)
        words = bidi_bbox_words(path)[0]
        return max(word.y_max - word.y_min for word in words if word.text == "Nummer")

    assert title_height("A3") > 1.35 * title_height("A4")


def test_a_board_never_spills_a_few_entries_onto_a_nearly_empty_page(monkeypatch):
    """Slightly smaller type instead of a last page with one or two entries on it."""
    from gwa_desktop.output.pdf import overview

    def pages(count, scales):
        monkeypatch.setattr(overview, "SCALES", scales)
        return build_overview(board(("de",), many_offers(count)), OverviewOptions(("de",))).pages

    fixed = {count: pages(count, (1.0,)) for count in range(8, 30, 2)}
    fitted = {count: pages(count, DEFAULT_SCALES) for count in fixed}
    assert all(fitted[count] <= fixed[count] for count in fixed)
    assert any(fitted[count] < fixed[count] for count in fixed)


def test_weekly_plan_hyphenates_long_place_names_and_keeps_short_ones_whole(tmp_path):
    offers = [
        sample_offer(offer_id=1, place_name="Kirchengemeindehaus"),
        sample_offer(offer_id=2, place_name="Café Mondial", start_time=time(18), end_time=time(19)),
    ]
    pdf = build_weekly_plan(board(("de",), offers), OverviewOptions(("de",), landscape=False)).pdf
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    pieces = [part for line in lines for part in line.split() if part.startswith("Kirchen")]
    assert pieces and all(part == "Kirchengemeindehaus" or part.endswith("-") for part in pieces)
    assert any("Café Mondial" in line for line in lines)
