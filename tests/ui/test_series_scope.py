"""Saving a changed time of a running series asks "only this date / from then on / all"."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.services.series_edit import EditScope
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog
from tests.ui.conftest import weekly_offer


@pytest.fixture
def offer_id(services) -> int:
    return weekly_offer(services, "Sprachcafé", 21, time(17), time(19))


def _form_with_new_time(qtbot, services, offer_id, monkeypatch, answer):
    form = OfferDialog(services.offers, services.contacts, offer_id)
    qtbot.addWidget(form)
    asked: list[date] = []

    def ask(stored, day):
        asked.append(day)
        return answer

    monkeypatch.setattr(form, "ask_scope", ask)
    form.times.set_values(time(18), time(20))
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return form, asked


def _next_day(services, offer_id) -> date:
    return services.offers.get(offer_id).schedule.next_dates(date.today(), 1)[0]


def test_only_this_date_moves_one_date_and_keeps_the_series(qtbot, services, offer_id, monkeypatch):
    day = _next_day(services, offer_id)
    form, asked = _form_with_new_time(qtbot, services, offer_id, monkeypatch, EditScope.THIS_DATE)
    assert asked == [day]
    assert form.result() == QDialog.DialogCode.Accepted
    stored = services.offers.get(offer_id)
    assert (stored.start_time, stored.end_time) == (time(17), time(19))
    assert [(c.on, c.start_time, c.end_time) for c in stored.date_changes] == [
        (day, time(18), time(20))
    ]
    assert len(services.offers.choices()) == 1


def test_from_this_date_on_splits_the_series_and_moves_its_later_sessions(
    qtbot, services, offer_id, monkeypatch
):
    day = _next_day(services, offer_id)
    before = services.activities.create(
        ActivityData(
            kind=ActivityKind.OFFER_SESSION,
            title="Sprachcafé",
            occurred_on=day - timedelta(days=7),
            offer_id=offer_id,
            participants_total=9,
        )
    )
    form, _asked = _form_with_new_time(qtbot, services, offer_id, monkeypatch, EditScope.FOLLOWING)
    assert form.result() == QDialog.DialogCode.Accepted
    old = services.offers.get(offer_id)
    assert old.end_date == day - timedelta(days=1)
    assert (old.start_time, old.end_time) == (time(17), time(19))
    new = services.offers.get(form.saved_id)
    assert form.saved_id != offer_id
    assert (new.start_date, new.start_time, new.end_time) == (day, time(18), time(20))
    assert services.activities.get(before).offer_id == offer_id


def test_all_dates_changes_the_series_itself(qtbot, services, offer_id, monkeypatch):
    form, _asked = _form_with_new_time(qtbot, services, offer_id, monkeypatch, EditScope.ALL)
    assert form.result() == QDialog.DialogCode.Accepted
    stored = services.offers.get(offer_id)
    assert (stored.start_time, stored.end_time, stored.date_changes) == (time(18), time(20), [])
    assert len(services.offers.choices()) == 1


def test_back_to_the_form_saves_nothing_and_keeps_the_typed_time(
    qtbot, services, offer_id, monkeypatch
):
    form, asked = _form_with_new_time(qtbot, services, offer_id, monkeypatch, None)
    assert asked
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.times.values() == (time(18), time(20))
    stored = services.offers.get(offer_id)
    assert (stored.start_time, stored.date_changes) == (time(17), [])


def test_a_change_that_is_not_about_dates_asks_nothing(qtbot, services, offer_id, monkeypatch):
    form = OfferDialog(services.offers, services.contacts, offer_id)
    qtbot.addWidget(form)
    monkeypatch.setattr(form, "ask_scope", lambda *_args: pytest.fail("asked"))
    form.cost_note.setText("mit Kaffee und Kuchen")
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert form.result() == QDialog.DialogCode.Accepted
    assert services.offers.get(offer_id).cost_note == "mit Kaffee und Kuchen"


def test_the_question_names_the_date_and_offers_from_then_on_only_once_the_series_runs(
    qtbot, services, offer_id
):
    form = OfferDialog(services.offers, services.contacts, offer_id)
    qtbot.addWidget(form)
    stored = services.offers.get(offer_id)
    day = _next_day(services, offer_id)
    box, scopes = form.scope_box(stored, day)
    shown = day.strftime("%d.%m.%Y")
    assert sorted(scopes.values()) == sorted(EditScope)
    assert {button.text() for button, scope in scopes.items()} == {
        f"Nur am {shown}",
        f"Ab {shown}",
        "Alle Termine",
    }
    assert "Sprachcafé" in box.text()
    _box, first_scopes = form.scope_box(stored, stored.start_date)
    assert set(first_scopes.values()) == {EditScope.THIS_DATE, EditScope.ALL}
