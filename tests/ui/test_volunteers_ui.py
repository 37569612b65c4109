"""Volunteers in the window: helpers of an activity, finding help, the certificate."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import LegalBasis
from gwa_desktop.domain.volunteer import (
    Availability,
    LanguageLevel,
    SpokenLanguage,
    VolunteerProfile,
)
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.certificate_dialog import CertificatePrintDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.find_help_dialog import FindHelpDialog
from gwa_desktop.ui.handbook import HANDBOOK_LANGUAGES, handbook_file, read_handbook
from tests.output.print_samples import flat_text
from tests.ui.conftest import drive_dialog

TUESDAY = 1


def volunteer(services, name, languages, slots):
    return services.contacts.create(
        ContactData(
            name=name,
            phone="0151 2345678",
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(given_on=date.today() - timedelta(days=30), purpose="Ehrenamt")],
            volunteer=VolunteerProfile(
                tasks=["Dolmetschen"],
                languages=[SpokenLanguage(code, LanguageLevel.FLUENT) for code in languages],
                availability=slots,
            ),
        )
    )


def drive_nested(trigger, kind, handle):
    """Like drive_dialog, for a dialog opened from a dialog: waits until one of `kind` is
    the active modal window (the opening one is active until then)."""
    failures = []

    def in_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, in_dialog)
            return
        try:
            handle(dialog)
        except BaseException as error:
            failures.append(error)
            dialog.reject()

    QTimer.singleShot(0, in_dialog)
    trigger()
    if failures:
        raise failures[0]


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))
    assert combo.currentData() == value


def test_two_helpers_added_in_the_activity_form_give_its_totals(qtbot, services):
    farida = volunteer(services, "Farida Beispiel", ["prs"], [])
    jonas = volunteer(services, "Jonas Muster", ["de"], [])
    dialog = ActivityDialog(services.activities, services.offers, services.contacts)
    qtbot.addWidget(dialog)
    dialog.occurred_on.set_date(date.today() - timedelta(days=1))
    dialog.title.setText("Sommerfest")
    dialog.times.set_values(time(14), time(17))
    for contact_id, hours in ((farida, 2.5), (jonas, 1.75)):
        dialog.helper_list.add_button.click()
        row = dialog.helper_list.rows[-1]
        choose(row.person, contact_id)
        row.hours.setValue(hours)
    dialog.helper_list.extra_count.setValue(1)
    dialog.helper_list.extra_hours.setValue(2)
    # The totals follow the list and cannot be typed while it has helpers.
    assert (dialog.volunteers.value(), dialog.hours.value()) == (3, 6.25)
    assert not dialog.volunteers.isEnabled()

    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_id is not None, dialog.general_error.text()
    saved = services.activities.get(dialog.saved_id)
    assert [(h.name, h.hours) for h in saved.helpers] == [
        ("Farida Beispiel", 2.5),
        ("Jonas Muster", 1.75),
    ]
    assert (saved.volunteers_count, saved.volunteer_hours) == (3, 6.25)

    # Four hours at a three-hour activity: the form says so and keeps the input.
    again = ActivityDialog(services.activities, services.offers, services.contacts, dialog.saved_id)
    qtbot.addWidget(again)
    again.helper_list.rows[0].hours.setValue(4)
    again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert again.saved_id is None
    assert "Farida Beispiel ist mit 4 Stunden eingetragen" in again.error_text("helpers")
    assert again.helper_list.rows[0].hours.value() == 4
    assert services.activities.get(dialog.saved_id).volunteer_hours == 6.25
    # Removing every helper gives the totals back to typing.
    for row in list(again.helper_list.rows):
        row.findChildren(type(again.helper_list.add_button))[0].click()
    assert again.volunteers.isEnabled() and again.helper_list.rows == []


def test_the_contact_form_saves_a_volunteer_profile(qtbot, services):
    contact_id = volunteer(services, "Farida Beispiel", [], [])
    dialog = ContactDialog(services.contacts, contact_id)
    qtbot.addWidget(dialog)
    section = dialog.volunteer
    assert section.listed.isChecked()
    section.languages.add_button.click()
    choose(section.languages.rows[-1].language, "prs")
    choose(section.languages.rows[-1].level, LanguageLevel.NATIVE)
    section.slots.add_button.click()
    slot = section.slots.rows[-1]
    choose(slot.weekday, TUESDAY)
    slot.starts.setTime(QTime(14, 0))
    slot.ends.setTime(QTime(18, 0))
    section.slots.add_button.click()
    overlapping = section.slots.rows[-1]
    choose(overlapping.weekday, TUESDAY)
    overlapping.starts.setTime(QTime(17, 0))
    overlapping.ends.setTime(QTime(19, 0))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_id is None
    assert "überschneiden sich" in dialog.error_text("volunteer")

    section.slots.rows[-1].findChildren(type(section.slots.add_button))[0].click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_id == contact_id, dialog.error_text("volunteer")
    profile = services.contacts.get(contact_id).volunteer
    assert [(s.code, s.level) for s in profile.languages] == [("prs", LanguageLevel.NATIVE)]
    assert profile.availability == [Availability(TUESDAY, time(14), time(18))]


def test_find_a_dari_speaker_free_on_tuesday_and_print_her_certificate(
    qtbot, window, monkeypatch, tmp_path
):
    services = window.services
    farida = volunteer(
        services, "Farida Beispiel", ["prs", "de"], [Availability(TUESDAY, time(14), time(18))]
    )
    volunteer(services, "Morgens Dari", ["prs"], [Availability(TUESDAY, time(8), time(11))])
    volunteer(services, "Donnerstag Dari", ["prs"], [Availability(3, time(14), time(18))])
    volunteer(services, "Dienstag Arabisch", ["ar"], [Availability(TUESDAY, time(14), time(18))])
    from gwa_desktop.domain.activity import ActivityData
    from gwa_desktop.domain.enums import ActivityKind
    from gwa_desktop.domain.volunteer import HelperHours

    last_year = date.today().year - 1
    services.activities.create(
        ActivityData(
            occurred_on=date(last_year, 5, 5),
            kind=ActivityKind.EVENT,
            title="Elternabend Kita",
            start_time=time(18),
            end_time=time(20),
            helpers=[HelperHours(farida, 2.0)],
        )
    )
    target = tmp_path / "nachweis.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    seen = {}

    def in_certificate(dialog):
        assert isinstance(dialog, CertificatePrintDialog)
        seen["person"] = dialog.person.currentText()
        seen["year"] = dialog.year.currentData()
        choose(dialog.language, "prs")
        dialog.rebuild()
        seen["preview"] = not dialog.preview.pixmap().isNull()
        dialog.save_button.click()

    def in_finder(dialog):
        assert isinstance(dialog, FindHelpDialog)
        choose(dialog.language, "prs")
        assert dialog.table.rowCount() == 3
        choose(dialog.weekday, TUESDAY)
        dialog.timed.setChecked(True)
        dialog.starts.setTime(QTime(12, 0))
        dialog.ends.setTime(QTime(18, 0))
        seen["found"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        seen["count"] = dialog.count.text()
        dialog.table.selectRow(0)
        drive_nested(dialog.certificate_button.click, CertificatePrintDialog, in_certificate)
        dialog.reject()

    drive_dialog(window.volunteer_actions["find_help"].trigger, in_finder)
    assert seen == {
        "found": ["Farida Beispiel"],
        "count": "1 Ehrenamtliche gefunden",
        "person": "Farida Beispiel",
        "year": last_year,
        "preview": True,
    }
    text = flat_text(target.read_bytes())
    assert "Nachweis über ehrenamtliches Engagement" in text and "Elternabend Kita" in text


@pytest.mark.parametrize("language", HANDBOOK_LANGUAGES)
def test_f1_in_the_volunteer_dialogs_has_a_section(language):
    ids = read_handbook(handbook_file(language)).ids
    assert FindHelpDialog.help_anchor == CertificatePrintDialog.help_anchor == "volunteers"
    assert "volunteers" in ids


def test_the_list_found_is_saved_as_phone_list_and_pdf(qtbot, services, monkeypatch, tmp_path):
    volunteer(services, "Farida Beispiel", ["prs"], [Availability(TUESDAY, time(14), time(18))])
    volunteer(services, "Olena Test", ["uk"], [])
    dialog = FindHelpDialog(services.volunteers)
    qtbot.addWidget(dialog)
    choose(dialog.language, "prs")
    targets = iter([tmp_path / "liste.csv", tmp_path / "liste"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    dialog.save_button.click()
    dialog.print_button.click()
    phone_list = (tmp_path / "liste.csv").read_bytes().decode("utf-8-sig")
    assert "Farida Beispiel;0151 2345678" in phone_list and "Olena" not in phone_list
    text = flat_text((tmp_path / "liste.pdf").read_bytes())
    assert "Sprache: Dari" in text and "Farida Beispiel" in text and "Olena" not in text


def test_in_arabic_the_phone_number_keeps_its_order(qtbot, services):
    from gwa_desktop.ui.language import apply_language

    volunteer(services, "Farida Beispiel", ["prs"], [])
    apply_language("ar")
    dialog = FindHelpDialog(services.volunteers)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "\u2068" + "0151 2345678" + "\u2069"
    assert dialog.starts.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_hours_of_a_year_show_as_a_column(qtbot, services):
    from gwa_desktop.domain.activity import ActivityData
    from gwa_desktop.domain.enums import ActivityKind
    from gwa_desktop.domain.volunteer import HelperHours

    farida = volunteer(services, "Farida Beispiel", ["prs"], [])
    last_year = date.today().year - 1
    services.activities.create(
        ActivityData(
            occurred_on=date(last_year, 3, 3),
            kind=ActivityKind.EVENT,
            title="Fest",
            helpers=[HelperHours(farida, 3.75)],
        )
    )
    dialog = FindHelpDialog(services.volunteers)
    qtbot.addWidget(dialog)
    assert dialog.table.columnCount() == 6
    choose(dialog.year, last_year)
    assert dialog.table.horizontalHeaderItem(6).text() == "Stunden"
    assert dialog.table.item(0, 6).text() == "3,75"
    assert "Stunden" in dialog.phone_list().decode("utf-8-sig").splitlines()[0]
