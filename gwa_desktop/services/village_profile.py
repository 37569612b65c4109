"""The village profile per year, entered by hand or imported, and the coverage gaps beside it.

An import file (CSV or XLSX, as the district sends it) has one row per year: a column
"Jahr" (or "year"), one column per figure named as the profile shows it or by its key,
and a column "Sprache <code>" per spoken language with its speakers. A column nobody
knows, a year other than the one asked for, a share above 100 % or a negative count
is refused with a message naming it, and nothing is stored: a year is replaced only
as a whole, in one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, select

from gwa_desktop.domain.enums import OfferStatus, TargetGroup
from gwa_desktop.domain.languages import is_known_language, normalise_code
from gwa_desktop.domain.report_document import ReportDocument
from gwa_desktop.domain.village_profile import (
    AGE_GROUPS,
    FIGURE_KEYS,
    FIGURES,
    PERCENT_KEYS,
    CoverageGap,
    VillageProfile,
)
from gwa_desktop.i18n import _
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.models import Offer, OfferLanguage, OfferTargetGroup
from gwa_desktop.storage.profile_models import VillageFigure, VillageLanguage

MAX_FILE_BYTES = 1024 * 1024
YEAR_COLUMNS = ("jahr", "year")
LANGUAGE_PREFIXES = ("sprache ", "language ")
THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


def check_profile(profile: VillageProfile) -> None:
    """Every problem of a profile at once, with the figure's name."""
    errors: dict[str, str] = {}
    labels = {key: _(label) for key, label, _percent in FIGURES}
    if not 1900 <= profile.year <= 2200:
        errors["year"] = _("{year} is not a year.").format(year=profile.year)
    for key, value in profile.figures.items():
        if key not in labels:
            errors[key] = _("Unknown figure: {name}.").format(name=key)
        elif value < 0:
            errors[key] = _("{field} cannot be negative.").format(field=labels[key])
        elif key in PERCENT_KEYS and value > 100:
            errors[key] = _("{field}: a percentage lies between 0 and 100.").format(
                field=labels[key]
            )
    for code, speakers in profile.languages.items():
        if not is_known_language(code):
            errors[f"language-{code}"] = _(
                "Unknown language code: {codes}. Use ISO 639 codes such as de, ar, uk, fa."
            ).format(codes=code)
        elif speakers < 0:
            errors[f"language-{code}"] = _("{field} cannot be negative.").format(field=code)
    if errors:
        raise ValidationError(errors)


