"""What leaves the laptop for the district: offers and activities of a period, anonymised.

Anonymous by construction: only fields that describe offers and headcounts are read;
contact persons, activity titles and notes and every contact field stay behind.
Activities go by kind, offer and counts (their "title" is the kind's German name: a
title too often names the person counselled or the family visited). A place marked
private goes as PRIVATE_PLACE. The offer texts that do go pass the PrivacyDetector,
which blanks names of every person ever stored, phone numbers, addresses, e-mails and
case numbers; `collect_with_findings` also says what it blanked, for the preview the
officer sees before the package is written. An activity
with a small total (under the threshold of services/disclosure_settings) keeps only
its total, and a small breakdown is left out (services/district_figures.kept_breakdowns):
in a village "two people, one woman aged 27-64, Ukrainian" names a family. The
explicit, encrypted full export adds the contacts and nothing else, so offers and
activities are the same anonymous records in both, and a district office importing
either never stores a person.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import String, and_, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased, selectinload

from gwa_desktop.domain.enums import ActivityKind, ContactKind, Recurrence
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.exchange.disclosure import CATEGORY_GROUPS
from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.exchange.package import PackageContent
from gwa_desktop.exchange.privacy_detector import PrivacyDetector
from gwa_desktop.exchange.records import COUNT_KEYS, DistrictData, Period
from gwa_desktop.exchange.vocabulary import PRIVATE_PLACE, german
from gwa_desktop.i18n import _
from gwa_desktop.services.disclosure_settings import disclosure_threshold
from gwa_desktop.services.district_figures import kept_breakdowns, session_figures
from gwa_desktop.services.erased_names import erased_digests
from gwa_desktop.services.periods import counted_in
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, ActivityLanguage, Contact, Offer, OfferText


@dataclass
class Blanker:
    """The detector with a memory: which kinds of personal data it blanked in each text that leaves."""

    detector: PrivacyDetector
    findings: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __call__(self, text: str) -> str:
        blanked, kinds = self.detector.blank(text)
        if kinds:
            self.findings[blanked] = tuple(dict.fromkeys((*self.findings.get(blanked, ()), *kinds)))
        return blanked


def collect(database: Database, period: Period, personal: bool = False) -> DistrictData:
    """The municipality's data for `period`; the contacts only when `personal`."""
    return collect_with_findings(database, period, personal)[0]


def collect_with_findings(
    database: Database, period: Period, personal: bool = False
) -> tuple[DistrictData, dict[str, tuple[str, ...]]]:
    """The data, and for every text that leaves with something blanked, the kinds blanked."""
    with outgoing(database, period, personal) as (content, findings):
        return replace(content.data, activities=list(content.activities)), findings


@contextmanager
def outgoing(
    database: Database, period: Period, personal: bool = False
) -> Iterator[tuple[PackageContent, dict[str, tuple[str, ...]]]]:
    """The package content of `period`, its activities streamed from the open session, and
    the findings of what was blanked (complete once the activities were read)."""
    settings = SettingsService(database).get()
    if not settings.name.strip():
        raise ExchangeError(
            _(
                "Enter the name of the municipality in the settings first: the district office "
                "sorts the packages it receives by it."
            )
        )
    today = date.today()
    threshold = disclosure_threshold(database)
    with database.session() as session:
        blank = Blanker(_detector(session, settings))
        offers = _offers(session, period, blank)
        contacts = _contacts(session) if personal else []
        figures = session_figures(session, period, today, threshold)
        data = DistrictData(
            settings.name.strip(), settings.district.strip(), period, offers, [], contacts
        )
        activities = _activities(session, period, today, blank, threshold)
        content = PackageContent(data, activities, figures.activities, figures, threshold)
        yield content, blank.findings


