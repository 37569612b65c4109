"""Demo data: the invented village Lindenbach for trying the program, and bulk data for benchmarks.

`load_demo_data` goes through the services, so the demo shows only what a user could
have typed in (GDPR rules, headcount checks). It refuses a database that already holds
contacts, offers or activities, and leaves municipality settings the user has entered.

`generate_bulk_data` writes many rows straight into the tables with executemany for
speed, filling `search_text` and the sort keys the way the services do (services.search_text,
domain.collation). The content is in demo_content.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Table, exists, func, insert, select

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import (
    ActivityKind,
    ConsentMethod,
    ContactKind,
    ContactRole,
    LegalBasis,
    OfferStatus,
)
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.i18n import _
from gwa_desktop.services import demo_content as content
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.demo_volunteers import add_volunteer_profiles
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.search_text import (
    activity_search_text,
    contact_search_text,
    offer_search_text,
)
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage import models as m
from gwa_desktop.storage.database import Database


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    offers: int
    activities: int
    settings_written: bool = False

    def __str__(self) -> str:
        return _("{contacts} contacts, {offers} offers and {activities} activities loaded.").format(
            contacts=self.contacts, offers=self.offers, activities=self.activities
        )


class DatabaseNotEmptyError(ValidationError):
    """Demo data would mix with real records; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            {
                "": _(
                    "Demo data can only be loaded into an empty database, and this one already contains "
                    "contacts, offers or activities. Nothing was changed. Create a new database to try the demo."
                )
            }
        )


def is_empty(database: Database) -> bool:
    with database.session() as session:
        return not any(
            session.scalar(select(exists().select_from(t)))
            for t in (m.Contact, m.Offer, m.Activity)
        )


def load_demo_data(database: Database) -> DemoSummary:
    """Fill an empty database with the demo village; raise DatabaseNotEmptyError otherwise."""
    if not is_empty(database):
        raise DatabaseNotEmptyError()
    today = date.today()
    written = _save_settings(SettingsService(database))
    contact_ids = _create_contacts(ContactService(database), today)
    add_volunteer_profiles(ContactService(database), contact_ids, today)
    offers = _create_offers(OfferService(database), contact_ids, today)
    count = _create_activities(ActivityService(database), offers, contact_ids, today)
    return DemoSummary(len(contact_ids), len(offers), count, written)


def _save_settings(service: SettingsService) -> bool:
    if service.get().name.strip():
        return False
    service.save(MunicipalityData(**content.MUNICIPALITY))
    return True


def _create_contacts(service: ContactService, today: date) -> dict[str, int]:
    ids: dict[str, int] = {}
    for kind, entries in (
        (ContactKind.ORGANISATION, content.ORGANISATIONS),
        (ContactKind.PERSON, content.PERSONS),
    ):
        for entry in entries:
            ids[entry["key"]] = service.create(_contact_data(entry, kind, ids, today))
    return ids


def _contact_data(
    entry: dict[str, Any], kind: ContactKind, ids: dict[str, int], today: date
) -> ContactData:
    fields = {k: v for k, v in entry.items() if k not in ("key", "organisation", "consent")}
    for name in ("languages", "topics", "tags"):
        fields[name] = list(fields.get(name, ()))
    if kind is ContactKind.ORGANISATION:
        fields = {**content.VILLAGE, **fields}
    consent = entry.get("consent")
    consents = (
        [
            ConsentData(
                given_on=today - timedelta(days=consent["days_ago"]),
                purpose=consent["purpose"],
                method=consent["method"],
                form_version=consent["form_version"],
                form_language=consent["form_language"],
            )
        ]
        if consent
        else []
    )
    return ContactData(
        kind=kind,
        organisation_id=ids.get(entry.get("organisation", "")),
        consents=consents,
        **fields,
    )


def _create_offers(
    service: OfferService, ids: dict[str, int], today: date
) -> dict[str, tuple[int, OfferData]]:
    offers = {}
    for entry in content.OFFERS:
        data = _offer_data(entry, ids, today)
        offers[entry["key"]] = (service.create(data), data)
    return offers


