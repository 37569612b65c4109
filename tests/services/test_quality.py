"""Each data-quality rule finds exactly its records on crafted data, and nothing else."""

from __future__ import annotations

import json
from datetime import date, time

from gwa_desktop.cli.main import main
from gwa_desktop.domain.contact import ContactData
from gwa_desktop.domain.enums import OfferStatus
from gwa_desktop.services import quality
from tests.services.service_builders import offer_data, organisation, person, sql

TODAY = date(2026, 3, 1)


def _complete(offers, contacts, title, **values) -> int:
    values.setdefault("contact_person_ids", [organisation(contacts, f"Verein {title}")])
    values.setdefault("place_name", "Rathaus")
    values.setdefault("start_time", time(15, 0))
    return offers.create(offer_data(title, **values))


def test_offers_past_their_end_date_only_the_active_ones(database, offers, contacts):
    _complete(offers, contacts, "läuft", end_date=date(2026, 6, 1))
    ended = _complete(offers, contacts, "vorbei", end_date=date(2026, 2, 1))
    _complete(offers, contacts, "archiviert", end_date=date(2026, 2, 1), status=OfferStatus.ENDED)
    assert quality.offers_past_end_date(database, TODAY) == [ended]


def test_offers_without_contact_place_or_time(database, offers, contacts):
    _complete(offers, contacts, "vollständig")
    no_contact = _complete(offers, contacts, "ohne Kontakt", contact_person_ids=[])
    no_place = _complete(offers, contacts, "ohne Ort", place_name="")
    no_time = _complete(offers, contacts, "ohne Uhrzeit", start_time=None)
    assert quality.offers_without_contact(database, TODAY) == [no_contact]
    assert quality.offers_without_place(database, TODAY) == [no_place]
    assert quality.offers_without_time(database, TODAY) == [no_time]


def test_persons_without_legal_basis_who_have_more_than_a_name(database, contacts):
    person(contacts, "Mit Grundlage", phone="0151 1111111")
    contacts.create(ContactData(name="Nur Name"))
    older = person(contacts, "Altbestand", phone="0151 2222222")
    # Older data: stored before the rule, its basis missing (the service refuses it today).
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE contacts SET legal_basis = NULL WHERE id = ?", (older,))
    assert sql(database, "SELECT count(*) FROM contacts") == [(3,)]
    assert quality.persons_without_legal_basis(database, TODAY) == [older]


