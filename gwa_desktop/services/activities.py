"""Use cases for activities: what happened, with anonymous headcounts only."""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, select
from sqlalchemy.orm import Session, selectinload

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.collation import sort_key
from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.domain.languages import normalise_code
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE
from gwa_desktop.i18n import _
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.activity_helpers import (
    apply_helpers,
    check_helpers,
    read_helpers,
    unnamed_part,
    with_totals,
)
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.listing import ListQuery, label_order, ordered, search_condition
from gwa_desktop.services.offers import german_title_key
from gwa_desktop.services.periods import PLANNED, counted_in, named_period, planned
from gwa_desktop.services.record_service import RecordService
from gwa_desktop.services.row_mapping import plain_columns, read_columns, write_columns
from gwa_desktop.services.search_text import activity_search_text
from gwa_desktop.services.validation import Checker, clean_list
from gwa_desktop.storage.models import Activity, ActivityLanguage, Contact, Offer, OfferText

COUNT_FIELDS = (
    "participants_total",
    "participants_women",
    "participants_men",
    "participants_diverse",
    "age_under_18",
    "age_18_26",
    "age_27_64",
    "age_65_plus",
    "newcomers",
    "regulars",
    "volunteers_count",
)


#: An activity dated further ahead is a typo (2030 for 2026), not a plan.
MAX_DAYS_AHEAD = 365

#: Keys of the values in each row of `list_rows`, after the id.
ACTIVITY_COLUMNS = (
    "occurred_on",
    "kind",
    "title",
    "offer",
    "participants_total",
    "volunteer_hours",
)


def has_figures(data: ActivityData) -> bool:
    """Whether any headcount or volunteer figure is entered: only what has happened can be counted."""
    return any(getattr(data, name) for name in COUNT_FIELDS) or bool(data.volunteer_hours)


#: Fields stored as they are in a column of the same name.
PLAIN_COLUMNS = plain_columns(ActivityData, Activity)


