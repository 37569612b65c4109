"""Record a session of a weekly offer in one dialog, filled from the offer."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from tests.ui.conftest import drive_dialog, weekly_offer


def _weekly_offer(services) -> int:
    return weekly_offer(
        services, "Hausaufgabenhilfe", 30, time(14, 30), time(16), languages=["de", "ar"]
    )


def test_record_session_from_the_offers_list_in_one_dialog(qtbot, window):
    offer_id = _weekly_offer(window.services)
    last_date = window.services.offers.session_to_record(offer_id, date.today()).day
    assert date.today() - timedelta(days=6) <= last_date <= date.today()
    window.show_page(window.pages.index(window.offers_page))
    window.offers_page.refresh()
    window.offers_page.table.selectRow(0)

    def type_the_count(dialog):
        assert dialog.title.text() == "Hausaufgabenhilfe"
        assert dialog.occurred_on.to_date() == last_date
        assert dialog.times.values() == (time(14, 30), time(16))
        assert dialog.kind.currentData() is ActivityKind.OFFER_SESSION
        assert dialog.languages.values() == ["de", "ar"]
        assert dialog.focusWidget() is dialog.total or dialog.total.hasFocus()
        qtbot.keyClicks(dialog.total, "12")
        qtbot.keyClick(dialog.total, Qt.Key.Key_Tab)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    drive_dialog(window.offers_page.record_button.click, type_the_count)
    (row,) = window.services.activities.list_rows(window.activities_page.model.query)
    saved = window.services.activities.get(row[0])
    assert (saved.offer_id, saved.occurred_on, saved.participants_total) == (
        offer_id,
        last_date,
        12,
    )
    assert window.activities_page.model.rowCount() == 1


def test_like_last_time_copies_the_numbers_and_a_second_session_is_questioned(qtbot, services):
    from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog

    offer_id = _weekly_offer(services)
    week_ago = date.today() - timedelta(days=7)
    services.activities.create(
        ActivityData(
            occurred_on=week_ago,
            kind=ActivityKind.OFFER_SESSION,
            title="Hausaufgabenhilfe",
            offer_id=offer_id,
            participants_total=9,
            participants_women=5,
            age_under_18=8,
            volunteers_count=2,
            volunteer_hours=3.0,
        )
    )
    draft = services.activities.draft_for_session(offer_id, date.today())
    form = ActivityDialog(services.activities, services.offers, services.contacts, draft=draft)
    qtbot.addWidget(form)
    form.like_last.click()
    data = form.data()
    assert (data.participants_total, data.participants_women, data.age_under_18) == (9, 5, 8)
    assert (data.volunteers_count, data.volunteer_hours, data.occurred_on) == (
        2,
        3.0,
        date.today(),
    )
    assert form.warnings() == []
    form.occurred_on.set_date(week_ago)
    assert "bereits erfasst" in form.warnings()[0]
    form.occurred_on.set_date(date.today())