class VillageProfileService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def years(self) -> list[int]:
        with self.database.session() as session:
            return sorted(
                set(session.scalars(select(VillageFigure.year)))
                | set(session.scalars(select(VillageLanguage.year)))
            )

    def get(self, year: int) -> VillageProfile:
        with self.database.session() as session:
            figures = {
                key: float(value)
                for key, value in session.execute(
                    select(VillageFigure.key, VillageFigure.value).where(VillageFigure.year == year)
                )
            }
            # Not dict(result): a Result has keys() (its column names), so dict() would
            # take it for a mapping.
            languages = {
                code: int(speakers)
                for code, speakers in session.execute(
                    select(VillageLanguage.code, VillageLanguage.speakers).where(
                        VillageLanguage.year == year
                    )
                )
            }
        return VillageProfile(year, figures, languages)

    def save(self, profile: VillageProfile) -> None:
        """Replace the year's profile as a whole."""
        profile.languages = {normalise_code(c): n for c, n in profile.languages.items()}
        check_profile(profile)
        with self.database.session() as session:
            session.execute(delete(VillageFigure).where(VillageFigure.year == profile.year))
            session.execute(delete(VillageLanguage).where(VillageLanguage.year == profile.year))
            session.add_all(
                VillageFigure(year=profile.year, key=k, value=v) for k, v in profile.figures.items()
            )
            session.add_all(
                VillageLanguage(year=profile.year, code=c, speakers=n)
                for c, n in profile.languages.items()
            )

    def set_values(self, year: int, values: dict[str, str]) -> VillageProfile:
        """Figures typed by hand, named as in an import file ("Einwohner" or its key,
        "Sprache ar"), over the year's stored ones; refused whole on any problem."""
        typed = profile_from_rows([["Jahr", *values], [str(year), *values.values()]], year)
        profile = self.get(year)
        profile.figures.update(typed.figures)
        profile.languages.update(typed.languages)
        self.save(profile)
        return profile

    def replace_values(self, year: int, values: dict[str, str]) -> VillageProfile:
        """The year's whole profile as typed in its form (empty fields are not stored)."""
        profile = profile_from_rows([["Jahr", *values], [str(year), *values.values()]], year)
        self.save(profile)
        return profile

    def import_file(self, path: Path, year: int) -> VillageProfile:
        """Read the district's file for `year` and store it; refused whole on any problem."""
        profile = read_profile_file(path, year)
        self.save(profile)
        return profile

    def gaps(self, year: int) -> list[CoverageGap]:
        """Age groups, target groups and languages of the village that no active offer serves."""
        profile = self.get(year)
        with self.database.session() as session:
            active = Offer.status == OfferStatus.ACTIVE
            groups = {
                g.value if hasattr(g, "value") else g
                for g in session.scalars(select(OfferTargetGroup.group).join(Offer).where(active))
            }
            spoken = set(session.scalars(select(OfferLanguage.code).join(Offer).where(active)))
        everyone = TargetGroup.EVERYONE.value in groups
        gaps = [
            CoverageGap("age_group", key, profile.figures[key])
            for key, group in AGE_GROUPS
            if profile.figures.get(key, 0) > 0 and not everyone and group.value not in groups
        ]
        if (
            profile.figures.get("migration_share", 0) > 0
            and not everyone
            and TargetGroup.NEWCOMERS.value not in groups
        ):
            gaps.append(
                CoverageGap(
                    "target_group", TargetGroup.NEWCOMERS.value, profile.figures["migration_share"]
                )
            )
        gaps += [
            CoverageGap("language", code, speakers)
            for code, speakers in sorted(profile.languages.items(), key=lambda item: -item[1])
            if speakers > 0 and code not in spoken
        ]
        return gaps


def _column_keys() -> dict[str, str]:
    """Every header an import may use for a figure: its label in each UI language, its key."""
    from gwa_desktop.i18n import UI_LANGUAGES, translation_for

    names: dict[str, str] = {}
    for key, label, _percent in FIGURES:
        names[key.casefold()] = key
        for language in UI_LANGUAGES:
            names[translation_for(language).gettext(label).casefold()] = key
    return names


