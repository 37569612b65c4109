"""Prints try type sizes by measuring and draw their pages once.

A flyer used to be laid out eight times, six of them drawing every paragraph into a
throw-away canvas; the pages must still come out as before (the content and position
tests in test_flyer.py and test_overview.py), only without the wasted drawing.
"""

from __future__ import annotations

from collections import Counter

import pytest
from reportlab.pdfgen.canvas import Canvas

from gwa_desktop.output.pdf import paginate
from gwa_desktop.output.pdf.bidi_text import BidiParagraph
from gwa_desktop.output.pdf.consent_form import build_consent_form
from gwa_desktop.output.pdf.overview import OverviewOptions, build_overview
from gwa_desktop.output.pdf.weekly_plan import build_weekly_plan
from tests.output.print_samples import municipality, sample_offer
from tests.output.test_flyer import flyer
from tests.output.test_overview import board, many_offers


@pytest.fixture
def drawing(monkeypatch) -> Counter[str]:
    """Counts the canvases the layout makes, the pages it shows and the paragraphs
    it draws."""
    counts: Counter[str] = Counter()

    class CountingCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            counts["canvases"] += 1
            super().__init__(*args, **kwargs)

        def showPage(self) -> None:
            counts["pages shown"] += 1
            super().showPage()

    original_draw = BidiParagraph.draw

    def counting_draw(self: BidiParagraph) -> None:
        counts["paragraphs drawn"] += 1
        original_draw(self)

    monkeypatch.setattr(paginate, "Canvas", CountingCanvas)
    monkeypatch.setattr(BidiParagraph, "draw", counting_draw)
    return counts


def _long(language: str, repeat: int) -> object:
    offer = sample_offer()
    texts = [
        text.__class__(text.language, text.title, " ".join([text.description] * repeat))
        for text in offer.texts
    ]
    return sample_offer(texts=texts)


@pytest.mark.parametrize(
    ("languages", "repeat", "strips"),
    [
        (["de", "ar", "fa", "tr"], 1, True),  # grows: tries the larger scales
        (["de", "ar", "fa", "ti"], 6, False),  # shrinks onto one page
        (["de", "ar", "uk", "fa"], 8, True),  # two pages of two languages each
        (["de", "ar", "uk", "fa"], 14, True),  # four pages of one language each
    ],
)
def test_a_flyer_draws_each_page_once(drawing, languages, repeat, strips):
    result = flyer(languages, offer=_long("de", repeat), strips=strips)
    assert drawing["canvases"] == 1
    assert drawing["pages shown"] == result.pages


def test_trying_type_sizes_draws_nothing(drawing, monkeypatch):
    """The paragraphs drawn are those of the one printed page, however many sizes the
    flyer tries before: as many as when it is given its final size alone."""
    from gwa_desktop.output.pdf import flyer as flyer_module

    chosen: list[float] = []
    plan = flyer_module._Sheets.plan

    def remembering_plan(self: flyer_module._Sheets):
        groups, scale, pages = plan(self)
        chosen.append(scale)
        return groups, scale, pages

    monkeypatch.setattr(flyer_module._Sheets, "plan", remembering_plan)
    assert flyer(["de", "ar", "fa", "tr"], strips=True).pages == 1
    after_trials = drawing["paragraphs drawn"]
    drawing.clear()
    monkeypatch.setattr(flyer_module, "SCALES", (chosen[0],))
    assert flyer(["de", "ar", "fa", "tr"], strips=True).pages == 1
    assert drawing["paragraphs drawn"] == after_trials


def test_a_flyer_too_long_for_a_page_still_counts_its_pages_right(drawing):
    """The one case whose page count the size planning does not know: one language
    flowing over pages at its normal size; the footer must still say "1 / n"."""
    long_text = " ".join(f"Satz {n}: Wir lernen gemeinsam Deutsch im Dorf." for n in range(200))
    offer = sample_offer(texts=[sample_offer().texts[0].__class__("de", "Sprachcafé", long_text)])
    result = flyer(["de"], offer=offer)
    assert result.pages >= 2
    assert drawing["canvases"] == 1
    assert drawing["pages shown"] == result.pages


@pytest.mark.parametrize("builder", [build_overview, build_weekly_plan])
def test_a_board_of_forty_offers_draws_each_page_once(drawing, builder):
    result = builder(
        board(("de", "ar"), many_offers(40)), OverviewOptions(("de", "ar"), "A3", True)
    )
    assert drawing["canvases"] == 1
    assert drawing["pages shown"] == result.pages


@pytest.mark.parametrize("language", ["ar", "ti", "de"])
def test_the_consent_form_draws_its_page_once(drawing, language):
    result = build_consent_form(language, municipality())
    assert drawing["canvases"] == 1
    assert drawing["pages shown"] == result.pages == 1


def test_measuring_splits_a_column_exactly_as_drawing_does():
    """count_pages (no canvas) and render (drawing) agree page for page, here on a
    column whose long paragraph splits over pages; render checks the count it was
    given against the pages it drew."""
    text = " ".join(f"Zeile {n} mit etwas Text, der umbricht." for n in range(300))

    def columns() -> list[paginate.Column]:
        return [paginate.Column.of([paginate.Block([BidiParagraph(text)], splittable=True)])]

    def frames(_page: int) -> list[paginate.Rect]:
        return [(50, 50, 200, 300)]

    pages = paginate.count_pages(columns(), frames)
    assert pages > 2
    _, drawn = paginate.render((300, 400), columns, frames, lambda *_: None, pages=pages)
    assert drawn == pages
    with pytest.raises(RuntimeError):
        paginate.render((300, 400), columns, frames, lambda *_: None, pages=pages - 1)
