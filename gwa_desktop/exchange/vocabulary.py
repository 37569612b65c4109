"""The fixed German names of the district exchange format: sheets, columns and values.

The district office keys its pivot tables and import scripts on these names year after
year, across municipalities whose officers may use the program in Arabic or Ukrainian.
They are part of the format, like the JSON keys, and therefore not translated with the
user interface; the enum values in the JSON members stay the stable English codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import lru_cache

from gwa_desktop.domain.enums import (
    ActivityKind,
    ContactKind,
    ContactRole,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.domain.languages import language_name

REPORT_LANGUAGE = "de"

SHEET_OVERVIEW = "Übersicht"
SHEET_MUNICIPALITIES = "Gemeinden"
SHEET_MONTHS = "Je Monat"
SHEET_PARTICIPANTS = "Teilnehmende"
SHEET_LANGUAGES = "Sprachen"
SHEET_OFFERS = "Angebote"
SHEET_VILLAGE_MONTHS = "Aktivitäten je Gemeinde"
SHEET_CONTACTS = "Kontakte"

#: The meeting place of an offer held at a home: what the district sees instead of it.
PRIVATE_PLACE = "privater Ort (nicht angegeben)"

#: Enum members are StrEnums and compare equal to their stored codes, so a code looks up
#: the same entry; codes shared by two vocabularies ("other") share their German name.
# Keyed by StrEnum members, which hash and compare as their stored codes: a code read
# back from a package finds its label too.
GERMAN_LABELS: dict[Enum | str, str] = {
    ActivityKind.NETWORK_MEETING: "Netzwerktreffen",
    ActivityKind.JOINT_ACTION: "Gemeinsame Aktion",
    ActivityKind.EVENT: "Veranstaltung",
    ActivityKind.COUNSELLING: "Beratung",
    ActivityKind.OFFER_SESSION: "Angebotstermin",
    ActivityKind.OTHER: "Sonstiges",
    OfferCategory.LANGUAGE: "Sprache",
    OfferCategory.EDUCATION: "Bildung",
    OfferCategory.FAMILY: "Familie",
    OfferCategory.WORK: "Arbeit",
    OfferCategory.COUNSELLING: "Beratung",
    OfferCategory.LEISURE: "Freizeit und Sport",
    OfferCategory.HEALTH: "Gesundheit",
    OfferCategory.OTHER: "Sonstiges",
    OfferStatus.PLANNED: "Geplant",
    OfferStatus.ACTIVE: "Aktiv",
    OfferStatus.PAUSED: "Pausiert",
    OfferStatus.ENDED: "Beendet",
    Recurrence.ONCE: "Einmalig",
    Recurrence.WEEKLY: "Wöchentlich",
    Recurrence.BIWEEKLY: "Alle zwei Wochen",
    Recurrence.MONTHLY: "Monatlich",
    TargetGroup.EVERYONE: "Alle",
    TargetGroup.FAMILIES: "Familien",
    TargetGroup.CHILDREN: "Kinder",
    TargetGroup.YOUTH: "Jugendliche",
    TargetGroup.WOMEN: "Frauen",
    TargetGroup.MEN: "Männer",
    TargetGroup.SENIORS: "Seniorinnen und Senioren",
    TargetGroup.NEWCOMERS: "Neuzugewanderte",
    TargetGroup.VOLUNTEERS: "Ehrenamtliche",
    ContactKind.PERSON: "Person",
    ContactKind.ORGANISATION: "Organisation",
    ContactRole.VOLUNTEER: "Ehrenamtliche(r)",
    ContactRole.LANGUAGE_MEDIATOR: "Sprachmittler(in)",
    ContactRole.NEWCOMER: "Person mit Migrationserfahrung",
    ContactRole.DAYCARE: "Kita",
    ContactRole.SCHOOL: "Schule",
    ContactRole.JOB_CENTRE: "Jobcenter",
    ContactRole.DISTRICT_OFFICE: "Kreisverwaltung",
    ContactRole.ASSOCIATION: "Verein",
    ContactRole.COUNSELLING_SERVICE: "Beratungsstelle",
    ContactRole.ADMINISTRATION: "Gemeindeverwaltung",
    ContactRole.OTHER: "Sonstiges",
    LegalBasis.CONSENT: "Einwilligung",
    LegalBasis.PUBLIC_TASK: "Öffentliche Aufgabe",
    LegalBasis.CONTRACT: "Vertrag",
}

PARTICIPANT_CATEGORIES = {
    "participants_total": "Teilnehmende gesamt",
    "participants_women": "Frauen",
    "participants_men": "Männer",
    "participants_diverse": "Divers",
    "age_under_18": "unter 18 Jahre",
    "age_18_26": "18–26 Jahre",
    "age_27_64": "27–64 Jahre",
    "age_65_plus": "65 Jahre und älter",
    "newcomers": "Neu dabei",
    "regulars": "Regelmäßig dabei",
    "volunteers_count": "Ehrenamtliche",
}


def german(value: Enum | str | None) -> str:
    """The German name of an enum value (or of its stored code)."""
    if value is None:
        return ""
    return GERMAN_LABELS.get(value, str(value))


def language_names(codes: Sequence[str]) -> str:
    return _language_names(tuple(codes))


@lru_cache(maxsize=4096)
def _language_names(codes: tuple[str, ...]) -> str:
    """Cached: 100,000 activities share a few hundred combinations of languages."""
    return ", ".join(language_name(code, REPORT_LANGUAGE) for code in codes)
