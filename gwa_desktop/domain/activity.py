"""An activity as plain data: what happened, with anonymous headcounts only.

No database and no Qt: the records live below services, so that output and exchange
can use them without depending on the layer that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.volunteer import HelperHours


@dataclass
class ActivityData:
    occurred_on: date
    kind: ActivityKind
    title: str
    start_time: time | None = None
    end_time: time | None = None
    offer_id: int | None = None
    participants_total: int = 0
    participants_women: int | None = None
    participants_men: int | None = None
    participants_diverse: int | None = None
    age_under_18: int | None = None
    age_18_26: int | None = None
    age_27_64: int | None = None
    age_65_plus: int | None = None
    newcomers: int | None = None
    regulars: int | None = None
    languages: list[str] = field(default_factory=list)
    volunteers_count: int = 0
    volunteer_hours: float = 0.0
    #: The volunteers who helped, by name. Where there are any, the two totals above
    #: follow from them plus the `extra_` volunteers counted without a name.
    helpers: list[HelperHours] = field(default_factory=list)
    extra_volunteers: int = 0
    extra_volunteer_hours: float = 0.0
    organisation_ids: list[int] = field(default_factory=list)
    notes: str = ""
    id: int | None = None
    #: The row version this data was read at; None writes without checking (scripts).
    version: int | None = None
