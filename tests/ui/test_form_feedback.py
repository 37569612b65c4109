"""Issue 10 in the forms: marks that go when the value is right, warnings before saving,
a consent withdrawal that is final at once, double clicks on Save, right-to-left
descriptions, and pickers whose entries can be told apart."""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest
from babel.dates import get_day_names
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.domain.plain_text import without_bidi_controls
from gwa_desktop.i18n import _
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.consent_dialog import ConsentDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog, withdrawal_message
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from gwa_desktop.ui.dialogs.offer_texts import OfferTextsEdit
from gwa_desktop.ui.language import apply_language
from gwa_desktop.ui.widgets import RecordPicker
from tests.services.service_builders import offer_data, person
from tests.ui.conftest import drive_dialog


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# -- item 8: error marks -------------------------------------------------------------------


def test_a_mark_goes_as_soon_as_the_value_is_valid(qtbot, services):
    dialog = _shown(qtbot, ContactDialog(services.contacts))
    qtbot.keyClicks(dialog.name, "Lena Vogt")
    dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData(LegalBasis.PUBLIC_TASK.value))
    qtbot.keyClicks(dialog.email, "lena.vogt")
    qtbot.keyClicks(dialog.phone, "(06221) 12345")
    _save(dialog)
    assert dialog.error_text("email") and dialog.isVisible()

    qtbot.keyClicks(dialog.email, "@example")
    assert dialog.error_text("email"), "still no valid address: the mark stays"
    qtbot.keyClicks(dialog.email, ".org")
    assert dialog.error_text("email") == ""
    _save(dialog)
    assert services.contacts.get(dialog.saved_id).phone == "(06221) 12345"


def test_a_mark_for_another_field_stays_until_that_one_is_right(qtbot, services):
    dialog = _shown(qtbot, ContactDialog(services.contacts))
    dialog.legal_basis.setCurrentIndex(dialog.legal_basis.findData(LegalBasis.PUBLIC_TASK.value))
    qtbot.keyClicks(dialog.postal_code, "12a45")
    _save(dialog)
    assert dialog.error_text("name") and dialog.error_text("postal_code")
    qtbot.keyClicks(dialog.name, "Lena Vogt")
    assert dialog.error_text("name") == ""
    assert dialog.error_text("postal_code") == _(
        "“{value}” is not a German postal code: it has exactly 5 digits (example: 69117)."
    ).format(value="12a45")
    dialog.postal_code.setText("12345")
    assert dialog.error_text("postal_code") == ""
    _save(dialog)


def test_the_offer_title_mark_goes_when_the_german_title_is_typed(qtbot, services):
    dialog = _shown(qtbot, OfferDialog(services.offers, services.contacts))
    _save(dialog)
    assert dialog.error_text("title")
    dialog.texts.tab("de").title.insert("Sprachcafé")
    assert dialog.error_text("title") == ""
    _save(dialog)
    assert services.offers.count() == 1


def test_the_consent_purpose_mark_goes_when_a_purpose_is_typed(qtbot):
    dialog = _shown(qtbot, ConsentDialog())
    dialog.purpose.clear()
    _save(dialog)
    assert dialog.error_text("purpose")
    qtbot.keyClicks(dialog.purpose, "Kontakt")
    assert dialog.error_text("purpose") == ""
    _save(dialog)
    assert dialog.result_data.purpose == "Kontakt"


# -- item 7 and 11: warnings before saving ---------------------------------------------------


def _click(label: str):
    def handle(box: QMessageBox) -> None:
        texts.append(box.text())
        next(b for b in box.buttons() if b.text() == label).click()

    texts: list[str] = []
    handle.texts = texts
    return handle


def test_a_duplicate_title_is_asked_about_and_the_officer_can_go_back(qtbot, services):
    services.offers.create(
        offer_data("Sprachcafé", place_name="Gemeindehaus", start_date=date(2026, 3, 3))
    )
    dialog = _shown(qtbot, OfferDialog(services.offers, services.contacts))
    dialog.texts.tab("de").title.insert("sprachcafé ")
    back = _click(_("Back to the form"))
    drive_dialog(lambda: _save(dialog), back)
    assert "Sprachcafé (Gemeindehaus, Di.)" in without_bidi_controls(back.texts[0])
    assert dialog.isVisible() and services.offers.count() == 1

    drive_dialog(lambda: _save(dialog), _click(_("Save anyway")))
    assert not dialog.isVisible() and services.offers.count() == 2


