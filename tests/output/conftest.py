"""Fixtures shared by the print tests."""

from __future__ import annotations

from datetime import date

import pytest

from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.printing import PrintingService
from gwa_desktop.services.settings import SettingsService


@pytest.fixture
def printing(database) -> PrintingService:
    """The printing service on the per-test database, on a fixed day (1 March 2026)."""
    return PrintingService(
        OfferService(database),
        ContactService(database),
        SettingsService(database),
        today=lambda: date(2026, 3, 1),
    )
