"""Which recipe the derived columns (sort keys, search texts) of this program follow.

`index_versions` records the recipe that filled the rows; when the program brings
another one, the start computes the columns again (services.reindex). The comparison
lives here, apart from the reindexing and the models, so that `gwa count` can tell an
up-to-date file without importing SQLAlchemy (services.counts).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from babel import __version__ as babel_version

from gwa_desktop.domain.collation import COLLATION
from gwa_desktop.domain.enums import ActivityKind, ContactRole, OfferCategory

COLLATION_INDEX = "collation"
SEARCH_INDEX = "search"
#: Raise when a recipe of services.search_text changes: the stored texts are then
#: computed again at start.
RECIPE = "search-1"


def search_version() -> str:
    """A digest of what the search texts are made of besides the records: the recipe,
    every label in every UI language (the catalogs), and Babel's language names."""
    digest = hashlib.sha256(f"{RECIPE}/babel-{babel_version}".encode())
    for vocabulary in (ContactRole, OfferCategory, ActivityKind):
        for member in vocabulary:
            digest.update(f"\0{member.value}\0{member.search_words}".encode())
    return f"{RECIPE}/{digest.hexdigest()[:32]}"


def current_versions() -> dict[str, str]:
    return {COLLATION_INDEX: COLLATION, SEARCH_INDEX: search_version()}


def stale_kinds(stored: Mapping[str, str]) -> list[str]:
    """The kinds of derived column whose `stored` recipe differs from this program's."""
    return [kind for kind, version in current_versions().items() if stored.get(kind) != version]
