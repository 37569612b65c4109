"""Whether the district's list of municipalities expects a package's period.

The import's dry run asks `unexpected_period` for every package and shows its answer as
a warning, never a refusal: a package of an unexpected period still holds the village's
figures, and completeness counts it for the periods it covers. The answer comes from
the district's list (services/district_municipalities): a village not on it, a package
that is not a whole period of the village's reporting cycle, or one from before the
village was to report. A district that keeps no list expects everything.
"""

from __future__ import annotations

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.district_municipalities import name_key
from gwa_desktop.services.reporting_cycles import CYCLE_LABELS, ReportingCycle, period_containing
from gwa_desktop.storage.municipality_list_models import DistrictMunicipality


def unexpected_period(
    session: Session, installation: str | None, municipality: str, period: Period
) -> str | None:
    """Why the district does not expect `period` from this village (UI language), or None."""
    if not session.scalar(select(exists().select_from(DistrictMunicipality))):
        return None
    entry = _entry(session, installation, municipality)
    if entry is None:
        return _(
            "{municipality} is not on the district's list of municipalities: add it under "
            "“Who has reported…” so that its reports are expected."
        ).format(municipality=municipality)
    if period.end < entry.active_from:
        return _(
            "{municipality} reports to the district only from {day}; this package covers {period}."
        ).format(municipality=entry.name, day=format_date(entry.active_from), period=period.label())
    cycle = ReportingCycle(entry.cycle)
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


def _entry(
    session: Session, installation: str | None, municipality: str
) -> DistrictMunicipality | None:
    """The list's entry: by installation id, else by a name whose entry has no other id."""
    key = name_key(municipality)
    candidates = session.scalars(
        select(DistrictMunicipality).where(
            or_(
                DistrictMunicipality.installation_id == installation,
                DistrictMunicipality.installation_id.is_(None),
                DistrictMunicipality.installation_id == "",
            )
            if installation
            else DistrictMunicipality.id.is_not(None)
        )
    ).all()
    by_id = [c for c in candidates if installation and c.installation_id == installation]
    if by_id:
        return by_id[0]
    named = [c for c in candidates if name_key(c.name) == key]
    return named[0] if named else None
