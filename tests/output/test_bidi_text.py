"""BidiParagraph: build real PDFs and read them back (pypdf, pdftotext -bbox).

Arabic-script text extracts as presentation forms, so it is compared after NFKC
normalisation, and word by word: across bidi boundaries extraction order is not
reliable.  pdftotext -bbox lists the characters of an Arabic word left to right,
i.e. reversed; `Word.logical` undoes that.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from gwa_desktop.output.pdf import BidiParagraph
from gwa_desktop.output.pdf.fonts import ARABIC
from gwa_desktop.output.pdf.shaping import shape_run

FRAME_X = 60.0
FRAME_WIDTH = 300.0
FRAME_BOTTOM = 60.0
FRAME_HEIGHT = 700.0

SAMPLES = {
    "de": "Der Deutschkurs für Anfängerinnen beginnt am Montag um 14:00 Uhr im Gemeindehaus. "
    "Bitte bringen Sie Ihren Ausweis mit.",
    "uk": "Курс німецької мови починається в понеділок о 14:00 у громадському будинку. "
    "Візьміть із собою посвідчення особи.",
    "ru": "Курс немецкого языка начинается в понедельник в 14:00 в общественном доме. "
    "Возьмите с собой удостоверение личности.",
    "tr": "Almanca kursu pazartesi günü saat 14:00'te belediye binasında başlıyor. "
    "Lütfen kimliğinizi yanınızda getirin: İğdır, Şişli, Çağrı.",
    "ti": "ናይ ጀርመን ቋንቋ ትምህርቲ ሰኑይ ሰዓት 14:00 ይጅምር። በጃኹም መንነት ወረቐትኩም ሒዝኩም ምጽኡ።",
    "ar": "يبدأ درس اللغة الألمانية يوم الاثنين الساعة 14:00 في قاعة البلدية. يرجى إحضار بطاقة الهوية.",
    "fa": "کلاس زبان آلمانی روز دوشنبه ساعت ۱۴:۰۰ در خانه شهرداری شروع می‌شود. "
    "لطفاً کارت شناسایی خود را همراه بیاورید.",
    "ur": "جرمن زبان کی کلاس پیر کے دن دوپہر دو بجے شروع ہوگی۔ براہ کرم اپنا شناختی کارڈ ساتھ لائیں۔",
    "ps": "د الماني ژبې ټولګی د دوشنبې په ورځ پیل کیږي. مهرباني وکړئ خپل پېژندپاڼه له ځانه سره راوړئ.",
}
LEFT_TO_RIGHT = ("de", "uk", "ru", "tr", "ti")
ARABIC_SCRIPT = ("ar", "fa", "ur", "ps")
MIXED = "الدرس يبدأ الساعة 14:00 في Café Mondial"

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)


# --- helpers -------------------------------------------------------------------


def build_pdf(path: Path, flowables: list, frame_height: float = FRAME_HEIGHT) -> Path:
    """A4 pages with one unpadded frame at known coordinates."""
    frame = Frame(
        FRAME_X,
        FRAME_BOTTOM,
        FRAME_WIDTH,
        frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate(frames=[frame])]).build(
        list(flowables)
    )
    return path


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def is_arabic_letter(char: str) -> bool:
    return unicodedata.bidirectional(char) == "AL" and unicodedata.category(char).startswith("L")


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def logical(self) -> str:
        """NFKC text in logical order (pdftotext lists Arabic letters left to right)."""
        # Reverse glyphs before normalising, so that ligatures such as ﻷ expand in order.
        arabic = any(is_arabic_letter(char) for char in nfkc(self.text))
        return nfkc(self.text[::-1] if arabic else self.text)


def bbox_words(path: Path) -> list[list[Word]]:
    """Words per page from `pdftotext -bbox`, with y growing downwards."""
    output = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in output.split("<page ")[1:]:
        pages.append(
            [
                Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                    page,
                )
            ]
        )
    return pages


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def letters_only(word: str) -> str:
    """Letters without marks and punctuation: pdftotext reports marks as words of their own."""
    return "".join(char for char in word if unicodedata.category(char).startswith("L"))


def find_word(words: list[Word], logical: str) -> Word:
    matches = [word for word in words if letters_only(word.logical) == logical]
    assert matches, f"{logical!r} not among {[word.logical for word in words]}"
    return matches[0]


def visual_text(line) -> str:
    """What a reader sees, left to right, as NFKC characters."""
    return nfkc("".join(run.shaped.glyphs for run in line.runs))


def wrapped(text: str, width: float = FRAME_WIDTH, **options) -> BidiParagraph:
    paragraph = BidiParagraph(text, **options)
    paragraph.wrap(width, 10_000)
    return paragraph


# --- scripts read back from the PDF ----------------------------------------------


@pytest.mark.parametrize("language", LEFT_TO_RIGHT)
@needs_pdftotext
def test_left_to_right_scripts_extract_verbatim(tmp_path: Path, language: str) -> None:
    text = SAMPLES[language]
    pdf = build_pdf(tmp_path / f"{language}.pdf", [BidiParagraph(text, language=language)])

    extracted = " ".join(page_texts(pdf)).split()
    bbox = [word.text for word in bbox_words(pdf)[0]]
    for word in text.split():
        assert word in extracted
        assert word in bbox
    paragraph = wrapped(text)
    assert paragraph.direction == "ltr"
    assert " ".join(line.text for line in paragraph.lines) == text


@pytest.mark.parametrize("language", ARABIC_SCRIPT)
@needs_pdftotext
def test_arabic_script_words_come_back_after_normalisation(tmp_path: Path, language: str) -> None:
    text = SAMPLES[language]
    pdf = build_pdf(tmp_path / f"{language}.pdf", [BidiParagraph(text, language=language)])

    extracted = nfkc(" ".join(page_texts(pdf)))
    bbox = {letters_only(word.logical) for word in bbox_words(pdf)[0]}
    # Every word, including letters without a presentation form of their own (Pashto
    # ټ ګ ږ ړ ځ ڼ): their joined glyphs map back through the ToUnicode CMap.
    words = [letters_only(word) for word in text.replace("\u200c", " ").split()]
    assert len(words) >= 5
    for word in words:
        assert word in extracted
        assert word in bbox
    assert not [char for char in extracted if 0xE000 <= ord(char) <= 0xF8FF], (
        "private-use characters came back"
    )
    assert wrapped(text).direction == "rtl"


@needs_pdftotext
def test_shaping_happened(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "ar.pdf", [BidiParagraph(SAMPLES["ar"])])
    extracted = " ".join(page_texts(pdf))
    presentation_forms = [
        char for char in extracted if 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF
    ]
    assert len(presentation_forms) > 20

    # Joined letters are different glyphs from the isolated letter.
    isolated = shape_run("ب", ARABIC.regular, 12, rtl=True).glyphs
    joined = shape_run("ببب", ARABIC.regular, 12, rtl=True).glyphs
    assert len(set(joined)) == 3 and isolated not in joined


@needs_pdftotext
def test_mixed_arabic_latin_and_time_in_visual_order(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "mixed.pdf", [BidiParagraph(MIXED)])
    words = bbox_words(pdf)[0]

    # Read right to left: الدرس يبدأ الساعة 14:00 في, then the Latin name reads left to right.
    order = ["Café", "Mondial", "في", "14:00", "الساعة", "يبدأ", "الدرس"]
    positions = [
        find_word(words, letters_only(word)) if word != "14:00" else _exact(words, "14:00")
        for word in order
    ]
    assert [word.x_min for word in positions] == sorted(word.x_min for word in positions)
    assert positions[-1].x_max == pytest.approx(FRAME_X + FRAME_WIDTH, abs=0.5)
    assert "Café Mondial" in " ".join(page_texts(pdf))


def _exact(words: list[Word], text: str) -> Word:
    return next(word for word in words if word.text == text)


@needs_pdftotext
def test_wrapped_arabic_starts_on_first_line_and_is_right_aligned(tmp_path: Path) -> None:
    text = SAMPLES["ar"] + " " + SAMPLES["ar"]
    paragraph = wrapped(text, font_size=12)
    pdf = build_pdf(tmp_path / "wrapped.pdf", [paragraph])
    words = bbox_words(pdf)[0]
    lines: dict[float, list[Word]] = {}
    for word in words:
        lines.setdefault(round(word.y_max), []).append(word)
    rows = [sorted(lines[y], key=lambda word: word.x_min) for y in sorted(lines)]
    assert len(rows) >= 3

    first_row = rows[0]
    assert letters_only(first_row[-1].logical) == "يبدأ"  # rightmost word of the top line
    for row in rows:
        assert row[-1].x_max == pytest.approx(FRAME_X + FRAME_WIDTH, abs=0.5)
    assert len(rows) == len(paragraph.lines)
    for row, line in zip(rows, paragraph.lines):  # ragged left edge
        assert row[0].x_min == pytest.approx(FRAME_X + FRAME_WIDTH - line.width, abs=1.5)
    assert paragraph.lines[0].text.startswith("يبدأ درس")


@pytest.mark.parametrize(
    ("text", "alignment", "direction", "edge"),
    [
        (SAMPLES["ar"], "start", "auto", "right"),
        (SAMPLES["ar"], "end", "auto", "left"),
        (SAMPLES["de"], "start", "auto", "left"),
        (SAMPLES["de"], "end", "auto", "right"),
        (SAMPLES["de"], "start", "rtl", "right"),
        ("14:00 " + SAMPLES["ar"], "start", "auto", "right"),
    ],
)
@needs_pdftotext
def test_alignment_follows_paragraph_direction(
    tmp_path: Path, text, alignment, direction, edge
) -> None:
    pdf = build_pdf(
        tmp_path / "aligned.pdf", [BidiParagraph(text, alignment=alignment, direction=direction)]
    )
    words = bbox_words(pdf)[0]
    if edge == "right":
        assert max(word.x_max for word in words) == pytest.approx(FRAME_X + FRAME_WIDTH, abs=0.5)
        assert min(word.x_min for word in words) > FRAME_X + 5
    else:
        assert min(word.x_min for word in words) == pytest.approx(FRAME_X, abs=0.5)
        assert max(word.x_max for word in words) < FRAME_X + FRAME_WIDTH - 5


@needs_pdftotext
def test_centred_lines(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "centred.pdf", [BidiParagraph("Kurs\nالدرس", alignment="center")])
    for word in bbox_words(pdf)[0]:
        assert (word.x_min + word.x_max) / 2 == pytest.approx(FRAME_X + FRAME_WIDTH / 2, abs=1.0)


# --- bidi details ------------------------------------------------------------------


def test_brackets_are_mirrored_and_numbers_keep_their_order() -> None:
    paragraph = wrapped("(25 يورو)")
    assert paragraph.direction == "rtl"
    assert visual_text(paragraph.lines[0]) == "(" + "يورو"[::-1] + " 25)"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("د معلوماتو ساتنې عمومي مقرره (GDPR) 6 ماده", "ps"),
        ("طبق مقررات عمومی حفاظت از داده‌ها (GDPR) ۶ ماده", "fa"),
        ("المادة (GDPR) 6 من اللائحة", "ar"),
    ],
)
def test_brackets_around_a_latin_abbreviation_before_a_number_stay_a_pair(
    text: str, language: str
) -> None:
    """UAX #9 rule N0: the number after "(GDPR)" stays outside the brackets, both
    brackets on their own side of the abbreviation (read left to right: "6 (GDPR)")."""
    seen = visual_text(wrapped(text, width=1000, language=language).lines[0])
    number = "۶" if language == "fa" else "6"
    assert f"{number} (GDPR)" in seen


def test_bracket_pairs_follow_bd16() -> None:
    """Crossed brackets are no pair; the closer must match the innermost open one."""
    from gwa_desktop.output.pdf.bidi_brackets import bracket_pairs

    def pairs(text: str) -> list[tuple[int, int]]:
        return bracket_pairs([{"ch": char, "type": "ON"} for char in text])

    assert pairs("a(b)c") == [(1, 3)]
    assert pairs("([)]") == [(0, 2)]
    assert pairs("([]){") == [(0, 3), (1, 2)]
    assert pairs(")(") == []


def test_arabic_indic_digits_inside_left_to_right_text_are_not_reversed() -> None:
    paragraph = wrapped("Raum ١٢٣ und Zimmer ۴۵۶ sind offen")
    assert paragraph.direction == "ltr"
    assert visual_text(paragraph.lines[0]) == nfkc("Raum ١٢٣ und Zimmer ۴۵۶ sind offen")


def test_arabic_name_inside_english_sentence() -> None:
    paragraph = wrapped("Please call محمد at 14:00 (room 3).")
    assert paragraph.direction == "ltr"
    assert visual_text(paragraph.lines[0]) == "Please call " + "محمد"[::-1] + " at 14:00 (room 3)."


@needs_pdftotext
def test_farsi_zwnj_keeps_letters_unjoined(tmp_path: Path) -> None:
    text = "می‌خواهم"  # mi-ZWNJ-khaham: the yeh must take its final form, not join on
    paragraph = wrapped(text)
    assert [line.text for line in paragraph.lines] == [text]
    assert len(paragraph.lines[0].runs) == 1  # ZWNJ stays in the Arabic run
    pdf = build_pdf(tmp_path / "fa.pdf", [BidiParagraph(text)])
    extracted = page_texts(pdf)[0]
    assert "\ufbfd" in extracted  # ARABIC LETTER FARSI YEH FINAL FORM
    assert "\ufbff" not in extracted  # ... and not its medial form
    without_zwnj = wrapped("میخواهم").lines[0].runs[0].shaped.glyphs
    assert paragraph.lines[0].runs[0].shaped.glyphs != without_zwnj


def test_explicit_isolates_do_not_crash() -> None:
    paragraph = wrapped("Name: \u2067محمد\u2069 (Syrien)")
    assert paragraph.lines[0].text == "Name: \u2067محمد\u2069 (Syrien)"


def test_language_selects_urdu_digit_forms() -> None:
    urdu = wrapped("۴۶", language="ur").lines[0].runs[0].shaped.glyphs
    farsi = wrapped("۴۶", language="fa").lines[0].runs[0].shaped.glyphs
    assert urdu != farsi


# --- line breaking -------------------------------------------------------------------


@pytest.mark.parametrize("language", list(SAMPLES))
@pytest.mark.parametrize("width", [80.0, 150.0, 300.0])
def test_no_line_overflows_and_no_text_is_lost(language: str, width: float) -> None:
    text = SAMPLES[language]
    paragraph = wrapped(text, width=width, language=language)
    assert len(paragraph.lines) > 1
    for line in paragraph.lines:
        # Only punctuation ending a word wider than the line may hang past its edge.
        core = line.text.rstrip(" .,:;!?–-)")
        assert line.width <= width + 0.01 or (
            core != line.text
            and wrapped(core, width=1e6, language=language).lines[0].width <= width + 0.01
            and line.width <= width + 0.8 * paragraph.font_size
        ), line.text
    # Words wider than the line are cut, so compare without spaces.
    assert "".join(line.text for line in paragraph.lines).replace(" ", "") == text.replace(" ", "")
    assert text.startswith(paragraph.lines[0].text)


def test_hard_line_breaks_and_blank_lines() -> None:
    paragraph = wrapped("Montag 14:00\n\nالثلاثاء 15:00\nEnde")
    assert [line.text for line in paragraph.lines] == ["Montag 14:00", "", "الثلاثاء 15:00", "Ende"]
    assert paragraph.height == pytest.approx(4 * paragraph.leading)


def test_empty_text_takes_no_space(tmp_path: Path) -> None:
    paragraph = wrapped("")
    assert paragraph.lines == []
    assert paragraph.height == 0
    build_pdf(tmp_path / "empty.pdf", [BidiParagraph(""), BidiParagraph("   ")])


def test_word_longer_than_line_is_cut() -> None:
    word = "Integrationskursteilnahmebescheinigungsformular"
    paragraph = wrapped(f"Das {word} bitte", width=100)
    assert len(paragraph.lines) >= 4
    assert all(line.width <= 100.01 for line in paragraph.lines)
    assert "".join(line.text for line in paragraph.lines).replace(" ", "") == f"Das{word}bitte"


@pytest.mark.parametrize("width", [40.0 + step * 3.7 for step in range(30)])
def test_word_ending_in_vowel_mark_at_wrap_position(tmp_path: Path, width: float) -> None:
    text = "هذا كافٍ كافٍ لنا. هذا كافٍ جداً كافٍ"
    paragraph = wrapped(text, width=width)
    for line in paragraph.lines:
        assert line.text and not unicodedata.category(line.text[0]).startswith("M")
    build_pdf(tmp_path / "kasratan.pdf", [BidiParagraph(text, font_size=14)])


def test_long_arabic_word_is_cut_between_letters_never_before_a_mark(tmp_path: Path) -> None:
    text = "كافٍ" * 12 + " نعم"
    paragraph = wrapped(text, width=60)
    assert len(paragraph.lines) > 2
    for line in paragraph.lines:
        assert not unicodedata.category(line.text[0]).startswith("M")
        assert line.width <= 60.01
    build_pdf(tmp_path / "long.pdf", [BidiParagraph(text)])


def test_words_are_cut_only_between_clusters() -> None:
    # Arabic marks have no advance, so a cut before one never shows up in widths;
    # check the cut positions themselves: not before a mark, not beside a joiner.
    from gwa_desktop.output.pdf.layout import _cluster_boundaries

    text = "كافٍمی\u200cشود"
    assert _cluster_boundaries(text, 0, len(text)) == [1, 2, 4, 5, 8, 9]


# --- pages -----------------------------------------------------------------------------


@needs_pdftotext
def test_long_paragraph_continues_on_next_page(tmp_path: Path) -> None:
    text = " ".join(f"{SAMPLES['ar']} ({number})" for number in range(1, 9))
    whole = wrapped(text)
    pdf = build_pdf(tmp_path / "split.pdf", [Spacer(1, 60), BidiParagraph(text)], frame_height=200)

    pages = bbox_words(pdf)
    assert len(pages) >= 2
    first_page_words = {letters_only(word.logical) for word in pages[0]}
    last_page_words = {letters_only(word.logical) for word in pages[-1]}
    assert "يبدأ" in first_page_words and "الهوية" in last_page_words
    assert "8" in {word.text.strip("()") for word in pages[-1]}

    first, rest = BidiParagraph(text).split(FRAME_WIDTH, 5 * whole.leading)
    first.wrap(FRAME_WIDTH, 5 * whole.leading)
    rest.wrap(FRAME_WIDTH, 10_000)
    assert len(first.lines) == 5
    assert [line.text for line in first.lines + rest.lines] == [line.text for line in whole.lines]


def test_split_refuses_when_no_line_fits() -> None:
    paragraph = BidiParagraph(SAMPLES["de"], font_size=10)
    assert paragraph.split(FRAME_WIDTH, paragraph.leading - 1) == []
    assert paragraph.split(FRAME_WIDTH, 10_000) == [paragraph]


@needs_pdftotext
def test_fonts_are_embedded_as_subsets(tmp_path: Path) -> None:
    pdf = build_pdf(
        tmp_path / "fonts.pdf", [BidiParagraph(SAMPLES[language]) for language in SAMPLES]
    )
    report = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    noto = [line.split() for line in report.splitlines() if "+NotoSans" in line]
    assert {row[0].split("+")[1] for row in noto} == {
        "NotoSans-Regular",
        "NotoSansArabic-Regular",
        "NotoSansEthiopic-Regular",
    }
    assert all(row[-5:-3] == ["yes", "yes"] for row in noto)  # emb, sub


def test_invalid_options_are_rejected() -> None:
    with pytest.raises(ValueError):
        BidiParagraph("x", alignment="left")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        BidiParagraph("x", direction="RTL")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "word"),
    [("de", "Kirchengemeinde"), ("uk", "Громадський"), ("en", "Neighbourhood")],
)
def test_a_word_wider_than_the_line_is_hyphenated_at_a_syllable(language: str, word: str) -> None:
    from gwa_desktop.output.pdf.hyphenation import break_points

    width = _measure_word(word, language) * 0.7
    paragraph = wrapped(f"{word} {word}", width=width, language=language)
    syllables = {offset for offset, hyphen in break_points(word, language) if hyphen}
    broken = [line for line in paragraph.lines if line.text and not line.text.endswith(word[-3:])]
    assert broken, "the word fitted after all"
    for line in broken:
        assert len(line.text) in syllables, line.text
        assert nfkc(visual_text(line)).endswith(line.text + "-")
    assert all(line.width <= width + 0.01 for line in paragraph.lines)
    assert "".join(line.text for line in paragraph.lines).replace(" ", "") == word * 2


def test_breaks_after_an_existing_hyphen_add_none() -> None:
    paragraph = wrapped(
        "Eltern-Kind-Gruppe", width=_measure_word("Eltern-Kind-", "de") + 1, language="de"
    )
    assert [line.text for line in paragraph.lines] == ["Eltern-Kind-", "Gruppe"]
    assert visual_text(paragraph.lines[0]) == "Eltern-Kind-"


def test_no_hyphen_inside_right_to_left_or_undictionaried_text() -> None:
    for text, language in (
        ("کتابخانه‌های‌عمومی‌شهرداری", "fa"),
        ("Belediyebinasındakikursumuz", "tr"),
    ):
        paragraph = wrapped(text, width=50, language=language)
        assert len(paragraph.lines) > 1
        assert not any(visual_text(line).endswith("-") for line in paragraph.lines)


def _measure_word(word: str, language: str) -> float:
    return wrapped(word, width=1e6, language=language).lines[0].width


# Texts where breaking at every space started a line with what belongs to the word
# before it: the spaced dash of the print texts (Pashto at 80 pt), the French space
# before "!" and ":", a closing bracket after a space.
PUNCTUATION_SAMPLES = [
    ("ps", "نوم لیکنې ته اړتیا نشته – بس راشئ"),
    ("ar", "لا حاجة للتسجيل – تعال ببساطة"),
    ("fa", "بدون ثبت‌نام – فقط بیایید"),
    ("de", "Ohne Anmeldung – einfach vorbeikommen"),
    ("uk", "Без реєстрації – просто приходьте"),
    ("fr", "Inscription : pas nécessaire – venez ! Bienvenue ( tous ) !"),
    ("en", "No registration needed — just come along ( free )"),
]
_PUNCTUATION = set(".,:;!?–—-)،؛؟፣።")


@needs_pdftotext
@pytest.mark.parametrize(("language", "text"), PUNCTUATION_SAMPLES)
def test_no_printed_line_starts_with_punctuation_of_the_word_before(
    language: str, text: str, tmp_path: Path
) -> None:
    """Read back from the PDF: at every width, the first word of each line in reading
    order (the rightmost in a right-to-left paragraph) is not a lone dash, "!", ":" or
    closing bracket; the dash stays at the end of the line before."""
    from gwa_desktop.output.pdf.styles import Text

    widths = [float(width) for width in range(60, 240, 6)]
    paragraphs = [Text(text, language, 9) for _ in widths]
    rtl = paragraphs[0].direction == "rtl"
    broken_somewhere = False
    for width, paragraph, words in zip(
        widths, paragraphs, _pages_at_widths(paragraphs, widths, tmp_path)
    ):
        lines = _printed_lines(words, paragraph.leading)
        broken_somewhere |= len(lines) > 1
        for line in lines[1:]:
            first = max(line, key=lambda w: w.x_max) if rtl else min(line, key=lambda w: w.x_min)
            assert not set(nfkc(first.text)) <= _PUNCTUATION, (
                width,
                first.text,
                [line.text for line in paragraph.lines],
            )
    assert broken_somewhere


def _printed_lines(words: list[Word], leading: float) -> list[list[Word]]:
    """Words grouped into printed lines, top line first: glyph boxes of different fonts
    differ in height, so words go by their middle, within half a line of each other."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.y_min + w.y_max):
        middle = (word.y_min + word.y_max) / 2
        if lines and abs(middle - (lines[-1][0].y_min + lines[-1][0].y_max) / 2) < leading / 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _pages_at_widths(
    paragraphs: list[BidiParagraph], widths: list[float], tmp_path: Path
) -> list[list[Word]]:
    """Each paragraph drawn at its width on a page of its own, read back word by word."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "widths.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for paragraph, width in zip(paragraphs, widths):
        _, height = paragraph.wrap(width, 1e6)
        paragraph.drawOn(canvas, FRAME_X, A4[1] - 60 - height)
        canvas.showPage()
    canvas.save()
    return bbox_words(path)


def test_punctuation_ending_a_word_wider_than_the_line_hangs_instead_of_starting_the_next() -> None:
    """A narrow weekly-plan column used to print "03.03.2026" / ", 10.03.2026"."""
    text = "03.03.2026, 10.03.2026 und 17.03.2026"
    width = _measure_word("03.03.2026", "de") + 0.5
    paragraph = wrapped(text, width=width, language="de")
    assert [line.text for line in paragraph.lines][:2] == ["03.03.2026,", "10.03.2026"]
    assert paragraph.lines[0].width <= width + 0.8 * paragraph.font_size


def test_break_opportunities_count_characters_outside_the_basic_plane_once() -> None:
    """ICU counts UTF-16 units; an emoji before a break must not shift the offsets."""
    from gwa_desktop.output.pdf.line_breaks import break_opportunities

    text = "Treffen 😀 im Café – heute"
    ends = break_opportunities(text, "de")
    assert [text[start:end] for start, end in zip((0, *ends), ends)] == [
        "Treffen ",
        "😀 ",
        "im ",
        "Café – ",
        "heute",
    ]
