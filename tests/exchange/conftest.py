"""Fixtures for exchange tests: services over the per-test database, a second database."""

from __future__ import annotations

import shutil

import pytest

from gwa_desktop.i18n import set_ui_language
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
from tests.exchange.sample_data import fill


@pytest.fixture
def services(database) -> Services:
    return Services.on(database)


@pytest.fixture
def filled(services) -> Services:
    fill(services)
    return services


@pytest.fixture
def other_database(tmp_path, template_database):
    """A second installation, e.g. the district office's."""
    path = tmp_path / "district.sqlite"
    shutil.copy(template_database, path)
    database = open_database(str(path))
    yield database
    database.close()


@pytest.fixture(autouse=True)
def english_messages(german_ui):
    """Messages are checked by their English message ids, whatever the catalogs say."""
    set_ui_language("en")
