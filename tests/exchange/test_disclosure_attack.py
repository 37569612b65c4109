"""An attacker with every published district figure recovers no hidden count.

The attack reads the combined workbook back as a user gets it (openpyxl), and the
village package's workbook together with its csv/monate.csv, writes down every
equation a reader can see between the published cells (a month's kinds add up to its
activities, the villages' months to the month, the months to 'Summe', the overview
repeats 'Summe', the municipalities' rows add up to the total, a participant group
that adds up to all participants) and solves for the hidden cells with exact
fractions. A control shows the same attack pins hidden cells when only the primary
rule is applied.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from gwa_desktop.domain.suppression import HIDDEN, is_small
from gwa_desktop.exchange import disclosure
from gwa_desktop.exchange import vocabulary as v
from gwa_desktop.exchange.csv_export import months_csv
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData, Period
from gwa_desktop.exchange.summary import KINDS, Figures, combine, from_rows
from gwa_desktop.exchange.xlsx_report import write_workbook

MONTHS = ["2026-01", "2026-02", "2026-03"]
VILLAGES = ["Ahornfeld", "Birkenau", "Eschbach", "Lindental"]
GROUPS = disclosure.CATEGORY_GROUPS
Equation = tuple[object, list[object]]


def village_figures(rng: random.Random, months: list[str]) -> Figures:
    """A village's quarter with many small counts: the case the rule is for."""
    rows = []
    for month in months:
        for kind in KINDS:
            count = rng.choice([0, 0, 1, 1, 2, 3, 4, 7])
            if not count:
                continue
            total = rng.choice([1, 2, 3, 5, 9, 14])
            counts = [total, *(0 for _ in COUNT_KEYS[1:-1]), rng.choice([0, 1, 2, 4])]
            women = rng.randint(0, total)
            counts[1], counts[2] = women, total - women
            rows.append((2026, int(month[5:]), kind.value, count, *counts, 1.5))
    return from_rows(rows, [("uk", rng.choice([1, 2, 6])), ("ar", rng.choice([0, 1, 5]))])


def parts_for(seed: int) -> list[tuple[DistrictData, Figures]]:
    """Districts of 1 to 4 villages over 1 to 3 months, so shapes vary with the seed."""
    rng = random.Random(seed)
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    months = MONTHS[: 1 + seed % 3] if seed else MONTHS
    villages = VILLAGES[: 1 + (seed * 7) % 4] if seed else VILLAGES
    return [
        (DistrictData(name, "Musterland", period, [], []), village_figures(rng, months))
        for name in villages
    ]


