"""Every member of the district packages is, byte for byte, what the export wrote before it was made faster."""

from __future__ import annotations

import json

import pytest

from gwa_desktop.services.registry import Services
from tests.exchange.export_reference import REFERENCE, reference_digests, seed_village
from tests.services.backends import each_backend


@pytest.fixture(params=["sqlite", "postgresql"])
def village(request):
    for database in each_backend(request):
        seed_village(Services.on(database))
        yield database


def test_every_member_of_every_package_is_as_the_earlier_export_wrote_it(village, tmp_path):
    expected = json.loads(REFERENCE.read_text(encoding="utf-8"))

    digests = reference_digests(village, tmp_path)

    assert digests.keys() == expected.keys()
    for variant, members in expected.items():
        assert "csv/kontakte.csv" in digests[variant] or variant != "personal"
        assert digests[variant] == members, variant
