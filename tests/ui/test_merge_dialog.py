"""The merge screen: two duplicates become one, from the contacts list or the quality panel."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.errors import NotFoundError
from gwa_desktop.ui.dialogs.merge_dialog import KEEP, OTHER, MergeDialog
from gwa_desktop.ui.dialogs.quality_dialog import QualityDialog
from tests.ui.conftest import drive_dialog


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """Every confirmation question, each answered Yes."""
    questions: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text, *a, **k: shown.append(text)
    )
    return shown


def _annas(services) -> tuple[int, int, int]:
    keep = services.contacts.create(
        ContactData(name="Anna Müller", phone="0151 1111111", legal_basis=LegalBasis.PUBLIC_TASK)
    )
    other = services.contacts.create(
        ContactData(
            name="Anna Mueller",
            email="anna@example.org",
            notes="spricht Arabisch",
            legal_basis=LegalBasis.PUBLIC_TASK,
        )
    )
    offer = services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2025, 1, 7),
            contact_person_ids=[other],
        )
    )
    return keep, other, offer


def test_merge_two_duplicates_choosing_fields_side_by_side(qtbot, window, asked):
    keep, other, offer = _annas(window.services)
    dialog = MergeDialog(window.services.database, keep, other, window)
    qtbot.addWidget(dialog)
    dialog.show()
    # Where the kept contact is empty, the other's value is chosen already.
    assert dialog.groups["email"].checkedId() == OTHER
    assert dialog.groups["name"].checkedId() == KEEP
    assert not dialog.groups["legal_basis"].button(OTHER).isEnabled()  # both the same
    dialog.grab().save("/tmp/dup-merge-dialog.png")
    other_name = dialog.groups["name"].button(OTHER)
    qtbot.mouseClick(other_name, Qt.MouseButton.LeftButton, pos=QPoint(8, other_name.height() // 2))
    dialog.choose("notes", KEEP)
    assert dialog.taken() == ["name", "email"]

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.kept_id == keep
    assert "Anna Mueller" in asked[0] and f"Nr. {other}" in asked[0]
    merged = window.services.contacts.get(keep)
    assert (merged.name, merged.phone, merged.email, merged.notes) == (
        "Anna Mueller",
        "0151 1111111",
        "anna@example.org",
        "",
    )
    assert window.services.offers.get(offer).contact_person_ids == [keep]
    with pytest.raises(NotFoundError):
        window.services.contacts.get(other)


def test_cancelling_the_confirmation_changes_nothing(qtbot, window, monkeypatch):
    keep, other, _offer = _annas(window.services)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog = MergeDialog(window.services.database, keep, other, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert window.services.contacts.get(other).email == "anna@example.org"


def test_swap_sides_keeps_the_other_contact(qtbot, window, asked):
    keep, other, _offer = _annas(window.services)
    dialog = MergeDialog(window.services.database, keep, other, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.kept_id == other
    assert window.services.contacts.get(other).phone == "0151 1111111"  # empty there: taken


def test_a_person_and_an_organisation_are_refused_with_a_message(qtbot, window, errors):
    anna = window.services.contacts.create(ContactData(name="Anna Müller"))
    club = window.services.contacts.create(
        ContactData(name="Anna Müller", kind=ContactKind.ORGANISATION)
    )
    dialog = MergeDialog(window.services.database, anna, club, window)
    qtbot.addWidget(dialog)
    assert not dialog.loaded and not dialog.merge_button.isEnabled()
    assert "Person und eine Organisation" in errors[0]


def test_the_contacts_list_merges_the_two_selected(qtbot, window, asked):
    _annas(window.services)
    page = window.contacts_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert not page.merge_button.isEnabled()
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert page.merge_button.isEnabled()
    in_focus = page.current_id()
    assert in_focus == page.model.row_id(0)

    def merge(dialog: MergeDialog) -> None:
        assert isinstance(dialog, MergeDialog)
        dialog.merge_button.click()

    drive_dialog(page.merge_button.click, merge)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_id(0) == in_focus  # the contact in focus stays


def test_the_quality_panel_lists_the_pair_and_opens_the_merge_screen(qtbot, window, asked):
    keep, other, _offer = _annas(window.services)
    panel = QualityDialog(window.services.database, window)
    qtbot.addWidget(panel)
    rows = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
    }
    duplicates = rows["Wahrscheinlich doppelte Kontakte"]
    assert duplicates.text(1) == "2"
    pair = duplicates.child(0)
    assert pair.text(0) == f"Nr. {keep} Anna Müller und Nr. {other} Anna Mueller"
    assert pair.text(1) == "80"
    panel.tree.setCurrentItem(pair)

    drive_dialog(
        lambda: qtbot.keyClick(panel.tree, Qt.Key.Key_Return),
        lambda dialog: dialog.merge_button.click(),
    )

    assert panel.changed and panel.result() != QDialog.DialogCode.Accepted  # the panel stays
    rows = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i).text(1)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert rows["Wahrscheinlich doppelte Kontakte"] == "0"
    assert window.services.contacts.count() == 1


def test_not_a_duplicate_takes_the_pair_off_the_panel(qtbot, window):
    keep, other, _offer = _annas(window.services)
    panel = QualityDialog(window.services.database, window)
    qtbot.addWidget(panel)
    drive_dialog(
        lambda: panel.open_merge(keep, other), lambda dialog: dialog.distinct_button.click()
    )
    rows = {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i).text(1)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert rows["Wahrscheinlich doppelte Kontakte"] == "0"
    assert window.services.contacts.count() == 2


def test_a_refused_merge_is_explained_and_the_screen_stays_open(qtbot, window, asked, errors):
    keep = window.services.contacts.create(
        ContactData(name="Anna Müller", phone="0151 1111111", legal_basis=LegalBasis.PUBLIC_TASK)
    )
    other = window.services.contacts.create(ContactData(name="Anna Mueller"))
    dialog = MergeDialog(window.services.database, keep, other, window)
    qtbot.addWidget(dialog)
    dialog.choose("legal_basis", OTHER)  # no basis, but a phone number stays: refused
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.kept_id is None
    assert "Rechtsgrundlage" in errors[0]
    assert window.services.contacts.count() == 2


def _panel_rows(panel):
    return {
        panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
    }


def test_the_panel_button_declares_a_pair_distinct(qtbot, window):
    _annas(window.services)
    panel = QualityDialog(window.services.database, window)
    qtbot.addWidget(panel)
    assert not panel.distinct_button.isEnabled()
    panel.tree.setCurrentItem(_panel_rows(panel)["Wahrscheinlich doppelte Kontakte"].child(0))
    assert panel.distinct_button.isEnabled()
    qtbot.mouseClick(panel.distinct_button, Qt.MouseButton.LeftButton)
    assert _panel_rows(panel)["Wahrscheinlich doppelte Kontakte"].text(1) == "0"
    assert window.services.contacts.count() == 2


def test_duplicate_offers_are_pairs_enter_opens_the_first(qtbot, window):
    def offer() -> int:
        return window.services.offers.create(
            OfferData(
                texts=[OfferTextData("de", "Sprachcafé")],
                category=OfferCategory.LANGUAGE,
                start_date=date(2025, 1, 7),
                place_name="Rathaus",
            )
        )

    first, second = offer(), offer()
    panel = QualityDialog(window.services.database, window)
    qtbot.addWidget(panel)
    offers = _panel_rows(panel)["Wahrscheinlich doppelte Angebote"]
    assert offers.text(1) == "2" and offers.childCount() == 1
    pair = offers.child(0)
    assert pair.text(0) == f"Nr. {first} Sprachcafé und Nr. {second} Sprachcafé"
    panel.tree.setCurrentItem(pair)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.chosen == ("offers", first)