def read_book(data: bytes) -> dict[str, list[list[object]]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def month_key(cell: object) -> str:
    assert isinstance(cell, datetime)
    return f"{cell:%Y-%m}"


def kind_columns() -> list[str]:
    return [v.german(kind) for kind in KINDS]


def month_rows(rows: list[list[object]], offset: int = 0):
    """(label, month or 'Summe', kind counts, activities, participants, volunteers) per row."""
    width = len(KINDS)
    for row in rows[1:]:
        if len(row) <= offset + width + 3:
            continue  # a blank row or the footnote
        label = row[0] if offset else ""
        first = row[offset]
        if first is None or (isinstance(first, str) and first != "Summe"):
            continue
        month = "Summe" if first == "Summe" else month_key(first)
        values = row[offset + 1 : offset + 1 + width + 3]
        yield label, month, values[:width], values[width], values[width + 1], values[width + 2]


def equations_of_workbook(sheets: dict[str, list[list[object]]]) -> tuple[dict, list[Equation]]:
    """What a reader of the workbook knows: the cells and the sums between them."""
    cells: dict[object, object] = {}
    equations: list[Equation] = []
    kinds = kind_columns()
    months = []
    for _label, month, counts, activities, people, volunteers in month_rows(sheets[v.SHEET_MONTHS]):
        for kind, count in zip(kinds, counts):
            cells["A", "*", month, kind] = count
        cells["A", "*", month, "*"] = activities
        cells["P", "*", month] = people
        cells["V", "*", month] = volunteers
        equations.append((("A", "*", month, "*"), [("A", "*", month, k) for k in kinds]))
        if month != "Summe":
            months.append(month)
    for kind in (*kinds, "*"):
        equations.append((("A", "*", "Summe", kind), [("A", "*", m, kind) for m in months]))
    for name in "PV":
        equations.append(((name, "*", "Summe"), [(name, "*", m) for m in months]))
    # The overview repeats the 'Summe' row: equal cells are an equation of one member.
    overview = {row[0]: row[1] for row in sheets[v.SHEET_OVERVIEW] if len(row) > 1}
    same = {
        "Aktivitäten": ("A", "*", "Summe", "*"),
        "Teilnehmende gesamt": ("P", "*", "Summe"),
        "Einsätze Ehrenamtlicher": ("V", "*", "Summe"),
        **{f"Aktivitäten: {k}": ("A", "*", "Summe", k) for k in kinds},
    }
    for label, key in same.items():
        cells["overview", label] = overview[label]
        equations.append((("overview", label), [key]))
    municipalities = [row for row in sheets[v.SHEET_MUNICIPALITIES][1:] if len(row) > 4]
    for row in municipalities:
        cells["A", row[0], "Summe", "*"], cells["P", row[0], "Summe"] = row[3], row[4]
    names = [row[0] for row in municipalities]
    equations.append((("A", "*", "Summe", "*"), [("A", n, "Summe", "*") for n in names]))
    equations.append((("P", "*", "Summe"), [("P", n, "Summe") for n in names]))
    if v.SHEET_VILLAGE_MONTHS in sheets:
        held: dict[str, list[str]] = {}
        for name, month, counts, activities, people, volunteers in month_rows(
            sheets[v.SHEET_VILLAGE_MONTHS], offset=1
        ):
            held.setdefault(month, []).append(name)
            for kind, count in zip(kinds, counts):
                cells["A", name, month, kind] = count
            cells["A", name, month, "*"] = activities
            cells["P", name, month], cells["V", name, month] = people, volunteers
            equations.append((("A", name, month, "*"), [("A", name, month, k) for k in kinds]))
        for month, holders in held.items():
            for kind in (*kinds, "*"):
                equations.append(
                    (("A", "*", month, kind), [("A", n, month, kind) for n in holders])
                )
            for name in "PV":
                equations.append(((name, "*", month), [(name, n, month) for n in holders]))
        for name in names:
            mine = [m for m, holders in held.items() if name in holders]
            equations.append((("A", name, "Summe", "*"), [("A", name, m, "*") for m in mine]))
            equations.append((("P", name, "Summe"), [("P", name, m) for m in mine]))
    participants = {row[0]: row[1] for row in sheets[v.SHEET_PARTICIPANTS][1:] if len(row) > 1}
    labels = v.PARTICIPANT_CATEGORIES
    for key, label in labels.items():
        cells["C", key] = participants[label]
    equations.append((("C", "participants_total"), [("P", "*", "Summe")]))
    equations.append((("C", "volunteers_count"), [("V", "*", "Summe")]))
    for group in GROUPS:
        equations.append((("C", "participants_total"), [("C", key) for key in group]))
    return cells, equations


def recoverable(cells: dict, equations: list[Equation]) -> set:
    """The hidden cells pinned to one value by the equations (exact Gaussian elimination)."""
    unknowns = sorted({k for k, value in cells.items() if value == HIDDEN}, key=repr)
    index = {key: i for i, key in enumerate(unknowns)}
    rows = []
    for total, members in equations:
        row = [Fraction(0)] * (len(unknowns) + 1)
        for key, sign in ((total, -1), *((m, 1) for m in members)):
            value = cells.get(key, 0)
            if value == HIDDEN:
                row[index[key]] += sign
            else:
                row[-1] -= sign * int(value or 0)
        rows.append(row)
    pivot = 0
    for column in range(len(unknowns)):
        found = next((r for r in range(pivot, len(rows)) if rows[r][column]), None)
        if found is None:
            continue
        rows[pivot], rows[found] = rows[found], rows[pivot]
        lead = rows[pivot][column]
        rows[pivot] = [x / lead for x in rows[pivot]]
        for r in range(len(rows)):
            if r != pivot and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot])]
        pivot += 1
    return {
        unknowns[next(i for i, x in enumerate(row[:-1]) if x)]
        for row in rows
        if sum(1 for x in row[:-1] if x) == 1
    }


def truth_of(parts: list[tuple[DistrictData, Figures]]) -> dict:
    """The cells as the attacker would read them without suppression (for the group check)."""
    total = Figures()
    for _data, figures in parts:
        for key, value in figures.participants.items():
            total.participants[key] += value
    truth: dict[object, int] = {("C", k): total.participants[k] for k in COUNT_KEYS}
    truth["P", "*", "Summe"] = total.participants_total
    truth["V", "*", "Summe"] = total.participants["volunteers_count"]
    return truth


