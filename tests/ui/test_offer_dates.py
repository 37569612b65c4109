"""The offer form's weekdays and coming dates: cancel one date, run on two weekdays."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtWidgets import QInputDialog

from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from tests.ui.conftest import weekly_offer


def _weekly_offer(services) -> int:
    return weekly_offer(services, "Sprachcafé", 14, time(17), time(19))


def test_a_date_cancelled_in_the_form_is_saved_and_struck_through(qtbot, services, monkeypatch):
    offer_id = _weekly_offer(services)
    form = OfferDialog(services.offers, services.contacts, offer_id)
    qtbot.addWidget(form)
    second = services.offers.get(offer_id).schedule.next_dates(date.today(), 2)[1]
    form.dates.list.setCurrentRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Weihnachtsfeier", True))
    form.dates.cancel_button.click()
    item = form.dates.list.item(1)
    assert item.font().strikeOut()
    assert "Weihnachtsfeier" in item.text()
    form.save()
    stored = services.offers.get(offer_id)
    assert [(c.on, c.reason, c.cancelled) for c in stored.date_changes] == [
        (second, "Weihnachtsfeier", True)
    ]
    assert second not in stored.schedule.next_dates(date.today(), 3)


def test_two_weekdays_chosen_in_the_form_are_the_series(qtbot, services):
    offer_id = _weekly_offer(services)
    form = OfferDialog(services.offers, services.contacts, offer_id)
    qtbot.addWidget(form)
    own = services.offers.get(offer_id).start_date.weekday()
    other = (own + 3) % 7
    assert form.weekdays.value() == [own]
    form.weekdays.boxes[other].setChecked(True)
    shown = [form.dates.list.item(row).text() for row in range(form.dates.list.count())]
    assert len(shown) == 8
    form.save()
    stored = services.offers.get(offer_id)
    assert stored.weekdays == sorted([own, other])
    days = stored.schedule.next_dates(date.today(), 4)
    assert {day.weekday() for day in days} == {own, other}


def test_the_first_dates_weekday_follows_the_first_date(qtbot, services):
    form = OfferDialog(services.offers, services.contacts)
    qtbot.addWidget(form)
    start = form.start_date.to_date()
    form.start_date.set_date(start + timedelta(days=1))
    assert form.weekdays.value() == [(start.weekday() + 1) % 7]
    assert form.data().weekdays == []
