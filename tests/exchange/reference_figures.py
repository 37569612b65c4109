"""The figures as the program computed them before the database summed them: record by record.

Kept as the reference the grouped queries of services/district_figures.py must equal
(tests/exchange/test_figures_by_query.py and the import tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gwa_desktop.exchange.records import COUNT_KEYS
from gwa_desktop.exchange.summary import Figures


def compute(offers: Iterable[dict[str, Any]], activities: Iterable[dict[str, Any]]) -> Figures:
    figures = Figures()
    for offer in offers:
        figures.offers += 1
        figures.offer_languages.update(offer["languages"])
    for activity in activities:
        figures.activities += 1
        kind = activity["kind"]
        figures.kinds[kind] += 1
        hours = activity["volunteer_hours"] or 0.0
        figures.volunteer_hours += hours
        for key in COUNT_KEYS:
            figures.participants[key] += activity[key] or 0
        figures.activity_languages.update(activity["languages"])
        month = figures.months[activity["occurred_on"].isoformat()[:7]]
        month.by_kind[kind] += 1
        month.participants += activity["participants_total"]
        month.volunteers += activity["volunteers_count"]
        month.volunteer_hours += hours
    figures.volunteer_hours = round(figures.volunteer_hours, 2)
    return figures
