"""Whether the district's list of municipalities expects a package's period.

The import's dry run asks `unexpected_period` for every package and shows its answer as
a warning, never a refusal: a package of an unexpected period still holds the village's
figures, and completeness counts it for the periods it covers. The answer comes from
the district's list (services/district_municipalities): a village not on it, a package
that is not a whole period of the village's reporting cycle, or one from before the
village was to report. A district that keeps no list expects everything.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.completeness import EntryIndex, matching_entry
from gwa_desktop.services.district_municipalities import entry_of
from gwa_desktop.services.reporting_cycles import CYCLE_LABELS, period_containing
from gwa_desktop.storage.municipality_list_models import DistrictMunicipality


def unexpected_period(
    session: Session, installation: str | None, municipality: str, period: Period
) -> str | None:
    """Why the district does not expect `period` from this village (UI language), or None."""
    entries = _list(session)
    if not entries.by_name:
        return None
    entry = matching_entry(installation or "", municipality, entries)
    if entry is None:
        return _(
            "{municipality} is not on the district's list of municipalities: add it under "
            "“Who has reported…” so that its reports are expected."
        ).format(municipality=municipality)
    if period.end < entry.active_from:
        return _(
            "{municipality} reports to the district only from {day}; this package covers {period}."
        ).format(municipality=entry.name, day=format_date(entry.active_from), period=period.label())
    cycle = entry.cycle
    whole = (
        period_containing(cycle, period.start).start == period.start
        and period_containing(cycle, period.end).end == period.end
    )
    if not whole:
        return _(
            "The district expects {cycle} reports from {municipality}; this package covers "
            "{period}, which is not a whole reporting period. It counts only where, with other "
            "packages, it covers a whole period."
        ).format(cycle=_(CYCLE_LABELS[cycle]), municipality=entry.name, period=period.label())
    return None


def _list(session: Session) -> EntryIndex:
    """The district's list, read once per transaction: a dry run asks for every package."""
    index = session.info.get(_LIST_KEY)
    if index is None:
        rows = session.scalars(select(DistrictMunicipality))
        index = session.info[_LIST_KEY] = EntryIndex.of([entry_of(row) for row in rows])
    return cast(EntryIndex, index)


_LIST_KEY = "district_municipality_list"
