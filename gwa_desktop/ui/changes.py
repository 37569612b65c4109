"""What a write changed, so that each screen refreshes only when it shows that data.

Every save used to reload every list, so recording one activity re-read ten thousand
contacts. A write now says which kinds of data it changed and each screen says which
kinds it shows (the activities list shows offer titles, so an offer's new title reaches
it); a restore or an import changes everything.
"""

from __future__ import annotations

CONTACTS = "contacts"
OFFERS = "offers"
ACTIVITIES = "activities"
SETTINGS = "settings"

Changes = frozenset[str]

EVERYTHING: Changes = frozenset({CONTACTS, OFFERS, ACTIVITIES, SETTINGS})


def concerns(shown: Changes, changed: Changes) -> bool:
    """Whether a screen showing `shown` must refresh after `changed`."""
    return bool(shown & changed)
