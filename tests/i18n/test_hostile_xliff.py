"""Hostile XLIFF files: entities, DTDs and odd encodings, a FIFO, an overlong title; each a message, nothing changed."""

from __future__ import annotations

import os
import threading

import pytest

from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services.offer_translation_exchange import (
    TranslationFileError,
    apply_translations,
    export_missing_texts,
    read_translations,
)
from gwa_desktop.services.offers import TITLE_LENGTH
from tests.i18n.test_offer_translation_exchange import texts, translate

DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
LAUGHS = "".join(f"<!ENTITY l{i} '{f'&l{i - 1};' * 10}'>" for i in range(1, 10))
DTDS = {
    "internal entity": "<!DOCTYPE xliff [<!ENTITY title 'Übernommen'>]>",
    "billion laughs": f"<!DOCTYPE xliff [<!ENTITY l0 'lol'>{LAUGHS}]>",
    "external entity": "<!DOCTYPE xliff [<!ENTITY title SYSTEM 'file:///etc/hostname'>]>",
    "external DTD": "<!DOCTYPE xliff SYSTEM 'http://evil.example/x.dtd'>",
}
ENTITY_USE = {
    "internal entity": "&title;",
    "billion laughs": "&l9;",
    "external entity": "&title;",
    "external DTD": "x",
}
ENCODINGS = {
    "utf-16": ("utf-16", "UTF-16"),
    "utf-16-be": ("utf-16-be", "UTF-16BE"),
    "utf-8 with BOM": ("utf-8-sig", "UTF-8"),
}


@pytest.fixture(autouse=True)
def english(german_ui):
    set_ui_language("en")


@pytest.fixture
def exported(services, offer_ids, tmp_path):
    path = tmp_path / "ar.xlf"
    export_missing_texts(services.offers, services.settings, "ar", path)
    return path


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("dtd", list(DTDS))
def test_a_document_type_declaration_is_refused_in_every_encoding(
    services, offer_ids, exported, dtd, encoding
):
    """The same file without the declaration is read: the encoding itself is fine."""
    translate(exported, {f"offer-{offer_ids['sewing']}-title": "PLACEHOLDER"})
    codec, name = ENCODINGS[encoding]
    clean = exported.read_text(encoding="utf-8").replace(
        DECLARATION, f"<?xml version='1.0' encoding='{name}'?>"
    )
    exported.write_bytes(clean.replace("PLACEHOLDER", "مقهى الخياطة").encode(codec))
    (change,) = read_translations(exported, services.offers, services.settings).changes
    assert change.new == "مقهى الخياطة"
    hostile = clean.replace("?>", f"?>{DTDS[dtd]}", 1).replace("PLACEHOLDER", ENTITY_USE[dtd])
    exported.write_bytes(hostile.encode(codec))
    before = texts(services)

    with pytest.raises(TranslationFileError, match="damaged"):
        read_translations(exported, services.offers, services.settings)
    assert texts(services) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(services, tmp_path):
    fifo = tmp_path / "ar.xlf"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_refusal(fifo, services)), daemon=True)
    reader.start()
    reader.join(20)
    if reader.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        reader.join(5)
        pytest.fail("reading the FIFO blocked")
    assert "not a regular file" in outcome[0]


def _refusal(path, services) -> str:
    try:
        read_translations(path, services.offers, services.settings)
    except TranslationFileError as error:
        return str(error)
    return "read"


def test_an_overlong_translated_title_is_skipped_with_a_message(services, offer_ids, exported):
    translate(exported, {f"offer-{offer_ids['sewing']}-title": "ط" * (TITLE_LENGTH + 50)})
    before = texts(services)

    preview = read_translations(exported, services.offers, services.settings)

    assert preview.changes == [] and any("at most 200" in problem for problem in preview.problems)
    assert apply_translations(preview, services.offers) == 0 and texts(services) == before
