"""All services over one database, built once for the GUI or the command line."""

from __future__ import annotations

from dataclasses import dataclass

from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.services.volunteers import VolunteerService
from gwa_desktop.storage.database import Database


@dataclass(frozen=True)
class Services:
    database: Database
    contacts: ContactService
    offers: OfferService
    activities: ActivityService
    settings: SettingsService
    volunteers: VolunteerService

    @classmethod
    def on(cls, database: Database) -> Services:
        return cls(
            database=database,
            contacts=ContactService(database),
            offers=OfferService(database),
            activities=ActivityService(database),
            settings=SettingsService(database),
            volunteers=VolunteerService(database),
        )

    def is_empty(self) -> bool:
        """True for a fresh database: the moment to offer demo data."""
        return not (self.contacts.count() or self.offers.count() or self.activities.count())
