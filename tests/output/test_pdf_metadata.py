"""Every print says what it is: title, author, subject and its language (/Lang) in the PDF."""

from __future__ import annotations

import io

import pypdf

from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.output.pdf.overview import OverviewOptions
from gwa_desktop.output.pdf.print_texts import OVERVIEW_TITLE, PrintTexts
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.printing import OverviewSelection
from gwa_desktop.services.settings import SettingsService
from tests.output.print_samples import TEXTS, municipality, sample_offer


def _metadata(pdf: bytes) -> tuple[str, str, str, str, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert info is not None
    catalog = reader.trailer["/Root"]
    # Viewers show the title instead of the file name (PDF/UA 7.1).
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    return (
        info.title or "",
        info.author or "",
        info.subject or "",
        info.creator or "",
        str(catalog.get("/Lang", "")),
    )


def test_every_print_names_its_title_issuer_subject_and_language(database, printing):
    place = municipality()
    SettingsService(database).save(place)
    offer_id = OfferService(database).create(sample_offer(("de", "ar"), offer_id=None))
    arabic_flyer = printing.flyer(offer_id, FlyerOptions(("ar", "de"))).pdf
    overview = printing.overview(OverviewSelection(), OverviewOptions(("uk", "de"))).pdf
    plan = printing.overview(OverviewSelection(), OverviewOptions(("en",)), weekly_plan=True).pdf
    consent = printing.consent_form("tr").pdf
    name = place.name

    def offers_in(language: str) -> str:
        return PrintTexts(language)(OVERVIEW_TITLE).format(municipality=name)

    assert offers_in("ar") != offers_in("de")
    assert _metadata(arabic_flyer) == (TEXTS["ar"][0], name, offers_in("ar"), "GWA Desktop", "ar")
    # The overview's title is the same sentence as the subject, in its first language.
    assert _metadata(overview) == (offers_in("uk"), name, offers_in("uk"), "GWA Desktop", "uk")
    assert _metadata(plan)[1:] == (name, f"Offers in {name}", "GWA Desktop", "en")
    # The consent form is German first, the chosen language beside it.
    title, author, subject, creator, language = _metadata(consent)
    assert title and (author, subject, creator, language) == (name, title, "GWA Desktop", "de")
