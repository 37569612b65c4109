"""The content of a report for funders: figures, planned against actual, the officer's texts.

One `ReportContent` feeds the PDF and the workbook, so both show the same numbers.
Each planned figure is compared with the actual figure of its own period (a yearly
plan with the year's actual figure, even in a report for a longer programme period):
a deviation between figures of different periods would explain nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.programme import (
    IndicatorData,
    IndicatorMeasure,
    ProgrammeData,
    ReportTextData,
)
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.programmes import ProgrammeService, programme_scope
from gwa_desktop.services.report_figures import EVERYTHING, ReportFigures, session_figures
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database


@dataclass(frozen=True)
class IndicatorResult:
    """A planned figure with the actual one (None: entered by hand but not yet entered)."""

    indicator: IndicatorData
    actual: float | None

    @property
    def deviation(self) -> float | None:
        """Actual minus planned: percentage points for a share, units otherwise."""
        return None if self.actual is None else round(self.actual - self.indicator.planned, 2)

    @property
    def attainment(self) -> float | None:
        """The actual figure in percent of the planned one (None for a share or no plan)."""
        if self.actual is None or self.indicator.measure.is_percent or not self.indicator.planned:
            return None
        return 100 * self.actual / self.indicator.planned


@dataclass
class ReportContent:
    period: Period
    municipality: MunicipalityData
    figures: ReportFigures
    texts: ReportTextData
    created: datetime
    programme: ProgrammeData | None = None
    indicators: list[IndicatorResult] = field(default_factory=list)
    #: The newcomers behind each share indicator's actual figure, for the suppression rule.
    share_bases: dict[int, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return self.figures.is_empty


def actual_value(measure: IndicatorMeasure, figures: ReportFigures) -> float | None:
    """What the data says for a counted measure; None for one entered by hand."""
    values: dict[IndicatorMeasure, float | None] = {
        IndicatorMeasure.ACTIVITIES: figures.activities,
        IndicatorMeasure.SESSIONS: figures.session_count,
        IndicatorMeasure.PARTICIPANTS: figures.participants,
        IndicatorMeasure.NEWCOMER_SHARE: figures.newcomer_share,
        IndicatorMeasure.VOLUNTEERS: figures.counts["volunteers_count"],
        IndicatorMeasure.VOLUNTEER_HOURS: figures.volunteer_hours,
        IndicatorMeasure.OFFERS: figures.offers,
    }
    value = values.get(measure)
    return None if value is None else round(float(value), 2)


def build_content(
    database: Database,
    period: Period,
    programme_id: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ReportContent:
    """Everything the report shows for `period`, for one programme or the municipality."""
    today = today or date.today()
    programmes = ProgrammeService(database)
    programme = programmes.get(programme_id) if programme_id is not None else None
    scope = programme_scope(programme_id) if programme_id is not None else EVERYTHING
    indicators = programmes.indicators(programme_id, period) if programme_id is not None else []
    texts = programmes.report_text(programme_id, period)
    municipality = SettingsService(database).get()
    with database.session() as session:
        figures = session_figures(session, period, scope, today)
        by_period: dict[Period, ReportFigures] = {period: figures}
        results, bases = [], {}
        for indicator in indicators:
            own = Period(indicator.first_day, indicator.last_day)
            if own not in by_period:
                by_period[own] = session_figures(session, own, scope, today)
            measured = by_period[own]
            actual = (
                indicator.actual
                if indicator.measure.is_manual
                else actual_value(indicator.measure, measured)
            )
            results.append(IndicatorResult(indicator, actual))
            if indicator.measure is IndicatorMeasure.NEWCOMER_SHARE and indicator.id:
                bases[indicator.id] = measured.counts["newcomers"]
    return ReportContent(
        period=period,
        municipality=municipality,
        figures=figures,
        texts=texts,
        created=now or datetime.now(),
        programme=programme,
        indicators=results,
        share_bases=bases,
    )
