"""Cancel, move or restore one date of an offer's series, from the calendar or `gwa dates`.

The offer form collects such changes and saves them with the offer; the calendar changes
one date at a time, so each change is one save of the offer with its version checked
(another window's save in between is refused, not overwritten). The series rules of the
offer service apply: a date outside the series, two dates moved onto one day, a date
moved onto another date of the series are refused with a clear message.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offers import OfferService


class DateChangeService:
    def __init__(self, offers: OfferService) -> None:
        self.offers = offers

    def cancel(self, offer_id: int, series_day: date, reason: str) -> None:
        self._set(offer_id, series_day, DateChange(series_day, reason.strip()))

    def move(
        self,
        offer_id: int,
        series_day: date,
        to: date,
        start: time | None = None,
        reason: str = "",
    ) -> None:
        self._set(offer_id, series_day, DateChange(series_day, reason.strip(), to, start))

    def restore(self, offer_id: int, series_day: date) -> None:
        """Undo the change of that date; a date cancelled by the holidays has none to undo."""
        offer = self.offers.get(offer_id)
        if all(change.on != series_day for change in offer.date_changes):
            raise ValidationError(
                {
                    "date_changes": _(
                        "The date {day} was not cancelled or moved on its own: it falls in the "
                        "holidays. Untick the holidays in the offer to hold it."
                    ).format(day=format_date(series_day))
                }
            )
        self._set(offer_id, series_day, None)

    def _set(self, offer_id: int, series_day: date, change: DateChange | None) -> None:
        offer = self.offers.get(offer_id)
        others = [c for c in offer.date_changes if c.on != series_day]
        changes = sorted(others + ([change] if change else []), key=lambda c: c.on)
        self.offers.update(replace(offer, date_changes=changes))
