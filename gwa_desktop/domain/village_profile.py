"""The village profile: figures per year that the district or the statistics office supplies.

Inhabitants by age group, the share with a migration history, the unemployment rate,
school-leaving qualifications and the languages spoken in the village. Beside the
offers they answer "who has no offer?": age groups and languages present in the
village that no active offer serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gwa_desktop.i18n import N_

from .enums import TargetGroup

#: Each figure: key, label, whether it is a percentage.
FIGURES: tuple[tuple[str, str, bool], ...] = (
    ("inhabitants", N_("Inhabitants"), False),
    ("age_under_18", N_("Inhabitants under 18"), False),
    ("age_18_26", N_("Inhabitants 18 to 26"), False),
    ("age_27_64", N_("Inhabitants 27 to 64"), False),
    ("age_65_plus", N_("Inhabitants 65 and over"), False),
    ("migration_share", N_("Share with migration history (%)"), True),
    ("unemployment_rate", N_("Unemployment rate (%)"), True),
    ("without_qualification", N_("Without school-leaving qualification (%)"), True),
    ("higher_qualification", N_("With Abitur or higher (%)"), True),
)
PERCENT_KEYS = frozenset(key for key, _label, percent in FIGURES if percent)
FIGURE_KEYS = tuple(key for key, _label, _percent in FIGURES)
#: The age groups and the target group of offers that serves each.
AGE_GROUPS: tuple[tuple[str, TargetGroup], ...] = (
    ("age_under_18", TargetGroup.CHILDREN),
    ("age_18_26", TargetGroup.YOUTH),
    ("age_65_plus", TargetGroup.SENIORS),
)


@dataclass
class VillageProfile:
    year: int
    figures: dict[str, float] = field(default_factory=dict)
    #: Language code -> people who speak it in the village.
    languages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CoverageGap:
    """Something present in the village that no active offer serves."""

    kind: str  # "age_group", "language" or "target_group"
    key: str
    #: How many people (or the share in percent) the gap concerns.
    size: float
