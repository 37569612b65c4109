"""Offer texts out as XLIFF to a translator and back: round trip, preview and refusals."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.services.offer_text_coverage import TextState, coverage, translated_languages
from gwa_desktop.services.offer_translation_exchange import (
    TranslationFileError,
    apply_translations,
    export_missing_texts,
    read_translations,
)
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.services.registry import Services
from tests.output.print_samples import flat_text

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def translate(path: Path, translations: dict[str, str]) -> None:
    """What the translator does: fill in targets by trans-unit id, nothing else."""
    tree = ElementTree.parse(path)
    for unit in tree.getroot().iterfind(".//x:trans-unit", NS):
        if unit.get("id") in translations:
            target = unit.find("x:target", NS)
            target.text = translations[unit.get("id")]
            target.set("state", "translated")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def unit_ids(path: Path) -> list[str]:
    return [
        unit.get("id") for unit in ElementTree.parse(path).getroot().iterfind(".//x:trans-unit", NS)
    ]


def texts(services) -> dict[int, list[tuple[str, str, str]]]:
    return {
        o.id: sorted((t.language, t.title, t.description) for t in o.texts)
        for o in services.offers.get_many()
    }


def test_export_holds_exactly_the_missing_texts(services, offer_ids, tmp_path):
    path = tmp_path / "ar.xlf"
    assert export_missing_texts(services.offers, services.settings, "ar", path) == 2
    assert sorted(unit_ids(path)) == sorted(
        [
            f"offer-{offer_ids['homework']}-description",
            f"offer-{offer_ids['sewing']}-title",
        ]
    )
    file_element = ElementTree.parse(path).getroot().find("x:file", NS)
    assert (file_element.get("source-language"), file_element.get("target-language")) == (
        "de",
        "ar",
    )
    assert file_element.find(".//x:trans-unit/x:source", NS).text == "Dienstags nach der Schule."


def test_round_trip_gives_the_offer_its_new_text(services, offer_ids, tmp_path):
    path = tmp_path / "uk.xlf"
    export_missing_texts(services.offers, services.settings, "uk", path)
    translate(
        path,
        {
            f"offer-{offer_ids['sewing']}-title": "Швейне кафе",
            f"offer-{offer_ids['cafe']}-title": "Мовне кафе",
            f"offer-{offer_ids['cafe']}-description": "Практикуйте німецьку за кавою та тістечками.",
        },
    )
    preview = read_translations(path, services.offers, services.settings)
    assert preview.language == "uk"
    assert {(c.offer_id, c.field, c.old, c.new) for c in preview.changes} == {
        (offer_ids["sewing"], "title", "", "Швейне кафе"),
        (offer_ids["cafe"], "title", "", "Мовне кафе"),
        (offer_ids["cafe"], "description", "", "Практикуйте німецьку за кавою та тістечками."),
    }
    assert preview.untranslated == 2  # the homework club's title and description
    assert apply_translations(preview, services.offers) == 2
    cafe = services.offers.get(offer_ids["cafe"])
    assert cafe.text_in("uk") == OfferTextData(
        "uk", "Мовне кафе", "Практикуйте німецьку за кавою та тістечками."
    )
    assert cafe.text_in("ar").title == "مقهى اللغة"
    assert services.offers.get(offer_ids["sewing"]).text_in("uk").title == "Швейне кафе"


def test_flyer_shows_the_imported_text(services, offer_ids, tmp_path):
    path = tmp_path / "uk.xlf"
    export_missing_texts(services.offers, services.settings, "uk", path)
    translate(path, {f"offer-{offer_ids['sewing']}-title": "Швейне кафе"})
    apply_translations(read_translations(path, services.offers, services.settings), services.offers)
    flyer = PrintingService.from_services(services).flyer(
        offer_ids["sewing"], FlyerOptions(("de", "uk"))
    )
    text = flat_text(flyer.pdf)
    assert "Швейне кафе" in text and "Nähcafé" in text


def test_preview_saves_nothing_and_flags_outdated_sources(services, offer_ids, tmp_path):
    path = tmp_path / "ar.xlf"
    export_missing_texts(services.offers, services.settings, "ar", path)
    sewing = services.offers.get(offer_ids["sewing"])
    sewing.texts[0].title = "Nähcafé am Montag"
    services.offers.update(sewing)
    translate(path, {f"offer-{offer_ids['sewing']}-title": "مقهى الخياطة"})
    before = texts(services)
    preview = read_translations(path, services.offers, services.settings)
    assert texts(services) == before
    (change,) = preview.changes
    assert change.source_changed


def test_a_description_without_any_title_is_skipped_with_a_reason(services, offer_ids, tmp_path):
    sewing = services.offers.get(offer_ids["sewing"])
    sewing.texts[0].description = "Gemeinsam nähen."
    services.offers.update(sewing)
    path = tmp_path / "fa.xlf"
    export_missing_texts(services.offers, services.settings, "fa", path)
    translate(path, {f"offer-{offer_ids['sewing']}-description": "با هم خیاطی کنیم."})
    preview = read_translations(path, services.offers, services.settings)
    assert preview.changes == []
    assert len(preview.problems) == 1 and "Nähcafé" in preview.problems[0]


def test_file_of_another_municipality_is_refused_and_nothing_changes(services, offer_ids, tmp_path):
    path = tmp_path / "ar.xlf"
    export_missing_texts(services.offers, services.settings, "ar", path)
    translate(path, {f"offer-{offer_ids['sewing']}-title": "مقهى الخياطة"})
    services.settings.save(
        MunicipalityData(name="Gemeinde Birkenau", district="Landkreis Musterland")
    )
    before = texts(services)
    with pytest.raises(TranslationFileError, match="Gemeinde Lindenbach"):
        read_translations(path, services.offers, services.settings)
    assert texts(services) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "no XML at all",
        lambda text: text.replace('version="1.2"', 'version="2.0"'),
        lambda text: text.replace("gwa-desktop-offer-texts", "some-other-tool"),
        lambda text: text.replace("-title", "-subtitle"),
        lambda text: text.replace(
            "<?xml version='1.0' encoding='utf-8'?>",
            "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
        ),
        lambda text: text.replace('target-language="ar"', 'target-language="xx"'),
    ],
    ids=[
        "truncated",
        "not-xml",
        "other-version",
        "other-tool",
        "bad-unit-id",
        "doctype",
        "bad-language",
    ],
)
def test_damaged_file_is_refused_with_a_message_and_nothing_changes(
    services, offer_ids, tmp_path, damage
):
    path = tmp_path / "ar.xlf"
    export_missing_texts(services.offers, services.settings, "ar", path)
    translate(path, {f"offer-{offer_ids['sewing']}-title": "مقهى الخياطة"})
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = texts(services)
    with pytest.raises(TranslationFileError) as refused:
        read_translations(path, services.offers, services.settings)
    assert str(path) in str(refused.value) and "nichts geändert" in str(refused.value)
    assert texts(services) == before


def test_missing_file_is_refused(services, tmp_path):
    with pytest.raises(TranslationFileError, match="kann nicht gelesen werden"):
        read_translations(tmp_path / "gone.xlf", services.offers, services.settings)


def test_export_needs_a_foreign_language(services, offer_ids, tmp_path):
    with pytest.raises(TranslationFileError):
        export_missing_texts(services.offers, services.settings, "de", tmp_path / "de.xlf")
    assert not (tmp_path / "de.xlf").exists()


def test_export_needs_the_municipality_name_that_identifies_the_file(database, tmp_path):
    services = Services.on(database)
    with pytest.raises(TranslationFileError, match="Einstellungen"):
        export_missing_texts(services.offers, services.settings, "ar", tmp_path / "ar.xlf")


def test_coverage_per_offer_and_language(services, offer_ids):
    offers = services.offers.get_many()
    assert translated_languages(offers) == ["ar"]
    rows = {row.offer_id: row for row in coverage(offers, ["ar", "uk"])}
    assert rows[offer_ids["cafe"]].states == {"ar": TextState.COMPLETE, "uk": TextState.MISSING}
    assert rows[offer_ids["homework"]].states["ar"] is TextState.NO_DESCRIPTION
    assert rows[offer_ids["sewing"]].missing_languages() == ["ar", "uk"]