class ActivityService(RecordService[ActivityData]):
    model = Activity
    purges_search_index = False

    def validate(self, data: ActivityData) -> None:
        check = Checker()
        check_helpers(check, self.database, data)
        data = with_totals(data)
        check.required("title", data.title, _("Title"))
        for name in COUNT_FIELDS:
            check.not_negative(name, getattr(data, name), _("A number of people"))
        check.not_negative("volunteer_hours", data.volunteer_hours, _("Volunteer hours"))
        total = data.participants_total
        check.not_more_than(
            "participants_women",
            (data.participants_women, data.participants_men, data.participants_diverse),
            total,
            _("Women, men and diverse"),
        )
        check.not_more_than(
            "age_under_18",
            (data.age_under_18, data.age_18_26, data.age_27_64, data.age_65_plus),
            total,
            _("The age bands"),
        )
        check.not_more_than(
            "newcomers", (data.newcomers, data.regulars), total, _("Newcomers and regulars")
        )
        check.time_order("end_time", data.start_time, data.end_time)
        check.languages("languages", data.languages)
        if data.occurred_on > date.today() + timedelta(days=MAX_DAYS_AHEAD):
            check.add(
                "occurred_on",
                _(
                    "The date lies more than a year ahead. Activities record what happened; "
                    "please check the year."
                ),
            )
        elif data.occurred_on > date.today() and has_figures(data):
            check.add(
                "participants_total",
                _(
                    "This activity lies in the future, so it can be planned, but not counted yet: enter the participants "
                    "and volunteers once it has taken place (set the numbers to 0 or –), or correct the date."
                ),
            )
        check.raise_if_any()

    def get(self, activity_id: int) -> ActivityData:
        with self.database.session() as session:
            activity = session.get(
                Activity,
                activity_id,
                options=[selectinload(Activity.languages), selectinload(Activity.organisations)],
            )
            if activity is None:
                raise NotFoundError(activity_id)
            values = read_columns(activity, PLAIN_COLUMNS)
            values["volunteer_hours"] = float(values["volunteer_hours"] or 0)
            data = ActivityData(
                id=activity.id,
                version=activity.version,
                languages=[lang.code for lang in activity.languages],
                organisation_ids=[c.id for c in activity.organisations],
                helpers=read_helpers(session, activity.id),
                **values,
            )
            if data.helpers:
                data.extra_volunteers, data.extra_volunteer_hours = unnamed_part(data)
            return data

    def draft_for_session(
        self, offer_id: int, day: date, start: time | None = None, end: time | None = None
    ) -> ActivityData:
        """A new activity for one date of an offer, filled from the offer: what the officer
        would otherwise type for every session (title, kind, times, languages)."""
        with self.database.session() as session:
            offer = session.get(Offer, offer_id, options=[selectinload(Offer.languages)])
            if offer is None:
                raise NotFoundError(offer_id)
            text = session.scalar(
                select(OfferText.title).where(
                    OfferText.offer_id == offer_id, OfferText.language == REQUIRED_TEXT_LANGUAGE
                )
            )
            return ActivityData(
                occurred_on=day,
                kind=ActivityKind.OFFER_SESSION,
                title=text or "",
                start_time=start if start is not None else offer.start_time,
                end_time=end if end is not None else offer.end_time,
                offer_id=offer_id,
                languages=[language.code for language in offer.languages],
            )

    def last_session(self, offer_id: int, before: date) -> ActivityData | None:
        """The latest recorded session of the offer before `before` ("wie letztes Mal")."""
        with self.database.session() as session:
            last = session.scalar(
                select(Activity.id)
                .where(Activity.offer_id == offer_id, Activity.occurred_on < before)
                .order_by(Activity.occurred_on.desc(), Activity.start_time.desc())
                .limit(1)
            )
        return None if last is None else self.get(last)

    def sessions_on(self, offer_id: int, day: date, other_than: int | None = None) -> int:
        """How many activities of this offer are recorded on `day` (besides `other_than`)."""
        with self.database.session() as session:
            statement = select(func.count()).where(
                Activity.offer_id == offer_id, Activity.occurred_on == day
            )
            if other_than is not None:
                statement = statement.where(Activity.id != other_than)
            return int(session.scalar(statement) or 0)

    def warnings(self, data: ActivityData) -> list[str]:
        """A second session of the same offer on the same day is usually entered twice."""
        if data.offer_id is None or not self.sessions_on(data.offer_id, data.occurred_on, data.id):
            return []
        return [
            _(
                "A session of this offer on {day} is already recorded. Save this one as well "
                "only if the offer took place twice that day."
            ).format(day=format_date(data.occurred_on))
        ]

    def totals(self, query: ListQuery | None = None) -> tuple[int, int, float]:
        """Activities, participants and volunteer hours matching `query` (for the status bar)."""
        with self.database.session() as session:
            row = session.execute(self.totals_statement(query or ListQuery())).one()
            return int(row[0]), int(row[1]), float(row[2])

    def totals_statement(self, query: ListQuery) -> Select[Any]:
        """The one SELECT behind `totals` (the benchmarks run it raw as the floor)."""
        inner = self._list_statement(query).order_by(None).subquery()
        return select(
            func.count(),
            func.coalesce(func.sum(inner.c.participants_total), 0),
            func.coalesce(func.sum(inner.c.volunteer_hours), 0),
        )

    def _list_statement(self, query: ListQuery, paged: bool = False) -> Select[Any]:
        columns, statement, offer_key = _activity_list()
        condition = search_condition(
            Activity.search_text, query.text, self._full_text(Activity.id, paged)
        )
        if condition is not None:
            statement = statement.where(condition)
        filters = query.filters
        if filters.get("date_from"):
            statement = statement.where(Activity.occurred_on >= filters["date_from"])
        if filters.get("date_to"):
            statement = statement.where(Activity.occurred_on <= filters["date_to"])
        period_key = filters.get("period")
        if period_key == PLANNED:
            statement = statement.where(planned(Activity.occurred_on, date.today()))
        elif (period := named_period(period_key, date.today())) is not None:
            statement = statement.where(counted_in(Activity.occurred_on, period, date.today()))
        if filters.get("kind"):
            statement = statement.where(Activity.kind == filters["kind"])
        if filters.get("offer_id"):
            statement = statement.where(Activity.offer_id == filters["offer_id"])
        # Ranking labels loads the collation table: only when sorting by them.
        sort = (
            label_order(Activity.kind, ActivityKind)
            if query.sort_key == "kind"
            else {
                **columns,
                "title": Activity.sort_key,
                "offer": offer_key,
            }.get(query.sort_key, Activity.occurred_on)
        )
        descending = query.descending if query.sort_key in columns else True
        order = ordered(sort, descending)
        return statement.order_by(order, Activity.start_time, Activity.id)

    def _apply(self, session: Session, activity: Activity, data: ActivityData) -> None:
        if data.offer_id is not None and session.get(Offer, data.offer_id) is None:
            raise ValidationError({"offer_id": _("The chosen offer no longer exists.")})
        write_columns(activity, with_totals(data), PLAIN_COLUMNS)
        apply_helpers(session, activity, data.helpers)
        activity.sort_key = sort_key(activity.title)
        codes = clean_list(normalise_code(c) for c in data.languages)
        activity.languages = [ActivityLanguage(code=c, position=i) for i, c in enumerate(codes)]
        ids = list(dict.fromkeys(data.organisation_ids))
        activity.organisations = (
            list(session.scalars(select(Contact).where(Contact.id.in_(ids)))) if ids else []
        )
        activity.search_text = activity_search_text(
            title=activity.title, notes=activity.notes, kind=data.kind
        )


@cache
def _activity_list() -> tuple[dict[str, Any], Select[Any], ScalarSelect[bytes]]:
    """The columns, the SELECT and the offer's sort key of the list, built once per run."""
    offer_title = (
        select(OfferText.title)
        .where(
            OfferText.offer_id == Activity.offer_id,
            OfferText.language == REQUIRED_TEXT_LANGUAGE,
        )
        .scalar_subquery()
    )
    columns = {
        "occurred_on": Activity.occurred_on,
        "kind": Activity.kind,
        "title": Activity.title,
        "offer": offer_title.label("offer"),
        "participants_total": Activity.participants_total,
        "volunteer_hours": Activity.volunteer_hours,
    }
    statement = select(Activity.id, *(columns[key] for key in ACTIVITY_COLUMNS))
    return columns, statement, german_title_key(Activity.offer_id)
