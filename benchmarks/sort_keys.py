"""What the stored collation keys cost: computing them, and sorting lists by them.

    .venv/bin/python benchmarks/sort_keys.py --database /tmp/gwa-bench.sqlite

On a database made by load_data.py, the first page of each name column is fetched
sorted by its stored key and, alternating in the same process, sorted by the plain
column as before the keys (binary order): the difference is what the keys cost at list
loading, measured under the same load of the machine. It also times loading the
collation table, one key, and a reindex of every row. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time

from sqlalchemy import select
from sqlalchemy.orm import aliased

from gwa_desktop.domain import collation
from gwa_desktop.services.reindex import reindex
from gwa_desktop.storage.database import open_database
from gwa_desktop.storage.models import Activity, Contact, Offer, OfferText

PAGE = 500


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--runs", type=int, default=9)
    return parser.parse_args()


def milliseconds(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def pages(session):
    org = aliased(Contact)
    german = (OfferText.offer_id == Offer.id) & (OfferText.language == "de")
    contacts = select(Contact.id, Contact.name, org.name).outerjoin(
        org, Contact.organisation_id == org.id
    )
    offers = select(Offer.id, OfferText.title).join(OfferText, german)
    activities = select(Activity.id, Activity.title)
    return {
        "contacts by name": (
            contacts.order_by(Contact.sort_key, Contact.id),
            contacts.order_by(Contact.name, Contact.id),
        ),
        "contacts by organisation desc": (
            contacts.order_by(org.sort_key.desc(), Contact.id),
            contacts.order_by(org.name.desc(), Contact.id),
        ),
        "offers by title": (
            offers.order_by(OfferText.sort_key, Offer.id),
            offers.order_by(OfferText.title, Offer.id),
        ),
        "activities by title desc": (
            activities.order_by(Activity.sort_key.desc(), Activity.id),
            activities.order_by(Activity.title.desc(), Activity.id),
        ),
    }


def main() -> None:
    arguments = parse_arguments()
    load = milliseconds(collation._collator)
    collation.sort_key.cache_clear()
    names = [f"Öffentliche Bücherei {number}" for number in range(2000)]
    per_key = milliseconds(lambda: [collation.sort_key(n) for n in names]) * 1000 / len(names)
    print(f"collation table loaded once     {load:8.0f} ms")
    print(f"one key (uncached)              {per_key:8.1f} µs")
    database = open_database(arguments.database)
    try:
        print(f"reindex of every row            {milliseconds(lambda: reindex(database)):8.0f} ms")
        print(f"\nfirst page of {PAGE}, median of {arguments.runs} alternating runs")
        print(f"{'list':32} {'by key ms':>10} {'binary ms':>10}")
        with database.session() as session:
            for label, (by_key, binary) in pages(session).items():
                times: dict[str, list[float]] = {"key": [], "binary": []}
                for _run in range(arguments.runs + 1):
                    for name, statement in (("key", by_key), ("binary", binary)):
                        times[name].append(
                            milliseconds(lambda s=statement: session.execute(s.limit(PAGE)).all())
                        )
                key, plain = (statistics.median(times[n][1:]) for n in ("key", "binary"))
                print(f"{label:32} {key:10.1f} {plain:10.1f}")
    finally:
        database.close()


if __name__ == "__main__":
    main()
