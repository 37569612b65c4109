"""csv/aktivitaeten.csv's rows, spelled once per distinct value, are the ACTIVITY_COLUMNS spelled cell by cell."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gwa_desktop.domain.enums import ActivityKind
from gwa_desktop.exchange.columns import ACTIVITY_COLUMNS, row_maker
from gwa_desktop.exchange.csv_export import ActivityRows, TableWriter
from gwa_desktop.exchange.records import COUNT_KEYS

TEXTS = st.one_of(
    st.sampled_from(
        ["", "Sprachcafé", "=1+1", "＋1", " @A1", "\t-2", "a;b", 'Zitat "x"', "Zeile\nneu"]
    ),
    st.text(max_size=12),
)
RECORDS = st.fixed_dictionaries(
    {
        "occurred_on": st.dates(date(1990, 1, 1), date(2040, 12, 31)),
        "kind": st.sampled_from([kind.value for kind in ActivityKind]),
        "title": TEXTS,
        "offer": TEXTS,
        **{key: st.one_of(st.none(), st.integers(0, 10**6)) for key in COUNT_KEYS},
        "volunteer_hours": st.one_of(
            st.sampled_from([0.0, 0.05, 0.5, 1.25, 2.0, 10.0, 123456.75]),
            st.floats(0, 10**6, allow_nan=False),
        ),
        "languages": st.lists(st.sampled_from(["ar", "uk", "de", "fa", "ti", "xx"]), max_size=3),
    }
)


def _csv(write) -> bytes:
    buffer = io.BytesIO()
    table = TableWriter(buffer, [c.header for c in ACTIVITY_COLUMNS])
    write(table)
    table.finish()
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.lists(RECORDS, max_size=30), TEXTS)
def test_the_rows_are_the_columns_spelled_cell_by_cell(records, municipality):
    cells = row_maker(ACTIVITY_COLUMNS, municipality)
    by_cell = _csv(lambda table: [table.row(cells(record)) for record in records])

    by_value = _csv(lambda table: table.spelled_rows(map(ActivityRows(municipality), records)))

    assert by_value == by_cell
    assert by_value.startswith(b"\xef\xbb\xbfGemeinde;Datum;")
