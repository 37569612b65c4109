"""Flyers in every print language, read back from the PDF."""

from __future__ import annotations

import io
from datetime import time
from itertools import pairwise

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, A5

from gwa_desktop.i18n.formatting import format_time
from gwa_desktop.output.pdf import print_texts as t
from gwa_desktop.output.pdf.flyer import FlyerContent, FlyerOptions, build_flyer
from gwa_desktop.output.pdf.offer_view import ContactLine, offer_view
from gwa_desktop.output.pdf.print_texts import PrintTexts
from gwa_desktop.output.pdf.styles import Text
from tests.output.print_samples import (
    ARABIC_SCRIPT,
    PHONE,
    PRINT_LANGUAGES,
    TEXTS,
    TODAY,
    bbox_words,
    comparable_words,
    flat_text,
    letters_only,
    municipality,
    nfkc,
    pdf_text,
    presentation_form_count,
    sample_offer,
    text_sizes,
)
from tests.output.test_bidi_text import needs_pdftotext

CONTACTS = [ContactLine("Samira Haddad", PHONE)]


def flyer(languages, offer=None, layout="side_by_side", paper="A4", strips=False, **town):
    offer = offer or sample_offer()
    views = [offer_view(offer, code, CONTACTS, TODAY) for code in languages]
    content = FlyerContent(
        views, offer.category, municipality(**town), web_url=offer.web_url, phone=PHONE
    )
    return build_flyer(content, FlyerOptions(tuple(languages), paper, layout, strips))


@pytest.mark.parametrize(
    "language", [code for code in PRINT_LANGUAGES if code not in ARABIC_SCRIPT]
)
def test_left_to_right_flyer_has_title_time_labels_and_phone(language):
    result = flyer(["de", language] if language != "de" else ["de"])
    flat = flat_text(result.pdf)
    assert result.pages == 1 and result.warnings == []
    assert TEXTS[language][0] in flat
    assert format_time(time(15), language).replace("\u202f", " ") in flat.replace("\u202f", " ")
    assert PHONE in flat
    texts = PrintTexts(language)
    assert texts(t.WHEN) in flat and texts(t.FREE) in flat
    assert texts.category(sample_offer().category) in flat


@pytest.mark.parametrize("language", ARABIC_SCRIPT)
@needs_pdftotext
def test_arabic_script_flyer_is_shaped_and_in_logical_order(language, tmp_path):
    result = flyer(["de", language])
    extracted = nfkc(" ".join(pdf_text(result.pdf)))
    assert result.warnings == []
    assert (
        presentation_form_count(" ".join(pdf_text(result.pdf))) > 30
    )  # joined letter forms, not isolated letters
    title_words = comparable_words(TEXTS[language][0])
    label_words = comparable_words(PrintTexts(language)(t.WHEN))
    assert title_words and label_words
    for word in title_words + label_words:
        assert word in extracted
    assert PHONE in extracted

    words = bbox_words(result.pdf, tmp_path)[0]
    title = TEXTS[language][0].split()
    tallest = max(word.y_max - word.y_min for word in words)
    title_sized = [word for word in words if word.y_max - word.y_min > 0.8 * tallest]
    positions = {letters_only(word.logical): word for word in title_sized}
    placed = [
        positions[letters_only(w)]
        for w in title
        if letters_only(w) in positions and letters_only(w) in title_words
    ]
    assert len(placed) >= 2
    # Right to left: each later word of the title stands left of the one before (or on a later line).
    for earlier, later in pairwise(placed):
        assert later.x_max < earlier.x_min or later.y_min > earlier.y_min + 5
    # The Arabic column is right-aligned at the right margin.
    assert max(word.x_max for word in placed) > A4[0] - 60


@pytest.mark.parametrize("language", ARABIC_SCRIPT)
def test_arabic_script_time_keeps_its_digits_in_order(language):
    view = offer_view(sample_offer(), language, CONTACTS, TODAY)
    paragraph = Text(view.when, language, 11)
    paragraph.wrap(250, 1000)
    assert paragraph.direction == "rtl"
    visual = "".join(nfkc(run.shaped.glyphs) for line in paragraph.lines for run in line.runs)
    assert format_time(time(15), language).split()[0] in visual
    assert paragraph.lines[0].text.startswith(view.when.split()[0])


