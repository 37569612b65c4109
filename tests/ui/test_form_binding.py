"""Every field of a record survives the way through the service and its form unchanged.

The services copy plain fields between data and row by the data class's field names, and
the forms bind each input to its field once; a field left out of either (or a widget
bound to the wrong field) shows here as a difference between what was stored, what the
form shows, and what it saves again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import (
    ActivityKind,
    ConsentMethod,
    ContactKind,
    ContactRole,
    LegalBasis,
    OfferCategory,
    OfferStatus,
    Recurrence,
    TargetGroup,
)
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.schedule import DateChange
from gwa_desktop.ui.dialogs.activity_dialog import ActivityDialog
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog

YESTERDAY = date.fromordinal(date.today().toordinal() - 1)


def _next_weekday(weekday: int) -> date:
    """The first such weekday at least a week ahead (a date of every schedule here)."""
    day = date.fromordinal(date.today().toordinal() + 7)
    return date.fromordinal(day.toordinal() + (weekday - day.weekday()) % 7)


def _records(services) -> dict[str, int]:
    """One contact, offer and activity with every field away from its default."""
    organisation = services.contacts.create(
        ContactData(name="Tafel Nord", kind=ContactKind.ORGANISATION, city="Nordheim")
    )
    person = services.contacts.create(
        ContactData(
            name="Leyla Demir",
            organisation_id=organisation,
            role=ContactRole.LANGUAGE_MEDIATOR,
            other_roles=[ContactRole.VOLUNTEER],
            phone="0151 111222",
            email="leyla@example.org",
            street="Lindenweg 3",
            postal_code="12345",
            city="Nordheim",
            notes="Dienstags erreichbar",
            languages=["tr", "ku"],
            topics=["Kita-Anmeldung"],
            tags=["Dolmetschen"],
            legal_basis=LegalBasis.CONSENT,
            consents=[
                ConsentData(
                    given_on=YESTERDAY,
                    purpose="Kontakt",
                    method=ConsentMethod.VERBAL,
                    form_version="2",
                    form_language="tr",
                )
            ],
        )
    )
    offer = services.offers.create(
        OfferData(
            texts=[
                OfferTextData("de", "Elterncafé", "Für Eltern"),
                OfferTextData("ar", "مقهى الآباء", "للآباء"),
            ],
            category=OfferCategory.FAMILY,
            start_date=YESTERDAY,
            status=OfferStatus.PAUSED,
            recurrence=Recurrence.BIWEEKLY,
            end_date=date(YESTERDAY.year + 1, 12, 31),
            start_time=time(15, 30),
            end_time=time(17, 0),
            target_groups=[TargetGroup.FAMILIES, TargetGroup.CHILDREN],
            languages=["de", "ar"],
            place_name="Pfarrsaal",
            place_is_private=True,
            street="Kirchplatz 1",
            postal_code="12345",
            city="Nordheim",
            cost_cents=250,
            cost_note="pro Monat",
            registration_required=True,
            registration_note="bis Freitag",
            web_url="https://example.org/elterncafe",
            provider_id=organisation,
            contact_person_ids=[person],
            weekdays=[0, 3],
            skips_public_holidays=True,
            skips_school_holidays=True,
            date_changes=[DateChange(_next_weekday(0), "Saal belegt", _next_weekday(2), time(16))],
        )
    )
    activity = services.activities.create(
        ActivityData(
            occurred_on=YESTERDAY,
            kind=ActivityKind.OFFER_SESSION,
            title="Elterncafé im Herbst",
            start_time=time(15, 30),
            end_time=time(17, 15),
            offer_id=offer,
            participants_total=20,
            participants_women=11,
            participants_men=8,
            participants_diverse=1,
            age_under_18=6,
            age_18_26=5,
            age_27_64=7,
            age_65_plus=2,
            newcomers=4,
            regulars=16,
            languages=["ar", "de"],
            volunteers_count=3,
            volunteer_hours=4.5,
            organisation_ids=[organisation],
            notes="Bastelecke war voll",
        )
    )
    return {"person": person, "offer": offer, "activity": activity}


def test_every_field_round_trips_through_service_and_form(qtbot, services) -> None:
    ids = _records(services)
    forms = {
        "person": (services.contacts, lambda: ContactDialog(services.contacts, ids["person"])),
        "offer": (
            services.offers,
            lambda: OfferDialog(services.offers, services.contacts, ids["offer"]),
        ),
        "activity": (
            services.activities,
            lambda: ActivityDialog(
                services.activities, services.offers, services.contacts, ids["activity"]
            ),
        ),
    }
    for name, (service, make) in forms.items():
        stored = service.get(ids[name])
        form = make()
        qtbot.addWidget(form)
        assert form.data() == stored, name
        form.save()
        again = service.get(ids[name])
        assert again == replace(stored, version=again.version), name


def test_an_edit_in_a_bound_widget_is_what_gets_saved(qtbot, services) -> None:
    ids = _records(services)
    form = ActivityDialog(services.activities, services.offers, services.contacts, ids["activity"])
    qtbot.addWidget(form)
    form.age_65_plus.set_optional_value(None)
    form.regulars.setValue(15)
    form.save()
    saved = services.activities.get(ids["activity"])
    assert (saved.age_65_plus, saved.regulars, saved.newcomers) == (None, 15, 4)
