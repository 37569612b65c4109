"""An offer (Angebot) as plain data: what the services save and the prints lay out.

No database and no Qt: the records live below services, so that output and exchange
can use them without depending on the layer that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from gwa_desktop.domain.enums import OfferCategory, OfferStatus, Recurrence, TargetGroup
from gwa_desktop.domain.schedule import DateChange, Pause, Schedule

REQUIRED_TEXT_LANGUAGE = "de"


@dataclass
class OfferTextData:
    language: str
    title: str
    description: str = ""


@dataclass
class OfferData:
    texts: list[OfferTextData]
    category: OfferCategory
    start_date: date
    status: OfferStatus = OfferStatus.ACTIVE
    recurrence: Recurrence = Recurrence.WEEKLY
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    target_groups: list[TargetGroup] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    place_name: str = ""
    #: A home or another place that must not leave the laptop: the district export leaves it out.
    place_is_private: bool = False
    street: str = ""
    postal_code: str = ""
    city: str = ""
    cost_cents: int | None = None
    cost_note: str = ""
    registration_required: bool = False
    registration_note: str = ""
    web_url: str = ""
    provider_id: int | None = None
    contact_person_ids: list[int] = field(default_factory=list)
    #: Monday=0; empty: the weekday of the first date.
    weekdays: list[int] = field(default_factory=list)
    skips_public_holidays: bool = False
    skips_school_holidays: bool = False
    date_changes: list[DateChange] = field(default_factory=list)
    #: The holidays that pause it, as the service read them (derived, never saved).
    pauses: tuple[Pause, ...] = field(default=(), compare=False)
    id: int | None = None
    #: The row version this data was read at; None writes without checking (scripts).
    version: int | None = None

    @property
    def schedule(self) -> Schedule:
        return Schedule(
            self.recurrence,
            self.start_date,
            self.end_date,
            self.start_time,
            self.end_time,
            weekdays=tuple(self.weekdays),
            changes=tuple(self.date_changes),
            pauses=self.pauses,
        )

    def text_in(self, language: str) -> OfferTextData | None:
        return next((t for t in self.texts if t.language == language), None)

    @property
    def title(self) -> str:
        german = self.text_in(REQUIRED_TEXT_LANGUAGE)
        return german.title if german else ""
