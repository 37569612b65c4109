"""Signed district packages of simulated villages, for the district and federal-state benchmarks.

Each village is its own installation (its own signing key) and sends one package per
quarter. Exporting from a thousand village databases would take hours, so the packages
are written by the program's own package writer (`exchange.package.write_package`,
the path `gwa export district` ends in) from synthetic records shaped exactly as
`services/district_collect` makes them: the kind's German name as title, an offer
title, small totals without breakdowns or languages (`kept_breakdowns`), and the
figures summed as the village's GROUP BY sums them. The real import reads them as any
other package: signature, checksums, record checks.

Sizes vary as in a real district: most villages report a few dozen activities a
quarter, some a few hundred, a few large towns thousands. Categories, kinds, target
groups and statuses are drawn from the program's vocabulary. All names are invented.

The packages are kept in GWA_BENCH_CACHE (default /tmp/gwa-bench) under a folder named
after the village count, the years and a stamp of the package format's sources, so a
change of the format makes new ones.

    .venv/bin/python benchmarks/district_packages.py --villages 60 --years 2021 2022 2023 2024 2025
    .venv/bin/python benchmarks/district_packages.py --villages 1000 --years 2025 --jobs 2
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import random
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import CACHE, REPOSITORY

from gwa_desktop.domain.enums import (
    ActivityKind,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.exchange import signing
from gwa_desktop.exchange.identity import PackageIdentity, new_id
from gwa_desktop.exchange.package import PackageContent, write_package
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData, Period
from gwa_desktop.exchange.summary import Figures, from_rows
from gwa_desktop.exchange.vocabulary import german
from gwa_desktop.services.district_export import package_name
from gwa_desktop.services.district_figures import BREAKDOWN_KEYS, kept_breakdowns

DISTRICT = "Landkreis Simuliert"
THRESHOLD = 3
LANGUAGES = ("de", "uk", "ar", "fa", "tr", "ru", "en", "ti", "ps", "so")
#: Sources whose change may change the package format: a new stamp makes new packages.
FORMAT_SOURCES = (
    "gwa_desktop/exchange/package.py",
    "gwa_desktop/exchange/records.py",
    "gwa_desktop/exchange/signing.py",
    "gwa_desktop/exchange/identity.py",
    "gwa_desktop/services/district_collect.py",
)
#: Raise when the simulated records change, so that the cache is made anew.
GENERATION = 1
_FIRST = ("Ahorn", "Birken", "Eschen", "Linden", "Eichen", "Tannen", "Weiden", "Buchen", "Erlen",
          "Fichten", "Kiefern", "Ulmen", "Holunder", "Rosen", "Wiesen", "Bach", "Berg", "Stein",
          "Mühl", "Sonnen")  # fmt: skip
_SECOND = ("feld", "au", "bach", "tal", "dorf", "hausen", "heim", "hofen", "brunn", "rode",
           "stedt", "weiler", "berg", "grund", "born")  # fmt: skip
#: Kinds with their weight and the (low, high) participants of one activity.
KINDS: dict[ActivityKind, tuple[int, tuple[int, int]]] = {
    ActivityKind.OFFER_SESSION: (50, (2, 25)),
    ActivityKind.COUNSELLING: (20, (1, 3)),
    ActivityKind.EVENT: (8, (8, 150)),
    ActivityKind.NETWORK_MEETING: (8, (3, 15)),
    ActivityKind.JOINT_ACTION: (7, (4, 40)),
    ActivityKind.OTHER: (7, (1, 12)),
}


@dataclass(frozen=True)
class Village:
    name: str
    #: Activities in an average quarter.
    size: int
    seed: int


def villages(count: int, seed: int = 17) -> list[Village]:
    """`count` invented villages: most small, some middling, one in fifty a town."""
    rng = random.Random(seed)
    names = [a + b for a in _FIRST for b in _SECOND]
    rng.shuffle(names)
    result = []
    for number in range(count):
        base = names[number % len(names)]
        name = base if number < len(names) else f"{base} {number // len(names) + 1}"
        draw = rng.random()
        if draw < 0.02:
            size = rng.randint(1500, 3000)
        elif draw < 0.15:
            size = rng.randint(200, 700)
        elif draw < 0.45:
            size = rng.randint(40, 200)
        else:
            size = rng.randint(3, 40)
        result.append(Village(f"Gemeinde {name}", size, rng.randrange(1 << 30)))
    return result


def quarters(years: Sequence[int]) -> list[Period]:
    return [
        Period(date(year, month, 1), _month_end(date(year, month + 2, 1)))
        for year in years
        for month in (1, 4, 7, 10)
    ]


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def offers_of(village: Village) -> list[dict[str, Any]]:
    """The village's offers: the same ones in every quarter, as a real village's are."""
    rng = random.Random(village.seed)
    count = max(1, min(40, 2 + village.size // 25))
    categories = list(OfferCategory)
    offers = []
    for number in range(count):
        category = rng.choice(categories)
        recurrence = rng.choice([Recurrence.WEEKLY] * 3 + [Recurrence.BIWEEKLY, Recurrence.MONTHLY])
        offers.append(
            {
                "title": f"{german(category)} {number + 1}",
                "description": "Offen für alle, ohne Anmeldung.",
                "category": category.value,
                "status": rng.choice([OfferStatus.ACTIVE] * 4 + [OfferStatus.PAUSED]).value,
                "recurrence": recurrence.value,
                "start_date": date(2019, 1, 7) + timedelta(days=rng.randrange(700)),
                "end_date": None,
                "start_time": clock(rng.choice([9, 10, 15, 17, 18]), rng.choice([0, 30])),
                "end_time": None,
                "place_name": rng.choice(["Gemeindehaus", "Bürgerhaus", "Schule", "Bücherei"]),
                "city": village.name.removeprefix("Gemeinde "),
                "target_groups": sorted(
                    {g.value for g in rng.sample(list(TargetGroup), rng.randint(1, 3))}
                ),
                "languages": sorted(set(rng.sample(LANGUAGES[:6], rng.randint(1, 3)))),
                "provider": "",
                "cost_cents": rng.choice([None, None, 0, 200, 500]),
                "registration_required": rng.random() < 0.3,
            }
        )
    return offers


def activities_of(
    village: Village, period: Period, offers: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A quarter's activity records, in date order, as district_collect writes them."""
    rng = random.Random(village.seed * 31 + period.start.toordinal())
    count = max(0, int(rng.gauss(village.size, village.size * 0.25)))
    days = (period.end - period.start).days + 1
    kinds = list(KINDS)
    weights = [KINDS[k][0] for k in kinds]
    records = []
    for day in sorted(rng.randrange(days) for _ in range(count)):
        kind = rng.choices(kinds, weights)[0]
        low, high = KINDS[kind][1]
        total = rng.randint(low, high)
        women = rng.randint(0, total)
        young = rng.randint(0, total)
        new = rng.randint(0, total // 3)
        volunteers = rng.choice([0, 0, 1, 1, 2, 3])
        values = {
            "participants_total": total,
            "participants_women": women,
            "participants_men": total - women if rng.random() < 0.8 else None,
            "participants_diverse": 0 if rng.random() < 0.8 else None,
            "age_under_18": young,
            "age_18_26": None,
            "age_27_64": total - young if rng.random() < 0.5 else None,
            "age_65_plus": None,
            "newcomers": new,
            "regulars": total - new,
            "volunteers_count": volunteers,
        }
        offer = rng.choice(offers)["title"] if kind is ActivityKind.OFFER_SESSION else ""
        record: dict[str, Any] = {
            "occurred_on": period.start + timedelta(days=day),
            "kind": kind.value,
            "title": german(kind),
            "offer": offer,
            **values,
            "volunteer_hours": round(volunteers * rng.choice([1.0, 1.5, 2.0, 3.0]), 2),
            "languages": sorted(set(rng.sample(LANGUAGES, rng.randint(0, 2)))),
        }
        kept = kept_breakdowns(record, THRESHOLD)
        record.update({key: None for key in BREAKDOWN_KEYS if key not in kept})
        if total < THRESHOLD:
            record["languages"] = []
        records.append(record)
    return records


def figures_of(records: list[dict[str, Any]]) -> Figures:
    """What the village's GROUP BY (services/district_figures.session_figures) sums."""
    months: dict[tuple[int, int, str], list[Any]] = {}
    languages: dict[str, int] = defaultdict(int)
    for record in records:
        day = record["occurred_on"]
        sums = months.setdefault((day.year, day.month, record["kind"]), [0] * (len(COUNT_KEYS) + 2))
        sums[0] += 1
        for index, key in enumerate(COUNT_KEYS, start=1):
            sums[index] += record[key] or 0
        sums[-1] += record["volunteer_hours"]
        for code in record["languages"]:
            languages[code] += 1
    return from_rows(
        ((year, month, kind, *sums) for (year, month, kind), sums in sorted(months.items())),
        sorted(languages.items()),
    )


def write_village(arguments: tuple[Village, list[Period], str]) -> int:
    """Every package of one village, signed with the village's own key; the activities written."""
    village, periods, folder = arguments
    key = signing.new_private_key()
    # One installation per village, as the district knows villages by it (not by name).
    installation = str(uuid.UUID(int=random.Random(village.seed).getrandbits(128), version=4))
    offers = offers_of(village)
    written = 0
    for period in periods:
        records = activities_of(village, period, offers)
        data = DistrictData(village.name, DISTRICT, period, offers, [])
        content = PackageContent(data, records, len(records), figures_of(records), THRESHOLD)
        created = min(
            datetime.combine(period.end + timedelta(days=5), clock(10, 0)),
            datetime.now().replace(microsecond=0) - timedelta(hours=1),
        )
        stream = io.BytesIO()
        write_package(
            stream, content, created, key, identity=PackageIdentity(installation, new_id())
        )
        (Path(folder) / package_name(data, False)).write_bytes(stream.getvalue())
        written += len(records)
    return written


def format_stamp() -> str:
    digest = hashlib.sha256()
    for source in FORMAT_SOURCES:
        digest.update((REPOSITORY / source).read_bytes())
    return digest.hexdigest()[:10]


def packages(count: int, years: Sequence[int], jobs: int = 1) -> list[Path]:
    """The packages of `count` villages for every quarter of `years`, made once and cached."""
    years_text = "-".join(map(str, years))
    folder = CACHE / f"district-{count}v-{years_text}-g{GENERATION}-{format_stamp()}"
    done = folder / "complete"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.zip"):
            old.unlink()
        periods = quarters(years)
        work = [(village, periods, str(folder)) for village in villages(count)]
        start = time.perf_counter()
        if jobs > 1:
            with multiprocessing.Pool(jobs) as pool:
                activities = sum(pool.imap_unordered(write_village, work, chunksize=4))
        else:
            activities = sum(map(write_village, work))
        seconds = time.perf_counter() - start
        done.write_text(f"{activities} activities, written in {seconds:.1f} s\n")
    return sorted(folder.glob("*.zip"))


def summary(paths: Sequence[Path]) -> str:
    folder = paths[0].parent if paths else CACHE
    size = sum(p.stat().st_size for p in paths) / (1 << 20)
    return f"{len(paths)} packages, {size:.0f} MiB, {(folder / 'complete').read_text().strip()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=60)
    parser.add_argument("--years", type=int, nargs="+", default=[2021, 2022, 2023, 2024, 2025])
    parser.add_argument("--jobs", type=int, default=1)
    arguments = parser.parse_args(argv)
    paths = packages(arguments.villages, arguments.years, arguments.jobs)
    print(summary(paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
