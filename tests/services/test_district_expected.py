"""The dry run's warning for a period the district's list does not expect."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_expected import unexpected_period
from gwa_desktop.services.district_municipalities import (
    MunicipalityInput,
    MunicipalityListService,
)
from gwa_desktop.services.reporting_cycles import ReportingCycle

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
JANUARY = Period(date(2026, 1, 1), date(2026, 1, 31))
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
INSTALLATION = str(uuid.uuid4())


def ask(database, municipality: str, period: Period, installation: str | None = None):
    with database.session() as session:
        return unexpected_period(session, installation, municipality, period)


@pytest.fixture
def listed(database):
    MunicipalityListService(database).add(
        MunicipalityInput(
            "Gemeinde Lindental",
            cycle=ReportingCycle.QUARTERLY,
            active_from=date(2025, 7, 1),
            installation_id=INSTALLATION,
        )
    )
    return database


def test_a_district_without_a_list_expects_every_period(database):
    assert ask(database, "Gemeinde Lindental", JANUARY) is None


def test_whole_periods_of_the_cycle_and_longer_ones_are_expected(listed):
    assert ask(listed, "Gemeinde Lindental", Q1) is None
    assert ask(listed, "Gemeinde Lindental", YEAR) is None  # four whole quarters


def test_a_month_from_a_quarterly_village_is_pointed_out(listed):
    warning = ask(listed, "Gemeinde Lindental", JANUARY)
    assert warning is not None and "vierteljährlich" in warning
    assert "01.01.2026 – 31.01.2026" in warning


def test_a_village_not_on_the_list_is_pointed_out(listed):
    warning = ask(listed, "Gemeinde Bergheim", Q1)
    assert warning is not None and "Gemeinde Bergheim" in warning


def test_a_period_before_the_village_was_to_report_is_pointed_out(listed):
    warning = ask(listed, "Gemeinde Lindental", Period(date(2025, 1, 1), date(2025, 3, 31)))
    assert warning is not None and "01.07.2025" in warning


def test_a_renamed_village_is_found_by_its_installation(listed):
    assert ask(listed, "Lindental (neu)", Q1, INSTALLATION) is None
    assert ask(listed, "Gemeinde Lindental", Q1, str(uuid.uuid4())) is not None
