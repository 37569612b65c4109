"""data/activities.json, encoded once per distinct value, is the text `json.dumps` makes of the records."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.exchange.activity_json import ACTIVITY_KEYS, ActivityJson
from gwa_desktop.exchange.records import COUNT_KEYS, to_json_value
from gwa_desktop.services.district_collect import RECORD_KEYS
from tests.exchange.test_activity_rows import TEXTS

RECORDS = st.fixed_dictionaries(
    {
        "occurred_on": st.dates(date(1990, 1, 1), date(2040, 12, 31)),
        "kind": TEXTS,
        "title": TEXTS,
        "offer": TEXTS,
        **{key: st.one_of(st.none(), st.integers(0, 10**9)) for key in COUNT_KEYS},
        "volunteer_hours": st.one_of(
            st.sampled_from([0.0, 1.0, 0.05, 2.5, 1e16, 123456.75]), st.floats(0, 10**9)
        ),
        "languages": st.lists(st.sampled_from(["ar", "uk", "de", '"x"', "ü"]), max_size=3),
    }
).map(lambda record: {key: record[key] for key in ACTIVITY_KEYS})  # the package's order


@settings(max_examples=80, deadline=None)
@given(st.lists(RECORDS, max_size=30))
def test_the_batch_is_the_list_as_json_dumps_writes_it(records):
    encoder = ActivityJson()
    expected = json.dumps(records, ensure_ascii=False, default=to_json_value, separators=(",", ":"))

    assert "[" + encoder.batch(records) + "]" == expected
    # The memos carry over to the next batch without changing a text.
    assert "[" + encoder.batch(records[::-1]) + "]" == json.dumps(
        records[::-1], ensure_ascii=False, default=to_json_value, separators=(",", ":")
    )


def test_the_export_reads_its_records_with_the_fields_in_the_package_order():
    assert RECORD_KEYS == ACTIVITY_KEYS
