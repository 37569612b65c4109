"""The order in which names are listed: DIN 5007-1 for German readers, sensible for all.

Binary order put "Zentrum Nord" before "awo Ortsverein" and "Ärztehaus" after "Zentrum".
The Unicode Collation Algorithm with its default table (DUCET, through pyuca) sorts the
way a German dictionary does (DIN 5007-1: "Ä" as "A", case only breaking ties), keeps
Turkish "Ç", "Ş", "İ" beside their base letters and puts Arabic names in the order of the
Arabic alphabet.

`sort_key` turns a text into bytes whose plain byte order is that order. The bytes are
stored beside the names (`sort_key` columns), so SQLite and PostgreSQL sort alike without
a database collation, and Python sorts compare the very same keys. When the collation
changes (another table, another encoding), `COLLATION` changes and the stored keys are
computed again (services.reindex).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

#: The DUCET version used, fixed rather than pyuca's pick for the running Python.
UCA_VERSION = "10.0.0"
#: Names the stored keys: a change here makes `gwa reindex` run at the next start.
COLLATION = f"uca-{UCA_VERSION}/unicode-{unicodedata.unidata_version}/key-1"


@lru_cache(maxsize=1)
def _collator() -> Any:
    """Loaded on first use: reading the table takes about 0.3 s, lists never need it."""
    from pyuca.collator import Collator_10_0_0

    return Collator_10_0_0()


@lru_cache(maxsize=4096)
def sort_key(text: str | None) -> bytes:
    """The collation key of `text` as bytes; byte order is the collation order.

    The UCA key is a sequence of weights (primary, 0, secondary, 0, tertiary); every
    DUCET weight, implicit ones included, fits in 16 bits, so two bytes big-endian per
    weight keep the order, and a key that is a prefix of another sorts first, as its
    text does. Repeated names (bulk loads) come from the cache.
    """
    text = (text or "").strip()
    if not text:
        return b""
    weights = _collator().sort_key(text)
    return b"".join(weight.to_bytes(2, "big") for weight in weights)

