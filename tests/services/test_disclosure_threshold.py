"""The suppression threshold: a checked setting, from the command line, used by every output."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.suppression import HIDDEN
from gwa_desktop.exchange.records import Period
from gwa_desktop.exchange.vocabulary import SHEET_OVERVIEW
from gwa_desktop.exchange.xlsx_report import write_workbook
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.disclosure_settings import (
    disclosure_threshold,
    parse_threshold,
    set_disclosure_threshold,
)
from gwa_desktop.services.district_collect import collect, outgoing
from gwa_desktop.services.district_figures import kept_breakdowns
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import open_database

stored_threshold = disclosure_threshold

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_the_default_is_three_and_a_stored_value_is_used(database):
    assert disclosure_threshold(database) == 3
    assert set_disclosure_threshold(database, "7") == 7
    assert disclosure_threshold(database) == 7
    assert set_disclosure_threshold(database, 4) == 4
    assert disclosure_threshold(database) == 4


@pytest.mark.parametrize("text", ["2", "21", "0", "-3", "drei", "", "3.5"])
def test_a_threshold_outside_3_to_20_is_refused_with_a_german_message(database, text):
    with pytest.raises(ValidationError) as refused:
        set_disclosure_threshold(database, text)
    assert "ganze Zahl von 3 bis 20" in str(refused.value)
    assert disclosure_threshold(database) == 3


def test_the_command_line_shows_sets_and_refuses(database_path, capsys):
    def disclosure_threshold() -> int:
        database = open_database(str(database_path))
        try:
            return stored_threshold(database)
        finally:
            database.close()

    assert main(["--database", str(database_path), "threshold"]) == 0
    assert "1 bis 2" in capsys.readouterr().out
    assert main(["--database", str(database_path), "threshold", "5"]) == 0
    assert "1 bis 4" in capsys.readouterr().out and parse_threshold("5") == disclosure_threshold()
    assert main(["--database", str(database_path), "threshold", "2"]) == 2
    assert "3 bis 20" in capsys.readouterr().err
    assert disclosure_threshold() == 5


def test_a_record_keeps_what_the_rule_lets_it_keep():
    four = {"participants_total": 4, "participants_women": 3, "participants_men": 1}
    # 3 + 1 = 4: the man is a small count, the women would give him away.
    assert not {"participants_women", "participants_men"} & kept_breakdowns(four, 3)
    incomplete = {"participants_total": 9, "participants_women": 4, "participants_men": 1}
    assert "participants_women" in kept_breakdowns(incomplete, 3)
    assert "participants_men" not in kept_breakdowns(incomplete, 3)
    assert kept_breakdowns({"participants_total": 2, "participants_women": 2}, 3) == set()
    assert "participants_women" not in kept_breakdowns(incomplete, 5)


def test_the_threshold_reaches_the_records_and_the_workbook(database):
    SettingsService(database).save(MunicipalityData(name="Gemeinde Lindental"))
    ActivityService(database).create(
        ActivityData(
            occurred_on=date(2026, 11, 3),
            kind=ActivityKind.EVENT,
            title="Dorffest",
            participants_total=4,
            participants_women=4,
            languages=["uk"],
        )
    )
    (record,) = collect(database, NOVEMBER).activities
    assert (record["participants_women"], record["languages"]) == (4, ["uk"])

    set_disclosure_threshold(database, 5)

    (record,) = collect(database, NOVEMBER).activities
    assert (record["participants_women"], record["languages"]) == (None, [])
    with outgoing(database, NOVEMBER) as (content, _findings):
        assert content.threshold == 5
        stream = io.BytesIO()
        write_workbook(
            stream, [(content.data, content.figures)], datetime(2026, 12, 1), threshold=5
        )
    rows = list(load_workbook(stream, read_only=True)[SHEET_OVERVIEW].iter_rows(values_only=True))
    overview = {row[0]: row[1] for row in rows if len(row) > 1}
    assert overview["Teilnehmende gesamt"] == HIDDEN  # 4 people: under 5
    assert rows[-1][0].startswith(". = geheim gehalten: weniger als 5 Fälle")


def test_the_threshold_is_kept_in_the_database_for_every_computer(database_path, monkeypatch):
    """Two officers on one shared database publish alike: what one sets, the other gets,
    whatever her own computer's preferences held before."""
    first = open_database(str(database_path))
    second = open_database(str(database_path))
    try:
        monkeypatch.setattr(
            "gwa_desktop.services.disclosure_settings.stored_disclosure_threshold", lambda: 9
        )
        assert disclosure_threshold(second) == 9  # the computer's earlier choice, until set
        set_disclosure_threshold(first, 6)
        assert disclosure_threshold(second) == 6
    finally:
        first.close()
        second.close()


def test_a_threshold_this_computer_kept_before_still_applies_until_one_is_set(database):
    from gwa_desktop import preferences

    preferences._save({**preferences._load(), "disclosure_threshold": 8})
    assert disclosure_threshold(database) == 8
    preferences._save({**preferences._load(), "disclosure_threshold": 99})
    assert disclosure_threshold(database) == 3  # out of range: the default
