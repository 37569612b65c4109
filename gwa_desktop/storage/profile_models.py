"""The village profile: one row per year and figure, one per year and spoken language.

Key-value rows rather than a column per figure: the district's statistics change
(a new age band, a further qualification) without a migration for each.
"""

from __future__ import annotations

from sqlalchemy import Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from gwa_desktop.storage.models import Base


class VillageFigure(Base):
    __tablename__ = "village_figures"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[float] = mapped_column(Numeric(14, 2, asdecimal=False))


class VillageLanguage(Base):
    __tablename__ = "village_languages"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    speakers: Mapped[int] = mapped_column(Integer)
