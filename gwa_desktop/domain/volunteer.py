"""A volunteer's profile and the hours volunteers gave an activity, as plain data.

Ehrenamt is what the officer's work rests on: who can interpret, accompany or drive,
in which languages, when, and how many hours they gave. The profile is personal data
of a person contact (it needs a legal basis, see `legal_basis`); the hours per activity
are what a certificate counts. An activity keeps its aggregate volunteer count and
hours as well: they follow from the named helpers where there are any, plus volunteers
counted without a name (an anonymous event, or a helper who withdrew her consent).

No database and no Qt, so output (the certificate) and services share these records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from gwa_desktop.domain.enums import LabelledEnum
from gwa_desktop.i18n import N_

#: Hours are given to the quarter hour: four steps per hour.
STEPS_PER_HOUR = 4
#: Weekday codes as the command line takes them, Monday first (Python's weekday()).
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
#: Tasks offered in the form's list; any other task can be typed.
COMMON_TASKS = (
    N_("Interpreting"),
    N_("Accompanying to offices"),
    N_("Homework help"),
    N_("Driving"),
    N_("Cooking"),
    N_("Childcare"),
    N_("Language café"),
    N_("Help with forms"),
)


class LanguageLevel(LabelledEnum):
    """How well a volunteer speaks a language: enough to interpret, or to chat along."""

    NATIVE = "native"
    FLUENT = "fluent"
    GOOD = "good"
    BASIC = "basic"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.NATIVE: N_("Native language"),
            cls.FLUENT: N_("Fluent"),
            cls.GOOD: N_("Good"),
            cls.BASIC: N_("Basic knowledge"),
        }


@dataclass
class SpokenLanguage:
    code: str
    level: LanguageLevel = LanguageLevel.GOOD


@dataclass
class Availability:
    """A weekly time the volunteer can usually help: `weekday` 0 is Monday."""

    weekday: int
    starts: time
    ends: time

    def overlaps(self, other: Availability) -> bool:
        return (
            self.weekday == other.weekday and self.starts < other.ends and other.starts < self.ends
        )

    def meets(self, weekday: int, starts: time | None = None, ends: time | None = None) -> bool:
        """Whether this range lies on `weekday` and shares some time with starts–ends."""
        if weekday != self.weekday:
            return False
        return (starts is None or starts < self.ends) and (ends is None or self.starts < ends)


@dataclass
class Training:
    title: str
    attended_on: date


@dataclass
class VolunteerProfile:
    tasks: list[str] = field(default_factory=list)
    languages: list[SpokenLanguage] = field(default_factory=list)
    availability: list[Availability] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    #: Topics she may be asked about ("darf angefragt werden für").
    topics: list[str] = field(default_factory=list)


@dataclass
class HelperHours:
    """One volunteer's hours at an activity; `name` is filled when read, for display."""

    contact_id: int
    hours: float
    name: str = ""


def overlapping(ranges: list[Availability]) -> list[tuple[Availability, Availability]]:
    """Pairs of ranges that share time on the same weekday (entered twice, or a typo)."""
    return [
        (first, second)
        for index, first in enumerate(ranges)
        for second in ranges[index + 1 :]
        if first.overlaps(second)
    ]


def to_steps(hours: float) -> int | None:
    """Hours as quarter hours, or None when they are not a whole number of quarters."""
    steps = round(hours * STEPS_PER_HOUR)
    return steps if abs(steps - hours * STEPS_PER_HOUR) < 1e-6 else None


def from_steps(steps: int) -> float:
    return steps / STEPS_PER_HOUR


def named_totals(helpers: list[HelperHours]) -> tuple[int, float]:
    """How many named helpers and their hours."""
    return len(helpers), sum(helper.hours for helper in helpers)


def derived_totals(
    helpers: list[HelperHours], extra_count: int, extra_hours: float
) -> tuple[int, float]:
    """The activity's volunteer count and hours: the named helpers plus those without a name."""
    count, hours = named_totals(helpers)
    return count + extra_count, round(hours + extra_hours, 2)
