"""Services on the per-test database."""

from __future__ import annotations

import pytest

from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from tests.services.backends import backend_database  # noqa: F401  (SQLite and PostgreSQL)


@pytest.fixture
def contacts(database) -> ContactService:
    return ContactService(database)


@pytest.fixture
def offers(database) -> OfferService:
    return OfferService(database)


@pytest.fixture
def activities(database) -> ActivityService:
    return ActivityService(database)


@pytest.fixture
def settings(database) -> SettingsService:
    return SettingsService(database)
