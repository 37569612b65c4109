"""The hook where the district's list of municipalities says which periods it expects.

The import's dry run asks `unexpected_period` for every package and shows its answer as
a warning (never a refusal: a package of an unexpected period is still the village's
figures). The municipality list with its reporting periods (issue 17, item 2) answers
it; until then every period is expected.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from gwa_desktop.exchange.records import Period


def unexpected_period(
    session: Session, installation: str | None, municipality: str, period: Period
) -> str | None:
    """Why the district does not expect `period` from this village (UI language), or None."""
    del session, installation, municipality, period
    return None
