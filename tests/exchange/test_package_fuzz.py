"""Property: whatever happens to a package's bytes, the import takes it whole or refuses it cleanly."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import import_packages
from gwa_desktop.services.district_overview import combined_datasets
from tests.exchange.sample_data import PERIOD

corruption = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
    st.tuples(st.just("truncate"), st.floats(0, 1, exclude_max=True), st.just(0)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("zero"), st.floats(0, 1, exclude_max=True), st.integers(1, 64)),
)


def corrupt(content: bytes, changes) -> bytes:
    data = bytearray(content)
    for kind, where, value in changes:
        if not data:
            break
        at = int(where * len(data))
        if kind == "flip":
            data[at] ^= value
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = bytes([value])
        else:
            data[at : at + value] = bytes(len(data[at : at + value]))
    return bytes(data)


@pytest.fixture
def valid_package(filled, tmp_path):
    return export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 1, 8)
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.lists(corruption, min_size=1, max_size=3))
def test_a_corrupted_package_is_imported_whole_or_refused(
    valid_package, other_database, tmp_path, changes
):
    original = valid_package.read_bytes()
    damaged = corrupt(original, changes)
    path = tmp_path / "damaged.zip"
    path.write_bytes(damaged)

    (result,) = import_packages(other_database, [path], receipts=tmp_path / "receipts")
    event("refused" if result.refused else "imported")

    with other_database.engine.begin() as connection:
        rows = connection.execute(text("SELECT COUNT(*) FROM district_activities")).scalar()
        if result.refused:
            assert rows == 0, result.message
            assert result.message
        else:
            assert rows == 8
            assert [len(d.offers) for d in combined_datasets(other_database)] == [3]
        connection.execute(text("DELETE FROM district_packages"))
        connection.execute(text("DELETE FROM district_activities"))
        connection.execute(text("DELETE FROM district_offers"))
