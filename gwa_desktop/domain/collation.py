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

    The UCA key is a sequence of weights: primary, 0, secondary, 0, tertiary. Repeated
    names (bulk loads) come from the cache.
    """
    text = (text or "").strip()
    if not text:
        return b""
    return encode_weights(_collator().sort_key(text))


def encode_weights(weights: tuple[int, ...]) -> bytes:
    """The weights as short bytes that keep their order (a third fewer than two bytes each).

    In DUCET primary weights lie in 0x0201-0xFFFD (two bytes, the first never 0x00),
    secondary ones in 0x0020-0x0115 (one byte each, shifted to 0x01-0xF6) and tertiary ones
    in 0x02-0x1E (one byte). Each level ends with one 0x00 byte, below any weight, so a
    shorter name still sorts before its continuation ("Müller" before "Müllerhof").
    """
    out = bytearray()
    level = 0
    for weight in weights:
        if weight == 0:
            out.append(0)
            level += 1
        elif level == 0:
            out += weight.to_bytes(2, "big")
        else:
            out.append(weight - 0x1F if level == 1 else weight)
    return bytes(out)
