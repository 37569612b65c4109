"""Use cases for funding programmes: their offers, planned indicators and report texts.

Every write validates first and runs in one transaction, so a refused indicator (a
share above 100 %, a negative count) leaves the programme as it was. The programme's
`scope` is what the figures count for it: the activities of its offers plus the single
activities linked to it, and its offers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from gwa_desktop.domain.programme import (
    IndicatorData,
    IndicatorMeasure,
    ProgrammeData,
    ReportTextData,
)
from gwa_desktop.exchange.records import Period
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import NotFoundError, ValidationError
from gwa_desktop.services.report_figures import Scope
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Offer
from gwa_desktop.storage.programme_models import (
    FundingProgramme,
    ProgrammeIndicator,
    ReportText,
    programme_activities,
    programme_offers,
)

#: The longest comment or report section taken: about four typed pages.
TEXT_LIMIT = 10_000
#: A planned figure above this is a typo (an extra digit), not a plan.
MAX_PLANNED = 1_000_000


@dataclass(frozen=True)
class ProgrammeRow:
    """A programme as the list shows it."""

    id: int
    name: str
    funder: str
    reference: str
    first_day: date
    last_day: date
    offers: int
    indicators: int

    @property
    def period(self) -> Period:
        return Period(self.first_day, self.last_day)


def programme_scope(programme_id: int) -> Scope:
    """The activities and offers the figures of programme `programme_id` count."""
    offers = select(programme_offers.c.offer_id).where(
        programme_offers.c.programme_id == programme_id
    )
    activities = select(programme_activities.c.activity_id).where(
        programme_activities.c.programme_id == programme_id
    )
    # "+ 0" keeps SQLite on the figures index (date first, covering every sum): offered
    # the offer_id index for the IN, its planner took it and read each row of every
    # session ever held, ten times slower for a year (benchmarks/report_bench.py).
    return Scope(
        activities=or_((Activity.offer_id + 0).in_(offers), (Activity.id + 0).in_(activities)),
        offers=Offer.id.in_(offers),
    )


class ProgrammeService:
    def __init__(self, database: Database) -> None:
        self.database = database

    # Programmes ------------------------------------------------------------------

    def rows(self) -> list[ProgrammeRow]:
        offers = (
            select(func.count())
            .where(programme_offers.c.programme_id == FundingProgramme.id)
            .scalar_subquery()
        )
        indicators = (
            select(func.count())
            .where(ProgrammeIndicator.programme_id == FundingProgramme.id)
            .scalar_subquery()
        )
        with self.database.session() as session:
            rows = session.execute(
                select(
                    FundingProgramme.id,
                    FundingProgramme.name,
                    FundingProgramme.funder,
                    FundingProgramme.reference,
                    FundingProgramme.first_day,
                    FundingProgramme.last_day,
                    offers,
                    indicators,
                ).order_by(FundingProgramme.first_day.desc(), FundingProgramme.name)
            )
            return [ProgrammeRow(*row) for row in rows]

    def get(self, programme_id: int) -> ProgrammeData:
        with self.database.session() as session:
            programme = self._programme(session, programme_id)
            return ProgrammeData(
                name=programme.name,
                first_day=programme.first_day,
                last_day=programme.last_day,
                funder=programme.funder,
                reference=programme.reference,
                notes=programme.notes,
                offer_ids=list(
                    session.scalars(
                        select(programme_offers.c.offer_id)
                        .where(programme_offers.c.programme_id == programme_id)
                        .order_by(programme_offers.c.offer_id)
                    )
                ),
                activity_ids=list(
                    session.scalars(
                        select(programme_activities.c.activity_id)
                        .where(programme_activities.c.programme_id == programme_id)
                        .order_by(programme_activities.c.activity_id)
                    )
                ),
                id=programme.id,
            )

    def validate(self, data: ProgrammeData) -> None:
        check = Checker()
        check.required("name", data.name, _("The name of the programme"))
        check.date_order("last_day", data.first_day, data.last_day)
        check.lengths(data, FundingProgramme)
        check.add("notes", _too_long(data.notes))
        check.raise_if_any()

    def create(self, data: ProgrammeData) -> int:
        self.validate(data)
        with self.database.session() as session:
            programme = FundingProgramme()
            self._apply(session, programme, data)
            session.add(programme)
            session.flush()
            self._link(session, programme.id, data)
            return programme.id

    def update(self, data: ProgrammeData) -> None:
        if data.id is None:
            raise ValueError("update needs the programme's id")
        self.validate(data)
        with self.database.session() as session:
            programme = self._programme(session, data.id)
            self._apply(session, programme, data)
            outside = [
                indicator
                for indicator in programme.indicators
                if indicator.first_day < data.first_day or indicator.last_day > data.last_day
            ]
            if outside:
                raise ValidationError(
                    {
                        "first_day": _(
                            "{n} planned figures lie outside the new period; change or delete them first."
                        ).format(n=len(outside))
                    }
                )
            self._link(session, data.id, data)

    def save(self, data: ProgrammeData, indicators: list[IndicatorData]) -> int:
        """Create or update a programme together with all its planned figures, all or nothing.

        The programme form edits both at once; every problem is reported before anything
        is written (keys "indicator-<row>" for a planned figure's row), and the planned
        figures replace the stored ones in the same transaction.
        """
        check = Checker()
        try:
            self.validate(data)
        except ValidationError as error:
            check.errors.update(error.errors)
        own = Period(data.first_day, data.last_day) if data.first_day <= data.last_day else None
        for number, indicator in enumerate(indicators, start=1):
            try:
                self.validate_indicator(indicator, own)
            except ValidationError as error:
                message = " ".join(error.errors.values())
                check.add(
                    f"indicator-{number - 1}",
                    _("Planned figure {n}: {problem}").format(n=number, problem=message),
                )
        check.raise_if_any()
        with self.database.session() as session:
            if data.id is None:
                programme = FundingProgramme()
                self._apply(session, programme, data)
                session.add(programme)
                session.flush()
            else:
                programme = self._programme(session, data.id)
                self._apply(session, programme, data)
            self._link(session, programme.id, data)
            session.execute(
                delete(ProgrammeIndicator).where(ProgrammeIndicator.programme_id == programme.id)
            )
            session.expire(programme, ["indicators"])
            for position, indicator in enumerate(indicators):
                stored = ProgrammeIndicator(programme_id=programme.id, position=position)
                _apply_indicator(stored, indicator)
                session.add(stored)
            return programme.id

    def delete(self, programme_ids: list[int]) -> None:
        """Delete programmes with their indicators and report texts; offers stay."""
        with self.database.session() as session:
            for programme in session.scalars(
                select(FundingProgramme).where(FundingProgramme.id.in_(programme_ids))
            ):
                session.execute(delete(ReportText).where(ReportText.programme_id == programme.id))
                session.delete(programme)

    def _programme(self, session: Session, programme_id: int) -> FundingProgramme:
        programme = session.get(FundingProgramme, programme_id)
        if programme is None:
            raise NotFoundError(
                _("There is no funding programme number {id}.").format(id=programme_id)
            )
        return programme

    def _apply(self, session: Session, programme: FundingProgramme, data: ProgrammeData) -> None:
        programme.name = data.name.strip()
        programme.funder = data.funder.strip()
        programme.reference = data.reference.strip()
        programme.first_day, programme.last_day = data.first_day, data.last_day
        programme.notes = data.notes.strip()

    def _link(self, session: Session, programme_id: int, data: ProgrammeData) -> None:
        """Replace the programme's offers and activities; unknown numbers are refused."""
        offer_ids, activity_ids = sorted(set(data.offer_ids)), sorted(set(data.activity_ids))
        check = Checker()
        check.add("offer_ids", _missing(session, Offer, offer_ids, _("No offer has number {ids}.")))
        check.add(
            "activity_ids",
            _missing(session, Activity, activity_ids, _("No activity has number {ids}.")),
        )
        check.raise_if_any()
        for table, column, ids in (
            (programme_offers, "offer_id", offer_ids),
            (programme_activities, "activity_id", activity_ids),
        ):
            session.execute(delete(table).where(table.c.programme_id == programme_id))
            if ids:
                session.execute(
                    insert(table), [{"programme_id": programme_id, column: i} for i in ids]
                )

    def scope(self, programme_id: int) -> Scope:
        """The programme's scope for the figures, after checking that it exists."""
        with self.database.session() as session:
            self._programme(session, programme_id)
        return programme_scope(programme_id)

    # Indicators ------------------------------------------------------------------

    def indicators(self, programme_id: int, period: Period | None = None) -> list[IndicatorData]:
        """The programme's planned figures, those overlapping `period` if one is given."""
        with self.database.session() as session:
            statement = select(ProgrammeIndicator).where(
                ProgrammeIndicator.programme_id == programme_id
            )
            if period is not None:
                statement = statement.where(
                    ProgrammeIndicator.first_day <= period.end,
                    ProgrammeIndicator.last_day >= period.start,
                )
            rows = session.scalars(
                statement.order_by(
                    ProgrammeIndicator.first_day, ProgrammeIndicator.position, ProgrammeIndicator.id
                )
            )
            return [_indicator_data(row) for row in rows]

    def validate_indicator(self, data: IndicatorData, programme: Period | None = None) -> None:
        check = Checker()
        check.date_order("last_day", data.first_day, data.last_day)
        if programme and (data.first_day < programme.start or data.last_day > programme.end):
            check.add(
                "first_day",
                _(
                    "The period of a planned figure must lie within the programme's period ({period})."
                ).format(period=programme.label()),
            )
        measure = data.measure
        for field, value in (("planned", data.planned), ("actual", data.actual)):
            if value is None:
                continue
            if measure.is_percent and not 0 <= value <= 100:
                check.add(field, _("A percentage lies between 0 and 100."))
            elif value < 0:
                check.add(field, _("A planned or counted figure cannot be negative."))
            elif value > MAX_PLANNED:
                check.add(
                    field,
                    _("This figure is larger than {n}; please check it.").format(n=MAX_PLANNED),
                )
        if measure.is_manual and not data.label.strip():
            check.add(
                "label", _("A figure entered by hand needs a name, e.g. “Cooperation partners”.")
            )
        if not measure.is_manual and data.actual is not None:
            check.add(
                "actual",
                _(
                    "This figure is counted from the activities; only figures entered by hand take an actual value."
                ),
            )
        check.lengths(data, ProgrammeIndicator)
        check.add("comment", _too_long(data.comment))
        check.raise_if_any()

    def add_indicator(self, programme_id: int, data: IndicatorData) -> int:
        with self.database.session() as session:
            programme = self._programme(session, programme_id)
            self.validate_indicator(data, Period(programme.first_day, programme.last_day))
            row = ProgrammeIndicator(programme_id=programme_id, position=len(programme.indicators))
            _apply_indicator(row, data)
            session.add(row)
            session.flush()
            return row.id

    def update_indicator(self, data: IndicatorData) -> None:
        with self.database.session() as session:
            row = self._indicator(session, data.id)
            programme = self._programme(session, row.programme_id)
            self.validate_indicator(data, Period(programme.first_day, programme.last_day))
            _apply_indicator(row, data)

    def comment_indicator(self, indicator_id: int, comment: str) -> None:
        """Keep the officer's explanation of a deviation with the indicator."""
        message = _too_long(comment)
        if message:
            raise ValidationError({"comment": message})
        with self.database.session() as session:
            self._indicator(session, indicator_id).comment = comment.strip()

    def delete_indicators(self, indicator_ids: list[int]) -> None:
        with self.database.session() as session:
            session.execute(
                delete(ProgrammeIndicator).where(ProgrammeIndicator.id.in_(indicator_ids))
            )

    def _indicator(self, session: Session, indicator_id: int | None) -> ProgrammeIndicator:
        row = session.get(ProgrammeIndicator, indicator_id) if indicator_id else None
        if row is None:
            raise NotFoundError(
                _("There is no planned figure number {id}.").format(id=indicator_id)
            )
        return row

    # Report texts ----------------------------------------------------------------

    def report_text(self, programme_id: int | None, period: Period) -> ReportTextData:
        """The texts written for this programme (None: the municipality) and period."""
        with self.database.session() as session:
            row = self._text_row(session, programme_id, period)
            if row is None:
                return ReportTextData(period.start, period.end, programme_id)
            return ReportTextData(
                row.first_day, row.last_day, programme_id, row.aims, row.experiences, row.outlook
            )

    def save_report_text(self, data: ReportTextData) -> None:
        check = Checker()
        for field in ("aims", "experiences", "outlook"):
            check.add(field, _too_long(getattr(data, field)))
        check.date_order("last_day", data.first_day, data.last_day)
        check.raise_if_any()
        period = Period(data.first_day, data.last_day)
        with self.database.session() as session:
            if data.programme_id is not None:
                self._programme(session, data.programme_id)
            row = self._text_row(session, data.programme_id, period)
            if row is None:
                row = ReportText(
                    programme_id=data.programme_id, first_day=period.start, last_day=period.end
                )
                session.add(row)
            row.aims, row.experiences = data.aims.strip(), data.experiences.strip()
            row.outlook = data.outlook.strip()

    def _text_row(
        self, session: Session, programme_id: int | None, period: Period
    ) -> ReportText | None:
        owner = (
            ReportText.programme_id.is_(None)
            if programme_id is None
            else ReportText.programme_id == programme_id
        )
        return session.scalars(
            select(ReportText)
            .where(owner, ReportText.first_day == period.start, ReportText.last_day == period.end)
            .order_by(ReportText.id)
            .limit(1)
        ).first()


def _too_long(text: str) -> str | None:
    if len(text.strip()) > TEXT_LIMIT:
        return _("This is too long: at most {n} characters.").format(n=TEXT_LIMIT)
    return None


def _missing(
    session: Session, model: type[Offer] | type[Activity], ids: Iterable[int], message: str
) -> str | None:
    wanted = set(ids)
    if not wanted:
        return None
    found = set(session.scalars(select(model.id).where(model.id.in_(wanted))))
    unknown = sorted(wanted - found)
    return message.format(ids=", ".join(map(str, unknown))) if unknown else None


def _apply_indicator(row: ProgrammeIndicator, data: IndicatorData) -> None:
    row.measure = data.measure.value
    row.label = data.label.strip()
    row.first_day, row.last_day = data.first_day, data.last_day
    row.planned = data.planned
    row.actual = data.actual if data.measure.is_manual else None
    row.comment = data.comment.strip()


def _indicator_data(row: ProgrammeIndicator) -> IndicatorData:
    return IndicatorData(
        measure=IndicatorMeasure(row.measure),
        planned=float(row.planned),
        first_day=row.first_day,
        last_day=row.last_day,
        label=row.label,
        actual=None if row.actual is None else float(row.actual),
        comment=row.comment,
        programme_id=row.programme_id,
        id=row.id,
    )
