"""Use cases for offers (Angebote): what exists in the village, when, where, for whom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from babel.dates import get_day_names
from sqlalchemy import ScalarSelect, Select, SQLColumnExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import (
    ContactKind,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.domain.languages import language_name, normalise_code
from gwa_desktop.domain.legal_basis import legal_basis_holds
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE, OfferData, OfferTextData
from gwa_desktop.domain.plain_text import isolated, one_line
from gwa_desktop.domain.schedule import DateChange, Pause, Schedule
from gwa_desktop.domain.schedule import Session as DatedSession
from gwa_desktop.domain.scripts import expected_scripts, fits_language, main_script
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.i18n.formatting import babel_locale, format_date
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.holidays import PauseSource
from gwa_desktop.services.listing import ListQuery, label_order, ordered, search_condition
from gwa_desktop.services.record_service import RecordService
from gwa_desktop.services.row_mapping import plain_columns, read_columns, write_columns
from gwa_desktop.services.search_text import offer_search_text
from gwa_desktop.services.validation import Checker, clean_list, max_length, web_address
from gwa_desktop.storage.models import (
    Contact,
    Offer,
    OfferDateChange,
    OfferLanguage,
    OfferTargetGroup,
    OfferText,
)

TITLE_LENGTH = max_length(OfferText.title.property.columns[0]) or 0
DESCRIPTION_LENGTH = max_length(OfferText.description.property.columns[0]) or 0


#: Keys of the values in each row of `list_rows`, after the id.
OFFER_COLUMNS = ("title", "category", "status", "schedule", "place", "languages", "text_languages")


#: Fields stored as they are in a column of the same name.
PLAIN_COLUMNS = plain_columns(OfferData, Offer)


class OfferService(RecordService[OfferData]):
    """Deleting an offer keeps its activities (they happened); they lose the link."""

    model = Offer

    def validate(self, data: OfferData) -> None:
        check = Checker()
        german = next(
            (t for t in data.texts if normalise_code(t.language) == REQUIRED_TEXT_LANGUAGE), None
        )
        check.required("title", german.title if german else "", _("The German title"))
        languages = [normalise_code(t.language) for t in data.texts]
        check.languages("texts", languages)
        if len(set(languages)) != len(languages):
            check.add("texts", _("Each language may have only one text."))
        for text in data.texts:
            if len(text.title.strip()) > TITLE_LENGTH:
                check.add(
                    "texts",
                    _("The title in {language} is too long: at most {n} characters.").format(
                        language=text.language, n=TITLE_LENGTH
                    ),
                )
            if len(text.description.strip()) > DESCRIPTION_LENGTH:
                check.add(
                    "texts",
                    _("The description in {language} is too long: at most {n} characters.").format(
                        language=text.language, n=DESCRIPTION_LENGTH
                    ),
                )
            if text.description.strip() and not text.title.strip():
                check.add(
                    "texts",
                    _("The text in {language} has a description but no title.").format(
                        language=text.language
                    ),
                )
        check.languages("languages", data.languages)
        check.date_order("end_date", data.start_date, data.end_date)
        check.time_order("end_time", data.start_time, data.end_time)
        check.not_negative("cost_cents", data.cost_cents, _("The cost"))
        check.url("web_url", web_address(data.web_url))
        check.postcode("postal_code", data.postal_code.strip())
        if (
            data.recurrence is Recurrence.ONCE
            and data.end_date
            and data.end_date != data.start_date
        ):
            check.add(
                "end_date", _("A one-off offer takes place on one day; leave the end date empty.")
            )
        if any(day not in range(7) for day in data.weekdays):
            check.add("weekdays", _("Choose the weekdays from Monday to Sunday."))
        else:
            check.add("date_changes", date_change_problem(data))
        check.raise_if_any()

    def get(self, offer_id: int) -> OfferData:
        with self.database.session() as session:
            offer = session.get(Offer, offer_id, options=_load_all())
            if offer is None:
                raise NotFoundError(offer_id)
            return to_offer_data(offer, PauseSource(session))

    def get_many(
        self, offer_ids: list[int] | None = None, statuses: tuple[OfferStatus, ...] = ()
    ) -> list[OfferData]:
        """Full data of several offers (for prints and exports), ordered by German title."""
        with self.database.session() as session:
            statement = select(Offer).options(*_load_all())
            if offer_ids is not None:
                statement = statement.where(Offer.id.in_(offer_ids))
            if statuses:
                statement = statement.where(Offer.status.in_(statuses))
            pauses = PauseSource(session)
            offers = [to_offer_data(o, pauses) for o in session.scalars(statement)]
        return sorted(offers, key=lambda o: sort_key(o.title))

    def session_to_record(self, offer_id: int, today: date) -> DatedSession | None:
        """The date whose headcount the officer most likely enters now: the offer's last
        date up to today (within eight weeks), else its next one."""
        schedule = self.get(offer_id).schedule
        past = [s for s in schedule.sessions(today - timedelta(weeks=8), today) if not s.cancelled]
        if past:
            return past[-1]
        return next(schedule.upcoming(today), None)

    def pauses_for(self, data: OfferData) -> tuple[Pause, ...]:
        """The holidays `data` would pause for, as they are stored now (for a form's preview)."""
        with self.database.session() as session:
            return PauseSource(session).for_offer(data)

    def choices(self) -> list[tuple[int, str]]:
        """(id, "Sprachcafé (Gemeindehaus, Di.)") for pickers: two offers of the same
        title are told apart by place and weekday."""
        return [
            (offer_id, offer_label(title, place, recurrence, start))
            for offer_id, title, place, recurrence, start in self._titled()
        ]

    def title_of(self, offer_id: int) -> str:
        """The German title alone, e.g. for an activity named after its offer."""
        return self.get(offer_id).title

    def warnings(self, data: OfferData) -> list[str]:
        """What is allowed but probably a mistake, for the officer to confirm before saving:
        another offer of the same title, a text in a script its language is not written in."""
        found = []
        wanted = _same_title_key(data.title)
        twins = [
            offer_label(title, place, recurrence, start)
            for offer_id, title, place, recurrence, start in self._titled()
            if offer_id != data.id and wanted and _same_title_key(title) == wanted
        ]
        if twins:
            found.append(
                _(
                    "Another offer has the same title: {offers}. In lists and on prints the two can "
                    "hardly be told apart."
                ).format(offers="; ".join(twins))
            )
        for text in data.texts:
            language = normalise_code(text.language)
            name = language_name(language, ui_language())
            for value, message in (
                (
                    text.title,
                    _("The title in {language} is written in {found} letters, not in {expected}."),
                ),
                (
                    text.description,
                    _(
                        "The description in {language} is written in {found} letters, not in {expected}."
                    ),
                ),
            ):
                if not fits_language(value, language):
                    found.append(
                        message.format(
                            language=name,
                            found=script_name(main_script(value)),
                            expected=" / ".join(
                                sorted(script_name(s) for s in expected_scripts(language))
                            ),
                        )
                    )
        return found

    def _titled(self) -> list[tuple[int, str, str, Recurrence, date]]:
        with self.database.session() as session:
            return list(
                session.execute(
                    select(
                        Offer.id,
                        OfferText.title,
                        Offer.place_name,
                        Offer.recurrence,
                        Offer.start_date,
                    )
                    .join(
                        OfferText,
                        (OfferText.offer_id == Offer.id)
                        & (OfferText.language == REQUIRED_TEXT_LANGUAGE),
                    )
                    .order_by(OfferText.sort_key, Offer.id)
                )
            )

    def _list_statement(self, query: ListQuery, paged: bool = False) -> Select[Any]:
        title_key, columns, statement = _offer_list()
        condition = search_condition(
            Offer.search_text, query.text, self._full_text(Offer.id, paged)
        )
        if condition is not None:
            statement = statement.where(condition)
        filters = query.filters
        if filters.get("category"):
            statement = statement.where(Offer.category == filters["category"])
        if filters.get("status"):
            statement = statement.where(Offer.status == filters["status"])
        if filters.get("target_group"):
            statement = statement.where(
                Offer.target_groups.any(OfferTargetGroup.group == filters["target_group"])
            )
        if filters.get("language"):
            statement = statement.where(
                Offer.languages.any(OfferLanguage.code == filters["language"])
            )
        # Ranking labels loads the collation table: only when sorting by them.
        labelled = {
            "category": (Offer.category, OfferCategory),
            "status": (Offer.status, OfferStatus),
        }
        sort = (
            label_order(*labelled[query.sort_key])
            if query.sort_key in labelled
            else {**columns, "title": title_key, "place": Offer.place_sort_key}.get(
                query.sort_key, title_key
            )
        )
        order = ordered(sort, query.descending)
        return statement.order_by(order, Offer.id)

    def _apply(self, session: Session, offer: Offer, data: OfferData) -> None:
        write_columns(offer, data, PLAIN_COLUMNS)
        offer.place_sort_key = sort_key(offer.place_name)
        offer.web_url = web_address(data.web_url)
        if data.provider_id is not None and not _is_organisation(session, data.provider_id):
            raise ValidationError(
                {"provider_id": _("The provider must be an organisation from the contacts.")}
            )
        offer.provider_id = data.provider_id
        offer.weekday_codes = ",".join(str(day) for day in sorted(set(data.weekdays)))
        existing_changes = {change.on_date: change for change in offer.date_changes}
        offer.date_changes = [
            _date_change_row(existing_changes.get(change.on), change)
            for change in data.date_changes
        ]
        existing = {t.language: t for t in offer.texts}
        texts = []
        for position, text in enumerate(t for t in data.texts if t.title.strip()):
            language = normalise_code(text.language)
            row = existing.get(language) or OfferText(language=language)
            row.title, row.description, row.position = (
                text.title.strip(),
                text.description.strip(),
                position,
            )
            row.sort_key = sort_key(row.title)
            texts.append(row)
        offer.texts = texts
        offer.target_groups = [OfferTargetGroup(group=g) for g in dict.fromkeys(data.target_groups)]
        codes = clean_list(normalise_code(c) for c in data.languages)
        offer.languages = [OfferLanguage(code=c, position=i) for i, c in enumerate(codes)]
        ids = list(dict.fromkeys(data.contact_person_ids))
        persons = list(session.scalars(select(Contact).where(Contact.id.in_(ids)))) if ids else []
        unlawful = [
            c.name for c in persons if not legal_basis_holds(c.kind, c.legal_basis, c.consents)
        ]
        if unlawful:
            raise ValidationError(
                {
                    "contact_person_ids": _(
                        "{names}: no consent or other legal basis is recorded, so they cannot be named on flyers. "
                        "Record the consent in the contact, or choose another contact person."
                    ).format(names=", ".join(unlawful))
                }
            )
        offer.contact_persons = persons
        offer.search_text = offer_search_text(
            place_name=offer.place_name,
            street=offer.street,
            city=offer.city,
            texts=[(t.title, t.description) for t in texts],
            category=data.category,
            languages=codes,
        )


def _date_change_row(row: OfferDateChange | None, change: DateChange) -> OfferDateChange:
    """The stored change of that date updated in place (one row per date), or a new one."""
    row = row or OfferDateChange(on_date=change.on)
    row.reason = one_line(change.reason).strip()[:200]
    row.moved_to = change.moved_to
    row.start_time, row.end_time = change.start_time, change.end_time
    return row


def german_title_key(
    offer_id: SQLColumnExpression[int] | InstrumentedAttribute[int | None],
) -> ScalarSelect[bytes]:
    """The sort key of an offer's German title, for lists that sort by it (offers, activities)."""
    return (
        select(OfferText.sort_key)
        .where(OfferText.offer_id == offer_id, OfferText.language == REQUIRED_TEXT_LANGUAGE)
        .scalar_subquery()
    )


def offer_label(title: str, place: str, recurrence: Recurrence, start: date) -> str:
    """ "Sprachcafé (Gemeindehaus, Di.)": the title with place and weekday (or the date of a
    one-off offer). Each part is isolated (FSI…PDI), so that in the Arabic UI the label reads
    right to left as title, then place and weekday in brackets."""
    if recurrence is Recurrence.ONCE:
        when = format_date(start)
    else:
        when = get_day_names("abbreviated", context="format", locale=babel_locale())[
            start.weekday()
        ]
    place = place.strip()
    if place:
        return _("{title} ({place}, {when})").format(
            title=isolated(title), place=isolated(place), when=isolated(when)
        )
    return _("{title} ({when})").format(title=isolated(title), when=isolated(when))


def _same_title_key(title: str) -> str:
    """Titles that differ only in case or spaces are the same title to a reader."""
    return " ".join(title.split()).casefold()


def script_name(script: str | None) -> str:
    """ "Arabisch" for "Arab", in the UI language."""
    if script is None:
        return "?"
    return str(babel_locale().scripts.get(script, script))


def _is_organisation(session: Session, contact_id: int) -> bool:
    contact = session.get(Contact, contact_id)
    return contact is not None and contact.kind is ContactKind.ORGANISATION


@cache
def _load_all() -> list[Any]:
    """The loader options of a whole offer; built when first needed, because building
    them configures every mapper (a tenth of a second that `gwa count` does without)."""
    return [
        selectinload(Offer.texts),
        selectinload(Offer.target_groups),
        selectinload(Offer.languages),
        selectinload(Offer.contact_persons),
        selectinload(Offer.date_changes),
    ]


def to_offer_data(offer: Offer, pauses: PauseSource) -> OfferData:
    values = read_columns(offer, PLAIN_COLUMNS)
    values["place_is_private"] = bool(values["place_is_private"])
    return OfferData(
        id=offer.id,
        version=offer.version,
        texts=[OfferTextData(t.language, t.title, t.description) for t in offer.texts],
        target_groups=[g for g in TargetGroup if g in {row.group for row in offer.target_groups}],
        languages=[lang.code for lang in offer.languages],
        **values,
        contact_person_ids=[c.id for c in offer.contact_persons],
        weekdays=weekdays_of(offer.weekday_codes),
        date_changes=[_date_change(row) for row in offer.date_changes],
        pauses=pauses.for_offer(offer),
    )


@cache
def _offer_list() -> tuple[ScalarSelect[bytes], dict[str, Any], Select[Any]]:
    """The title key, the columns and the SELECT of the list, built once per run."""
    title = (
        select(OfferText.title)
        .where(OfferText.offer_id == Offer.id, OfferText.language == REQUIRED_TEXT_LANGUAGE)
        .scalar_subquery()
    )
    title_key = german_title_key(Offer.id)
    languages = (
        select(func.aggregate_strings(OfferLanguage.code, ", "))
        .where(OfferLanguage.offer_id == Offer.id)
        .scalar_subquery()
    )
    text_languages = (
        select(func.aggregate_strings(OfferText.language, ", "))
        .where(OfferText.offer_id == Offer.id)
        .scalar_subquery()
    )
    columns = {
        "title": title,
        "category": Offer.category,
        "status": Offer.status,
        "schedule": Offer.start_date,
        "place": Offer.place_name,
        "languages": languages,
        "text_languages": text_languages,
    }
    statement = select(
        Offer.id,
        *(columns[key] for key in OFFER_COLUMNS),
        Offer.recurrence,
        Offer.start_time,
        Offer.end_time,
        Offer.end_date,
        Offer.weekday_codes,
    )
    return title_key, columns, statement


def schedule_of(offer: Offer, pauses: PauseSource) -> Schedule:
    """The full schedule of a stored offer: weekdays, changed dates, holiday pauses."""
    return Schedule(
        offer.recurrence,
        offer.start_date,
        offer.end_date,
        offer.start_time,
        offer.end_time,
        tuple(weekdays_of(offer.weekday_codes)),
        tuple(_date_change(row) for row in offer.date_changes),
        pauses.for_offer(offer),
    )


def _date_change(row: OfferDateChange) -> DateChange:
    return DateChange(row.on_date, row.reason, row.moved_to, row.start_time, row.end_time)


def listed_schedule(start_date: date, extra: Sequence[Any]) -> Schedule:
    """The schedule of a row of `list_rows` (its rule; cancelled dates are not listed).

    `extra` is what follows the row's columns: recurrence, times, end date, weekdays.
    """
    recurrence, start_time, end_time, end_date, codes = extra[:5]
    return Schedule(
        recurrence, start_date, end_date, start_time, end_time, tuple(weekdays_of(codes or ""))
    )


def weekdays_of(codes: str) -> list[int]:
    """The stored weekdays ("0,3") as numbers; anything else in the column is ignored."""
    parts = (part.strip() for part in codes.split(","))
    return sorted({int(part) for part in parts if len(part) == 1 and part in "0123456"})


def date_change_problem(data: OfferData) -> str | None:
    """Why the cancelled and moved dates do not fit the series, or None when they do."""
    series = replace(data, date_changes=[], pauses=()).schedule
    seen: set[date] = set()
    targets: set[date] = set()
    for change in data.date_changes:
        if change.on in seen:
            return _("The date {day} is changed twice. Keep one change per date.").format(
                day=format_date(change.on)
            )
        seen.add(change.on)
        if not series.is_series_date(change.on):
            return _(
                "The offer does not take place on {day}, so that date cannot be cancelled or "
                "moved. Check the date or the schedule."
            ).format(day=format_date(change.on))
        if change.moved_to is not None:
            if change.moved_to in targets:
                return _(
                    "Two dates are moved to {day}. Choose another day for one of them."
                ).format(day=format_date(change.moved_to))
            targets.add(change.moved_to)
    changed = {change.on for change in data.date_changes}
    for target in targets:
        if series.is_series_date(target) and target not in changed:
            return _(
                "On {day} the offer takes place anyway. Move the date to another day, or "
                "cancel it instead."
            ).format(day=format_date(target))
    return None
