"""The demo village's volunteers: what they do, in which languages, when, which courses.

Invented like the rest of the demo (demo_content); only people with a legal basis in the
demo get a profile, as the program requires. The demo's activities keep their typed
totals, so the figures the demo shows do not change.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from gwa_desktop.domain.volunteer import (
    Availability,
    LanguageLevel,
    SpokenLanguage,
    Training,
    VolunteerProfile,
)
from gwa_desktop.services.contacts import ContactService

NATIVE, FLUENT, GOOD = LanguageLevel.NATIVE, LanguageLevel.FLUENT, LanguageLevel.GOOD
TUE, WED, THU, SAT = 1, 2, 3, 5

#: key in demo_content.PERSONS → tasks, languages with level, times (weekday, from, to),
#: trainings (title, days ago), topics she may be asked for.
PROFILES = {
    "mediator_ar": (
        ["Dolmetschen", "Begleitung zu Ämtern"],
        [("ar", NATIVE), ("de", FLUENT), ("en", GOOD)],
        [(TUE, 14, 18), (THU, 9, 12)],
        [("Grundkurs Sprachmittlung", 200)],
        ["Behördengänge"],
    ),
    "mediator_prs": (
        ["Dolmetschen", "Begleitung zu Ämtern"],
        [("prs", NATIVE), ("fa", FLUENT), ("de", GOOD)],
        [(TUE, 13, 17)],
        [("Grundkurs Sprachmittlung", 200), ("Erste Hilfe", 90)],
        ["Kita-Anmeldung"],
    ),
    "mediator_uk": (
        ["Dolmetschen", "Hilfe bei Formularen"],
        [("uk", NATIVE), ("ru", FLUENT), ("de", FLUENT)],
        [(WED, 16, 19)],
        [],
        ["Wohnungssuche"],
    ),
    "homework_volunteer": (
        ["Hausaufgabenhilfe"],
        [("de", NATIVE)],
        [(TUE, 15, 17), (THU, 15, 17)],
        [("Lernbegleitung in der Grundschule", 150)],
        [],
    ),
    "bike_volunteer": (
        ["Fahrdienst", "Fahrradwerkstatt"],
        [("de", NATIVE)],
        [(SAT, 10, 13)],
        [],
        [],
    ),
}


def add_volunteer_profiles(service: ContactService, ids: dict[str, int], today: date) -> None:
    for key, (tasks, languages, times, trainings, topics) in PROFILES.items():
        if key not in ids:
            continue
        data = service.get(ids[key])
        data.volunteer = VolunteerProfile(
            tasks=tasks,
            languages=[SpokenLanguage(code, level) for code, level in languages],
            availability=[Availability(day, time(start), time(end)) for day, start, end in times],
            trainings=[Training(title, today - timedelta(days=ago)) for title, ago in trainings],
            topics=topics,
        )
        service.update(data)