def test_arabic_in_the_german_title_is_asked_about(qtbot, services):
    dialog = _shown(qtbot, OfferDialog(services.offers, services.contacts))
    dialog.texts.tab("de").title.setText("مقهى اللغة")
    back = _click(_("Back to the form"))
    drive_dialog(lambda: _save(dialog), back)
    assert "Arabisch" in back.texts[0] and services.offers.count() == 0
    dialog.texts.tab("de").title.setText("Sprachcafé")
    _save(dialog)  # nothing to warn about: saved without a question
    assert services.offers.count() == 1


# -- item 2: consent withdrawal ----------------------------------------------------------------


def test_withdrawal_is_final_refreshes_the_list_and_names_the_offers(
    qtbot, services, window, monkeypatch
):
    consent = ConsentData(given_on=date(2025, 1, 10), purpose="Kontakt")
    fatima = person(
        services.contacts,
        "Fatima Ahmadi",
        legal_basis=LegalBasis.CONSENT,
        consents=[consent],
        phone="06221 98765",
        email="fatima@example.org",
    )
    services.offers.create(offer_data("Elterncafé", contact_person_ids=[fatima]))
    questions: list[str] = []
    informed: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a, **k: (
            questions.append(text) or QMessageBox.StandardButton.Yes
        ),
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a, **k: informed.append(text)
    )
    page = window.contacts_page
    page.refresh()
    page.select_id(fatima)
    assert "06221 98765" in _row_texts(page)

    def withdraw_and_cancel(dialog: ContactDialog) -> None:
        dialog.consent_list.setCurrentRow(0)
        dialog.withdraw_button.click()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    drive_dialog(page.edit_current, withdraw_and_cancel)

    assert len(questions) == 1, "only the withdrawal itself is asked, not 'discard changes?'"
    assert informed == [withdrawal_message("Fatima Ahmadi", ["Elterncafé"])]
    assert "Elterncafé" in informed[0]
    assert "06221 98765" not in _row_texts(page) and "fatima@example.org" not in _row_texts(page)
    assert services.offers.get_many()[0].contact_person_ids == []


def _row_texts(page) -> str:
    model = page.model
    return " ".join(
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )


# -- item 13: double click on Save, right-to-left text, pickers, the consent dialog ----------------


