"""A cancelled date among the printed next dates: "fällt am … aus" on the flyer."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.output.pdf.flyer import FlyerOptions
from gwa_desktop.services.offers import OfferService
from tests.output.print_samples import flat_text


def test_the_flyer_says_when_a_date_is_cancelled(database, printing):
    offers = OfferService(database)
    offer_id = offers.create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=printing.today() - timedelta(weeks=2),
            recurrence=Recurrence.WEEKLY,
            start_time=time(17),
        )
    )
    coming = offers.get(offer_id).schedule.next_dates(printing.today() + timedelta(days=1), 2)
    offers.update(replace(offers.get(offer_id), date_changes=[DateChange(coming[1], "Feier")]))
    text = "".join(flat_text(printing.flyer(offer_id, FlyerOptions(("de", "uk"))).pdf).split())
    assert f"fälltam{coming[1].day}.{coming[1].month}.aus" in text
    assert f"невідбудеться{coming[1]:%d.%m}" in text
