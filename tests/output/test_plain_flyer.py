"""The plain-language ("Leichte Sprache") flyer, read back from the PDF."""

from __future__ import annotations

import pytest

from gwa_desktop.output.pdf import print_texts as t
from gwa_desktop.output.pdf.flyer import FlyerContent, FlyerOptions, build_flyer
from gwa_desktop.output.pdf.flyer_plain import MIN_BODY_SIZE, MIN_LABEL_SIZE
from gwa_desktop.output.pdf.offer_view import ContactLine, offer_view
from gwa_desktop.output.pdf.print_texts import PrintTexts
from tests.output.print_samples import (
    PHONE,
    TODAY,
    comparable_words,
    flat_text,
    municipality,
    nfkc,
    pdf_text,
    sample_offer,
    text_sizes,
)

CONTACTS = [ContactLine("Samira Haddad", PHONE)]
GERMAN_SENTENCES = [
    "Wann?",
    "Wo?",
    "Für wen?",
    "Es kostet nichts.",
    "Sie müssen sich nicht anmelden.",
    "Wir sprechen: Deutsch und Arabisch.",
    f"Fragen? Rufen Sie Samira Haddad an: {PHONE}.",
]


def plain_flyer(languages, plain=True, offer=None, contacts=CONTACTS, **options):
    offer = offer or sample_offer()
    views = [offer_view(offer, code, contacts, TODAY) for code in languages]
    content = FlyerContent(
        views, offer.category, municipality(), web_url=offer.web_url, phone=PHONE
    )
    return build_flyer(content, FlyerOptions(tuple(languages), plain_language=plain, **options))


def test_german_plain_flyer_says_each_fact_as_a_short_sentence_in_large_type():
    result = plain_flyer(["de"])
    # The phone number is a run of its own (kept left to right), so the full stop after
    # it comes back as a separate piece.
    text = nfkc(flat_text(result.pdf)).replace(" .", ".")
    assert result.pages == 1 and result.warnings == []
    for sentence in GERMAN_SENTENCES:
        assert sentence in text, sentence
    # The officer's own description and the facts themselves are all still there.
    for word in ("Sprachcafé", "Gemeindehaus", "Kaffee", "Kuchen"):
        assert word in text, word
    assert "Hauptstraße 5" in text and "jeden Dienstag" in text
    sizes = {piece.strip(): size for piece, size in text_sizes(result.pdf)[0]}
    assert sizes["Wann?"] >= 14 and sizes["Es kostet nichts."] >= 14
    description = [size for piece, size in text_sizes(result.pdf)[0] if "Menschen" in piece]
    assert description and min(description) >= 14


def test_plain_cost_and_registration_sentences_follow_the_offer():
    offer = sample_offer(cost_cents=500, registration_required=True)
    text = flat_text(plain_flyer(["de"], offer=offer).pdf).replace("\u00a0", " ")
    assert "Es kostet 5,00 €." in text and "Bitte melden Sie sich vorher an." in text
    assert "Es kostet nichts." not in text and "nicht anmelden" not in text


def test_with_the_office_number_chosen_the_plain_flyer_says_whom_to_ask_and_what_to_call():
    """The contact line has no number of its own then; the flyer's number (QR code,
    strips) is the one to call, said once."""
    result = plain_flyer(["de"], contacts=[ContactLine("Samira Haddad")])
    text = nfkc(flat_text(result.pdf)).replace(" .", ".")
    assert "Fragen? Fragen Sie Samira Haddad." in text
    assert f"Fragen? Rufen Sie an: {PHONE}." in text
    assert "Rufen Sie Samira Haddad an" not in text


def test_arabic_plain_flyer_has_its_plain_sentences_beside_the_german():
    result = plain_flyer(["de", "ar"])
    extracted = nfkc(" ".join(pdf_text(result.pdf)))
    assert result.pages == 1 and result.warnings == []
    texts = PrintTexts("ar")
    for message in (t.PLAIN_WHEN, t.PLAIN_WHERE, t.PLAIN_FREE, t.PLAIN_NO_REGISTRATION):
        words = comparable_words(texts(message))
        assert words, message
        for word in words:
            assert word in extracted, (message, word)
    assert "Wann?" in extracted and "Es kostet nichts." in extracted
    assert PHONE in extracted


