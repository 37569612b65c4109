"""What leaves the laptop for the district: offers and activities of a period, anonymised.

Anonymous by construction: only fields that describe offers and headcounts are read;
contact persons, activity notes and every contact field stay behind. Free texts pass
a Redactor with the private persons' names, phones and e-mails, and counselling
activities lose their title, which too often names the person counselled. Activities
with fewer than SMALL_GROUP participants keep only their total: in a village "two
people, one woman aged 27-64, Ukrainian" names a family. The
explicit, encrypted full export adds the contacts and nothing else, so offers and
activities are the same anonymous records in both, and a district office importing
either never stores a person.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from gwa_desktop.domain.enums import ActivityKind, ContactKind, Recurrence
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData, Period
from gwa_desktop.exchange.redaction import Redactor
from gwa_desktop.exchange.vocabulary import german
from gwa_desktop.i18n import _
from gwa_desktop.services.offers import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, ActivityLanguage, Contact, Offer, OfferText


#: Below this many participants an activity's breakdowns would identify people.
SMALL_GROUP = 5
_BREAKDOWN_KEYS = tuple(key for key in COUNT_KEYS if key not in ("participants_total", "volunteers_count"))


def collect(database: Database, period: Period, personal: bool = False) -> DistrictData:
    """The municipality's data for `period`; the contacts only when `personal`."""
    settings = SettingsService(database).get()
    if not settings.name.strip():
        raise ExchangeError(_("Enter the name of the municipality in the settings first: the district office "
                              "sorts the packages it receives by it."))
    with database.session() as session:
        redact = _redactor(session)
        offers = _offers(session, period, redact)
        activities = _activities(session, period, redact)
        contacts = _contacts(session) if personal else []
    return DistrictData(settings.name.strip(), settings.district.strip(), period, offers, activities, contacts)


def _redactor(session: Session) -> Redactor:
    rows = session.execute(select(Contact.name, Contact.phone, Contact.email).where(Contact.kind == ContactKind.PERSON))
    return Redactor(value for row in rows for value in row if value)


def _offers(session: Session, period: Period, redact: Redactor) -> list[dict[str, Any]]:
    runs_in_period = and_(
        Offer.start_date <= period.end,
        or_(
            and_(Offer.recurrence == Recurrence.ONCE, Offer.start_date >= period.start),
            and_(Offer.recurrence != Recurrence.ONCE, or_(Offer.end_date.is_(None), Offer.end_date >= period.start)),
        ),
    )
    statement = (
        select(Offer).where(runs_in_period).order_by(Offer.start_date, Offer.id)
        .options(selectinload(Offer.texts), selectinload(Offer.target_groups), selectinload(Offer.languages),
                 selectinload(Offer.provider))
    )
    records = []
    for offer in session.scalars(statement):
        text = offer.text_in(REQUIRED_TEXT_LANGUAGE)
        records.append({
            "title": redact(text.title if text else ""), "description": redact(text.description if text else ""),
            "category": offer.category.value, "status": offer.status.value, "recurrence": offer.recurrence.value,
            "start_date": offer.start_date, "end_date": offer.end_date,
            "start_time": offer.start_time, "end_time": offer.end_time,
            "place_name": redact(offer.place_name), "city": offer.city,
            "target_groups": [g.group.value for g in offer.target_groups],
            "languages": [lang.code for lang in offer.languages],
            "provider": offer.provider.name if offer.provider and offer.provider.kind is ContactKind.ORGANISATION else "",
            "cost_cents": offer.cost_cents, "registration_required": bool(offer.registration_required),
        })
    return records


def _activities(session: Session, period: Period, redact: Redactor) -> list[dict[str, Any]]:
    in_period = Activity.occurred_on.between(period.start, period.end)
    languages: dict[int, list[str]] = defaultdict(list)
    language_rows = session.execute(
        select(ActivityLanguage.activity_id, ActivityLanguage.code).join(Activity).where(in_period)
        .order_by(ActivityLanguage.activity_id, ActivityLanguage.position)
    )
    for activity_id, code in language_rows:
        languages[activity_id].append(code)
    offer_text = aliased(OfferText)
    counts = [getattr(Activity, key) for key in COUNT_KEYS]
    statement = (
        select(Activity.id, Activity.occurred_on, Activity.kind, Activity.title, offer_text.title, Activity.volunteer_hours, *counts)
        .outerjoin(offer_text, and_(offer_text.offer_id == Activity.offer_id, offer_text.language == REQUIRED_TEXT_LANGUAGE))
        .where(in_period).order_by(Activity.occurred_on, Activity.id)
    )
    records = []
    for activity_id, occurred_on, kind, title, offer_title, hours, *values in session.execute(statement):
        if kind is ActivityKind.COUNSELLING:
            title = german(kind)
        record = {"occurred_on": occurred_on, "kind": kind.value, "title": redact(title), "offer": redact(offer_title or "")}
        record.update(zip(COUNT_KEYS, values))
        record["volunteer_hours"] = float(hours or 0)
        record["languages"] = languages.get(activity_id, [])
        if (record["participants_total"] or 0) < SMALL_GROUP:
            record.update(dict.fromkeys(_BREAKDOWN_KEYS), languages=[])
        records.append(record)
    return records


def _contacts(session: Session) -> list[dict[str, Any]]:
    statement = select(Contact).order_by(Contact.name, Contact.id).options(
        selectinload(Contact.languages), selectinload(Contact.topics), selectinload(Contact.consents),
        selectinload(Contact.organisation),
    )
    return [
        {
            "name": c.name, "kind": c.kind.value, "organisation": c.organisation.name if c.organisation else "",
            "role": c.role.value if c.role else None, "phone": c.phone, "email": c.email, "street": c.street,
            "postal_code": c.postal_code, "city": c.city, "notes": c.notes,
            "languages": [lang.code for lang in c.languages], "topics": [t.topic for t in c.topics],
            "legal_basis": c.legal_basis.value if c.legal_basis else None,
            "consents": "; ".join(
                f"{r.given_on:%d.%m.%Y} {r.purpose}" + (f" (widerrufen {r.withdrawn_on:%d.%m.%Y})" if r.withdrawn_on else "")
                for r in c.consents
            ),
        }
        for c in session.scalars(statement)
    ]
