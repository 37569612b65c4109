"""The suppression threshold: from how many cases a published count is shown.

Counts from 1 to threshold - 1 print as "." in every district output (domain/suppression).
Statistics offices use 3; an office may choose a stricter value up to MAX_THRESHOLD,
never a weaker one. It is kept in the database (publication_settings), so every officer
of a district office sharing one database publishes with the same threshold. Until one
is set there, the value this computer kept before (its preferences) still applies.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from gwa_desktop.i18n import _
from gwa_desktop.preferences import stored_disclosure_threshold
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import PublicationSettings

FIELD = "disclosure_threshold"


def disclosure_threshold(database: Database) -> int:
    """The threshold in force: the stored one when it lies in the allowed range."""
    with database.session() as session:
        row = session.get(PublicationSettings, 1)
        stored = row.disclosure_threshold if row is not None else stored_disclosure_threshold()
    if stored is None or not MIN_THRESHOLD <= stored <= MAX_THRESHOLD:
        return DEFAULT_THRESHOLD
    return stored


def parse_threshold(text: str) -> int:
    """A threshold typed by the officer, or a ValidationError saying what is allowed."""
    try:
        value = int(text.strip())
    except ValueError:
        value = None
    if value is None or not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
        raise ValidationError(
            {
                FIELD: _(
                    "The threshold for hiding small counts must be a whole number "
                    "from {low} to {high}; “{value}” is not."
                ).format(low=MIN_THRESHOLD, high=MAX_THRESHOLD, value=text.strip())
            }
        )
    return value


def set_disclosure_threshold(database: Database, value: int | str) -> int:
    """Check and keep a new threshold for everyone using `database`; returns it."""
    threshold = parse_threshold(str(value))
    try:
        _store(database, threshold)
    except IntegrityError:
        # Another officer stored the first threshold at the same moment: the row exists now.
        _store(database, threshold)
    return threshold


def _store(database: Database, threshold: int) -> None:
    with database.session() as session:
        changed = session.execute(
            update(PublicationSettings)
            .where(PublicationSettings.id == 1)
            .values(disclosure_threshold=threshold)
        )
        if not changed.rowcount:  # type: ignore[attr-defined]
            session.add(PublicationSettings(id=1, disclosure_threshold=threshold))
