"""SettingsService: the municipality's own data and logo."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from service_builders import sql

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.settings import MAX_LOGO_BYTES, logo_problem


def not_an_image() -> str:
    """Translated when called: module-level `_()` would run before the catalogs are compiled."""
    return _("The logo file is not a readable PNG or JPEG image. Please choose another file.")


def image_bytes(fmt: str = "PNG", size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def municipality(**values) -> MunicipalityData:
    values.setdefault("name", "Gemeinde Neustadt")
    return MunicipalityData(**values)


def test_defaults_before_anything_was_saved(settings):
    assert settings.get() == MunicipalityData(version=0)  # 0: no row saved yet


def test_save_and_get_round_trip_with_png_logo(settings, database):
    logo = image_bytes("PNG")
    settings.save(
        municipality(
            name=" Gemeinde Neustadt ",
            district="Landkreis Süd",
            officer_name="Ayşe Demir",
            officer_phone="06321 555-12",
            officer_email="integration@neustadt.example.de",
            officer_address="Rathausplatz 1\n67433 Neustadt",
            logo=logo,
            logo_filename="wappen.png",
        )
    )

    stored = settings.get()
    assert stored.name == "Gemeinde Neustadt"
    assert stored.officer_name == "Ayşe Demir"
    assert stored.officer_address == "Rathausplatz 1\n67433 Neustadt"
    assert stored.logo == logo
    assert stored.logo_filename == "wappen.png"
    assert sql(database, "SELECT COUNT(*) FROM municipality_settings") == [(1,)]


def test_saving_again_updates_the_single_row(settings, database):
    settings.save(municipality(logo=image_bytes(), logo_filename="a.png"))
    settings.save(municipality(name="Stadt Neustadt", logo=None, logo_filename=""))
    stored = settings.get()
    assert (stored.name, stored.logo, stored.logo_filename) == ("Stadt Neustadt", None, "")
    assert sql(database, "SELECT id FROM municipality_settings") == [(1,)]


def test_jpeg_logo_is_accepted(settings):
    settings.save(municipality(logo=image_bytes("JPEG")))
    assert settings.get().logo[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, image_bytes("PNG")[:60]],
    ids=["empty", "text", "png-signature-only", "truncated-png"],
)
def test_broken_logo_is_refused(settings, content):
    settings.save(municipality(name="Vorher"))
    with pytest.raises(ValidationError) as caught:
        settings.save(municipality(name="Nachher", logo=content))
    assert caught.value.errors == {"logo": not_an_image()}
    assert settings.get().name == "Vorher"


def test_oversized_logo_is_refused():
    content = image_bytes("PNG") + b"\x00" * MAX_LOGO_BYTES
    assert logo_problem(content) == _(
        "The logo file is larger than 2 MB. Please choose a smaller image."
    )
    assert logo_problem(image_bytes("PNG")) is None


def test_name_email_and_phone_are_checked(settings):
    with pytest.raises(ValidationError) as caught:
        settings.save(MunicipalityData(name=" ", officer_email="rathaus", officer_phone="Zentrale"))
    assert set(caught.value.errors) == {"name", "officer_email", "officer_phone"}
    assert caught.value.errors["name"] == _("{field} is required.").format(
        field=_("The name of the municipality")
    )
    assert settings.get() == MunicipalityData(version=0)
