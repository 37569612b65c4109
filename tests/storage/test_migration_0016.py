"""Migration 0016 keeps every activity's volunteer totals and lists known volunteers.

The totals of an older database were typed without names; after the upgrade they read
and save back as they were, and naming one of the helpers later keeps them too (the
rest stays counted without a name).
"""

from __future__ import annotations

import sqlite3

from gwa_desktop.domain.volunteer import HelperHours, LanguageLevel
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.activity_helpers import unnamed_part
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.volunteers import HelpWanted, VolunteerService
from gwa_desktop.storage.database import open_database
from tests.storage.test_migrations import migrate_to

STAMP = "'2026-01-01 00:00:00.000000'"
#: id, name, roles, legal basis, consent withdrawn (None: no consent), languages
PEOPLE = [
    (1, "Amal Nasser", ["volunteer"], "consent", False, ["ar", "de"]),
    (2, "Olena Bondar", ["newcomer", "language_mediator"], "public_task", None, ["uk"]),
    (3, "Zurückgezogen", ["volunteer"], "consent", True, ["fa"]),
    (4, "Ohne Grundlage", ["volunteer"], None, None, []),
    (5, "Keine Ehrenamtliche", ["newcomer"], "public_task", None, ["ar"]),
]
#: id, date, start, end, volunteers, hours
ACTIVITIES = [
    (1, "2025-02-06", "'14:00:00.000000'", "'17:00:00.000000'", 3, 7.5),
    (2, "2025-03-01", "NULL", "NULL", 0, 0.0),
    (3, "2025-04-01", "'09:00:00.000000'", "'12:00:00.000000'", 2, 4.25),
]


def old_database(path) -> None:
    migrate_to(path, "0015")
    with sqlite3.connect(path) as connection:
        for number, name, roles, basis, withdrawn, languages in PEOPLE:
            connection.execute(
                "INSERT INTO contacts (id, kind, name, role, legal_basis, phone, email, street, postal_code, "
                f"city, notes, search_text, created_at, updated_at) VALUES (?, 'person', ?, ?, ?, '', '', '', "
                f"'', '', '', '', {STAMP}, {STAMP})",
                (number, name, roles[0], basis),
            )
            for position, role in enumerate(roles):
                connection.execute(
                    "INSERT INTO contact_roles (contact_id, role, position) VALUES (?, ?, ?)",
                    (number, role, position),
                )
            for position, code in enumerate(languages):
                connection.execute(
                    "INSERT INTO contact_languages (contact_id, code, position) VALUES (?, ?, ?)",
                    (number, code, position),
                )
            if withdrawn is not None:
                connection.execute(
                    "INSERT INTO consent_records (contact_id, given_on, purpose, form_version, form_language, "
                    f"method, withdrawn_on, created_at, updated_at) VALUES (?, '2025-01-10', 'Ehrenamt', '1', "
                    f"'de', 'written', ?, {STAMP}, {STAMP})",
                    (number, "2025-06-01" if withdrawn else None),
                )
        for number, day, start, end, volunteers, hours in ACTIVITIES:
            connection.execute(
                "INSERT INTO activities (id, occurred_on, start_time, end_time, kind, title, participants_total, "
                "volunteers_count, volunteer_hours, notes, search_text, created_at, updated_at) VALUES "
                f"(?, ?, {start}, {end}, 'event', 'Fest', 20, ?, ?, '', '', {STAMP}, {STAMP})",
                (number, day, volunteers, hours),
            )
    connection.close()


def stored_totals(database) -> list[tuple[int, int, float]]:
    with database.engine.connect() as connection:
        return [
            (row[0], row[1], float(row[2]))
            for row in connection.exec_driver_sql(
                "SELECT id, volunteers_count, volunteer_hours FROM activities ORDER BY id"
            )
        ]


def test_totals_stay_and_known_volunteers_get_a_profile(tmp_path):
    path = tmp_path / "gwa.sqlite"
    old_database(path)
    database = open_database(str(path))
    try:
        before = [(number, count, hours) for number, _d, _s, _e, count, hours in ACTIVITIES]
        assert stored_totals(database) == before
        activities = ActivityService(database)
        for number, *_rest in ACTIVITIES:
            data = activities.get(number)
            assert (data.helpers, data.extra_volunteers, data.extra_volunteer_hours) == ([], 0, 0.0)
            activities.update(data)
        assert stored_totals(database) == before

        # The officer names Amal as one of the three helpers of the first activity.
        data = activities.get(1)
        data.helpers = [HelperHours(1, 2.5)]
        data.extra_volunteers, data.extra_volunteer_hours = unnamed_part(data)
        assert (data.extra_volunteers, data.extra_volunteer_hours) == (2, 5.0)
        activities.update(data)
        assert stored_totals(database) == before
        assert activities.get(1).helpers == [HelperHours(1, 2.5, "Amal Nasser")]

        found = VolunteerService(database).find(HelpWanted())
        assert [m.name for m in found] == ["Amal Nasser", "Olena Bondar"]
        amal = ContactService(database).get(1).volunteer
        assert [(s.code, s.level) for s in amal.languages] == [
            ("ar", LanguageLevel.GOOD),
            ("de", LanguageLevel.GOOD),
        ]
        assert ContactService(database).get(3).volunteer is None
    finally:
        database.close()
