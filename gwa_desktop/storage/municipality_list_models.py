"""District mode: the district's own list of its municipalities and what each owes it.

The packages (district_models.py) say what came in; this list says what should have:
which municipalities report, how often (their cycle), since when, and how many days
after a period's end a missing package counts as late. A package finds its entry by the
installation id when both have one, else by the municipality's name
(services/completeness.py, `entry_for`). Nothing here refers to the packages by key,
so removing an entry leaves every imported figure in place.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gwa_desktop.storage.models import Base, Timestamped


class DistrictMunicipality(Timestamped, Base):
    """A municipality the district expects packages from."""

    __tablename__ = "district_municipalities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The Amtlicher Gemeindeschlüssel, eight digits; NULL when not known.
    official_key: Mapped[str | None] = mapped_column(String(8), unique=True)
    #: The installation id its packages carry (a UUID); NULL until known.
    installation_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    #: A ReportingCycle value (services/reporting_cycles.py).
    cycle: Mapped[str] = mapped_column(String(16))
    active_from: Mapped[date] = mapped_column(Date)
    grace_days: Mapped[int] = mapped_column(Integer)
    contact_note: Mapped[str] = mapped_column(Text, default="")
