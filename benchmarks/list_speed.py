"""How fast the list screens answer on a big database (made by load_data.py).

    .venv/bin/python benchmarks/list_speed.py --database /tmp/gwa-bench.sqlite

Each query runs once to warm up (shown as "first") and then several times; the table
shows the median and the slowest of those runs, through the same service calls the
list pages make. "keystroke" rows add up what one search step costs the UI:
the first page plus the counts (contacts, offers) or totals (activities) for the status
bar. The ratio compares the median with a 100 ms budget, below which a list still feels
fluid while typing. Nothing is asserted: this prints figures for people to judge.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.offers import OfferService
from gwa_desktop.storage.database import open_database

BUDGET_MS = 100.0
PAGE = 500

#: A word typed letter by letter in each list, and one that matches nothing (full scan).
TYPED = {"contacts": "müller", "offers": "sprachcafé", "activities": "netzwerktreffen"}
NO_MATCH = "xqzv"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--runs", type=int, default=7)
    return parser.parse_args()


def typing(word: str) -> list[str]:
    return [word[:1], word[:2], word[:3], word, NO_MATCH]


def list_cases(name: str, service, other_sort: str) -> list[tuple[str, Callable[[], object]]]:
    page = lambda query: lambda: service.list_rows(query, 0, PAGE)  # noqa: E731
    cases = [
        (f"{name}: count", lambda: service.count()),
        (f"{name}: first page, default sort", page(ListQuery())),
        (
            f"{name}: first page, {other_sort} descending",
            page(ListQuery(sort_key=other_sort, descending=True)),
        ),
    ]
    for text in typing(TYPED[name]):
        query = ListQuery(text=text)
        cases.append((f"{name}: search '{text}' page", page(query)))
        cases.append((f"{name}: search '{text}' count", lambda q=query: service.count(q)))
        if name == "activities":
            cases.append(
                (
                    f"{name}: keystroke '{text}'",
                    lambda q=query: (service.list_rows(q, 0, PAGE), service.totals(q)),
                )
            )
        else:
            cases.append(
                (
                    f"{name}: keystroke '{text}'",
                    lambda q=query: (
                        service.list_rows(q, 0, PAGE),
                        service.count(q),
                        service.count(),
                    ),
                )
            )
    return cases


def activity_cases(service: ActivityService) -> list[tuple[str, Callable[[], object]]]:
    today = date.today()
    periods = {
        "this month": (today.replace(day=1), today),
        "this year": (date(today.year, 1, 1), date(today.year, 12, 31)),
        "last 12 months": (today - timedelta(days=365), today),
    }
    cases = [("activities: totals, all", lambda: service.totals())]
    for label, (start, end) in periods.items():
        query = ListQuery(filters={"date_from": start, "date_to": end})
        cases.append((f"activities: {label} page", lambda q=query: service.list_rows(q, 0, PAGE)))
        cases.append((f"activities: {label} totals", lambda q=query: service.totals(q)))
    query = ListQuery(
        text="sprach",
        filters={"date_from": periods["this year"][0], "date_to": periods["this year"][1]},
    )
    cases.append(("activities: this year + search 'sprach' totals", lambda: service.totals(query)))
    return cases


def timings_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """First run (the warm-up), median and slowest of the following runs."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:]), max(times[1:])


def main() -> int:
    arguments = parse_arguments()
    database = open_database(arguments.database)
    try:
        contacts, offers, activities = (
            ContactService(database),
            OfferService(database),
            ActivityService(database),
        )
        print(
            f"{contacts.count():,} contacts, {offers.count():,} offers, {activities.count():,} activities; "
            f"median of {arguments.runs} runs after a warm-up; budget {BUDGET_MS:.0f} ms\n"
        )
        cases = [
            *list_cases("contacts", contacts, "organisation"),
            *list_cases("offers", offers, "place"),
            *list_cases("activities", activities, "offer"),
            *activity_cases(activities),
        ]
        width = max(len(label) for label, _ in cases)
        print(
            f"{'query':<{width}}  {'first ms':>8}  {'median ms':>9}  {'max ms':>8}  {'x budget':>8}"
        )
        slow = []
        for label, action in cases:
            first, median, worst = timings_ms(action, arguments.runs)
            ratio = median / BUDGET_MS
            flag = "  SLOW" if ratio > 1 else ""
            print(
                f"{label:<{width}}  {first:8.1f}  {median:9.1f}  {worst:8.1f}  {ratio:8.2f}{flag}"
            )
            if ratio > 1:
                slow.append(label)
        print(
            f"\n{len(slow)} of {len(cases)} over budget" + (": " + "; ".join(slow) if slow else "")
        )
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