def test_four_languages_stacked_fit_on_one_page():
    result = flyer(["de", "uk", "fa", "ti"], layout="stacked")
    text = flat_text(result.pdf)
    assert result.pages == 1
    for code in ("de", "uk", "ti"):
        assert TEXTS[code][0] in text


@needs_pdftotext
def test_four_stacked_languages_with_strips_are_whole_pages_each_with_strips_and_qr(tmp_path):
    """Four sections and the strips do not fit one A4 page at a readable size: each
    page is a complete flyer of two languages, with strips naming those two and a QR
    code captioned in the first of them, and no page is left half empty."""
    languages = ["de", "uk", "fa", "ti"]
    result = flyer(languages, layout="stacked", strips=True)
    assert result.pages == 2
    pages = pdf_text(result.pdf)
    words = bbox_words(result.pdf, tmp_path)
    strips = 8  # 21 mm strips across the 176 mm between the margins
    for number, (page, own) in enumerate(zip(pages, (languages[:2], languages[2:])), start=1):
        assert page.count(PHONE) >= strips + 2, f"page {number} lacks its strips or QR caption"
        assert f"{number} / 2" in page
        assert nfkc(PrintTexts(own[0])(t.SCAN_PHONE)).replace(" ", "") in nfkc(page).replace(
            " ", ""
        )
        printed = nfkc(page).split()
        for code in languages:
            label = PrintTexts(code)(t.REGISTRATION)
            label_words = comparable_words(label) if code in ARABIC_SCRIPT else label.split()
            assert label_words
            assert all(word in printed for word in label_words) == (code in own), (number, code)
        left_to_right = [code for code in own if code not in ARABIC_SCRIPT]
        for code in left_to_right:
            assert page.count(TEXTS[code][0].split()[0]) >= strips + 1, (number, code)
        footer_top = min(word.y_min for word in words[number - 1] if word.text == "Gemeinde")
        content = [word for word in words[number - 1] if word.y_max < footer_top - 2]
        top = min(word.y_min for word in content)
        assert max(word.y_max for word in content) > top + 0.8 * (footer_top - top), (
            f"page {number} half empty"
        )


def test_text_too_long_for_one_page_has_strips_and_qr_on_every_page():
    long_text = " ".join(
        f"Satz {number}: Wir lernen gemeinsam Deutsch und sprechen über den Alltag im Dorf."
        for number in range(1, 61)
    )
    offer = sample_offer(texts=[sample_offer().texts[0].__class__("de", "Sprachcafé", long_text)])
    result = flyer(["de"], offer=offer, strips=True)
    assert result.pages >= 2
    for page in pdf_text(result.pdf):
        assert page.count(PHONE) >= 8 + 1 and page.count("Sprachcafé") >= 8  # strips, QR caption


def test_flyers_shrink_onto_one_page_but_never_below_the_readable_minimum():
    """Running text stays at 7 pt or more, field labels at 6 pt or more (two languages
    on A5 with strips printed their labels at 5.9 pt); where that is not enough for one
    page, the flyer takes two."""
    from gwa_desktop.output.pdf.flyer import MIN_BODY_SIZE, MIN_LABEL_SIZE

    cases = [
        (["de", "uk", "fa", "ti"], "stacked", "A4", False, 1),
        (["de", "uk", "fa"], "stacked", "A4", True, 1),
        (["de", "uk", "fa", "ti"], "side_by_side", "A4", True, 1),
        (["de", "ar"], "side_by_side", "A5", True, 1),
        (["de", "uk", "fa", "ti"], "stacked", "A4", True, 2),
    ]
    description = TEXTS["de"][1].split()[0]
    for languages, layout, paper, strips, pages in cases:
        result = flyer(languages, layout=layout, paper=paper, strips=strips)
        sizes = [piece for page in text_sizes(result.pdf) for piece in page]
        assert result.pages == pages, (languages, layout, paper, strips)
        assert min(size for _, size in sizes) >= MIN_LABEL_SIZE - 0.01, (
            languages,
            layout,
            paper,
            strips,
        )
        body = [size for text, size in sizes if description in text]
        assert body and min(body) >= MIN_BODY_SIZE - 0.01, (languages, layout, paper, strips)
    shrunk = [
        size
        for text, size in text_sizes(flyer(["de", "uk", "fa", "ti"], layout="stacked").pdf)[0]
        if description in text
    ]
    assert max(shrunk) < 9  # the layout's own 9 pt, made smaller to fit one page