def combined_workbook(parts, threshold: int = 3) -> dict[str, list[list[object]]]:
    stream = io.BytesIO()
    write_workbook(stream, parts, datetime(2026, 4, 2, 9), village_months=True, threshold=threshold)
    return read_book(stream.getvalue())


def attack_equations(sheets, truth):
    """The workbook's equations; a participant group counts as one only when it really
    adds up to all participants (the reader cannot know; the attack assumes the worst)."""
    cells, equations = equations_of_workbook(sheets)
    kept = [
        (t, m)
        for t, m in equations
        if not (t == ("C", "participants_total") and m[0][0] == "C")
        or truth[t] == sum(truth[k] for k in m)
    ]
    return cells, kept


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("threshold", [3, 5])
def test_no_hidden_count_of_the_combined_workbook_is_recoverable(seed, threshold):
    parts = parts_for(seed)
    sheets = combined_workbook(parts, threshold)
    cells, equations = attack_equations(sheets, truth_of(parts))

    hidden = {k for k, value in cells.items() if value == HIDDEN}
    assert hidden, "the data must have small counts, or the test proves nothing"
    assert recoverable(cells, equations) == set()
    # No small count is shown, and what is shown is true.
    for key, value in cells.items():
        if value != HIDDEN and isinstance(value, int):
            assert not is_small(value, threshold), key
    by_name = {data.municipality: figures for data, figures in parts}
    german = {v.german(k): k for k in KINDS}
    for key, value in cells.items():
        if key[0] == "A" and value != HIDDEN and key[2] != "Summe" and key[3] != "*":
            _family, name, month, kind = key
            figures = combine(by_name.values()) if name == "*" else by_name[name]
            assert figures.months[month].by_kind[german[kind]] == value, key


def test_the_attack_recovers_counts_when_only_the_primary_rule_is_applied(monkeypatch):
    """The control: the same attack on the same workbook, without secondary suppression."""
    monkeypatch.setattr(
        disclosure,
        "protect",
        lambda values, _equations, threshold, _tick: {
            k for k, n in values.items() if is_small(n, threshold)
        },
    )
    parts = parts_for(0)
    cells, equations = attack_equations(combined_workbook(parts), truth_of(parts))

    found = recoverable(cells, equations)

    assert len(found) > 5
    assert any(key[0] == "A" and key[1] != "*" for key in found)  # a village's month by kind


@pytest.mark.parametrize("seed", range(4))
def test_the_village_workbook_and_its_csv_of_months_together_give_nothing_away(seed):
    data, figures = parts_for(seed)[0]
    stream = io.BytesIO()
    write_workbook(stream, [(data, figures)], datetime(2026, 4, 2, 9))
    sheets = read_book(stream.getvalue())
    cells, equations = attack_equations(sheets, truth_of([(data, figures)]))
    lines = list(csv.reader(io.StringIO(months_csv(figures).decode("utf-8-sig")), delimiter=";"))
    kinds = kind_columns()
    for row in lines[1:]:
        if row[0] in MONTHS:
            values = [HIDDEN if c == HIDDEN else int(c) for c in row[1 : len(kinds) + 4]]
            for kind, value in zip([*kinds, "*"], values):
                cells["csv", row[0], kind] = value
                equations.append((("csv", row[0], kind), [("A", "*", row[0], kind)]))
    assert lines[-1][0].startswith(HIDDEN)  # the footnote

    assert {k for k, value in cells.items() if value == HIDDEN}
    assert recoverable(cells, equations) == set()


counts = st.lists(st.integers(0, 9), min_size=len(KINDS), max_size=len(KINDS))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(counts, min_size=1, max_size=3), min_size=1, max_size=3),
    st.integers(3, 6),
)
def test_no_district_of_any_shape_gives_a_hidden_count_away(villages, threshold):
    """Hypothesis draws the villages' months by kind; the attack must still fail."""
    parts = []
    for number, months in enumerate(villages):
        rows = [
            (2026, month, kind.value, count, 4 * count, *([0] * 9), count % 3, 1.0)
            for month, by_kind in enumerate(months, start=1)
            for kind, count in zip(KINDS, by_kind)
            if count
        ]
        period = Period(date(2026, 1, 1), date(2026, 3, 31))
        data = DistrictData(VILLAGES[number], "Musterland", period, [], [])
        parts.append((data, from_rows(rows, [])))
    cells, equations = attack_equations(combined_workbook(parts, threshold), truth_of(parts))

    assert recoverable(cells, equations) == set()
