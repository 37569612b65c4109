"""`gwa export district --show-texts` lists what would leave and writes nothing."""

from __future__ import annotations

from datetime import date

from gwa_desktop.cli.main import main
from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData


def test_show_texts_lists_every_outgoing_text_with_its_blanked_parts(
    filled, database_path, tmp_path, capsys
):
    filled.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Nähtreff bei Yusufs Tante, 0176/5550123")],
            category=OfferCategory.LEISURE,
            start_date=date(2026, 2, 1),
        )
    )

    code = main(
        [
            "--database",
            str(database_path),
            "export",
            "district",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--show-texts",
        ]
    )

    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and not list(tmp_path.glob("*.zip"))
    assert (
        "Offer title\t1\tNähtreff bei [entfernt] Tante, [entfernt]\tblanked out: a name, a phone number"
        in lines
    )
    assert any(line.endswith("\tSprachcafé") for line in lines)
    assert not any("Yusuf" in line or "5550123" in line for line in lines)
    assert lines[-1].endswith("with something blanked out.")


def test_without_out_or_show_texts_the_command_says_what_is_missing(filled, database_path, capsys):
    code = main(
        [
            "--database",
            str(database_path),
            "export",
            "district",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ]
    )
    assert code == 2 and "--out" in capsys.readouterr().out
