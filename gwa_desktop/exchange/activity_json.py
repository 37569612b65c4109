"""data/activities.json from activity records, each distinct value encoded once.

The member is the text `json.dumps(records, ensure_ascii=False, separators=(",", ":"),
default=to_json_value)` gives. Encoding 100,000 dicts of 17 fields field by field was
the largest step of the export after reading them; their values repeat (a few
thousand dates, the kinds, the offers' titles, small counts), so each distinct value
is encoded once, by that same encoder, and every record is one text template filled
with the encoded values.

The records are those the export reads (services/district_collect) and a package
holds (records.ACTIVITY_FIELDS): the fields in that order, counts ints or None, hours
floats.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable
from operator import itemgetter
from typing import Any

from gwa_desktop.exchange.records import ACTIVITY_FIELDS, COUNT_KEYS, to_json_value

ACTIVITY_KEYS = tuple(ACTIVITY_FIELDS)

_encoder = json.JSONEncoder(ensure_ascii=False, default=to_json_value, separators=(",", ":"))


class _Encoded(dict[Hashable, str]):
    """JSON texts by value, each encoded once (of what `value` makes of the key)."""

    def __init__(self, value: Callable[[Any], Any] = lambda key: key) -> None:
        super().__init__()
        self._value = value

    def __missing__(self, key: Hashable) -> str:
        text = self[key] = _encoder.encode(self._value(key))
        return text


class ActivityJson:
    """Encodes batches of activity records as the text between the brackets of the list."""

    def __init__(self) -> None:
        self._template = "{" + ",".join(f"{_encoder.encode(k)}:%s" for k in ACTIVITY_KEYS) + "}"
        self._days = _Encoded()
        self._texts = _Encoded()
        # One memo per column type: 1 == 1.0, but a count and an hour spell differently.
        self._counts = _Encoded()
        self._hours = _Encoded()
        self._languages = _Encoded(list)
        self._count_values = itemgetter(*COUNT_KEYS)

    def record(self, record: dict[str, Any]) -> str:
        # The values in the order of ACTIVITY_KEYS (tests/exchange/test_activity_json.py).
        texts = self._texts
        return self._template % (
            self._days[record["occurred_on"]],
            texts[record["kind"]],
            texts[record["title"]],
            texts[record["offer"]],
            *map(self._counts.__getitem__, self._count_values(record)),
            self._hours[record["volunteer_hours"]],
            self._languages[tuple(record["languages"])],
        )

    def batch(self, records: Iterable[dict[str, Any]]) -> str:
        """The records' texts joined by commas: `json.dumps` of their list, without brackets."""
        return ",".join(map(self.record, records))
