"""The activities screen's "this quarter" counts what the district export of the quarter reports (issue 10, item 6)."""

from __future__ import annotations

from datetime import date, timedelta

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.services.district_collect import collect
from gwa_desktop.services.periods import quarter_of


def test_this_quarter_on_screen_and_in_the_export_are_the_same_activities(qtbot, window, services):
    services.settings.save(MunicipalityData(name="Gemeinde Lindental", district="Landkreis Süd"))
    today = date.today()
    quarter = quarter_of(today)
    for day in sorted({quarter.start, today}):
        services.activities.create(
            ActivityData(
                occurred_on=day,
                kind=ActivityKind.OFFER_SESSION,
                title="Sprachcafé",
                participants_total=9,
            )
        )
    services.activities.create(
        ActivityData(
            occurred_on=today + timedelta(days=2),
            kind=ActivityKind.EVENT,
            title="Sommerfest (geplant)",
        )
    )
    page = window.activities_page
    window.show_page(window.pages.index(page))

    page.period_filter.setCurrentIndex(page.period_filter.findData("quarter"))

    shown = [page.model.index(row, 2).data() for row in range(page.model.rowCount())]
    exported = collect(services.database, quarter).activities
    assert len(shown) == len(exported) == len({quarter.start, today})
    assert "Sommerfest (geplant)" not in shown
    page.period_filter.setCurrentIndex(page.period_filter.findData("planned"))
    assert [page.model.index(row, 2).data() for row in range(page.model.rowCount())] == [
        "Sommerfest (geplant)"
    ]
