"""Plausibility rules over imported packages, on crafted district data."""

from __future__ import annotations

from datetime import date, datetime

from gwa_desktop.cli.main import main
from gwa_desktop.services.district_checks import check_packages
from gwa_desktop.storage.district_models import DistrictActivity, DistrictPackage


def package(session, municipality: str, start: date, end: date, number: int) -> DistrictPackage:
    row = DistrictPackage(
        municipality=municipality,
        period_start=start,
        period_end=end,
        created_at=datetime(2027, 1, 2),
        format_version=2,
        sha256=f"{number:064x}",
    )
    session.add(row)
    session.flush()
    return row


def activity(session, owner: DistrictPackage, day: date, total: int, **counts) -> None:
    session.add(
        DistrictActivity(
            package_id=owner.id,
            occurred_on=day,
            kind="event",
            title="Veranstaltung",
            participants_total=total,
            **counts,
        )
    )


def test_each_rule_flags_what_it_is_for_and_nothing_else(database, database_path, capsys):
    with database.session() as session:
        lindental = package(session, "Gemeinde Lindental", date(2026, 1, 1), date(2026, 6, 30), 1)
        for month in range(1, 6):
            activity(session, lindental, date(2026, month, 10), 10, participants_women=6)
        activity(session, lindental, date(2026, 6, 10), 150)  # 15 times the usual month
        activity(session, lindental, date(2026, 6, 12), 4, participants_women=3, participants_men=2)
        activity(session, lindental, date(2026, 6, 14), 8, age_under_18=9)
        activity(session, lindental, date(2026, 6, 16), 8, volunteer_hours=3.5)
        birkenau = package(session, "Gemeinde Birkenau", date(2026, 1, 1), date(2026, 3, 31), 2)
        for month in range(1, 4):  # 9 times its usual: not flagged; and too few months anyway
            activity(session, birkenau, date(2026, month, 3), 90 if month == 3 else 10)
        activity(session, birkenau, date(2026, 2, 3), 6, volunteers_count=2, volunteer_hours=4)
        activity(session, birkenau, date(2026, 2, 4), 6, participants_women=6, age_27_64=6)
        session.commit()

    findings = check_packages(database)

    assert [(f.municipality, f.rule) for f in findings] == [
        ("Gemeinde Lindental", "breakdown_larger"),
        ("Gemeinde Lindental", "hours_without_volunteers"),
        ("Gemeinde Lindental", "unusual_month"),
    ]
    larger, hours, unusual = (f.message for f in findings)
    assert larger.startswith("2 Aktivitäten haben mehr")
    assert hours == "1 Aktivität hat Ehrenamtsstunden, aber keine Ehrenamtlichen."
    assert unusual.startswith("06.2026: 170 Teilnehmende, mehr als das 10-Fache")
    assert findings[0].period == "01.01.2026 – 30.06.2026"

    assert main(["--database", str(database_path), "district", "checks"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Gemeinde Lindental, 01.01.2026 – 30.06.2026: {larger}"
    assert len(out) == 3


def test_no_packages_no_findings(database_path, capsys):
    assert main(["--database", str(database_path), "district", "checks"]) == 0
    assert "Keine unplausiblen Zahlen gefunden." in capsys.readouterr().out
