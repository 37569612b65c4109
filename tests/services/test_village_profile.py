"""The village profile: the district's file in, refused whole when wrong, and who has no offer."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from gwa_desktop.cli.main import main
from gwa_desktop.domain.enums import OfferStatus, TargetGroup
from gwa_desktop.domain.village_profile import CoverageGap, VillageProfile
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.village_profile import VillageProfileService
from tests.services.service_builders import offer_data, sql

HEADER = "Jahr;Einwohner;Einwohner unter 18;Einwohner 65 und älter;Anteil mit Migrationsgeschichte (%);Arbeitslosenquote (%);Sprache ar;Sprache uk;Sprache de"


def write_csv(path, *rows: str) -> None:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")


def test_the_district_csv_is_stored_for_its_year(database, tmp_path):
    path = tmp_path / "profil.csv"
    write_csv(
        path, "2025;1.840;310;420;12,5;4,1;60;35;1700", "2026;1.851;305;431;13,0;4,0;64;41;1710"
    )
    service = VillageProfileService(database)
    profile = service.import_file(path, 2026)
    assert service.get(2026) == profile
    assert profile.figures == {
        "inhabitants": 1851,
        "age_under_18": 305,
        "age_65_plus": 431,
        "migration_share": 13.0,
        "unemployment_rate": 4.0,
    }
    assert profile.languages == {"ar": 64, "uk": 41, "de": 1710}
    assert service.years() == [2026]


@pytest.mark.parametrize(
    ("rows", "field", "message"),
    [
        (["2026;1851;305;431;13;4;64;41;1710"], None, None),  # the good file, as control
        (
            ["2025;1840;310;420;12;4;60;35;1700"],
            "year",
            "Die Datei hat keine Zeile für 2026 (sie hat: 2025).",
        ),
        (["2026;1851;305;431;130;4;64;41;1710"], "migration_share", None),
        (["2026;1851;-5;431;13;4;64;41;1710"], "age_under_18", None),
        (["2026;viele;305;431;13;4;64;41;1710"], "inhabitants", None),
    ],
)
def test_a_wrong_file_is_refused_and_nothing_stored(database, tmp_path, rows, field, message):
    path = tmp_path / "profil.csv"
    write_csv(path, *rows)
    service = VillageProfileService(database)
    if field is None:
        service.import_file(path, 2026)
        assert sql(database, "SELECT count(*) FROM village_figures") == [(5,)]
        return
    with pytest.raises(ValidationError) as refused:
        service.import_file(path, 2026)
    assert field in refused.value.errors
    if message:
        assert refused.value.errors[field] == message
    assert sql(database, "SELECT count(*) FROM village_figures") == [(0,)]


def test_unknown_columns_are_named(database, tmp_path):
    path = tmp_path / "profil.csv"
    path.write_text("Jahr;Einwohner;Hundehalter\n2026;1851;212\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        VillageProfileService(database).import_file(path, 2026)
    assert refused.value.errors["columns"].startswith("Unbekannte Spalten: Hundehalter.")


def test_an_xlsx_from_the_district_is_read_too(database, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Jahr", "Einwohner", "Sprache ar"])
    sheet.append([2026, 1851, 64])
    book.save(tmp_path / "profil.xlsx")
    profile = VillageProfileService(database).import_file(tmp_path / "profil.xlsx", 2026)
    assert (profile.figures, profile.languages) == ({"inhabitants": 1851}, {"ar": 64})


def test_who_has_no_offer(database, offers, tmp_path, capsys, database_path):
    offers.create(
        offer_data("Kinderturnen", target_groups=[TargetGroup.CHILDREN], languages=["de"])
    )
    offers.create(
        offer_data("Sprachcafé", target_groups=[TargetGroup.NEWCOMERS], languages=["de", "uk"])
    )
    offers.create(
        offer_data(
            "Alte Runde",
            target_groups=[TargetGroup.SENIORS],
            languages=["ar"],
            status=OfferStatus.ENDED,
        )
    )
    service = VillageProfileService(database)
    service.save(
        VillageProfile(
            2026,
            {"age_under_18": 305, "age_18_26": 190, "age_65_plus": 431, "migration_share": 13},
            {"de": 1710, "ar": 64, "uk": 41, "ti": 0},
        )
    )
    assert service.gaps(2026) == [
        CoverageGap("age_group", "age_18_26", 190),
        CoverageGap("age_group", "age_65_plus", 431),  # the seniors' offer has ended
        CoverageGap("language", "ar", 64),
    ]
    assert main(["--database", str(database_path), "profile", "--year", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Kein aktives Angebot für Einwohner 18 bis 26 (190 Einwohner)",
        "Kein aktives Angebot für Einwohner 65 und älter (431 Einwohner)",
        "Kein aktives Angebot auf Arabisch (64 Sprechende)",
    ]
    assert (
        main(["--database", str(database_path), "profile", "--year", str(date.today().year + 5)])
        == 1
    )


def test_the_council_page_is_one_page_with_the_gaps(
    database, offers, database_path, tmp_path, capsys
):
    import subprocess
    import unicodedata

    offers.create(offer_data("Sprachcafé", target_groups=[TargetGroup.EVERYONE], languages=["de"]))
    VillageProfileService(database).save(
        VillageProfile(
            2026, {"inhabitants": 1851, "unemployment_rate": 4.1}, {"de": 1710, "ar": 64}
        )
    )
    out = tmp_path / "gemeinderat.pdf"
    assert (
        main(
            [
                "--database",
                str(database_path),
                "profile",
                "print",
                "--year",
                "2026",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip().endswith(": 1 Seite")
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())  # "fi" is set as a ligature
    assert "Gemeindeprofil 2026" in text and "Arbeitslosenquote (%) 4,1" in text
    gaps = text[text.index("Wer hat kein Angebot?") :]
    assert "Arabisch" in gaps and "64" in gaps and "Deutsch" not in gaps


def test_figures_typed_by_hand_join_the_stored_ones(database):
    service = VillageProfileService(database)
    service.save(VillageProfile(2026, {"inhabitants": 1851, "age_65_plus": 431}, {"uk": 41}))
    profile = service.set_values(
        2026, {"Einwohner": "1.860", "Arbeitslosenquote (%)": "4,2", "Sprache ar": "64"}
    )
    assert service.get(2026) == profile
    assert profile.figures == {"inhabitants": 1860, "age_65_plus": 431, "unemployment_rate": 4.2}
    assert profile.languages == {"uk": 41, "ar": 64}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"Arbeitslosenquote (%)": "140"}, "unemployment_rate"),
        ({"Einwohner": "-3"}, "inhabitants"),
        ({"Einwohnerinnen": "12"}, "columns"),
        ({"Einwohner": "viele"}, "inhabitants"),
    ],
)
def test_a_wrong_typed_figure_is_refused_and_nothing_changes(database, values, field):
    service = VillageProfileService(database)
    service.save(VillageProfile(2026, {"inhabitants": 1851}))
    with pytest.raises(ValidationError) as refused:
        service.set_values(2026, {"Einwohner unter 18": "305", **values})
    assert field in refused.value.errors
    assert service.get(2026) == VillageProfile(2026, {"inhabitants": 1851})


def test_gwa_profile_set_stores_and_refuses(database_path, capsys):
    assert (
        main(
            [
                "--database",
                str(database_path),
                "profile",
                "set",
                "--year",
                "2026",
                "Einwohner=1250",
                "Sprache ar=40",
            ]
        )
        == 0
    )
    assert "2026" in capsys.readouterr().out
    assert main(["--database", str(database_path), "profile", "show", "--year", "2026"]) == 0
    shown = capsys.readouterr().out
    assert "Einwohner: 1.250" in shown and "40" in shown
    with pytest.raises(SystemExit):
        main(["--database", str(database_path), "profile", "set", "--year", "2026", "Einwohner"])
    assert "NAME=VALUE" in capsys.readouterr().err