def test_four_languages_side_by_side_and_a5():
    result = flyer(["de", "ar", "ru", "tr"], paper="A5")
    page = pypdf.PdfReader(io.BytesIO(result.pdf)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A5, abs=0.5)
    assert set(TEXTS["ru"][0].split()) <= set(flat_text(result.pdf).split())


def test_more_than_four_languages_are_refused():
    with pytest.raises(ValueError):
        flyer(["de", "en", "fr", "ar", "uk"])


@needs_pdftotext
def test_long_description_flows_to_second_page_without_overflow(tmp_path):
    long_text = " ".join(
        f"Satz {number}: Wir lernen gemeinsam Deutsch und sprechen über den Alltag im Dorf."
        for number in range(1, 61)
    )
    offer = sample_offer(texts=[sample_offer().texts[0].__class__("de", "Sprachcafé", long_text)])
    result = flyer(["de"], offer=offer)
    assert result.pages >= 2
    assert [w.kind for w in result.warnings] == ["pages"]
    pages = bbox_words(result.pdf, tmp_path)
    width, height = A4
    for page in pages:
        for word in page:
            assert word.x_min > 40 and word.x_max < width - 40, word
            assert word.y_min > 0 and word.y_max < height
    first_text = " ".join(word.text for word in pages[0])
    later_text = " ".join(word.text for page in pages[1:] for word in page)
    assert "1:" in first_text and "60:" in later_text and "60:" not in first_text
    footer_top = max(word.y_min for word in pages[0] if word.text == "Gemeinde")
    body = [word for word in pages[0] if word.text.startswith("Satz")]
    assert max(word.y_max for word in body) < footer_top


def test_somewhat_long_description_shrinks_onto_one_page():
    medium = " ".join(["Wir lernen gemeinsam Deutsch und sprechen über den Alltag im Dorf."] * 26)
    offer = sample_offer(texts=[sample_offer().texts[0].__class__("de", "Sprachcafé", medium)])
    assert flyer(["de"], offer=offer).pages == 1


def test_missing_translation_falls_back_to_german_marked():
    offer = sample_offer(languages=("de",))
    result = flyer(["de", "uk"], offer=offer)
    text = flat_text(result.pdf)
    assert [w.kind for w in result.warnings] == ["missing_translation"]
    assert "Ukrainisch" in result.warnings[0].message or "Ukrainian" in result.warnings[0].message
    assert PrintTexts("uk")(t.NOT_TRANSLATED) in text
    assert text.count(TEXTS["de"][0].split()[0]) >= 2


def test_broken_logo_prints_without_it_and_warns():
    result = flyer(["de"], logo=b"\x89PNG not really")
    assert [w.kind for w in result.warnings] == ["logo"]
    assert TEXTS["de"][0] in flat_text(result.pdf)


def test_valid_logo_is_embedded():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 0, 0)).save(buffer, "PNG")
    result = flyer(["de"], logo=buffer.getvalue())
    assert result.warnings == []
    assert b"/Subtype /Image" in result.pdf or b"/Image" in result.pdf


def test_uncovered_characters_are_reported():
    offer = sample_offer(texts=[sample_offer().texts[0].__class__("de", "Sprachcafé 漢字", "")])
    result = flyer(["de"], offer=offer)
    kinds = [w.kind for w in result.warnings]
    assert kinds == ["uncovered_characters"]
    assert "漢" in result.warnings[0].message and "U+5B57" in result.warnings[0].message


def test_tear_off_strips_repeat_title_and_phone():
    plain = " ".join(pdf_text(flyer(["de", "ar"]).pdf))
    with_strips = " ".join(pdf_text(flyer(["de", "ar"], strips=True).pdf))
    assert with_strips.count(PHONE) >= plain.count(PHONE) + 8
    assert with_strips.count("Sprachcafé") >= 9


