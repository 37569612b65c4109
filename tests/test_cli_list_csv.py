"""`gwa list … --format csv` opens in German Excel as it reads on screen (issue 10, item 13)."""

from __future__ import annotations

import csv
import io
from datetime import date

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import ActivityKind, ContactKind, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService


def listed(database_path, capsysbinary, *arguments: str) -> bytes:
    assert main(["--database", str(database_path), "list", *arguments]) == 0
    return capsysbinary.readouterr().out


def test_csv_for_excel_has_a_bom_semicolons_and_labels(database, database_path, capsysbinary):
    ContactService(database).create(
        ContactData(name="Jobcenter Außenstelle", kind=ContactKind.ORGANISATION)
    )
    OfferService(database).create(
        OfferData(
            texts=[OfferTextData("de", "Sprachcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2026, 1, 6),
        )
    )
    ActivityService(database).create(
        ActivityData(
            occurred_on=date(2026, 3, 10),
            kind=ActivityKind.OFFER_SESSION,
            title="Sprachcafé",
            participants_total=12,
            volunteer_hours=3.5,
        )
    )

    contacts = listed(database_path, capsysbinary, "contacts", "--format", "csv")
    offers = listed(database_path, capsysbinary, "offers", "--format", "csv")
    activities = listed(database_path, capsysbinary, "activities", "--format", "csv")

    assert contacts.startswith(b"\xef\xbb\xbf")
    header, row = csv.reader(io.StringIO(contacts.decode("utf-8-sig")), delimiter=";")
    assert header[:3] == ["Nr.", "Name", "Art"] and row[1:3] == [
        "Jobcenter Außenstelle",
        "Organisation",
    ]
    _header, row = csv.reader(io.StringIO(offers.decode("utf-8-sig")), delimiter=";")
    assert row[1:5] == ["Sprachcafé", "Sprache", "Aktiv", "jeden Dienstag"]
    assert "organisation" not in contacts.decode("utf-8-sig") and "active" not in offers.decode(
        "utf-8-sig"
    )
    _header, row = csv.reader(io.StringIO(activities.decode("utf-8-sig")), delimiter=";")
    assert row[1:3] == ["10.03.2026", "Angebotstermin"] and row[-1] == "3,5"


def test_codes_for_scripts_stay_as_they_were(database, database_path, capsysbinary):
    ContactService(database).create(
        ContactData(name="Jobcenter Außenstelle", kind=ContactKind.ORGANISATION)
    )

    out = listed(database_path, capsysbinary, "contacts", "--format", "csv", "--codes")

    assert not out.startswith(b"\xef\xbb\xbf")
    header, row = csv.reader(io.StringIO(out.decode("utf-8")), delimiter=";")
    assert header[:3] == ["id", "name", "kind"] and row[2] == "organisation"


def test_the_period_of_the_command_line_is_the_list_s(database, database_path, capsysbinary):
    ActivityService(database).create(
        ActivityData(
            occurred_on=date.today(),
            kind=ActivityKind.OFFER_SESSION,
            title="Heute",
            participants_total=5,
        )
    )
    ActivityService(database).create(
        ActivityData(
            occurred_on=date(2020, 1, 1),
            kind=ActivityKind.OFFER_SESSION,
            title="Früher",
            participants_total=5,
        )
    )

    out = listed(
        database_path, capsysbinary, "activities", "--format", "csv", "--period", "year"
    ).decode("utf-8-sig")

    assert "Heute" in out and "Früher" not in out
