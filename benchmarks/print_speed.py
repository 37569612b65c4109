"""How long the prints take: a four-language flyer and a 40-offer A3 overview.

Not a test (timings depend on the machine); run it after changes to the PDF output:
    .venv/bin/python benchmarks/print_speed.py
Targets on the project's 2-core machine: flyer under 1 s, overview under 3 s.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.output.pdf.board import BoardEntry
from gwa_desktop.output.pdf.flyer import FlyerContent, FlyerOptions, build_flyer
from gwa_desktop.output.pdf.offer_view import ContactLine, offer_view
from gwa_desktop.output.pdf.overview import BoardContent, OverviewOptions, build_overview

TODAY = date(2026, 3, 1)
CONTACTS = [ContactLine("Samira Haddad", "0151 2345678")]
TOWN = MunicipalityData(
    name="Gemeinde Musterdorf",
    district="Landkreis Beispiel",
    officer_name="Anna Schmidt",
    officer_phone="0123 456-78",
)
TEXTS = {
    "de": (
        "Sprachcafé im Gemeindehaus",
        "Menschen aus dem Dorf und Neuzugewanderte sprechen Deutsch bei Kaffee. " * 4,
    ),
    "ar": (
        "مقهى اللغة في دار البلدية",
        "يلتقي سكان القرية والقادمون الجدد للتحدث بالألمانية مع القهوة والكعك. " * 4,
    ),
    "uk": (
        "Мовне кафе в громадському будинку",
        "Мешканці села та новоприбулі розмовляють німецькою за кавою. " * 4,
    ),
    "fa": (
        "کافه زبان در خانه شهرداری",
        "ساکنان روستا و تازه‌واردان با قهوه و کیک به زبان آلمانی صحبت می‌کنند. " * 4,
    ),
}


def offer(number: int) -> OfferData:
    return OfferData(
        id=number,
        texts=[
            OfferTextData(code, f"{title} {number}", text) for code, (title, text) in TEXTS.items()
        ],
        category=list(OfferCategory)[number % 8],
        start_date=date(2026, 1, 5 + number % 7),
        recurrence=[Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY][number % 3],
        start_time=clock(9 + number % 9),
        end_time=clock(10 + number % 9),
        place_name="Gemeindehaus",
        cost_cents=0,
    )


def timed(label: str, target: float, build) -> None:
    build()  # warm-up: font registration and imports are paid once per process
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        result = build()
    seconds = (time.perf_counter() - start) / runs
    verdict = "ok" if seconds < target else "SLOWER THAN TARGET"
    print(
        f"{label:<42} {seconds * 1000:7.0f} ms  {result.pages} page(s)  {len(result.pdf) / 1024:6.0f} KiB"
        f"  target < {target:.0f} s: {verdict}"
    )


def main() -> None:
    first = time.perf_counter()
    flyer_offer = offer(1)
    languages = tuple(TEXTS)

    def flyer():
        views = [offer_view(flyer_offer, code, CONTACTS, TODAY) for code in languages]
        return build_flyer(
            FlyerContent(views, flyer_offer.category, TOWN, phone="0151 2345678"),
            FlyerOptions(languages, "A4", "side_by_side", tear_off_strips=True),
        )

    offers = [offer(number) for number in range(1, 41)]

    def overview():
        entries = [
            BoardEntry(o, [offer_view(o, code, CONTACTS, TODAY) for code in ("de", "ar")])
            for o in offers
        ]
        return build_overview(
            BoardContent(entries, TOWN, TODAY), OverviewOptions(("de", "ar"), "A3", True, "weekday")
        )

    flyer()
    print(
        f"{'first flyer in this process (cold)':<42} {(time.perf_counter() - first) * 1000:7.0f} ms"
    )
    timed("flyer, 4 languages side by side, strips", 1.0, flyer)
    timed("overview, 40 offers, A3 landscape, de+ar", 3.0, overview)


if __name__ == "__main__":
    main()
