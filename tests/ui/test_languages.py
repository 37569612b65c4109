"""The main window and every dialog in German, English, Arabic and Ukrainian.

In Arabic and Ukrainian no fixed text may still be the English message id, nothing may
be cut off, and Arabic runs right to left; the language picked in the settings applies
at once and is remembered on this computer.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.i18n import UI_LANGUAGES, ui_language
from gwa_desktop.preferences import stored_language
from gwa_desktop.services.offer_translation_exchange import ImportPreview, TextChange
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.consent_dialog import ConsentDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from gwa_desktop.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.dialogs.offer_translations_dialog import OfferTranslationsDialog
from gwa_desktop.ui.dialogs.package_review_dialog import PackageReviewDialog
from gwa_desktop.ui.dialogs.print_dialogs import (
    ConsentPrintDialog,
    FlyerPrintDialog,
    OverviewPrintDialog,
)
from gwa_desktop.ui.dialogs.restore_dialog import RestoreDialog
from gwa_desktop.ui.language import WindowRebuilder, apply_language
from gwa_desktop.ui.main_window import MainWindow
from gwa_desktop.ui.widgets import DateEdit
from tests.ui.text_walk import clipped, untranslated


def review_entry(services):
    """An imported package (with an implausible month) to review."""
    from gwa_desktop.services.district_review import list_packages
    from tests.services.test_district_review import two_villages

    two_villages(services.database)
    return list_packages(services.database)[1]


DIALOGS = {
    "new contact": lambda s, ids: ContactDialog(s.contacts),
    "edit contact": lambda s, ids: ContactDialog(s.contacts, ids["person"]),
    "consent": lambda s, ids: ConsentDialog(),
    "new offer": lambda s, ids: OfferDialog(s.offers, s.contacts),
    "edit offer": lambda s, ids: OfferDialog(s.offers, s.contacts, ids["offer"]),
    "new activity": lambda s, ids: ActivityDialog(s.activities, s.offers, s.contacts),
    "edit activity": lambda s, ids: ActivityDialog(
        s.activities, s.offers, s.contacts, ids["activity"]
    ),
    "offer translations": lambda s, ids: OfferTranslationsDialog(s.offers, s.settings),
    "import preview": lambda s, ids: ImportPreviewDialog(
        ImportPreview(
            "uk",
            [
                TextChange(
                    ids["offer"], "Sprachcafé", "title", "", "Мовне кафе", source_changed=True
                )
            ],
            1,
            2,
        )
    ),
    "district export": lambda s, ids: DistrictExportDialog(s),
    "district import": lambda s, ids: DistrictImportDialog(s),
    "package review": lambda s, ids: PackageReviewDialog(s, review_entry(s)),
    "restore": lambda s, ids: RestoreDialog(s),
    "print flyer": lambda s, ids: FlyerPrintDialog(PrintingService.from_services(s), ids["offer"]),
    "print overview": lambda s, ids: OverviewPrintDialog(PrintingService.from_services(s), []),
    "print consent form": lambda s, ids: ConsentPrintDialog(PrintingService.from_services(s)),
}


@pytest.fixture(params=UI_LANGUAGES)
def language(request, qapp) -> str:
    apply_language(request.param)
    return request.param


@pytest.fixture
def records(services) -> dict[str, int]:
    """One of each kind of record, so that lists, combos and edit dialogs have content."""
    services.settings.save(
        MunicipalityData(name="Gemeinde Lindenbach", district="Landkreis Musterland")
    )
    organisation = services.contacts.create(
        ContactData(name="Familienzentrum", kind=ContactKind.ORGANISATION)
    )
    person = services.contacts.create(
        ContactData(
            name="Samira Haddad",
            organisation_id=organisation,
            phone="0123 45678",
            languages=["ar", "de"],
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(date(2026, 1, 5), "Kontakt und Information")],
        )
    )
    offer = services.offers.create(
        OfferData(
            texts=[
                OfferTextData("de", "Sprachcafé", "Deutsch üben."),
                OfferTextData("ar", "مقهى اللغة"),
            ],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 1, 6),
            provider_id=organisation,
        )
    )
    activity = services.activities.create(
        ActivityData(
            title="Sprachcafé",
            occurred_on=date(2026, 1, 13),
            kind=ActivityKind.OFFER_SESSION,
            offer_id=offer,
            participants_total=12,
            volunteer_hours=4.5,
        )
    )
    return {"organisation": organisation, "person": person, "offer": offer, "activity": activity}


def expected_direction(language: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight


def assert_reads_well(widget, language: str) -> None:
    if language in ("ar", "uk"):
        assert untranslated(widget, language) == []
    assert clipped(widget) == []
    assert widget.layoutDirection() == expected_direction(language)


def test_main_window_in_each_language(qtbot, services, records, language):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1180, 720)
    window.show()
    for page in range(window.stack.count()):
        window.show_page(page)
        QApplication.processEvents()
        assert_reads_well(window, language)
    assert ui_language() == language


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_in_each_language(qtbot, services, records, language, name):
    dialog: QDialog = DIALOGS[name](services, records)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_reads_well(dialog, language)
    if os.environ.get("GWA_SCREENSHOT_DIR"):
        dialog.grab().save(
            str(
                Path(os.environ["GWA_SCREENSHOT_DIR"])
                / f"dialog_{language}_{name.replace(' ', '_')}.png"
            )
        )


def test_qt_own_dialog_buttons_follow_the_language(qtbot, language):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes).text().replace("&", "")
    assert (yes == "Yes") == (language == "en")


def test_date_input_follows_the_locale(qtbot, language):
    edit = DateEdit(date(2026, 3, 5))
    qtbot.addWidget(edit)
    expected = {"de": "dd.MM.yyyy", "en": "M/d/yyyy", "uk": "dd.MM.yyyy", "ar": "d/M/yyyy"}
    assert edit.displayFormat() == expected[language]
    assert edit.to_date() == date(2026, 3, 5)


def test_choosing_a_language_in_the_settings_rebuilds_the_window_in_it(qtbot, services, records):
    rebuilder = WindowRebuilder(lambda: MainWindow(services))
    old = rebuilder.window
    qtbot.addWidget(old)
    old.show()
    old.show_page(old.pages.index(old.settings_page))
    old.settings_page.district.setText("Landkreis Musterland (noch nicht gespeichert)")
    old.settings_page.language.setCurrentIndex(old.settings_page.language.findData("ar"))
    new = rebuilder.window
    qtbot.addWidget(new)
    assert new is not old and not old.isVisible() and new.isVisible()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert new.windowTitle() == "GWA Desktop – الاندماج والعمل المجتمعي"
    assert new.current_page() is new.settings_page
    assert stored_language() == "ar"
    assert new.settings_page.district.text() == "Landkreis Musterland (noch nicht gespeichert)"
    assert_reads_well(new, "ar")
    new.settings_page.refresh()  # unsaved input would make closing the window ask


@pytest.mark.parametrize("language", ["ar", "uk"])
def test_screenshots_of_the_main_window(qtbot, services, records, language, tmp_path):
    """Pictures to look at (set GWA_SCREENSHOT_DIR to keep them); Arabic is mirrored."""
    apply_language(language)
    folder = Path(os.environ.get("GWA_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1180, 720)
    window.show()
    for name in ("week", "contacts", "offers", "activities", "settings"):
        window.show_page(window.pages.index(getattr(window, f"{name}_page")))
        QApplication.processEvents()
        path = folder / f"main_{language}_{name}.png"
        assert window.grab().save(str(path)) and path.stat().st_size > 10_000
    navigation_right = (
        window.navigation.mapTo(window, window.navigation.rect().center()).x() > window.width() / 2
    )
    assert navigation_right == (language == "ar")
