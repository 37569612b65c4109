"""Use cases: contacts to a phone's address book (vCard), offers and activities to a calendar (iCal).

These files go to the officer's own phone or calendar, so they hold contact details,
but never notes; each is written atomically like every other export.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from gwa_desktop.domain.enums import ContactKind, Recurrence
from gwa_desktop.domain.schedule import Schedule
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.exchange.ical import CalendarEntry, write_calendar
from gwa_desktop.exchange.vcard import Card, write_cards
from gwa_desktop.exchange.vocabulary import german
from gwa_desktop.services.holidays import PauseSource
from gwa_desktop.services.offers import schedule_of
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Activity, Contact, Offer


def export_vcard(database: Database, target: Path) -> int:
    """Write all contacts to `target`; returns how many."""
    with database.session() as session:
        contacts = session.scalars(
            select(Contact)
            .options(selectinload(Contact.organisation))
            .order_by(Contact.sort_key, Contact.id)
        ).all()
        cards = [
            Card(
                name=c.name,
                is_organisation=c.kind is ContactKind.ORGANISATION,
                organisation=c.organisation.name if c.organisation else "",
                role=german(c.role),
                phone=c.phone,
                email=c.email,
                street=c.street,
                postal_code=c.postal_code,
                city=c.city,
            )
            for c in contacts
        ]
    write_bytes_atomically(Path(target), write_cards(cards))
    return len(cards)


def export_ical(database: Database, target: Path, since: date | None = None) -> int:
    """Write offers (as recurring events) and activities (since `since`, default all) to `target`."""
    entries = []
    with database.session() as session:
        pauses = PauseSource(session)
        offers = select(Offer).options(selectinload(Offer.texts), selectinload(Offer.date_changes))
        for offer in session.scalars(offers):
            text = offer.text_in("de")
            schedule = schedule_of(offer, pauses)
            location = ", ".join(p for p in (offer.place_name, offer.street, offer.city) if p)
            entries.append(
                CalendarEntry(
                    f"offer-{offer.id}@gwa-desktop",
                    text.title if text else "",
                    schedule,
                    location,
                    text.description if text else "",
                )
            )
        statement = select(
            Activity.id,
            Activity.title,
            Activity.occurred_on,
            Activity.start_time,
            Activity.end_time,
        )
        if since is not None:
            statement = statement.where(Activity.occurred_on >= since)
        for activity_id, title, day, start, end in session.execute(statement):
            entries.append(
                CalendarEntry(
                    f"activity-{activity_id}@gwa-desktop",
                    title,
                    Schedule(Recurrence.ONCE, day, None, start, end),
                )
            )
    name = SettingsService(database).get().name or "GWA Desktop"
    write_bytes_atomically(Path(target), write_calendar(entries, name))
    return len(entries)
