"""A save based on an older version of a record is refused, never silently overwrites.

Two windows (or two computers on a shared database) stand for each other here: the data
one of them read with `get()` is saved after the other one's save.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ConsentMethod, LegalBasis
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferTextData
from gwa_desktop.i18n import _
from gwa_desktop.services.activities import ActivityService
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from gwa_desktop.services.offers import OfferService
from gwa_desktop.services.settings import SettingsService
from gwa_desktop.storage.database import open_database
from tests.services.service_builders import activity_data, offer_data, organisation, person

CONFLICT_MESSAGE = (
    "This entry was changed in the meantime, in another window or on another computer. "
    "Your input was not saved. Reload the entry to see the other change, or overwrite it with your input."
)


def _record(kind: str, database):
    """(service, id, a change of one field, how to read that field) for each kind of record."""
    if kind == "contact":
        service = ContactService(database)
        return (
            service,
            person(service, "Mina Yusuf"),
            lambda d, v: replace(d, notes=v),
            lambda d: d.notes,
        )
    if kind == "offer":
        service = OfferService(database)
        return (
            service,
            service.create(offer_data()),
            lambda d, v: replace(d, place_name=v),
            lambda d: d.place_name,
        )
    service = ActivityService(database)
    return (
        service,
        service.create(activity_data()),
        lambda d, v: replace(d, notes=v),
        lambda d: d.notes,
    )


@pytest.mark.parametrize("kind", ["contact", "offer", "activity"])
def test_a_form_opened_before_another_save_cannot_overwrite_it(kind, backend_database):
    service, record_id, change, field = _record(kind, backend_database)
    first_window = service.get(record_id)
    second_window = service.get(record_id)

    service.update(change(first_window, "gespeichert im ersten Fenster"))
    with pytest.raises(ConflictError) as caught:
        service.update(change(second_window, "aus dem zweiten Fenster"))

    assert field(service.get(record_id)) == "gespeichert im ersten Fenster"
    assert str(caught.value) == _(CONFLICT_MESSAGE)
    assert isinstance(caught.value, ValidationError)  # so the command line and imports say it too
    assert caught.value.current_version == service.get(record_id).version == 2


@pytest.mark.parametrize("kind", ["contact", "offer", "activity"])
def test_overwrite_builds_on_the_version_the_other_save_left(kind, backend_database):
    service, record_id, change, field = _record(kind, backend_database)
    first_window, second_window = service.get(record_id), service.get(record_id)
    service.update(change(first_window, "erstes Fenster"))
    with pytest.raises(ConflictError) as caught:
        service.update(change(second_window, "zweites Fenster"))

    service.update(
        change(replace(second_window, version=caught.value.current_version), "zweites Fenster")
    )

    assert field(service.get(record_id)) == "zweites Fenster"
    assert service.get(record_id).version == 3


def test_the_same_form_may_save_twice(contacts):
    contact_id = person(contacts, "Mina Yusuf")
    form = contacts.get(contact_id)
    form.notes = "einmal"
    contacts.update(form)
    form.notes = "zweimal"
    contacts.update(form)  # the data took the saved version
    assert contacts.get(contact_id).notes == "zweimal"


def test_a_change_of_linked_rows_only_counts_as_a_change(contacts, offers):
    """Tags and offer texts live in other tables; saving them must raise the version too."""
    contact_id = person(contacts, "Mina Yusuf")
    first, second = contacts.get(contact_id), contacts.get(contact_id)
    contacts.update(replace(first, tags=["Ehrenamt"]))
    with pytest.raises(ConflictError):
        contacts.update(replace(second, notes="anderes Fenster"))
    assert contacts.get(contact_id).tags == ["Ehrenamt"]

    offer_id = offers.create(offer_data())
    first, second = offers.get(offer_id), offers.get(offer_id)
    offers.update(replace(first, texts=[*first.texts, OfferTextData("ar", "مقهى اللغة")]))
    with pytest.raises(ConflictError):
        offers.update(replace(second, place_name="Bürgerhaus"))
    assert [t.language for t in offers.get(offer_id).texts] == ["de", "ar"]


def test_a_form_opened_before_a_withdrawal_cannot_bring_the_data_back(contacts):
    consent = ConsentData(
        given_on=date(2025, 3, 1), purpose="Einladungen", method=ConsentMethod.WRITTEN
    )
    contact_id = contacts.create(
        ContactData(
            name="Mina Yusuf",
            phone="06221 12345",
            legal_basis=LegalBasis.CONSENT,
            consents=[consent],
        )
    )
    older_form = contacts.get(contact_id)
    contacts.withdraw_consent(contact_id, date(2025, 6, 1))

    with pytest.raises(ConflictError):
        contacts.update(replace(older_form, notes="noch etwas"))

    stored = contacts.get(contact_id)
    assert stored.phone == "" and stored.consents[0].withdrawn_on == date(2025, 6, 1)


def test_a_record_deleted_in_the_meantime_is_reported(activities):
    activity_id = activities.create(activity_data())
    form = activities.get(activity_id)
    activities.delete([activity_id])
    with pytest.raises(NotFoundError):
        activities.update(replace(form, notes="zu spät"))
    assert activities.count() == 0


@pytest.mark.parametrize("kind", ["contact", "offer", "activity"])
def test_a_save_overtaken_between_check_and_write_is_refused(kind, backend_database, monkeypatch):
    """The other computer saves after this save compared the versions and before it wrote.

    Only the UPDATE's own version condition (SQLAlchemy's version_id_col) catches this;
    two connections to one database, SQLite file or PostgreSQL server, as two officers'.
    """
    location = backend_database.location
    database, other = open_database(location), open_database(location)
    try:
        service, record_id, change, field = _record(kind, database)
        elsewhere = type(service)(other)
        form = service.get(record_id)
        original_apply = type(service)._apply

        def apply_after_the_other_save(self, session, record, data):
            if self is service:
                elsewhere.update(change(elsewhere.get(record_id), "am anderen Computer"))
            original_apply(self, session, record, data)

        monkeypatch.setattr(type(service), "_apply", apply_after_the_other_save)
        with pytest.raises(ConflictError) as caught:
            service.update(change(form, "an diesem Computer"))

        monkeypatch.undo()
        assert caught.value.current_version == 2
        assert field(service.get(record_id)) == "am anderen Computer"
        assert service.get(record_id).version == 2
    finally:
        database.close()
        other.close()


def test_settings_saved_in_another_window_are_not_overwritten(settings):
    settings.save(MunicipalityData(name="Gemeinde Lindenbach"))
    first, second = settings.get(), settings.get()
    settings.save(replace(first, officer_name="Eva Muster"))

    with pytest.raises(ConflictError) as caught:
        settings.save(replace(second, district="Landkreis Musterland"))
    assert settings.get().officer_name == "Eva Muster" and settings.get().district == ""

    settings.save(
        replace(second, district="Landkreis Musterland", version=caught.value.current_version)
    )
    assert settings.get().district == "Landkreis Musterland"


def test_settings_created_in_another_window_before_the_first_save(database):
    page_a, page_b = SettingsService(database).get(), SettingsService(database).get()
    assert page_a.version == 0
    SettingsService(database).save(replace(page_a, name="Gemeinde Lindenbach"))
    with pytest.raises(ConflictError):
        SettingsService(database).save(replace(page_b, name="Gemeinde Anderswo"))
    assert SettingsService(database).get().name == "Gemeinde Lindenbach"


def test_data_without_a_version_is_written_as_is(contacts):
    """Scripts and demo data build data without reading it first: nothing to compare."""
    contact_id = organisation(contacts, "Caritas")
    contacts.update(
        ContactData(id=contact_id, name="Caritas Lindenbach", kind=contacts.get(contact_id).kind)
    )
    assert contacts.get(contact_id).name == "Caritas Lindenbach"
