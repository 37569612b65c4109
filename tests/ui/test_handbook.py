"""The handbook: shipped in every handbook language, links resolve, nothing remote, F1 per page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.consent_dialog import ConsentDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.district_export_dialog import DistrictExportDialog
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from gwa_desktop.ui.dialogs.erasure_dialog import ErasureDialog
from gwa_desktop.ui.dialogs.merge_dialog import MergeDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.dialogs.package_review_dialog import PackageReviewDialog
from gwa_desktop.ui.dialogs.print_dialog import PrintDialog
from gwa_desktop.ui.dialogs.restore_dialog import RestoreDialog
from gwa_desktop.ui.handbook import (
    HANDBOOK_LANGUAGES,
    handbook_file,
    handbook_language,
    read_handbook,
)
from gwa_desktop.ui.help_viewer import HelpViewer
from gwa_desktop.ui.language import apply_language
from tests.ui.conftest import drive_dialog

#: The sections every page and dialog may point at.
SCREENS = ["week", "contacts", "offers", "activities", "settings"]
TOPICS = ["first-steps", "printing", "exchange", "backups", "restore", "privacy"]
TOPICS += ["legal-basis", "consent", "anonymous-figures", "erasure"]


@pytest.mark.parametrize("language", HANDBOOK_LANGUAGES)
def test_every_language_has_every_section_and_its_links_resolve(language):
    path = handbook_file(language)
    assert path.parent.name == language and path.is_file()
    handbook = read_handbook(path)
    assert set(SCREENS + TOPICS) <= handbook.ids
    for link in handbook.links:
        if link.startswith("#"):
            assert link[1:] in handbook.ids, f"{language}: broken link {link}"
        else:
            assert link.startswith(("https://", "mailto:")), f"{language}: odd link {link}"


@pytest.mark.parametrize("language", HANDBOOK_LANGUAGES)
def test_the_handbook_loads_nothing_remote(language):
    text = handbook_file(language).read_text(encoding="utf-8")
    handbook = read_handbook(handbook_file(language))
    assert handbook.resources == []
    assert "@import" not in text and "url(" not in text


def test_both_languages_have_the_same_sections():
    german, english = (read_handbook(handbook_file(code)) for code in ("de", "en"))
    assert german.ids == english.ids


def test_ui_languages_without_a_handbook_fall_back_to_english():
    assert [handbook_language(code) for code in ("de", "en", "ar", "uk", "xx")] == [
        "de",
        "en",
        "en",
        "en",
        "de",
    ]


def test_f1_on_each_page_opens_its_section(window, qtbot):
    for index, page in enumerate(window.pages):
        window.show_page(index)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        viewer = window.findChild(HelpViewer)
        assert viewer is not None and viewer.isVisible()
        assert viewer.current_anchor() == page.help_anchor
        # The heading of that section is what the viewer has in view at the top.
        top = viewer.browser.cursorForPosition(viewer.browser.viewport().rect().topLeft())
        assert top.block().text() == _heading(viewer, page.help_anchor)
        viewer.close()
    assert len(window.findChildren(HelpViewer)) == 1


def _heading(viewer: HelpViewer, anchor: str) -> str:
    row = next(
        i
        for i in range(viewer.contents.count())
        if viewer.contents.item(i).data(Qt.ItemDataRole.UserRole) == anchor
    )
    return viewer.contents.item(row).text().strip()


def test_contents_search_and_back(window, qtbot):
    window.open_handbook()
    viewer = window.findChild(HelpViewer)
    assert viewer.current_anchor() == "contacts"
    privacy = next(
        viewer.contents.item(i)
        for i in range(viewer.contents.count())
        if viewer.contents.item(i).data(Qt.ItemDataRole.UserRole) == "privacy"
    )
    assert privacy.text() == "Datenschutz"
    viewer.contents.itemActivated.emit(privacy)
    assert viewer.current_anchor() == "privacy"
    assert viewer.back_button.isEnabled()
    qtbot.mouseClick(viewer.back_button, Qt.MouseButton.LeftButton)
    assert viewer.current_anchor() == "contacts"
    viewer.search.setText("USB-Stick")
    qtbot.keyClick(viewer.search, Qt.Key.Key_Return)
    assert viewer.browser.textCursor().selectedText() == "USB-Stick"


def test_the_english_ui_gets_the_english_handbook(window):
    apply_language("uk")
    window.open_handbook()
    viewer = window.findChild(HelpViewer)
    assert viewer.contents.item(0).text() == "First steps"


DIALOGS = [
    ContactDialog,
    OfferDialog,
    ActivityDialog,
    PrintDialog,
    DistrictExportDialog,
    DistrictImportDialog,
    PackageReviewDialog,
    RestoreDialog,
    ConsentDialog,
    MergeDialog,
    ErasureDialog,
]


@pytest.mark.parametrize("language", HANDBOOK_LANGUAGES)
def test_every_dialog_section_exists(language):
    ids = read_handbook(handbook_file(language)).ids
    assert {dialog.help_anchor for dialog in DIALOGS} <= ids


def test_f1_in_the_contact_form_opens_its_section(window, qtbot):
    seen: list[str] = []

    def in_form(dialog):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
        viewer = next(c for c in dialog.children() if isinstance(c, HelpViewer))
        assert viewer.isVisible()
        seen.append(viewer.current_anchor())
        viewer.close()
        dialog.reject()

    drive_dialog(window.contacts_page.create, in_form)
    assert seen == ["contact-form"]
    # The main window's own viewer was not opened instead.
    assert window.findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly) is None


def test_the_viewer_reads_nothing_but_the_handbook(window, monkeypatch, tmp_path):
    window.open_handbook()
    browser = window.findChild(HelpViewer).browser
    image = QTextDocument.ResourceType.ImageResource.value
    outside = tmp_path / "secret.html"
    outside.write_text("<p>not the handbook</p>", encoding="utf-8")
    assert browser.loadResource(image, QUrl("https://example.org/tracker.png")) is None
    assert browser.loadResource(image, QUrl.fromLocalFile(str(outside))) is None
    assert browser.loadResource(1, QUrl.fromLocalFile(str(handbook_file("de")))) is not None
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    before = browser.source()
    browser.anchorClicked.emit(QUrl("https://www.example.org/datenschutz"))
    assert opened == ["https://www.example.org/datenschutz"]
    assert browser.source() == before
