"""`gwa volunteers`: the search for help in every format, and its refusals."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, LegalBasis
from gwa_desktop.domain.volunteer import (
    Availability,
    HelperHours,
    LanguageLevel,
    SpokenLanguage,
    VolunteerProfile,
)
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database


@pytest.fixture
def village(database_path):
    database = open_database(str(database_path))
    services = Services.on(database)
    ids = {}
    for name, code, weekday, starts, task in (
        ("Farida Beispiel", "prs", 1, time(14), "Dolmetschen"),
        ("Morgens Dari", "prs", 1, time(8), "Fahrdienst"),
        ("Olena Test", "uk", 3, time(14), "Dolmetschen"),
    ):
        ids[name] = services.contacts.create(
            ContactData(
                name=name,
                phone="0151 2345678",
                legal_basis=LegalBasis.CONSENT,
                consents=[ConsentData(given_on=date(2025, 1, 5), purpose="Ehrenamt")],
                volunteer=VolunteerProfile(
                    tasks=[task],
                    languages=[SpokenLanguage(code, LanguageLevel.NATIVE)],
                    availability=[Availability(weekday, starts, time(starts.hour + 3))],
                ),
            )
        )
    services.activities.create(
        ActivityData(
            occurred_on=date(2025, 6, 1),
            kind=ActivityKind.EVENT,
            title="Fest",
            helpers=[HelperHours(ids["Farida Beispiel"], 2.25)],
        )
    )
    database.close()
    return database_path, ids


def gwa(path, *arguments):
    return main(["--database", str(path), "volunteers", *arguments])


def test_table_json_and_csv(village, capsys):
    path, ids = village
    assert gwa(path, "--language", "prs", "--weekday", "tue", "--from", "12:00") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].split("\t")[:3] == [
        str(ids["Farida Beispiel"]),
        "Farida Beispiel",
        "0151 2345678",
    ]
    assert "Dari (Muttersprache)" in lines[0] and "14:00–17:00" in lines[0]

    assert gwa(path, "--skill", "dolmetsch", "--year", "2025", "--format", "json") == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["hours"]) for r in records] == [
        ("Farida Beispiel", 2.25),
        ("Olena Test", 0.0),
    ]
    assert records[0]["available"] == [{"weekday": "tue", "from": "14:00", "to": "17:00"}]
    assert records[1]["languages"] == [{"code": "uk", "level": "native"}]

    assert gwa(path, "--format", "csv") == 0
    content = capsys.readouterr().out.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Name", "Telefon"]
    assert [row[1] for row in rows[1:]] == ["Farida Beispiel", "Morgens Dari", "Olena Test"]


def test_refusals_say_why(village, capsys):
    path, _ids = village
    assert gwa(path, "--from", "12:00") == 2
    assert "--weekday" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        gwa(path, "--weekday", "dienstag")
    with pytest.raises(SystemExit):
        gwa(path, "--language", "xx-nonsense")
    assert "Unbekannter Sprachcode" in capsys.readouterr().err


def test_the_printed_list_names_what_was_searched(village, capsys, tmp_path):
    from tests.output.print_samples import flat_text

    path, _ids = village
    pdf = tmp_path / "helferkreis.pdf"
    assert gwa(path, "--language", "prs", "--format", "json", "--print", str(pdf)) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2
    assert str(pdf) in captured.err
    text = flat_text(pdf.read_bytes())
    assert "Sprache: Dari" in text and "Farida Beispiel" in text and "Morgens Dari" in text
    assert "Olena Test" not in text