def test_web_address_goes_into_the_qr_code_caption():
    result = flyer(["de"], offer=sample_offer(web_url="https://musterdorf.de/sprachcafe"))
    assert PrintTexts("de")(t.SCAN_WEB) in flat_text(result.pdf)


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("0151 2345678", "tel:01512345678"),
        ("+49 (0)171 234-56", "tel:+4917123456"),
        ("05121 / 70 80 90", "tel:05121708090"),
        ("keine Nummer", ""),
    ],
)
def test_phone_numbers_become_tel_uris(phone, uri):
    from gwa_desktop.output.pdf.qr import qr_payload, tel_uri

    assert tel_uri(phone) == uri
    assert qr_payload("", phone) == (uri, False)
    assert qr_payload(" https://musterdorf.de ", phone) == ("https://musterdorf.de", True)


@pytest.mark.parametrize(("cost_cents", "note"), [(None, ""), (0, "kostenlos")])
def test_offer_without_amount_prints_free_of_charge_once(cost_cents, note):
    """The offer form saves "kostenlos" as no amount; the flyer must say so, once."""
    offer = sample_offer()
    offer.cost_cents, offer.cost_note = cost_cents, note
    flat = flat_text(flyer(["de"], offer).pdf)
    assert flat.count(PrintTexts("de")(t.FREE)) == 1


@pytest.mark.parametrize("language", ARABIC_SCRIPT)
@pytest.mark.parametrize(("paper", "languages"), [("A4", 2), ("A5", 4)])
@needs_pdftotext
def test_phone_number_in_a_right_to_left_description_keeps_its_digit_groups_in_order(
    language, paper, languages, tmp_path
):
    """In running Arabic-script text "0151 2345678" is one left-to-right unit on one
    line: the bidi algorithm alone would print "2345678 0151" (a wrong number), and a
    narrow column could break between the groups."""
    title, description = TEXTS[language]
    texts = {code: TEXTS[code] for code in TEXTS}
    texts[language] = (title, f"{description} 0621 9876543 {description}")
    offer = sample_offer(languages=("de", "en", "uk", language)[-languages:])
    offer.texts = [type(text)(text.language, *texts[text.language]) for text in offer.texts]
    result = flyer([text.language for text in offer.texts], offer=offer, paper=paper)
    words = [word for page in bbox_words(result.pdf, tmp_path) for word in page]
    first = [word for word in words if word.text == "0621"]
    second = [word for word in words if word.text == "9876543"]
    assert first and second
    pairs = [(a, b) for a in first for b in second if abs(a.y_min - b.y_min) < 1]
    assert pairs, "the digit groups were printed on different lines"
    assert all(a.x_max < b.x_min for a, b in pairs)


@pytest.mark.parametrize("language", ["fa", "ps", "uk", "ru", "ti", "ar", "de"])
@pytest.mark.parametrize("width", [70.0, 110.0, 160.0])
def test_next_dates_never_break_between_day_and_month(language, width):
    from gwa_desktop.domain.schedule_text import printed_date

    offer = sample_offer()
    view = offer_view(offer, language, CONTACTS, TODAY)
    dates = [printed_date(day, language) for day in offer.schedule.next_dates(TODAY, 3)]
    paragraph = Text(view.next_dates, language, 9)
    paragraph.wrap(width, 1e6)
    for day in dates:
        assert any(day in line.text for line in paragraph.lines), (
            day,
            [line.text for line in paragraph.lines],
        )


@pytest.mark.parametrize("language", ["fa", "prs", "ps"])
def test_persian_and_pashto_fixed_fields_use_the_locales_own_digits(language):
    """CLDR's default numbering system for these locales is Persian digits ("arabext"):
    the time, dates and cost must not mix Latin digits into a text written with ۰…۹."""
    view = offer_view(sample_offer(cost_cents=1250), language, CONTACTS, TODAY)
    fixed = " ".join([view.when, view.next_dates, view.cost])
    assert "۱۵:۰۰" in view.when and "۱۲٫۵۰" in view.cost
    assert not any(char in "0123456789" for char in fixed), fixed


@pytest.mark.parametrize("language", ["de", "ar", "ur", "uk"])
def test_other_languages_keep_latin_digits(language):
    view = offer_view(sample_offer(), language, CONTACTS, TODAY)
    assert any(char in "0123456789" for char in view.when)