def _offer_data(entry: dict[str, Any], ids: dict[str, int], today: date) -> OfferData:
    start = _start_date(entry, today)
    weeks = entry.get("weeks_running")
    start_time, end_time = (time.fromisoformat(t) for t in entry["times"])
    place = {
        key: entry.get(key, content.VILLAGE.get(key, ""))
        for key in ("place_name", "street", "postal_code", "city")
    }
    return OfferData(
        texts=[OfferTextData(lang, title, text) for lang, (title, text) in entry["texts"].items()],
        category=entry["category"],
        status=entry.get("status", OfferStatus.ACTIVE),
        recurrence=entry["recurrence"],
        start_date=start,
        end_date=start + timedelta(weeks=weeks - 1) if weeks else None,
        start_time=start_time,
        end_time=end_time,
        target_groups=list(entry["target_groups"]),
        languages=list(entry["languages"]),
        cost_cents=entry.get("cost_cents"),
        cost_note=entry.get("cost_note", ""),
        registration_required=entry.get("registration_required", False),
        registration_note=entry.get("registration_note", ""),
        provider_id=ids[entry["provider"]],
        contact_person_ids=[ids[key] for key in entry["contacts"]],
        **place,
    )


def _start_date(entry: dict[str, Any], today: date) -> date:
    if "months_ago" in entry:
        year, month = divmod(today.year * 12 + today.month - 1 - entry["months_ago"], 12)
        return _nth_weekday(year, month + 1, entry["weekday"], entry["ordinal"])
    return _week_day(today, entry["weeks_ago"], entry["weekday"])


def _week_day(today: date, weeks_ago: int, weekday: int) -> date:
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=weeks_ago) + timedelta(days=weekday)


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1))


def _create_activities(
    service: ActivityService, offers: dict[str, Any], ids: dict[str, int], today: date
) -> int:
    rng = random.Random(content.DEMO_SEED)
    activities = [*_offer_sessions(rng, offers, today), *_other_activities(rng, ids, today)]
    for data in sorted(activities, key=lambda a: (a.occurred_on, a.start_time)):
        service.create(data)
    return len(activities)


def _offer_sessions(rng: random.Random, offers: dict[str, Any], today: date) -> list[ActivityData]:
    sessions = []
    for key, wanted, kind, size, profile, volunteers, languages, notes in content.OFFER_SESSIONS:
        offer_id, offer = offers[key]
        paused = content.PAUSED_SINCE_WEEKS.get(key)
        last = _week_day(today, paused, 0) if paused else today - timedelta(days=1)
        days = _past_dates(offer.schedule, today - timedelta(days=365), last)
        for number, day in enumerate(sorted(rng.sample(days, min(wanted, len(days))))):
            sessions.append(
                _activity(
                    rng,
                    day,
                    kind,
                    offer.title,
                    size,
                    profile,
                    volunteers,
                    languages,
                    (offer.start_time, offer.end_time),
                    notes[number % len(notes)],
                    offer_id=offer_id,
                )
            )
    return sessions


def _past_dates(schedule: Schedule, first: date, last: date) -> list[date]:
    days = []
    for day in schedule.occurrences():
        if day > last:
            break
        if day >= first:
            days.append(day)
    return days


def _other_activities(rng: random.Random, ids: dict[str, int], today: date) -> list[ActivityData]:
    return [
        _activity(
            rng,
            _week_day(today, weeks, weekday),
            kind,
            title,
            size,
            profile,
            volunteers,
            languages,
            tuple(time.fromisoformat(t) for t in times),
            notes,
            organisation_ids=[ids[k] for k in organisations],
        )
        for weeks, weekday, kind, title, size, profile, organisations, languages, volunteers, times, notes in content.OTHER_ACTIVITIES
    ]


