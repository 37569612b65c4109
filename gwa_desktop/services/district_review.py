"""Use case (district mode): the officer's verdict on each imported package, and what counts.

A package is "not reviewed" until an officer decides: accepted, has questions (asked of
the village, to be answered), or rejected. Not reviewed and has questions count, as
every package did before reviews existed: the district's figures are provisional until
reviewed, as in reporting systems where a late verdict must not leave the overview
empty, and the list shows which packages nobody has looked at yet. A rejected package
is kept with all its records (the verdict can be changed back, the village need not
send the file again) but counts nowhere: `counted()` is the one condition every
district figure (overview, combined workbook, checks, the suppression's inputs, the
command line) applies to the packages it reads. A package replaced by a newer one is
gone already (district_import), so it counts nowhere either.

On a shared database two officers may review one package at the same time: each save
names the version it started from (0 = no verdict yet), and a save based on a verdict
changed meanwhile is refused with ConflictError, never written over the other one.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from gwa_desktop.domain.collation import sort_key
from gwa_desktop.i18n import N_, _
from gwa_desktop.i18n.formatting import format_date, format_time
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import DistrictActivity, DistrictPackage, PackageReview

NOT_REVIEWED, ACCEPTED, QUESTIONS, REJECTED = "", "accepted", "questions", "rejected"
#: The verdicts an officer can give, in the order the form offers them.
STATES = (ACCEPTED, QUESTIONS, REJECTED)
STATE_LABELS = {
    NOT_REVIEWED: N_("not reviewed"),
    ACCEPTED: N_("accepted"),
    QUESTIONS: N_("has questions"),
    REJECTED: N_("rejected"),
}
#: A verdict that sends something back to the village says what.
NOTE_REQUIRED = (QUESTIONS, REJECTED)
NOTE_LIMIT = 4000


def state_label(state: str) -> str:
    return _(STATE_LABELS[state])


def counted() -> ColumnElement[bool]:
    """The packages whose records count: every one not rejected."""
    rejected = select(PackageReview.package_id).where(PackageReview.state == REJECTED)
    return DistrictPackage.id.not_in(rejected)


@dataclass
class ReviewData:
    """A package's verdict as a form or command edits it; `version` 0 = none saved yet."""

    package_id: int
    state: str = NOT_REVIEWED
    note: str = ""
    reviewed_by: str = ""
    reviewed_at: datetime | None = None
    version: int | None = 0

    @property
    def counts(self) -> bool:
        return self.state != REJECTED


@dataclass(frozen=True)
class PackageEntry:
    """One imported package in the list of packages, with its verdict."""

    package_id: int
    municipality: str
    period_start: date
    period_end: date
    created_at: datetime
    imported_at: datetime
    file_name: str
    activities: int
    review: ReviewData

    @property
    def period(self) -> str:
        return f"{self.period_start:%d.%m.%Y} – {self.period_end:%d.%m.%Y}"


def reviewed_on(review: ReviewData) -> str:
    """When the verdict was given, as the UI language writes a date and time; "" if never."""
    if review.reviewed_at is None:
        return ""
    return f"{format_date(review.reviewed_at.date())} {format_time(review.reviewed_at.time())}"


def default_reviewer() -> str:
    """Who reviews, unless told: the login name, since officers share one database."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return ""


def list_packages(database: Database) -> list[PackageEntry]:
    """Every imported package, rejected ones included, by municipality and period."""
    with database.session() as session:
        reviews = {r.package_id: _data(r) for r in session.scalars(select(PackageReview))}
        activities = dict(
            session.execute(
                select(DistrictActivity.package_id, func.count()).group_by(
                    DistrictActivity.package_id
                )
            ).all()
        )
        packages = session.scalars(select(DistrictPackage)).all()
        entries = [
            PackageEntry(
                p.id,
                p.municipality,
                p.period_start,
                p.period_end,
                p.created_at,
                p.imported_at,
                p.file_name,
                activities.get(p.id, 0),
                reviews.get(p.id) or ReviewData(p.id),
            )
            for p in packages
        ]
    return sorted(entries, key=lambda e: (sort_key(e.municipality), e.period_start))


def get_review(database: Database, package_id: int) -> ReviewData:
    with database.session() as session:
        if session.get(DistrictPackage, package_id) is None:
            raise NotFoundError(package_id)
        row = session.scalar(select(PackageReview).where(PackageReview.package_id == package_id))
        return _data(row) if row is not None else ReviewData(package_id)


def validate(data: ReviewData) -> None:
    errors = {}
    if data.state not in STATES:
        errors["state"] = _("Choose accepted, has questions or rejected.")
    elif data.state in NOTE_REQUIRED and not data.note.strip():
        errors["note"] = _(
            "Write down what you asked the municipality, or why the package is rejected."
        )
    if len(data.note) > NOTE_LIMIT:
        errors["note"] = _("The note is longer than {limit} characters.").format(limit=NOTE_LIMIT)
    if len(data.reviewed_by) > 200:
        errors["reviewed_by"] = _("The name is longer than {limit} characters.").format(limit=200)
    if errors:
        raise ValidationError(errors)


def save_review(database: Database, data: ReviewData) -> ReviewData:
    """Save the verdict; `data` then carries the saved version, so the form may save again.

    `data.version` None writes without comparing (scripts that did not read first).
    """
    validate(data)
    now = datetime.now().replace(microsecond=0)
    try:
        with database.session() as session:
            if session.get(DistrictPackage, data.package_id) is None:
                raise NotFoundError(data.package_id)
            row = session.scalar(
                select(PackageReview).where(PackageReview.package_id == data.package_id)
            )
            current = 0 if row is None else row.version
            if data.version is not None and data.version != current:
                raise ConflictError(data.package_id, current)
            if row is None:
                row = PackageReview(package_id=data.package_id)
                session.add(row)
            row.state, row.note = data.state, data.note.strip()
            row.reviewed_by, row.reviewed_at = data.reviewed_by.strip(), now
            session.flush()
            data.version, data.reviewed_at = row.version, now
    except (StaleDataError, IntegrityError) as error:
        # Another officer saved in between: raised the version, or made the first verdict.
        current_version = get_review(database, data.package_id).version
        raise ConflictError(data.package_id, current_version or 0) from error
    return data


def _data(row: PackageReview) -> ReviewData:
    return ReviewData(
        row.package_id, row.state, row.note, row.reviewed_by, row.reviewed_at, row.version
    )
