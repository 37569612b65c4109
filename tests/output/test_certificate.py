"""The volunteer certificate: one page, the year's hours, tasks, offers and trainings."""

from __future__ import annotations

from datetime import date, time

import pytest

from gwa_desktop.cli.main import main
from gwa_desktop.domain.activity import ActivityData
from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ActivityKind, LegalBasis, OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.domain.volunteer import HelperHours, Training, VolunteerProfile
from gwa_desktop.output.pdf import certificate as layout
from gwa_desktop.output.pdf.certificate import CertificateContent, build_certificate
from gwa_desktop.output.pdf.print_texts import PrintTexts
from gwa_desktop.services.certificates import CertificateService, NotAVolunteerError
from gwa_desktop.services.registry import Services
from tests.output.print_samples import (
    ARABIC_SCRIPT,
    PRINT_LANGUAGES,
    comparable_words,
    flat_text,
    municipality,
    nfkc,
)

YEAR = date.today().year - 1


def volunteer_year(services: Services) -> int:
    """Farida helped at two sessions of an offer and one event last year, and one the year before."""
    farida = services.contacts.create(
        ContactData(
            name="Farida Beispiel",
            phone="0151 2345678",
            legal_basis=LegalBasis.CONSENT,
            consents=[ConsentData(given_on=date(YEAR - 1, 1, 5), purpose="Ehrenamt")],
            volunteer=VolunteerProfile(
                tasks=["Dolmetschen", "Begleitung zu Ämtern"],
                trainings=[
                    Training("Grundkurs Sprachmittlung", date(YEAR, 3, 14)),
                    Training("Alter Kurs", date(YEAR - 1, 3, 14)),
                ],
            ),
        )
    )
    offer = services.offers.create(
        OfferData(
            category=OfferCategory.LANGUAGE,
            start_date=date(YEAR, 1, 1),
            texts=[
                OfferTextData(language="de", title="Sprachcafé"),
                OfferTextData(language="ar", title="مقهى اللغة"),
            ],
        )
    )
    sessions = [
        (date(YEAR, 2, 3), offer, "Sprachcafé", 2.5),
        (date(YEAR, 3, 3), offer, "Sprachcafé", 2.75),
        (date(YEAR, 7, 1), None, "Sommerfest", 3.0),
        (date(YEAR - 1, 7, 1), None, "Sommerfest", 3.0),
    ]
    for day, offer_id, title, hours in sessions:
        services.activities.create(
            ActivityData(
                occurred_on=day,
                kind=ActivityKind.OFFER_SESSION if offer_id else ActivityKind.EVENT,
                title=title,
                offer_id=offer_id,
                start_time=time(14),
                end_time=time(17),
                helpers=[HelperHours(farida, hours)],
            )
        )
    return farida


@pytest.fixture
def services(database) -> Services:
    return Services.on(database)


def test_the_certificate_counts_the_year_in_german_beside_arabic(services):
    farida = volunteer_year(services)
    content = CertificateService.from_services(services).content(farida, YEAR, "ar")
    assert (content.hours, content.activities) == (8.25, 3)
    assert content.offers == {
        "de": ["Sprachcafé", "Sommerfest"],
        "ar": ["مقهى اللغة", "Sommerfest"],
    }
    assert content.trainings == [Training("Grundkurs Sprachmittlung", date(YEAR, 3, 14))]

    result = build_certificate(content)
    text = flat_text(result.pdf)
    assert result.pages == 1
    for expected in (
        "Nachweis über ehrenamtliches Engagement",
        "Farida Beispiel",
        "8,25",
        "Dolmetschen",
        "Grundkurs Sprachmittlung",
        "Sprachcafé",
        "Sommerfest",
    ):
        assert expected in text
    assert "Alter Kurs" not in text
    for word in comparable_words(PrintTexts("ar")(layout.TITLE) + " مقهى اللغة"):
        assert word in nfkc(text)


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_one_page_in_every_print_language(language):
    content = CertificateContent(
        name="Farida Beispiel",
        year=2026,
        hours=123.75,
        activities=48,
        tasks=["Dolmetschen", "Begleitung zu Ämtern", "Fahrdienst", "Hausaufgabenhilfe"],
        offers={"de": [f"Angebot {n}" for n in range(12)]},
        trainings=[Training(f"Fortbildung {n}", date(2026, 1 + n, 3)) for n in range(6)],
        municipality=municipality(),
        issued_on=date(2026, 12, 2),
        languages=["de", language],
    )
    result = build_certificate(content)
    text = flat_text(result.pdf)
    assert result.pages == 1 and result.warnings == []
    title = PrintTexts(language)(layout.TITLE)
    if language in ARABIC_SCRIPT:
        assert all(word in nfkc(text) for word in comparable_words(title))
    else:
        # Ligatures (ﬁ) come back as one character: compare after NFKC.
        assert nfkc(title) in nfkc(text)
    assert "Angebot 11" in text and "Fortbildung 5" in text


def test_no_certificate_without_legal_basis_or_hours(services):
    farida = volunteer_year(services)
    service = CertificateService.from_services(services)
    with pytest.raises(NotAVolunteerError, match=f"{YEAR - 5}"):
        service.content(farida, YEAR - 5)
    services.contacts.withdraw_consent(farida, date.today())
    with pytest.raises(NotAVolunteerError, match="Rechtsgrundlage"):
        service.content(farida, YEAR)
    with pytest.raises(NotAVolunteerError, match="keinen Kontakt"):
        service.content(9999, YEAR)


def test_gwa_certificate_writes_the_pdf(services, database_path, tmp_path, capsys):
    farida = volunteer_year(services)
    services.database.close()
    out = tmp_path / "nachweis.pdf"
    code = main(
        [
            "--database",
            str(database_path),
            "certificate",
            str(farida),
            "--year",
            str(YEAR),
            "--lang",
            "uk",
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    text = flat_text(out.read_bytes())
    assert "Farida Beispiel" in text and PrintTexts("uk")(layout.TITLE) in text
    assert (
        main(
            [
                "--database",
                str(database_path),
                "certificate",
                str(farida),
                "--year",
                str(YEAR - 5),
                "--out",
                str(tmp_path / "leer.pdf"),
            ]
        )
        == 1
    )
    assert not (tmp_path / "leer.pdf").exists()
