"""A contact can have several roles (issue 13, item 7): stored, listed, filtered, searched."""

from __future__ import annotations

from gwa_desktop.domain.enums import ContactRole
from gwa_desktop.services.list_table import labelled_row
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.services.reindex import reindex
from tests.services.service_builders import person, sql

BOTH = [ContactRole.VOLUNTEER, ContactRole.LANGUAGE_MEDIATOR]


def test_several_roles_are_kept_in_order_with_the_main_one_first(contacts):
    contact_id = person(
        contacts,
        "Amal Nasser",
        role=ContactRole.VOLUNTEER,
        other_roles=[ContactRole.LANGUAGE_MEDIATOR],
    )
    data = contacts.get(contact_id)
    assert data.roles == BOTH and data.role is ContactRole.VOLUNTEER
    assert sql(contacts.database, "SELECT role, position FROM contact_roles ORDER BY position") == [
        ("volunteer", 0),
        ("language_mediator", 1),
    ]
    data.role, data.other_roles = ContactRole.LANGUAGE_MEDIATOR, []
    contacts.update(data)
    assert contacts.get(contact_id).roles == [ContactRole.LANGUAGE_MEDIATOR]
    assert sql(contacts.database, "SELECT role FROM contacts") == [("language_mediator",)]


def test_lists_filter_by_any_role_and_show_all_roles(contacts):
    person(
        contacts,
        "Amal Nasser",
        role=ContactRole.VOLUNTEER,
        other_roles=[ContactRole.LANGUAGE_MEDIATOR],
    )
    person(contacts, "Bernd Vogel", role=ContactRole.VOLUNTEER)
    mediators = contacts.list_rows(ListQuery(filters={"role": ContactRole.LANGUAGE_MEDIATOR}))
    assert [row[1] for row in mediators] == ["Amal Nasser"]
    volunteers = contacts.list_rows(ListQuery(filters={"role": ContactRole.VOLUNTEER}))
    assert [row[1] for row in volunteers] == ["Amal Nasser", "Bernd Vogel"]
    shown = labelled_row("contacts", mediators[0])[4]
    assert sorted(shown.split(", ")) == sorted(role.label for role in BOTH)


def test_every_role_is_found_by_search_also_after_a_reindex(contacts):
    person(
        contacts,
        "Amal Nasser",
        role=ContactRole.VOLUNTEER,
        other_roles=[ContactRole.LANGUAGE_MEDIATOR],
    )
    word = ContactRole.LANGUAGE_MEDIATOR.label.split("(")[0]
    assert [row[1] for row in contacts.list_rows(ListQuery(text=word))] == ["Amal Nasser"]
    before = sql(contacts.database, "SELECT search_text FROM contacts")
    assert reindex(contacts.database).changed == 0  # the service wrote what a reindex writes
    assert sql(contacts.database, "SELECT search_text FROM contacts") == before
