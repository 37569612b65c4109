"""Printing from the program: the flyer and overview dialogs driven as a user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import LegalBasis, OfferCategory
from gwa_desktop.domain.public_contact import PrintedNumber
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.ui.dialogs.print_dialogs import FlyerPrintDialog, OverviewPrintDialog
from gwa_desktop.ui.pdf_pages import page_count
from tests.output.print_samples import TEXTS, flat_text, sample_offer
from tests.ui.conftest import drive_dialog


def _offer(window, languages=("de", "ar", "uk"), names_publicly=True) -> int:
    consent = ConsentData(date(2026, 1, 5), "Öffentlich genannt", names_publicly=names_publicly)
    contact = window.services.contacts.create(
        ContactData(
            name="Samira Haddad",
            phone="0151 2345678",
            legal_basis=LegalBasis.CONSENT,
            consents=[consent],
        )
    )
    offer_id = window.services.offers.create(
        sample_offer(languages, offer_id=None, contact_person_ids=[contact])
    )
    window.offers_page.refresh()
    window.show_page(window.pages.index(window.offers_page))
    window.offers_page.select_id(offer_id)
    return offer_id


def _choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_flyer_dialog_from_the_offers_screen_saves_a_two_language_pdf(
    qtbot, window, monkeypatch, tmp_path
):
    _offer(window)
    target = tmp_path / "flyer.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    seen = {}

    def in_dialog(dialog):
        assert isinstance(dialog, FlyerPrintDialog)
        _choose(dialog.language_boxes[0], "de")
        _choose(dialog.language_boxes[1], "ar")
        _choose(dialog.language_boxes[2], None)
        dialog.strips.setChecked(True)
        _choose(dialog.printed_number, PrintedNumber.CONTACT.value)
        dialog.rebuild()
        seen["preview"] = not dialog.preview.pixmap().isNull()
        seen["warnings"] = dialog.warnings.text()
        dialog.save_button.click()

    drive_dialog(window.offers_page.print_button.click, in_dialog)
    assert seen == {
        "preview": True,
        "warnings": "Dieser Druck zeigt: Samira Haddad: Name (Einwilligung in die öffentliche "
        "Nennung); Samira Haddad: eigene Telefonnummer 0151 2345678.",
    }
    assert opened == [str(target)]
    text = flat_text(target.read_bytes())
    assert TEXTS["de"][0] in text and "0151 2345678" in text and TEXTS["uk"][0] not in text
    assert page_count(target.read_bytes()) == 1


def test_a_contact_without_public_consent_cannot_be_chosen_and_is_not_printed(
    qtbot, window, monkeypatch, tmp_path
):
    _offer(window, ("de",), names_publicly=False)
    target = tmp_path / "flyer.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    seen = {}

    def in_dialog(dialog):
        item = dialog.printed_contact.model().item(1)
        seen["choice"] = (item.text(), item.isEnabled())
        dialog.strips.setChecked(True)
        dialog.rebuild()
        seen["warnings"] = dialog.warnings.text()
        dialog.save_button.click()

    drive_dialog(window.offers_page.print_button.click, in_dialog)
    assert seen["choice"] == (
        "Samira Haddad (keine Einwilligung in die öffentliche Nennung)",
        False,
    )
    assert "Samira Haddad: nicht gedruckt" in seen["warnings"]
    text = flat_text(target.read_bytes())
    assert "2345678" not in text and "Samira" not in text


def test_ctrl_p_without_selection_asks_for_an_offer(qtbot, window, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: messages.append(args[2]))
    window.print_actions["flyer"].trigger()
    assert messages and window.current_page() is window.offers_page


def test_missing_translation_is_pointed_out_before_saving(qtbot, window):
    offer_id = _offer(window, languages=("de",))
    dialog = FlyerPrintDialog(PrintingService.from_services(window.services), offer_id, window)
    qtbot.addWidget(dialog)
    _choose(dialog.language_boxes[1], "ti")
    dialog.rebuild()
    assert "Tigrinya" in dialog.warnings.text() and dialog.save_button.isEnabled()


def test_overview_dialog_empty_selection_and_weekly_plan(qtbot, window, monkeypatch, tmp_path):
    _offer(window)
    dialog = OverviewPrintDialog(PrintingService.from_services(window.services), [], None, window)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(OfferCategory.HEALTH.value))
    dialog.rebuild()
    assert not dialog.save_button.isEnabled() and dialog.warnings.text()

    dialog.category.setCurrentIndex(0)
    dialog.kind.setCurrentIndex(1)
    _choose(dialog.languages[1], "uk")
    dialog.rebuild()
    assert dialog.save_button.isEnabled() and dialog.orientation.currentData() is True
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target)[:-4], "PDF")
    )
    dialog.open_after.setChecked(False)
    dialog.save()
    assert Path(str(target)).exists() and "Wochenplan" in flat_text(target.read_bytes())


def test_preview_shows_the_whole_page_for_a3_and_landscape(qtbot, window):
    """The preview is scaled to fit its box: an A4 scale showed only the middle of A3."""
    _offer(window)
    dialog = OverviewPrintDialog(PrintingService.from_services(window.services), [], None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for paper, landscape in (("A4", False), ("A3", False), ("A4", True), ("A3", True)):
        dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
        dialog.orientation.setCurrentIndex(dialog.orientation.findData(landscape))
        dialog.rebuild()
        pixmap, box = dialog.preview.pixmap(), dialog.preview.contentsRect()
        assert pixmap.width() <= box.width() and pixmap.height() <= box.height(), (paper, landscape)
        ratio = pixmap.width() / pixmap.height()
        assert ratio == pytest.approx(1.414 if landscape else 1 / 1.414, rel=0.02), (
            paper,
            landscape,
        )
        assert max(pixmap.width() / box.width(), pixmap.height() / box.height()) > 0.9


def test_plain_language_checkbox_reaches_the_flyer_options(qtbot, window, monkeypatch, tmp_path):
    _offer(window)
    target = tmp_path / "plain.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    asked = []
    flyer = PrintingService.flyer

    def recording(self, offer_id, options):
        asked.append(options)
        return flyer(self, offer_id, options)

    monkeypatch.setattr(PrintingService, "flyer", recording)

    def in_dialog(dialog):
        assert not dialog.plain_language.isChecked()  # the normal flyer by default
        assert dialog.plain_language.text() == "Leichte Sprache (große Schrift, kurze Sätze)"
        _choose(dialog.language_boxes[1], None)
        _choose(dialog.language_boxes[2], None)
        dialog.plain_language.setChecked(True)
        dialog.rebuild()
        dialog.save_button.click()

    drive_dialog(window.offers_page.print_button.click, in_dialog)
    assert asked and asked[-1].plain_language and asked[-1].languages == ("de",)
    text = flat_text(target.read_bytes())
    assert "Wann?" in text and "Es kostet nichts." in text
