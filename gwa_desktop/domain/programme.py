"""A funding programme (Förderprogramm) and what it promised, as plain data.

Funders pay for a period and ask for a proof of use (Verwendungsnachweis): the planned
figures beside the actual ones, with the deviation explained. An indicator is either
counted from the activities and offers of the programme (sessions, participants,
newcomers' share, volunteer hours) or entered by hand (what the data does not hold,
such as "number of cooperation partners").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gwa_desktop.i18n import N_

from .enums import LabelledEnum


class IndicatorMeasure(LabelledEnum):
    ACTIVITIES = "activities"
    SESSIONS = "sessions"
    PARTICIPANTS = "participants"
    NEWCOMER_SHARE = "newcomer_share"
    VOLUNTEERS = "volunteers"
    VOLUNTEER_HOURS = "volunteer_hours"
    OFFERS = "offers"
    MANUAL_COUNT = "manual_count"
    MANUAL_PERCENT = "manual_percent"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.ACTIVITIES: N_("Activities"),
            cls.SESSIONS: N_("Sessions of the offers"),
            cls.PARTICIPANTS: N_("Participants"),
            cls.NEWCOMER_SHARE: N_("Share of newcomers (%)"),
            cls.VOLUNTEERS: N_("Volunteer assignments"),
            cls.VOLUNTEER_HOURS: N_("Volunteer hours"),
            cls.OFFERS: N_("Offers"),
            cls.MANUAL_COUNT: N_("Number entered by hand"),
            cls.MANUAL_PERCENT: N_("Percentage entered by hand"),
        }

    @property
    def is_percent(self) -> bool:
        return self in (IndicatorMeasure.NEWCOMER_SHARE, IndicatorMeasure.MANUAL_PERCENT)

    @property
    def is_manual(self) -> bool:
        return self in (IndicatorMeasure.MANUAL_COUNT, IndicatorMeasure.MANUAL_PERCENT)


@dataclass
class IndicatorData:
    """One planned figure of a programme for one period, with the officer's comment."""

    measure: IndicatorMeasure
    planned: float
    first_day: date
    last_day: date
    #: What the funder calls it; for hand-entered indicators required.
    label: str = ""
    #: Only for hand-entered indicators: the actual figure the officer counted.
    actual: float | None = None
    comment: str = ""
    programme_id: int | None = None
    id: int | None = None

    @property
    def name(self) -> str:
        return self.label.strip() or self.measure.label


@dataclass
class ProgrammeData:
    name: str
    first_day: date
    last_day: date
    funder: str = ""
    reference: str = ""
    notes: str = ""
    offer_ids: list[int] = field(default_factory=list)
    activity_ids: list[int] = field(default_factory=list)
    id: int | None = None


@dataclass
class ReportTextData:
    """The officer's own words of a report, kept per programme (or none) and period."""

    first_day: date
    last_day: date
    programme_id: int | None = None
    aims: str = ""
    experiences: str = ""
    outlook: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.aims.strip() or self.experiences.strip() or self.outlook.strip())
