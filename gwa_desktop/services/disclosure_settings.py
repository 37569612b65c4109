"""The suppression threshold: from how many cases a published count is shown.

Counts from 1 to threshold - 1 print as "." in every district output (domain/suppression).
Statistics offices use 3; an office may choose a stricter value up to MAX_THRESHOLD,
never a weaker one. It is kept with this computer's preferences (no migration, and a
missing or damaged value means the default).
"""

from __future__ import annotations

from gwa_desktop.domain.suppression import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from gwa_desktop.i18n import _
from gwa_desktop.preferences import store_disclosure_threshold, stored_disclosure_threshold
from gwa_desktop.services.errors import ValidationError

FIELD = "disclosure_threshold"


def disclosure_threshold() -> int:
    """The threshold in force: the stored one when it lies in the allowed range."""
    stored = stored_disclosure_threshold()
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


def set_disclosure_threshold(value: int | str) -> int:
    """Check and keep a new threshold; returns it."""
    threshold = parse_threshold(str(value))
    store_disclosure_threshold(threshold)
    return threshold
