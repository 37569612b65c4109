"""A village's corrected package replaces its rejected one: the new package counts, unreviewed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import text

from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import REPLACED, import_package
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.district_review import (
    NOT_REVIEWED,
    REJECTED,
    get_review,
    list_packages,
    save_review,
)
from tests.exchange.sample_data import PERIOD
from tests.services.service_builders import activity_data


def test_the_corrected_package_replaces_the_rejected_one(filled, other_database, tmp_path):
    first_folder, second_folder = tmp_path / "first", tmp_path / "second"
    first_folder.mkdir()
    second_folder.mkdir()
    first = export_district(
        filled.database, Period(*PERIOD), first_folder, created=datetime(2026, 11, 15, 10)
    )
    import_package(other_database, first, receipts=tmp_path)
    (entry,) = list_packages(other_database)
    review = get_review(other_database, entry.package_id)
    save_review(other_database, replace(review, state=REJECTED, note="März fehlt"))
    assert village_figures(other_database) == []

    ActivityService(filled.database).create(activity_data(occurred_on=date(2026, 3, 10)))
    corrected = export_district(
        filled.database, Period(*PERIOD), second_folder, created=datetime(2026, 11, 16, 10)
    )
    assert import_package(other_database, corrected, receipts=tmp_path).outcome == REPLACED

    (entry,) = list_packages(other_database)
    assert entry.review.state == NOT_REVIEWED
    assert entry.activities == len(read_package(corrected).data.activities)
    (village,) = village_figures(other_database)
    assert village.package_id == entry.package_id
    with other_database.engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM package_reviews")).scalar() == 0
