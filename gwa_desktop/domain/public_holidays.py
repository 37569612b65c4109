"""German public holidays per federal state, as pauses of a series.

The dates come from the `holidays` package (maintained, per state including Augsburg's
Friedensfest), not from a table of our own that would need yearly care; the names are
the German ones, since a pause's reason is shown in the municipality's own language.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from gwa_desktop.domain.schedule import Pause
from gwa_desktop.i18n import N_

#: The federal states (ISO 3166-2:DE without the country) with their German names, in the
#: order Germans list them; marked for translation where the UI shows them.
STATE_NAMES = {
    "BW": N_("Baden-Württemberg"),
    "BY": N_("Bavaria"),
    "BE": N_("Berlin"),
    "BB": N_("Brandenburg"),
    "HB": N_("Bremen"),
    "HH": N_("Hamburg"),
    "HE": N_("Hesse"),
    "MV": N_("Mecklenburg-Western Pomerania"),
    "NI": N_("Lower Saxony"),
    "NW": N_("North Rhine-Westphalia"),
    "RP": N_("Rhineland-Palatinate"),
    "SL": N_("Saarland"),
    "SN": N_("Saxony"),
    "ST": N_("Saxony-Anhalt"),
    "SH": N_("Schleswig-Holstein"),
    "TH": N_("Thuringia"),
}
FEDERAL_STATES = tuple(STATE_NAMES)


def is_federal_state(code: str) -> bool:
    return code in FEDERAL_STATES


def public_holidays(state: str, first: date, last: date) -> tuple[Pause, ...]:
    """The public holidays of `state` from `first` to `last`, one pause per day."""
    if not is_federal_state(state) or last < first:
        return ()
    found: list[Pause] = []
    for year in range(first.year, last.year + 1):
        found.extend(p for p in _holidays_of(state, year) if first <= p.first <= last)
    return tuple(found)


@lru_cache(maxsize=64)
def _holidays_of(state: str, year: int) -> tuple[Pause, ...]:
    import holidays  # a third of a second; `gwa count` and the window's start need none

    calendar = holidays.country_holidays("DE", subdiv=state, years=year, language="de")
    return tuple(Pause(day, day, name) for day, name in sorted(calendar.items()))