def _detector(session: Session, settings: MunicipalityData) -> PrivacyDetector:
    """Names of every person stored or erased; the municipality's places and public addresses may go."""
    people = session.execute(
        select(Contact.name, Contact.street).where(Contact.kind == ContactKind.PERSON)
    ).all()
    salt, erased = erased_digests(session)
    cities = session.scalars(select(Offer.city).distinct())
    private_streets = {street for _name, street in people if street}
    public_streets = {
        *session.scalars(select(Contact.street).where(Contact.kind == ContactKind.ORGANISATION)),
        *session.scalars(select(Offer.street).where(Offer.place_is_private.is_(False))),
    } - private_streets
    return PrivacyDetector(
        names=[name for name, _street in people],
        erased=erased,
        salt=salt,
        public_words=[settings.name, settings.district, *cities],
        public_addresses=public_streets,
    )


def _offers(session: Session, period: Period, blank: Blanker) -> list[dict[str, Any]]:
    runs_in_period = and_(
        Offer.start_date <= period.end,
        or_(
            and_(Offer.recurrence == Recurrence.ONCE, Offer.start_date >= period.start),
            and_(
                Offer.recurrence != Recurrence.ONCE,
                or_(Offer.end_date.is_(None), Offer.end_date >= period.start),
            ),
        ),
    )
    statement = (
        select(Offer)
        .where(runs_in_period)
        .order_by(Offer.start_date, Offer.id)
        .options(
            selectinload(Offer.texts),
            selectinload(Offer.target_groups),
            selectinload(Offer.languages),
            selectinload(Offer.provider),
        )
    )
    records = []
    for offer in session.scalars(statement):
        text = offer.text_in(REQUIRED_TEXT_LANGUAGE)
        provider = (
            offer.provider.name
            if offer.provider and offer.provider.kind is ContactKind.ORGANISATION
            else ""
        )
        records.append(
            {
                "title": blank(text.title if text else ""),
                "description": blank(text.description if text else ""),
                "category": offer.category.value,
                "status": offer.status.value,
                "recurrence": offer.recurrence.value,
                "start_date": offer.start_date,
                "end_date": offer.end_date,
                "start_time": offer.start_time,
                "end_time": offer.end_time,
                "place_name": PRIVATE_PLACE if offer.place_is_private else blank(offer.place_name),
                "city": blank(offer.city),
                "target_groups": [g.group.value for g in offer.target_groups],
                "languages": [lang.code for lang in offer.languages],
                "provider": blank(provider),
                "cost_cents": offer.cost_cents,
                "registration_required": bool(offer.registration_required),
            }
        )
    return records


#: The fields of an activity record in the order of the JSON member (ACTIVITY_FIELDS).
RECORD_KEYS = ("occurred_on", "kind", "title", "offer", *COUNT_KEYS, "volunteer_hours", "languages")