@pytest.mark.parametrize(
    ("languages", "options"),
    [
        (["de"], {}),
        (["de", "ar"], {}),
        (["de", "ar"], {"layout": "stacked", "tear_off_strips": True}),
        (["de", "ar", "uk", "ti"], {}),
        (["de", "ar"], {"paper": "A5"}),
        (["de", "ar", "uk", "ti"], {"paper": "A5", "layout": "stacked"}),
    ],
)
def test_plain_flyer_shrinks_to_fit_but_never_below_its_minimum(languages, options):
    result = plain_flyer(languages, **options)
    texts = PrintTexts("de")
    for page in text_sizes(result.pdf):
        for piece, size in page:
            # Footer, QR caption and strips keep their own sizes; every fact and the
            # description stay large.
            if piece.strip() in (texts(t.PLAIN_WHEN), texts(t.PLAIN_FREE)):
                assert size >= MIN_LABEL_SIZE - 0.01, (languages, options, piece)
            if "Menschen" in piece or "Hauptstraße" in piece:
                assert size >= MIN_BODY_SIZE - 0.01, (languages, options, piece)
    assert texts(t.PLAIN_FREE) in flat_text(result.pdf)


def test_four_plain_languages_put_at_most_two_on_a_page():
    result = plain_flyer(["de", "ar", "uk", "ti"])
    pages = pdf_text(result.pdf)
    assert result.pages == 2 == len(pages)
    assert [w.message for w in result.warnings if w.kind == "pages"] == [
        "Der Aushang in Leichter Sprache braucht 2 Seiten: Seine große Schrift passt für "
        "höchstens zwei Sprachen auf eine Seite. Für weniger Seiten wählen Sie weniger "
        "Sprachen, lassen die Abreißzettel weg oder kürzen die Beschreibung."
    ]
    assert "Wann?" in pages[0] and "Коли?" not in pages[0]
    assert "Коли?" in pages[1] and "Wann?" not in pages[1]


def test_normal_flyer_keeps_its_labelled_fields_and_sizes():
    """Without the option the flyer is the one it always was (tests/output/test_flyer.py
    checks it in detail): field labels, "kostenlos", no plain sentences, its own sizes."""
    normal = plain_flyer(["de", "ar"], plain=False)
    text = flat_text(normal.pdf)
    for sentence in GERMAN_SENTENCES:
        assert sentence not in text, sentence
    texts = PrintTexts("de")
    for label in (t.WHEN, t.WHERE, t.COST, t.REGISTRATION, t.FREE, t.NO_REGISTRATION):
        assert texts(label) in text, label
    label_sizes = [size for piece, size in text_sizes(normal.pdf)[0] if piece.strip() == "Wann"]
    plain_sizes = [
        size
        for piece, size in text_sizes(plain_flyer(["de", "ar"]).pdf)[0]
        if piece.strip() == "Wann?"
    ]
    assert label_sizes and plain_sizes and max(label_sizes) < MIN_LABEL_SIZE <= min(plain_sizes)


def test_cli_prints_the_plain_flyer_only_when_asked(database, database_path, tmp_path):
    from gwa_desktop.cli.main import main
    from tests.output.test_printing_service import _store

    offer_id = _store(database)
    common = ["--database", str(database_path), "print", "flyer", str(offer_id)]
    plain, normal = tmp_path / "plain.pdf", tmp_path / "normal.pdf"
    assert main([*common, "--lang", "de", "--out", str(plain), "--plain-language"]) == 0
    assert main([*common, "--lang", "de", "--out", str(normal)]) == 0
    plain_text, normal_text = flat_text(plain.read_bytes()), flat_text(normal.read_bytes())
    assert "Wann?" in plain_text and "Es kostet nichts." in plain_text
    assert "Wann?" not in normal_text and "kostenlos" in normal_text
    sizes = [size for piece, size in text_sizes(plain.read_bytes())[0] if piece.strip() == "Wann?"]
    assert sizes and min(sizes) >= MIN_LABEL_SIZE


def test_a_plain_a5_flyer_that_overflows_one_language_says_to_choose_a4():
    """On A5 the large type of one language alone can run over its page; the warning
    then names the paper, not the number of languages (there may be only one)."""
    result = plain_flyer(["de"], paper="A5")
    messages = [w.message for w in result.warnings if w.kind == "pages"]
    assert result.pages > 1  # the sample's description does not fit A5 at 12 pt
    assert messages == [
        f"Der Aushang in Leichter Sprache braucht {result.pages} Seiten: In der großen Schrift "
        "passt eine Sprache nicht auf eine A5-Seite. Für eine Seite je Sprache wählen Sie A4 "
        "oder kürzen die Beschreibung."
    ]
    assert plain_flyer(["de"], paper="A4").pages == 1
