"""The offer translations dialog driven as a user would: export, translate, preview, import."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.ui.dialogs.offer_translations_dialog import OfferTranslationsDialog
from tests.i18n.test_offer_translation_exchange import translate
from tests.ui.conftest import drive_dialog


@pytest.fixture
def dialog(qtbot, services):
    services.settings.save(MunicipalityData(name="Gemeinde Lindenbach"))
    services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Nähcafé", "Gemeinsam nähen.")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 1, 5),
        )
    )
    translations = OfferTranslationsDialog(services.offers, services.settings)
    qtbot.addWidget(translations)
    translations.language.setCurrentIndex(translations.language.findData("uk"))
    return translations


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda parent, title, text, *rest: shown.append(text)
        )
    return shown


def test_export_translate_preview_import(qtbot, dialog, services, messages, tmp_path):
    assert dialog.table.item(0, 1).text() == "fehlt"
    path = tmp_path / "uk.xlf"
    assert dialog.export_to(path) == 2
    assert str(path) in messages[-1]
    offer_id = dialog.rows[0].offer_id
    translate(
        path,
        {f"offer-{offer_id}-title": "Швейне кафе", f"offer-{offer_id}-description": "Шиємо разом."},
    )

    def confirm(preview):
        assert preview.table.rowCount() == 2
        preview.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    changed = []
    drive_dialog(lambda: changed.append(dialog.import_from(path)), confirm)
    assert changed == [1]
    assert services.offers.get(offer_id).text_in("uk") == OfferTextData(
        "uk", "Швейне кафе", "Шиємо разом."
    )
    assert dialog.table.item(0, 1).text() == "übersetzt"
    assert not dialog.export_button.isEnabled()


def test_cancelled_preview_changes_nothing(qtbot, dialog, services, messages, tmp_path):
    path = tmp_path / "uk.xlf"
    dialog.export_to(path)
    translate(path, {f"offer-{dialog.rows[0].offer_id}-title": "Швейне кафе"})
    drive_dialog(lambda: dialog.import_from(path), lambda preview: preview.reject())
    assert services.offers.get(dialog.rows[0].offer_id).text_in("uk") is None


def test_damaged_file_is_refused_with_a_message(qtbot, dialog, services, messages, tmp_path):
    path = tmp_path / "uk.xlf"
    path.write_text("<xliff", encoding="utf-8")
    assert dialog.import_from(path) == 0
    assert "beschädigt" in messages[-1] and "nichts geändert" in messages[-1]
    assert services.offers.get(dialog.rows[0].offer_id).text_in("uk") is None


def test_translations_action_of_the_main_window_opens_the_dialog(qtbot, window):
    opened = []

    def close(dialog):
        opened.append(type(dialog))
        dialog.reject()

    drive_dialog(window.translations_action.trigger, close)
    assert opened == [OfferTranslationsDialog]
