"""A write refreshes the screens that show what it changed, and only those."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from tests.ui.conftest import drive_dialog


def _count_reloads(window, monkeypatch) -> dict[str, int]:
    reloads = {"contacts": 0, "offers": 0, "activities": 0, "settings": 0}
    for name in reloads:
        page = getattr(window, f"{name}_page")

        def counted(original=page.refresh, name=name) -> None:
            reloads[name] += 1
            original()

        monkeypatch.setattr(page, "refresh", counted)
    return reloads


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_new_activity_reloads_only_the_activities(qtbot, window, monkeypatch):
    window.show_page(window.pages.index(window.activities_page))
    reloads = _count_reloads(window, monkeypatch)

    def fill(dialog):
        qtbot.keyClicks(dialog.title, "Netzwerktreffen Schule")
        _save(dialog)

    drive_dialog(window.new_action.trigger, fill)
    assert window.services.activities.count() == 1
    assert reloads == {"contacts": 0, "offers": 0, "activities": 1, "settings": 0}


def test_an_offer_renamed_reaches_the_activities_list(qtbot, window, monkeypatch):
    offer_id = window.services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafe")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 1, 5),
        )
    )
    window.offers_page.refresh()
    window.show_page(window.pages.index(window.offers_page))
    reloads = _count_reloads(window, monkeypatch)
    window.offers_page.table.selectRow(0)

    def rename(dialog):
        dialog.texts.set_texts([OfferTextData("de", "Sprachcafé am Dienstag")])
        _save(dialog)

    drive_dialog(window.edit_action.trigger, rename)
    assert window.services.offers.title_of(offer_id) == "Sprachcafé am Dienstag"
    assert reloads == {"contacts": 0, "offers": 1, "activities": 1, "settings": 0}