def test_gwa_quality_prints_counts_and_ids_as_json(
    database, database_path, offers, contacts, capsys
):
    ended = _complete(offers, contacts, "vorbei", end_date=date(2026, 2, 1))
    assert main(["--database", str(database_path), "quality", "--format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["offer_past_end"]["ids"] == [ended] and rows["offer_past_end"]["count"] == 1
    assert rows["offer_no_place"]["count"] == 0


def test_offers_with_past_dates_without_headcount(database, offers, contacts):
    held = _complete(offers, contacts, "lief", start_date=date(2026, 2, 17))
    _complete(offers, contacts, "beginnt später", start_date=date(2026, 3, 10))
    assert quality.offers_with_sessions_without_headcount(database, TODAY) == [held]


def test_activities_with_implausible_figures(database, activities):
    from tests.services.service_builders import activity_data

    fine = dict(participants_total=10, participants_women=6, participants_men=4)
    activities.create(activity_data("stimmig", volunteers_count=2, volunteer_hours=4, **fine))
    hours, genders, ages = (activities.create(activity_data(t)) for t in ("a", "b", "c"))
    # Older data or an import: the form refuses such figures today.
    with database.engine.begin() as connection:
        for statement, record in (
            ("volunteer_hours = 3, volunteers_count = 0", hours),
            ("participants_total = 5, participants_women = 4, participants_men = 3", genders),
            ("participants_total = 2, age_65_plus = 3", ages),
        ):
            connection.exec_driver_sql(f"UPDATE activities SET {statement} WHERE id = ?", (record,))
    assert quality.implausible_activities(database, TODAY) == [hours, genders, ages]


def test_offers_missing_a_text_in_the_municipalitys_languages(database, offers, contacts, settings):
    from gwa_desktop.domain.municipality import MunicipalityData
    from gwa_desktop.domain.offer import OfferTextData

    def texts(*more):
        return [OfferTextData("de", "Sprachcafé", "Wir sprechen Deutsch."), *more]

    def _complete(offers, contacts, title, texts, **values):
        data = offer_data(
            title,
            contact_person_ids=[organisation(contacts, f"Verein {title}")],
            place_name="Rathaus",
            start_time=time(15, 0),
            **values,
        )
        data.texts = texts
        return offers.create(data)

    # Nothing asked for yet: no finding, whatever the offers hold.
    untranslated = _complete(offers, contacts, "nur Deutsch", texts=texts())
    assert quality.offers_missing_texts(database, TODAY) == []

    settings.save(MunicipalityData(name="Musterdorf", text_languages="EN, ar, de,en"))
    assert settings.get().text_languages == "en,ar"
    both = _complete(
        offers,
        contacts,
        "übersetzt",
        texts=texts(
            OfferTextData("en", "Language café", "We speak German."),
            OfferTextData("ar", "مقهى اللغة", "نتحدث الألمانية."),
        ),
    )
    title_only = _complete(
        offers,
        contacts,
        "nur Titel",
        texts=texts(OfferTextData("en", "Café", "x"), OfferTextData("ar", "مقهى", "")),
    )
    _complete(
        offers,
        contacts,
        "beendet",
        texts=texts(),
        status=OfferStatus.ENDED,
    )
    short = _complete(
        offers,
        contacts,
        "ohne Beschreibung",
        texts=[
            OfferTextData("de", "Treff"),
            OfferTextData("en", "Meeting"),
            OfferTextData("ar", "لقاء"),
        ],
    )
    found = quality.offers_missing_texts(database, TODAY)
    assert found == [untranslated, title_only]
    assert both not in found and short not in found


def test_the_settings_refuse_an_unknown_text_language(settings):
    import pytest

    from gwa_desktop.domain.municipality import MunicipalityData
    from gwa_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        settings.save(MunicipalityData(name="Musterdorf", text_languages="en, xx"))
    assert "xx" in refused.value.errors["text_languages"]


def test_consents_older_than_their_purpose_allows(database, contacts):
    from gwa_desktop.domain.contact import ConsentData
    from gwa_desktop.domain.enums import LegalBasis

    def consenting(name, given_on, purpose, names_publicly=False, withdrawn_on=None):
        return contacts.create(
            ContactData(
                name=name,
                phone="0151 1234567" if withdrawn_on is None else "",
                legal_basis=LegalBasis.CONSENT if withdrawn_on is None else None,
                consents=[
                    ConsentData(
                        given_on=given_on,
                        purpose=purpose,
                        names_publicly=names_publicly,
                        withdrawn_on=withdrawn_on,
                    )
                ],
            )
        )

    # Today is 2026-03-01: contact details hold 36 months, photos and public naming 24.
    consenting("Kontakt frisch", date(2023, 3, 2), "Kontakt und Information")
    old = consenting("Kontakt alt", date(2023, 2, 28), "Kontakt und Information")
    photos = consenting("Fotos", date(2024, 2, 28), "Fotos auf der Homepage")
    consenting("Fortbildung", date(2024, 2, 28), "Einladungen zur Fortbildung")
    public = consenting("Öffentlich", date(2024, 2, 1), "Kontakt", names_publicly=True)
    consenting("Widerrufen", date(2020, 1, 1), "Kontakt", withdrawn_on=date(2021, 1, 1))
    assert quality.persons_with_outdated_consent(database, TODAY) == [old, photos, public]


def test_gwa_quality_lists_likely_duplicates(database, database_path, contacts, capsys):
    first = person(contacts, "Anna Müller")
    second = person(contacts, "Müller, Anna")
    person(contacts, "Karl Huber")
    assert main(["--database", str(database_path), "quality", "--format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["contact_duplicate"]["ids"] == [first, second]
    assert rows["offer_duplicate"]["count"] == 0
