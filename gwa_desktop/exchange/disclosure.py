"""Every count the district figures publish, protected together by the one suppression rule.

The workbook's sheets, csv/monate.csv and the district overview show the same
numbers in different cuts: the activities of a village's month by kind add up to the
village's month, to the month of all villages, to the municipality's row and to the
overview. Suppressing each table on its own would let one sheet give away what
another hides, so `Publication` lists every published count once (a `Key`) with the
equations between them and lets domain/suppression.protect choose the hidden cells for
all of them at once. Every output then asks `shown(key)`.

Keys: ("A", dataset, month, kind) activities, ("P", dataset, month) participants,
("V", dataset, month) volunteers, ("C", category) a participant category of all
datasets, ("L", code) activities in a language; `None` stands for "all" (a total).
Offers and volunteer hours are not counts of people and stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, HIDDEN, protect
from gwa_desktop.exchange.summary import KINDS, Figures, combine

Key = tuple[Any, ...]
#: The participant categories that split the same people: when a group adds up to the
#: total, an attacker may use that equation too.
CATEGORY_GROUPS = (
    ("participants_women", "participants_men", "participants_diverse"),
    ("age_under_18", "age_18_26", "age_27_64", "age_65_plus"),
    ("newcomers", "regulars"),
)
ALL = None


def suppression_footnote(threshold: int) -> str:
    """What the "." under a table means, with the threshold the figures were written with."""
    return (
        f"{HIDDEN} = geheim gehalten: weniger als {threshold} Fälle, "
        "oder aus einer Summe errechenbar"
    )


@dataclass
class Publication:
    """The counts of `parts` as published: `shown(key)` is the count or HIDDEN."""

    parts: Sequence[Figures]
    threshold: int = DEFAULT_THRESHOLD
    #: Whether the months of each part are published (the district's combined workbook).
    part_months: bool = False
    #: Called now and then while the hidden cells are chosen; raising ends the work.
    tick: Callable[[], None] = field(default=lambda: None, repr=False, compare=False)
    total: Figures = field(init=False)
    values: dict[Key, int] = field(init=False, default_factory=dict)
    hidden: set[Key] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.total = combine(self.parts)
        equations = self._equations()
        self.hidden = protect(self.values, equations, self.threshold, self.tick)

    def shown(self, key: Key) -> int | str:
        return HIDDEN if key in self.hidden else self.values.get(key, 0)

    def share(self, category: str) -> float | str | None:
        """A category's share of all participants; hidden when the count or the total is."""
        count, total = self.category(category), self.shown(("P", ALL, ALL))
        if HIDDEN in (count, total):
            return HIDDEN
        assert isinstance(count, int) and isinstance(total, int)
        return count / total if total else None

    def _equations(self) -> list[tuple[Key, list[Key]]]:
        values, total = self.values, self.total
        equations: list[tuple[Key, list[Key]]] = []
        months = sorted(total.months)
        for month in months:
            figures = total.months[month]
            for kind in KINDS:
                values["A", ALL, month, kind] = figures.by_kind[kind]
            values["A", ALL, month, ALL] = figures.activities
            values["P", ALL, month] = figures.participants
            values["V", ALL, month] = figures.volunteers
            equations.append((("A", ALL, month, ALL), [("A", ALL, month, k) for k in KINDS]))
        for kind in KINDS:
            values["A", ALL, ALL, kind] = total.kinds[kind]
            equations.append((("A", ALL, ALL, kind), [("A", ALL, m, kind) for m in months]))
        values["A", ALL, ALL, ALL] = total.activities
        values["P", ALL, ALL] = total.participants_total
        values["V", ALL, ALL] = total.participants["volunteers_count"]
        equations.append((("A", ALL, ALL, ALL), [("A", ALL, ALL, k) for k in KINDS]))
        for name in "AP":
            tail = (ALL,) if name == "A" else ()
            equations.append(((name, ALL, ALL, *tail), [(name, ALL, m, *tail) for m in months]))
        equations.append((("V", ALL, ALL), [("V", ALL, m) for m in months]))
        self._parts(equations)
        self._categories(equations)
        for code, count in total.activity_languages.items():
            values["L", code] = count
        return equations

    def _parts(self, equations: list[tuple[Key, list[Key]]]) -> None:
        """Each part's row (municipalities sheet, overview window) and, with
        `part_months`, its months by kind (the villages' months sheet)."""
        values = self.values
        for index, part in enumerate(self.parts):
            values["A", index, ALL, ALL] = part.activities
            values["P", index, ALL] = part.participants_total
            if not self.part_months:
                continue
            months = sorted(part.months)
            for month in months:
                figures = part.months[month]
                for kind in KINDS:
                    values["A", index, month, kind] = figures.by_kind[kind]
                values["A", index, month, ALL] = figures.activities
                values["P", index, month] = figures.participants
                values["V", index, month] = figures.volunteers
                equations.append(
                    (("A", index, month, ALL), [("A", index, month, k) for k in KINDS])
                )
            equations.append((("A", index, ALL, ALL), [("A", index, m, ALL) for m in months]))
            equations.append((("P", index, ALL), [("P", index, m) for m in months]))
        for name in "AP":
            tail = (ALL,) if name == "A" else ()
            equations.append(
                ((name, ALL, ALL, *tail), [(name, i, ALL, *tail) for i in range(len(self.parts))])
            )
        if not self.part_months:
            return
        holding: dict[str, list[int]] = {}
        for index, part in enumerate(self.parts):
            for month in part.months:
                holding.setdefault(month, []).append(index)
        for month in sorted(self.total.months):
            holders = holding.get(month, [])
            kinds: tuple[ActivityKind | None, ...] = (*KINDS, ALL)
            for column in kinds:
                equations.append(
                    (("A", ALL, month, column), [("A", i, month, column) for i in holders])
                )
            for name in "PV":
                equations.append(((name, ALL, month), [(name, i, month) for i in holders]))

    def _categories(self, equations: list[tuple[Key, list[Key]]]) -> None:
        values, people = self.values, self.total.participants
        for group in CATEGORY_GROUPS:
            for key in group:
                values["C", key] = people[key]
            if sum(people[key] for key in group) == people["participants_total"]:
                equations.append((("P", ALL, ALL), [("C", key) for key in group]))

    def category(self, key: str) -> int | str:
        """A row of the participants sheet: the total and the volunteers are the same
        cells as the overview's."""
        if key == "participants_total":
            return self.shown(("P", ALL, ALL))
        if key == "volunteers_count":
            return self.shown(("V", ALL, ALL))
        return self.shown(("C", key))