def _activities(
    session: Session, period: Period, today: date, blank: Blanker, threshold: int
) -> Iterator[dict[str, Any]]:
    """The period's activity records in date order, one at a time.

    Two ordered cursors, the activities and their languages, are read side by side
    (a merge on date and id), so neither the rows nor a map of all languages is held.
    Only the activities whose languages travel (a total of at least `threshold`) have
    their languages read. Dates and kinds come as the driver reads them and are
    converted once per distinct value, as is the rule of `kept_breakdowns` per distinct
    group of counts (`_ShownGroup`): 100,000 activities share a few thousand dates."""
    # The same set as the activities list's period filter: planned activities are not reported.
    in_period = counted_in(Activity.occurred_on, period, today)
    # The day as the driver gives it (text in SQLite, a date in PostgreSQL), the same
    # in both cursors, so that the merge compares like with like.
    day = type_coerce(Activity.occurred_on, String)
    connection = session.connection().execution_options(stream_results=True, yield_per=2000)
    language_rows = connection.execute(
        select(day, ActivityLanguage.activity_id, ActivityLanguage.code)
        .select_from(ActivityLanguage)
        .join(Activity)
        .where(in_period, Activity.participants_total >= threshold)
        .order_by(Activity.occurred_on, ActivityLanguage.activity_id, ActivityLanguage.position)
    )
    pending = next(language_rows, None)
    offer_text = aliased(OfferText)
    columns: list[Any] = [
        Activity.id,
        day,
        type_coerce(Activity.kind, String),
        offer_text.title,
        Activity.volunteer_hours,
        Activity.volunteers_count,
    ]
    # Each group of breakdowns is read after a copy of the total, so that a slice of
    # the row is the key of its `_ShownGroup` (COUNT_KEYS: the total, the groups in
    # the order of CATEGORY_GROUPS, the volunteers).
    groups = []
    for group in CATEGORY_GROUPS:
        start = len(columns)
        columns += [Activity.participants_total, *(getattr(Activity, key) for key in group)]
        groups.append((_ShownGroup(group, threshold), slice(start, len(columns))))
    (gender, gender_span), (age, age_span), (returning, returning_span) = groups
    statement = (
        select(*columns)
        .outerjoin(
            offer_text,
            and_(
                offer_text.offer_id == Activity.offer_id,
                offer_text.language == REQUIRED_TEXT_LANGUAGE,
            ),
        )
        .where(in_period)
        .order_by(Activity.occurred_on, Activity.id)
    )
    days: dict[Any, date] = {}
    # Few offers, many activities: each offer title is blanked once.
    offer_titles: dict[str | None, str] = {}
    kinds = {kind.value: (kind.value, german(kind)) for kind in ActivityKind}
    for row in connection.execute(statement):
        activity_id, raw_day, kind, offer_title, hours, volunteers, total = row[:7]
        codes = []
        while pending is not None and (pending[0], pending[1]) <= (raw_day, activity_id):
            if pending[1] == activity_id:
                codes.append(pending[2])
            pending = next(language_rows, None)
        occurred_on = days.get(raw_day)
        if occurred_on is None:
            occurred_on = days[raw_day] = _as_date(raw_day)
        offer = offer_titles.get(offer_title)
        if offer is None:
            offer = offer_titles[offer_title] = blank(offer_title or "")
        yield dict(
            zip(
                RECORD_KEYS,
                (
                    occurred_on,
                    *kinds[kind],
                    offer,
                    total,
                    *gender[row[gender_span]],
                    *age[row[age_span]],
                    *returning[row[returning_span]],
                    volunteers,
                    float(hours or 0),
                    codes,
                ),
            )
        )


class _ShownGroup(dict[tuple[int | None, ...], tuple[int | None, ...]]):
    """One group of breakdowns (gender, age, new or regular) as it leaves, by the total
    and the group's stored counts: a memo of `kept_breakdowns`, whose rule for a group
    depends on nothing else. A breakdown it does not keep leaves as None; the distinct
    combinations are few (a few thousand in 100,000 activities)."""

    def __init__(self, group: tuple[str, ...], threshold: int) -> None:
        super().__init__()
        self._keys = ("participants_total", *group)
        self._threshold = threshold

    def __missing__(self, counts: tuple[int | None, ...]) -> tuple[int | None, ...]:
        kept = kept_breakdowns(dict(zip(self._keys, counts)), self._threshold)
        shown = self[counts] = tuple(
            value if key in kept else None for key, value in zip(self._keys[1:], counts[1:])
        )
        return shown


def _as_date(value: date | str) -> date:
    """A date column's value as the driver gave it (SQLite: ISO text) as a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def _contacts(session: Session) -> list[dict[str, Any]]:
    statement = (
        select(Contact)
        .order_by(Contact.sort_key, Contact.id)
        .options(
            selectinload(Contact.languages),
            selectinload(Contact.topics),
            selectinload(Contact.consents),
            selectinload(Contact.organisation),
        )
    )
    return [
        {
            "name": c.name,
            "kind": c.kind.value,
            "organisation": c.organisation.name if c.organisation else "",
            "role": c.role.value if c.role else None,
            "phone": c.phone,
            "email": c.email,
            "street": c.street,
            "postal_code": c.postal_code,
            "city": c.city,
            "notes": c.notes,
            "languages": [lang.code for lang in c.languages],
            "topics": [t.topic for t in c.topics],
            "legal_basis": c.legal_basis.value if c.legal_basis else None,
            "consents": "; ".join(
                f"{r.given_on:%d.%m.%Y} {r.purpose}"
                + (f" (widerrufen {r.withdrawn_on:%d.%m.%Y})" if r.withdrawn_on else "")
                for r in c.consents
            ),
        }
        for c in session.scalars(statement)
    ]