def _activity(
    rng: random.Random,
    day: date,
    kind: ActivityKind,
    title: str,
    size: tuple[int, int],
    profile: str,
    volunteers: tuple[int, int],
    languages: Iterable[str],
    times: tuple[time | None, ...],
    notes: str,
    **links: Any,
) -> ActivityData:
    total = rng.randint(*size)
    helpers = rng.randint(*volunteers)
    start, end = times
    hours = (
        (datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() / 3600
        if start and end
        else 2.0
    )
    return ActivityData(
        occurred_on=day,
        kind=kind,
        title=title,
        start_time=start,
        end_time=end,
        participants_total=total,
        languages=list(languages),
        volunteers_count=helpers,
        volunteer_hours=round(helpers * hours, 2),
        notes=notes,
        **breakdown(rng, total, content.PROFILES[profile]),
        **links,
    )


def breakdown(
    rng: random.Random, total: int, profile: tuple[float, tuple[float, ...], float | None]
) -> dict[str, Any]:
    """Plausible anonymous counts whose parts never exceed `total`; some parts stay unrecorded."""
    women_share, age_weights, newcomer_share = profile
    women = min(total, round(total * min(1.0, women_share * rng.uniform(0.85, 1.15))))
    diverse = 1 if total - women >= 2 and rng.random() < 0.1 else 0
    counts: dict[str, int | None] = dict(
        participants_women=women,
        participants_men=total - women - diverse,
        participants_diverse=diverse,
    )
    ages = _split(rng, total, age_weights) if rng.random() < 0.8 else [None] * 4
    counts.update(zip(("age_under_18", "age_18_26", "age_27_64", "age_65_plus"), ages))
    newcomers = (
        min(total, round(total * newcomer_share * rng.uniform(0.5, 1.5)))
        if newcomer_share
        else None
    )
    counts.update(newcomers=newcomers, regulars=None if newcomers is None else total - newcomers)
    return counts


def _split(rng: random.Random, total: int, weights: tuple[float, ...]) -> list[int]:
    """`total` shared out by jittered `weights`; the parts add up to exactly `total`."""
    jittered = [w * rng.uniform(0.7, 1.3) for w in weights]
    scale = total / sum(jittered)
    parts = [int(w * scale) for w in jittered]
    order = sorted(range(len(parts)), key=lambda i: jittered[i] * scale - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


# --- bulk data for benchmarks -------------------------------------------------------------


def generate_bulk_data(
    database: Database, contacts: int, activities: int, offers: int = 200, seed: int = 1
) -> DemoSummary:
    """Insert invented rows fast (one transaction, executemany) for measuring list speed."""
    rng = random.Random(seed)
    today = date.today()
    with database.engine.begin() as connection:
        bulk = _Bulk(connection, rng, today)
        org_ids, person_ids = bulk.contacts(contacts)
        offer_ids = bulk.offers(offers, org_ids, person_ids)
        bulk.activities(activities, offer_ids, org_ids)
    return DemoSummary(contacts, offers, activities)


class _Bulk:
    def __init__(self, connection: Connection, rng: random.Random, today: date) -> None:
        self.connection, self.rng, self.today, self.now = connection, rng, today, m.utcnow()
        self.stamps = {"created_at": self.now, "updated_at": self.now}

    def _next_id(self, model: type[m.Base]) -> int:
        return (self.connection.scalar(select(func.max(model.__table__.c.id))) or 0) + 1

    def _insert(self, model: type[m.Base] | Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.connection.execute(insert(model), rows)

    def contacts(self, count: int) -> tuple[list[int], list[int]]:
        """Organisations first (a tenth), then persons; returns organisation ids and ids of persons with a basis."""
        first = self._next_id(m.Contact)
        organisations = min(count, max(1, count // 10))
        org_ids = list(range(first, first + organisations))
        rows, languages, topics, consents = [], [], [], []
        for contact_id in range(first, first + count):
            row = (
                self._organisation()
                if contact_id < first + organisations
                else self._person(org_ids)
            )
            codes, subjects = [], []
            if row["kind"] is ContactKind.ORGANISATION or row["legal_basis"] is not None:
                row.update(self._details(contact_id, row["name"]))
                codes = self.rng.sample(content.BULK_LANGUAGES, self.rng.randint(0, 3))
                subjects = self.rng.sample(content.BULK_TOPICS, self.rng.randint(0, 2))
            if row["legal_basis"] is LegalBasis.CONSENT:
                consents.append(self._consent(contact_id))
            languages += [
                dict(contact_id=contact_id, code=c, position=i) for i, c in enumerate(codes)
            ]
            topics += [
                dict(contact_id=contact_id, topic=t, position=i) for i, t in enumerate(subjects)
            ]
            rows.append(self._contact_row(contact_id, row, codes, subjects))
        for model, batch in (
            (m.Contact, rows[:organisations]),
            (m.Contact, rows[organisations:]),
            (m.ContactLanguage, languages),
            (m.ContactTopic, topics),
            (m.ConsentRecord, consents),
        ):
            self._insert(model, batch)
        return org_ids, [r["id"] for r in rows[organisations:] if r["legal_basis"] is not None]

    def _organisation(self) -> dict[str, Any]:
        pattern, role = self.rng.choice(content.BULK_ORGANISATIONS)
        return dict(
            kind=ContactKind.ORGANISATION,
            name=pattern.format(self.rng.choice(content.HAMLETS)),
            organisation_id=None,
            role=role,
            legal_basis=None,
        )

    def _consent(self, contact_id: int) -> dict[str, Any]:
        return dict(
            contact_id=contact_id,
            given_on=self.today - timedelta(days=self.rng.randint(1, 900)),
            purpose=content.MEDIATION_PURPOSE,
            form_version="v1",
            form_language="de",
            method=ConsentMethod.WRITTEN,
            withdrawn_on=None,
            **self.stamps,
        )

    def _person(self, org_ids: list[int]) -> dict[str, Any]:
        rng = self.rng
        basis = rng.choices(
            (None, LegalBasis.PUBLIC_TASK, LegalBasis.CONSENT, LegalBasis.CONTRACT), (3, 3, 3, 1)
        )[0]
        role = rng.choice(list(ContactRole)) if basis else None
        return dict(
            kind=ContactKind.PERSON,
            name=f"{rng.choice(content.FIRST_NAMES)} {rng.choice(content.LAST_NAMES)}",
            organisation_id=rng.choice(org_ids) if rng.random() < 0.7 else None,
            role=role,
            legal_basis=basis,
        )

    def _details(self, contact_id: int, name: str) -> dict[str, Any]:
        local = (
            unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
            .encode("ascii", "ignore")
            .decode()
        )
        return dict(
            phone=f"0123 {45000 + contact_id % 5000}-{contact_id % 100:02d}",
            email=f"{'.'.join(local.split())}.{contact_id}@example.org",
            street=f"Lindenstraße {contact_id % 90 + 1}",
            **content.VILLAGE,
        )

    def _contact_row(
        self, contact_id: int, row: dict[str, Any], codes: list[str], subjects: list[str]
    ) -> dict[str, Any]:
        full = {
            "id": contact_id,
            **dict.fromkeys(("phone", "email", "street", "postal_code", "city", "notes"), ""),
            **row,
            **self.stamps,
        }
        full["search_text"] = contact_search_text(
            name=full["name"],
            phone=full["phone"],
            email=full["email"],
            street=full["street"],
            postal_code=full["postal_code"],
            city=full["city"],
            notes=full["notes"],
            topics=subjects,
            languages=codes,
            role=full["role"],
        )
        full["sort_key"] = sort_key(full["name"])
        return full

    def offers(
        self, count: int, org_ids: list[int], person_ids: list[int]
    ) -> list[tuple[int, str]]:
        rng, first = self.rng, self._next_id(m.Offer)
        rows, texts, groups, languages, contacts, result = [], [], [], [], [], []
        for offset in range(count):
            offer_id, template = first + offset, rng.choice(content.OFFERS)
            hamlet = rng.choice(content.HAMLETS)
            start = self.today - timedelta(days=rng.randint(-60, 1500))
            title_de = f"{template['texts']['de'][0]} {hamlet}"
            entries = [
                (lang, title_de if lang == "de" else title, text)
                for lang, (title, text) in template["texts"].items()
            ]
            texts += [
                dict(
                    offer_id=offer_id,
                    language=lang,
                    title=title,
                    sort_key=sort_key(title),
                    description=text,
                    position=i,
                )
                for i, (lang, title, text) in enumerate(entries)
            ]
            groups += [dict(offer_id=offer_id, group=g) for g in template["target_groups"]]
            languages += [
                dict(offer_id=offer_id, code=c, position=i)
                for i, c in enumerate(template["languages"])
            ]
            people = rng.sample(person_ids, min(len(person_ids), rng.randint(0, 2)))
            contacts += [dict(offer_id=offer_id, contact_id=p) for p in people]
            start_time, end_time = (time.fromisoformat(t) for t in template["times"])
            place_name = f"{template.get('place_name', 'Gemeindehaus')} {hamlet}"
            rows.append(
                dict(
                    id=offer_id,
                    category=template["category"],
                    status=rng.choice(list(OfferStatus)),
                    place_name=place_name,
                    place_sort_key=sort_key(place_name),
                    street=template.get("street", ""),
                    **content.VILLAGE,
                    recurrence=template["recurrence"],
                    start_date=start,
                    end_date=None,
                    start_time=start_time,
                    end_time=end_time,
                    cost_cents=template.get("cost_cents"),
                    cost_note=template.get("cost_note", ""),
                    registration_required=template.get("registration_required", False),
                    registration_note=template.get("registration_note", ""),
                    web_url="",
                    provider_id=rng.choice(org_ids) if org_ids else None,
                    **self.stamps,
                    search_text=offer_search_text(
                        place_name=place_name,
                        street=template.get("street", ""),
                        city=content.VILLAGE["city"],
                        texts=[(title, text) for _lang, title, text in entries],
                        category=template["category"],
                        languages=template["languages"],
                    ),
                )
            )
            result.append((offer_id, title_de))
        for model, extra in (
            (m.Offer, rows),
            (m.OfferText, texts),
            (m.OfferTargetGroup, groups),
            (m.OfferLanguage, languages),
            (m.offer_contacts, contacts),
        ):
            self._insert(model, extra)
        return result

    def activities(self, count: int, offers: list[tuple[int, str]], org_ids: list[int]) -> None:
        rng, first = self.rng, self._next_id(m.Activity)
        kinds = list(ActivityKind)
        rows, languages, organisations = [], [], []
        for offset in range(count):
            activity_id = first + offset
            kind = rng.choices(kinds, (2, 1, 1, 3, 8, 1))[0]
            offer_id, title = (
                rng.choice(offers)
                if kind is ActivityKind.OFFER_SESSION and offers
                else (None, None)
            )
            title = title or rng.choice(content.BULK_TITLES[kind])
            total = rng.randint(1, 6) if kind is ActivityKind.COUNSELLING else rng.randint(3, 40)
            helpers = rng.randint(0, 3)
            notes = rng.choice(content.BULK_NOTES)
            rows.append(
                dict(
                    id=activity_id,
                    occurred_on=self.today - timedelta(days=rng.randint(0, 5 * 365)),
                    start_time=time(rng.randint(8, 18)),
                    end_time=None,
                    kind=kind,
                    title=title,
                    offer_id=offer_id,
                    participants_total=total,
                    volunteers_count=helpers,
                    volunteer_hours=helpers * 2.0,
                    notes=notes,
                    search_text=activity_search_text(title=title, notes=notes, kind=kind),
                    sort_key=sort_key(title),
                    **self.stamps,
                    **breakdown(rng, total, content.PROFILES[rng.choice(content.BULK_PROFILES)]),
                )
            )
            if rng.random() < 0.3:
                codes = rng.sample(content.BULK_LANGUAGES, rng.randint(1, 3))
                languages += [
                    dict(activity_id=activity_id, code=c, position=i) for i, c in enumerate(codes)
                ]
            if kind in (ActivityKind.NETWORK_MEETING, ActivityKind.JOINT_ACTION):
                chosen = rng.sample(org_ids, min(len(org_ids), rng.randint(1, 4)))
                organisations += [dict(activity_id=activity_id, contact_id=c) for c in chosen]
        for model, extra in (
            (m.Activity, rows),
            (m.ActivityLanguage, languages),
            (m.activity_organisations, organisations),
        ):
            self._insert(model, extra)