def read_profile_file(path: Path, year: int) -> VillageProfile:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            {
                "file": _("The file {path} cannot be read: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            }
        ) from error
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError({"file": _("This file is too large for a village profile.")})
    rows = _xlsx_rows(content) if path.suffix.lower() == ".xlsx" else _csv_rows(content)
    return profile_from_rows(rows, year)


def _csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig", errors="replace")
    dialect = csv.Sniffer().sniff(text[:2000], delimiters=";,\t") if text.strip() else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(
            {"file": _("This file is not an Excel workbook (.xlsx) that can be read.")}
        ) from error
    sheet = book.worksheets[0]
    rows = [
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    book.close()
    return [row for row in rows if any(c.strip() for c in row)]


def _number(text: str) -> float:
    """A number as German tables write it ("12,5", "1.851", "1.234,0", "8 %") or as
    Python does ("13.0"): dots before groups of three digits are thousands."""
    plain = text.replace("%", "").replace(" ", "").replace("\u00a0", "")
    if "," in plain or THOUSANDS.fullmatch(plain):
        plain = plain.replace(".", "").replace(",", ".")
    value = float(plain)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def profile_from_rows(rows: Iterable[list[str]], year: int) -> VillageProfile:
    """The profile of `year` from a header row and data rows; every problem at once."""
    rows = list(rows)
    if not rows:
        raise ValidationError({"file": _("The file is empty.")})
    header = [cell.strip() for cell in rows[0]]
    known = _column_keys()
    columns: dict[int, tuple[str, str]] = {}
    unknown: list[str] = []
    year_column: int | None = None
    for index, name in enumerate(header):
        folded = name.casefold()
        if folded in YEAR_COLUMNS:
            year_column = index
        elif folded in known:
            columns[index] = ("figure", known[folded])
        elif folded.startswith(LANGUAGE_PREFIXES) and is_known_language(name.split(" ", 1)[1]):
            columns[index] = ("language", normalise_code(name.split(" ", 1)[1]))
        elif name:
            unknown.append(name)
    errors: dict[str, str] = {}
    if unknown:
        errors["columns"] = _("Unknown columns: {names}. Known are: {known}.").format(
            names=", ".join(unknown),
            known=", ".join(["Jahr", *(_(label) for _key, label, _p in FIGURES), "Sprache <code>"]),
        )
    if year_column is None:
        errors["year"] = _("The file has no column “Jahr”.")
    if errors:
        raise ValidationError(errors)
    assert year_column is not None, "checked above"
    matching = [row for row in rows[1:] if row[year_column].strip() == str(year)]
    if not matching:
        found = sorted({row[year_column].strip() for row in rows[1:] if len(row) > year_column})
        raise ValidationError(
            {
                "year": _("The file has no row for {year} (it has: {found}).").format(
                    year=year, found=", ".join(found) or "–"
                )
            }
        )
    profile = VillageProfile(year)
    for index, (kind, key) in columns.items():
        text = matching[0][index].strip() if index < len(matching[0]) else ""
        if not text:
            continue
        try:
            value = _number(text)
        except ValueError:
            errors[key] = _("“{value}” in column {column} is not a number.").format(
                value=text, column=header[index]
            )
            continue
        if kind == "figure":
            profile.figures[key] = value
        else:
            profile.languages[key] = int(value)
    if errors:
        raise ValidationError(errors)
    check_profile(profile)
    return profile


def profile_document(
    profile: VillageProfile, gaps: list[CoverageGap], municipality: str
) -> ReportDocument:
    """The profile and its gaps as one page for the council (Gemeinderat)."""
    from gwa_desktop.domain.languages import language_name
    from gwa_desktop.domain.report_document import Cell, Table
    from gwa_desktop.i18n import ui_language

    labels = {key: _(label) for key, label, _percent in FIGURES}
    figures: list[list[Cell]] = [
        [labels[key], profile.figures[key]] for key in FIGURE_KEYS if key in profile.figures
    ]
    languages: list[list[Cell]] = [
        [language_name(code, ui_language()), speakers]
        for code, speakers in sorted(profile.languages.items(), key=lambda item: -item[1])
    ]
    missing: list[list[Cell]] = []
    for gap in gaps:
        if gap.kind == "age_group":
            missing.append([labels[gap.key], gap.size])
        elif gap.kind == "target_group":
            missing.append([TargetGroup(gap.key).label, gap.size])
        else:
            missing.append([language_name(gap.key, ui_language()), gap.size])
    document = ReportDocument(
        _("Village profile {year}").format(year=profile.year),
        ui_language(),
        [(_("Municipality"), municipality or "–"), (_("Year"), str(profile.year))],
    )
    document.sections = [
        Table(
            _("Figures of the village"),
            [_("Figure"), _("Value")],
            ["text", "decimal"],
            figures,
            widths=[3, 1],
        ),
        Table(
            _("Languages spoken in the village"),
            [_("Language"), _("Speakers")],
            ["text", "integer"],
            languages,
            widths=[3, 1],
        ),
        Table(
            _("Who has no offer?"),
            [_("Group or language"), _("People or share")],
            ["text", "decimal"],
            missing,
            widths=[3, 1],
            note=""
            if missing
            else _("Every age group and language of the village has an active offer."),
        ),
    ]
    return document