def test_the_second_click_of_a_double_click_on_save_opens_nothing(qtbot, services, window):
    services.contacts.create(ContactData(name="Lena Vogt"))
    page = window.contacts_page
    page.refresh()
    viewport = page.table.viewport()
    where = page.table.visualRect(page.model.index(0, 0)).center()
    double_click = (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    )

    def save_with_a_new_name(dialog: ContactDialog) -> None:
        dialog.name.setText("Lena Vogt-Yilmaz")
        _save(dialog)

    # The officer double-clicks the entry, edits it and double-clicks Save: the first
    # click saves and closes, the second lands on the table behind the dialog.
    drive_dialog(
        lambda: [_send(viewport, kind, where) for kind in double_click], save_with_a_new_name
    )
    assert services.contacts.get(page.model.row_id(0)).name == "Lena Vogt-Yilmaz"
    assert (
        _dialogs_opened_by(lambda: [_send(viewport, kind, where) for kind in double_click[2:]])
        == []
    )

    # The same with Cancel, after the entry was chosen with a click and opened with F2
    # (the list is not reloaded, so the table still knows the pressed row).
    for kind in double_click[:2]:
        _send(viewport, kind, where)

    def cancel(dialog: ContactDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    drive_dialog(page.edit_current, cancel)
    assert (
        _dialogs_opened_by(lambda: [_send(viewport, kind, where) for kind in double_click[2:]])
        == []
    )
    # A double click of its own on the table still opens the entry.
    assert (
        len(_dialogs_opened_by(lambda: [_send(viewport, kind, where) for kind in double_click]))
        == 1
    )


def _dialogs_opened_by(trigger) -> list[QDialog]:
    """The modal dialogs `trigger` opened; each is closed again at once."""
    opened: list[QDialog] = []
    running = [True]

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            opened.append(dialog)
            dialog.reject()
        elif running[0]:
            QTimer.singleShot(10, close_it)

    QTimer.singleShot(0, close_it)
    trigger()
    QApplication.processEvents()
    running[0] = False
    return opened


def _send(widget, kind: QEvent.Type, where: QPoint) -> None:
    event = QMouseEvent(
        kind,
        QPointF(where),
        QPointF(widget.mapToGlobal(where)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton
        if kind != QEvent.Type.MouseButtonRelease
        else Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize(
    ("language", "alignment", "direction"),
    [
        ("ar", Qt.AlignmentFlag.AlignRight, Qt.LayoutDirection.RightToLeft),
        ("fa", Qt.AlignmentFlag.AlignRight, Qt.LayoutDirection.RightToLeft),
        ("de", Qt.AlignmentFlag.AlignLeft, Qt.LayoutDirection.LeftToRight),
    ],
)
def test_a_description_runs_and_aligns_like_its_language(qtbot, language, alignment, direction):
    texts = OfferTextsEdit()
    qtbot.addWidget(texts)
    tab = texts.add_language(language)
    option = tab.description.document().defaultTextOption()
    assert option.alignment() & alignment
    assert option.textDirection() == direction
    assert tab.title.layoutDirection() == direction


def test_picker_lists_show_long_names_in_full_and_cut_them_at_the_end(qtbot):
    long_name = "Fatima Ahmadi-Rahimi (Arbeitskreis Asyl und Integration Lindenbach e. V.)"
    picker = RecordPicker([(1, "Lena Vogt"), (2, long_name)])
    qtbot.addWidget(picker)
    picker.show()
    QApplication.processEvents()
    view = picker.combo.view()
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert picker.combo.completer().popup().textElideMode() == Qt.TextElideMode.ElideRight
    assert view.minimumWidth() > view.fontMetrics().horizontalAdvance(long_name)


def test_the_offer_picker_tells_two_offers_of_one_title_apart(qtbot, services, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )
    services.offers.create(
        offer_data("Sprachcafé", place_name="Gemeindehaus", start_date=date(2026, 3, 3))
    )
    second = services.offers.create(
        offer_data("Sprachcafé", place_name="Pfarrheim", start_date=date(2026, 3, 5))
    )
    dialog = _shown(qtbot, ActivityDialog(services.activities, services.offers, services.contacts))
    labels = [without_bidi_controls(dialog.offer.itemText(i)) for i in range(dialog.offer.count())]
    assert labels[1:] == ["Sprachcafé (Gemeindehaus, Di.)", "Sprachcafé (Pfarrheim, Do.)"]
    dialog.offer.setCurrentIndex(dialog.offer.findData(second))
    assert dialog.title.text() == "Sprachcafé", (
        "the activity takes the offer's title, not the picker's label"
    )


def test_the_consent_dialog_is_as_high_as_its_rows(qtbot):
    dialog = _shown(qtbot, ConsentDialog())
    assert dialog.height() == dialog.sizeHint().height()


def test_the_offer_picker_reads_right_to_left_in_the_arabic_ui(qtbot, services):
    apply_language("ar")
    services.offers.create(
        offer_data("2. Elterncafé", place_name="Gemeindehaus", start_date=date(2026, 3, 3))
    )
    dialog = _shown(qtbot, ActivityDialog(services.activities, services.offers, services.contacts))
    label = dialog.offer.itemText(1)
    weekday = get_day_names("abbreviated", context="format", locale="ar")[1]  # 3 March: Tuesday
    layout = QTextLayout(label, dialog.offer.font())
    option = QTextOption()
    option.setTextDirection(dialog.offer.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()

    def x(part: str) -> float:
        """Where the middle of `part` stands (a run's edges are ambiguous in mixed text)."""
        return line.cursorToX(label.index(part) + len(part) // 2)[0]

    assert dialog.offer.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The German title reads left to right ("2." before the word; without isolates the
    # number stood at its right end), and the label from the right: title, then place
    # and weekday in brackets.
    assert x("2.") < x("Elterncafé")
    assert x("Elterncafé") > x("Gemeindehaus") > x(weekday)


# -- forms leave nothing behind ------------------------------------------------------------


def test_a_form_is_freed_when_nothing_holds_it_any_more(qtbot, services):
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    dialog.title.setText("Netzwerktreffen")
    gone = weakref.ref(dialog)
    del dialog
    gc.collect()
    assert gone() is None, "the live checks' connections kept the form alive"


def test_a_form_that_was_never_shown_closes_without_asking(qtbot, services, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args))
    dialog = ContactDialog(services.contacts)
    qtbot.addWidget(dialog)
    dialog.name.setText("Lena Vogt")
    assert dialog.close() and asked == []
