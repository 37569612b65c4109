"""The municipality's own data, printed on flyers and written into exports.

Saved like the records (see record_service): data read with `get()` carries the row's
version, and a save based on an older one is refused with a ConflictError.
"""

from __future__ import annotations

import io

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.public_holidays import is_federal_state
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ConflictError
from gwa_desktop.services.record_service import touch
from gwa_desktop.services.row_mapping import plain_columns, read_columns, write_columns
from gwa_desktop.services.validation import Checker
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import MunicipalitySettings

MAX_LOGO_BYTES = 2 * 1024 * 1024
#: Fields stored as they are in a column of the same name.
PLAIN_COLUMNS = plain_columns(MunicipalityData, MunicipalitySettings)


class SettingsService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self) -> MunicipalityData:
        with self.database.session() as session:
            row = session.get(MunicipalitySettings, 1)
            if row is None:
                return MunicipalityData(version=0)
            return MunicipalityData(version=row.version, **read_columns(row, PLAIN_COLUMNS))

    def validate(self, data: MunicipalityData) -> None:
        check = Checker()
        check.required("name", data.name, _("The name of the municipality"))
        check.email("officer_email", data.officer_email.strip())
        if data.federal_state and not is_federal_state(data.federal_state):
            check.add("federal_state", _("Choose a federal state from the list."))
        check.phone("officer_phone", data.officer_phone.strip())
        check.languages("text_languages", data.text_language_codes)
        if data.logo is not None:
            check.add("logo", logo_problem(data.logo))
        check.lengths(data, MunicipalitySettings)
        check.raise_if_any()

    def save(self, data: MunicipalityData) -> None:
        self.validate(data)
        try:
            self._save(data)
        except (StaleDataError, IntegrityError) as error:
            # Another save raised the version, or created the first row, in between.
            raise ConflictError(1, self._current_version()) from error

    def _current_version(self) -> int:
        with self.database.session() as session:
            return (
                session.scalar(
                    select(MunicipalitySettings.version).where(MunicipalitySettings.id == 1)
                )
                or 0
            )

    def _save(self, data: MunicipalityData) -> None:
        with self.database.session() as session:
            row = session.get(MunicipalitySettings, 1)
            current = 0 if row is None else row.version
            if data.version is not None and data.version != current:
                raise ConflictError(1, current)
            if row is None:
                row = MunicipalitySettings(id=1)
            else:
                touch(row)
            write_columns(row, data, PLAIN_COLUMNS)
            row.text_languages = ",".join(data.text_language_codes)
            session.add(row)
            session.flush()
            saved_version = row.version
        # The data now describes the saved row: the settings page stays open and saves again.
        data.version = saved_version


def logo_problem(content: bytes) -> str | None:
    """Why these bytes cannot serve as a logo on prints, or None when they can."""
    if len(content) > MAX_LOGO_BYTES:
        return _("The logo file is larger than 2 MB. Please choose a smaller image.")
    # Pillow loads only when a logo is checked, not with the settings at every start.
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return _("The logo file is not a readable PNG or JPEG image. Please choose another file.")
    return None
