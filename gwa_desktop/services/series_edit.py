"""Editing a recurring offer "only this date", "this and following" or "all dates".

When the officer changes the time, place or weekday of a series, she usually means one of
three things: this one date is different (a DateChange, as a moved date), from now on it
is different (the series is split), or it always was (the offer is simply saved).

The split ends the old offer the day before and creates a new offer from that date with
the changed values. That is the simplest model that keeps history: the sessions recorded
so far stay with the offer, time and place they took place under (a report of last
spring still shows Tuesday in the Gemeindehaus), the old offer's cancelled dates stay
with it, and nothing else in the program (prints, exports, the district package, the
iCalendar file) has to learn about schedules that change over time. The cost is a second
offer of the same title; activities recorded for dates from the split day on move to the
new offer, as they belong to its dates. Everything happens in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import update

from gwa_desktop.domain.enums import OfferStatus, Recurrence
from gwa_desktop.domain.offer import OfferData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.record_service import touch
from gwa_desktop.storage.models import Activity, Offer

#: The fields of a series whose change asks for the scope.
PLACE_FIELDS = ("place_name", "street", "postal_code", "city")


class EditScope(StrEnum):
    THIS_DATE = "this"
    FOLLOWING = "following"
    ALL = "all"


def scope_matters(stored: OfferData, edited: OfferData) -> bool:
    """True when the edit of a recurring offer changes its time, place or weekdays (and
    nothing that makes it another kind of series, such as its rhythm or first date)."""
    if stored.recurrence is Recurrence.ONCE or edited.recurrence is not stored.recurrence:
        return False
    if edited.start_date != stored.start_date:
        return False
    return (
        time_changed(stored, edited)
        or weekdays_changed(stored, edited)
        or place_changed(stored, edited)
    )


def time_changed(stored: OfferData, edited: OfferData) -> bool:
    return (stored.start_time, stored.end_time) != (edited.start_time, edited.end_time)


def weekdays_changed(stored: OfferData, edited: OfferData) -> bool:
    return stored.schedule.days_of_week != edited.schedule.days_of_week


def place_changed(stored: OfferData, edited: OfferData) -> bool:
    return any(getattr(stored, name) != getattr(edited, name) for name in PLACE_FIELDS)


class SeriesEditService:
    def __init__(self, offers: OfferService) -> None:
        self.offers = offers

    def save(self, edited: OfferData, day: date, scope: EditScope) -> int:
        """Save `edited` for the scope around series date `day`; returns the offer id that
        holds `day` afterwards (the new one after a split)."""
        if edited.id is None:
            raise ValueError("a series edit needs a stored offer")
        if scope is EditScope.ALL:
            self.offers.update(edited)
            return edited.id
        stored = self.offers.get(edited.id)
        if not stored.schedule.is_series_date(day):
            raise ValidationError(
                {
                    "date_changes": _(
                        "The offer does not take place on {day}, so that date cannot be cancelled or "
                        "moved. Check the date or the schedule."
                    ).format(day=format_date(day))
                }
            )
        if scope is EditScope.THIS_DATE:
            self.offers.update(only_this_date(stored, edited, day))
            return edited.id
        return self._split(stored, edited, day)

    def _split(self, stored: OfferData, edited: OfferData, day: date) -> int:
        assert stored.id is not None
        if day <= stored.start_date:
            self.offers.update(edited)
            return stored.id
        today = date.today()
        old = replace(
            stored,
            end_date=day - timedelta(days=1),
            date_changes=[c for c in stored.date_changes if c.on < day],
            status=OfferStatus.ENDED if day <= today else stored.status,
            version=edited.version,
        )
        following = replace(
            edited,
            id=None,
            version=None,
            start_date=day,
            end_date=edited.end_date,
            date_changes=[],
            pauses=(),
        )
        series = following.schedule
        following.date_changes = [
            c for c in edited.date_changes if c.on >= day and series.is_series_date(c.on)
        ]
        self.offers.checked(old)
        self.offers.checked(following)
        offers = self.offers
        with offers.database.session() as session:
            record = session.get(Offer, stored.id)
            if record is None:
                raise NotFoundError(stored.id)
            if edited.version is not None and record.version != edited.version:
                raise ConflictError(stored.id, record.version)
            with session.no_autoflush:
                offers._apply(session, record, old)
            touch(record)
            created = Offer()
            offers._apply(session, created, following)
            session.add(created)
            session.flush()
            session.execute(
                update(Activity)
                .where(Activity.offer_id == stored.id, Activity.occurred_on >= day)
                .values(offer_id=created.id)
            )
            new_id: int = created.id
            return new_id


def only_this_date(stored: OfferData, edited: OfferData, day: date) -> OfferData:
    """`edited` with the series as stored and the changed time/weekday as a change of `day`.

    A single date keeps the offer's place (a DateChange has none), so a changed place is
    refused here with the way out.
    """
    if place_changed(stored, edited):
        raise ValidationError(
            {
                "place_name": _(
                    "A single date cannot take place elsewhere: its change keeps the offer's "
                    "place. Save the new place for this and the following dates, or for all."
                )
            }
        )
    moved_to = day
    if weekdays_changed(stored, edited):
        old_days = stored.schedule.days_of_week
        new_days = edited.schedule.days_of_week
        position = old_days.index(day.weekday()) if day.weekday() in old_days else 0
        weekday = new_days[min(position, len(new_days) - 1)]
        moved_to = day + timedelta(days=weekday - day.weekday())
    start = edited.start_time if edited.start_time != stored.start_time else None
    end = edited.end_time if edited.end_time != stored.end_time else None
    change = DateChange(day, "", moved_to, start, end)
    return replace(
        edited,
        start_time=stored.start_time,
        end_time=stored.end_time,
        weekdays=list(stored.weekdays),
        date_changes=sorted(
            [c for c in edited.date_changes if c.on != day] + [change], key=lambda c: c.on
        ),
    )
