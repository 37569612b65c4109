"""The district packages of a seeded village as the export of 3 December 2026 (main, c3b5aa1) wrote them.

`seed_village` enters the sample municipality, the equivalence test's generated
activities and texts that every writer has to treat with care: cells that would start
a formula, names and phone numbers in offer texts (blanked), umlauts, Arabic and
Cyrillic script, hours with decimals, contacts with hostile names for the personal
package. `member_digests` reads a package back (decrypted when it has a password)
into the SHA-256 of every member's bytes and of every workbook sheet's cells, the
manifest and its signature excepted: they carry the package's fresh identity.

`fixtures/export_reference.json` holds those digests for `VARIANTS`, written with
`python -m tests.exchange.export_reference` on the code before the export's
writers were made faster (issue 12), so any changed cell or byte of any member fails
tests/exchange/test_export_reference.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tempfile
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.exchange import encrypted
from gwa_desktop.services.disclosure_settings import set_disclosure_threshold
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import Database
from tests.exchange.equivalence_data import CREATED, PERIOD, seed

REFERENCE = Path(__file__).parent / "fixtures" / "export_reference.json"
PASSWORD = "Lindental im Herbst 2026"
#: (name, disclosure threshold, password): the packages the reference holds.
VARIANTS = (("anonymous", 3, None), ("anonymous-5", 5, None), ("personal", 3, PASSWORD))


def seed_village(services: Services) -> None:
    """The equivalence test's village, and texts that must come out exactly as before."""
    seed(services, activities=400)
    contacts = services.contacts
    hostile = contacts.create(
        ContactData(name='=HYPERLINK("http://x")', kind=ContactKind.ORGANISATION)
    )
    contacts.create(
        ContactData(
            name="＋Ahmad Al-Sayed",
            phone="+49 (0)6321 98765",
            email="a.sayed@example.org",
            street="Lindenweg 4",
            city="Lindental",
            notes='@SUMME(A1); sagt: "ja"',
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(date(2024, 1, 5), "Kontakt zu Angeboten", form_version="=2")],
            languages=["ar"],
        )
    )
    contacts.create(
        ContactData(
            name="Оле́на Шевче́нко", notes="\tTab\r\nZeile", legal_basis=LegalBasis.PUBLIC_TASK
        )
    )
    offers = [
        services.offers.create(
            OfferData(
                texts=[OfferTextData("de", title, description)],
                category=OfferCategory.COUNSELLING,
                start_date=date(2024, 3, 1),
                place_name=place,
                city="Lindental",
                provider_id=hostile,
            )
        )
        for title, description, place in (
            ("=1+1 Treff", "Bei Frau Shevchenko, Tel. 0176 5550199; Hauptstr. 3", "－Saal"),
            ("Café „Müßiggang“ für Ahmad", "مقهى; Кафе; ﹦ Tee", " =Hof"),
            ('-Beratung; "Zitat"', "Zeile 1\nZeile 2", "Rathaus"),
        )
    ]
    for number in range(40):
        total = number % 9
        women = min(number % 4, total) if number % 3 else None
        services.activities.create(
            ActivityData(
                occurred_on=date(2024, 2, 1 + number % 28),
                kind=tuple(ActivityKind)[number % len(ActivityKind)],
                title=f"Treffen mit Ahmad {number}",
                offer_id=offers[number % len(offers)],
                participants_total=total,
                participants_women=women,
                participants_diverse=1 if number % 5 == 0 and (women or 0) < total else None,
                age_65_plus=max(total - 1, 0) if number % 2 else None,
                regulars=number % (total + 1),
                languages=["uk", "ar", "de"][: number % 4],
                volunteers_count=number % 3,
                volunteer_hours=(0.25, 1.5, 2.75, 10.0, 0.05)[number % 5],
            )
        )


def export_variant(database: Database, folder: Path, threshold: int, password: str | None) -> bytes:
    """The decrypted zip of the package for PERIOD."""
    set_disclosure_threshold(database, threshold)
    package = export_district(database, PERIOD, folder, password=password, created=CREATED)
    content = package.read_bytes()
    package.unlink()
    if password is None:
        return content
    with io.BytesIO(content) as source:
        return bytes(
            encrypted.decrypt(source, len(content), password, package.name, hashlib.sha256())
        )


def member_digests(content: bytes) -> dict[str, str]:
    """Member name (a workbook sheet as "bericht.xlsx/<title>") → SHA-256 of its bytes or cells."""
    digests: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in sorted(archive.namelist()):
            if name in ("manifest.json", "manifest.sig"):
                continue
            member = archive.read(name)
            if not name.endswith(".xlsx"):
                digests[name] = hashlib.sha256(member).hexdigest()
                continue
            for sheet in load_workbook(io.BytesIO(member)).worksheets:
                cells = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                text = json.dumps(cells, ensure_ascii=False).encode("utf-8")
                digests[f"{name}/{sheet.title}"] = hashlib.sha256(text).hexdigest()
    return digests


def reference_digests(database: Database, folder: Path) -> dict[str, dict[str, str]]:
    """Every variant's digests, exported from `database` (seeded with `seed_village`)."""
    return {
        name: member_digests(export_variant(database, folder, threshold, password))
        for name, threshold, password in VARIANTS
    }


def _cell(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return f"{type(value).__name__}:{value.isoformat()}"
    return value


def write_reference(target: Path) -> None:
    from gwa_desktop.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "village.sqlite"))
        try:
            seed_village(Services.on(database))
            digests = reference_digests(database, Path(folder))
        finally:
            database.close()
    target.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_reference(Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE)
