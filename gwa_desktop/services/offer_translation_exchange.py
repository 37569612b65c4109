"""Offer texts out to human translators and back, as XLIFF 1.2 files.

XLIFF is what translation agencies' tools (and free ones such as OmegaT or Poedit) read
and write, and unlike PO it keeps the German source, an id and a note per text in one
standard file. Python's ElementTree writes it; it is read with lxml and a parser that
resolves no entity, loads no DTD and opens no network connection, and a file with a
document type declaration is refused after parsing, whatever its encoding (a check
of the raw bytes missed a UTF-16 file). Only a regular file of sensible size is read:
a FIFO or a device would block or never end.

The file names the municipality it belongs to; a file from another municipality's
program, or one that is damaged, is refused before anything in the database changes.
An import is first read into a preview that the user confirms; only then are all
changes saved together in one transaction.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.etree import ElementTree

from lxml import etree

from gwa_desktop import __version__
from gwa_desktop.domain.languages import (
    is_known_language,
    language_name,
    normalise_code,
)
from gwa_desktop.domain.offer import REQUIRED_TEXT_LANGUAGE, OfferData, OfferTextData
from gwa_desktop.exchange.atomic import write_bytes_atomically
from gwa_desktop.i18n import _, ui_language
from gwa_desktop.services.errors import ValidationError
from gwa_desktop.services.offer_text_coverage import TextState, text_state
from gwa_desktop.services.offers import TITLE_LENGTH, OfferService
from gwa_desktop.services.settings import SettingsService

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: `original` of the file element: this prefix, then the municipality as a query string.
ORIGIN = "gwa-desktop-offer-texts"
_UNIT_ID = re.compile(r"^offer-(\d+)-(title|description)$")
#: A file for a few hundred offers is well under a megabyte.
MAX_FILE_BYTES = 16 << 20
_PARSER = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)

ElementTree.register_namespace("", XLIFF_NAMESPACE)


class TranslationFileError(ValueError):
    """The file was refused; `str(error)` tells the user why. Nothing was changed."""


@dataclass(frozen=True)
class TextChange:
    """One translated field of one offer as it would be saved."""

    offer_id: int
    offer_title: str
    field: str
    old: str
    new: str
    #: The German text was edited after the export; the translation may be outdated.
    source_changed: bool = False


@dataclass
class ImportPreview:
    language: str
    changes: list[TextChange] = field(default_factory=list)
    unchanged: int = 0
    untranslated: int = 0
    problems: list[str] = field(default_factory=list)


def _q(tag: str) -> str:
    return f"{{{XLIFF_NAMESPACE}}}{tag}"


def municipality_identity(settings: SettingsService) -> tuple[str, str]:
    """Name and district of this program's municipality, as written into the file."""
    data = settings.get()
    return data.name.strip(), data.district.strip()


# Export ---------------------------------------------------------------------------------


def units_to_translate(offer: OfferData, language: str) -> list[tuple[str, str]]:
    """(field, German text) of every text of `offer` still missing in `language`."""
    german = offer.text_in(REQUIRED_TEXT_LANGUAGE)
    if german is None or text_state(offer, language) is TextState.COMPLETE:
        return []
    existing = offer.text_in(language)
    units = []
    if existing is None or not existing.title.strip():
        units.append(("title", german.title))
    if german.description.strip() and (existing is None or not existing.description.strip()):
        units.append(("description", german.description))
    return units


def export_missing_texts(
    offers: OfferService, settings: SettingsService, language: str, path: Path
) -> int:
    """Write the German texts lacking a `language` version to `path`; returns their count."""
    language = normalise_code(language)
    if language == REQUIRED_TEXT_LANGUAGE or not is_known_language(language):
        raise TranslationFileError(_("Choose a language other than German for the translation."))
    name, district = municipality_identity(settings)
    if not name:
        raise TranslationFileError(
            _(
                "Enter the name of the municipality in the settings first: a translated file is matched to it on import."
            )
        )
    root = ElementTree.Element(_q("xliff"), {"version": "1.2"})
    file_element = ElementTree.SubElement(
        root,
        _q("file"),
        {
            "original": f"{ORIGIN}?{urlencode({'municipality': name, 'district': district})}",
            "source-language": REQUIRED_TEXT_LANGUAGE,
            "target-language": language,
            "datatype": "plaintext",
            "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )
    header = ElementTree.SubElement(file_element, _q("header"))
    ElementTree.SubElement(
        header,
        _q("tool"),
        {"tool-id": "gwa-desktop", "tool-name": "GWA Desktop", "tool-version": __version__},
    )
    ElementTree.SubElement(header, _q("note")).text = _(
        "Offers of {municipality}: please translate each German text into {language} "
        "and send the file back unchanged otherwise."
    ).format(municipality=name, language=language_name(language, ui_language()))
    body = ElementTree.SubElement(file_element, _q("body"))
    count = 0
    for offer in offers.get_many():
        units = units_to_translate(offer, language)
        if not units:
            continue
        group = ElementTree.SubElement(
            body, _q("group"), {"id": f"offer-{offer.id}", "resname": offer.title}
        )
        for field_name, source in units:
            unit = ElementTree.SubElement(
                group,
                _q("trans-unit"),
                {"id": f"offer-{offer.id}-{field_name}", "resname": field_name},
            )
            ElementTree.SubElement(
                unit, _q("source"), {XML_LANG: REQUIRED_TEXT_LANGUAGE}
            ).text = source
            ElementTree.SubElement(
                unit, _q("target"), {XML_LANG: language, "state": "needs-translation"}
            ).text = ""
            ElementTree.SubElement(unit, _q("note")).text = (
                _("Title of the offer, printed large on flyers: keep it short.")
                if field_name == "title"
                else _("Description of the offer for flyers and notice boards.")
            )
            count += 1
    ElementTree.indent(root)
    write_bytes_atomically(
        Path(path), ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    )
    return count


# Import ---------------------------------------------------------------------------------


def _damaged(path: Path) -> TranslationFileError:
    return TranslationFileError(
        _(
            "The file {path} is damaged or not a translation file of GWA Desktop. Nothing was changed."
        ).format(path=path)
    )


def _read(path: Path) -> bytes:
    """The bytes of a regular file; opened without blocking, so a FIFO is refused, not waited on."""
    reason = None
    try:
        descriptor = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                reason = _("not a regular file")
            elif info.st_size > MAX_FILE_BYTES:
                reason = _("larger than {size} MB").format(size=MAX_FILE_BYTES >> 20)
            else:
                return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror
    raise TranslationFileError(
        _("The file {path} cannot be read ({reason}). Nothing was changed.").format(
            path=path, reason=reason
        )
    )


def _text_of(element: etree._Element) -> str:
    """An element's text with its children's, as the translator sees it in the editor."""
    return "".join(str(part) for part in element.itertext()).strip()


def _parse(path: Path) -> etree._Element:
    content = _read(Path(path))
    try:
        root = etree.fromstring(content, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise _damaged(path) from error
    docinfo: etree.DocInfo = root.getroottree().docinfo
    has_dtd = docinfo.internalDTD is not None or docinfo.externalDTD is not None
    # lxml-stubs lack DocInfo.doctype, which lxml has had since 2.0.
    if has_dtd or docinfo.doctype:  # type: ignore[attr-defined]
        raise _damaged(path)
    if (
        root.tag != _q("xliff")
        or root.get("version") != "1.2"
        or len(root.findall(_q("file"))) != 1
    ):
        raise _damaged(path)
    file_element = root.find(_q("file"))
    if file_element is None:
        raise _damaged(path)
    return file_element


def _check_origin(file_element: etree._Element, settings: SettingsService, path: Path) -> str:
    """The target language, once the file is known to hold this municipality's offers."""
    origin = urlsplit(file_element.get("original", ""))
    if origin.path != ORIGIN:
        raise TranslationFileError(
            _(
                "The file {path} does not hold offer texts exported by GWA Desktop. Nothing was changed."
            ).format(path=path)
        )
    query = parse_qs(origin.query)
    theirs = (query.get("municipality", [""])[0], query.get("district", [""])[0])
    ours = municipality_identity(settings)
    if theirs != ours:
        raise TranslationFileError(
            _(
                "The file {path} holds the offers of {other}, not those of {own}: it was exported by another "
                "municipality's program. Nothing was changed."
            ).format(path=path, other=theirs[0] or "?", own=ours[0] or "?")
        )
    language = normalise_code(file_element.get("target-language", ""))
    if (
        file_element.get("source-language") != REQUIRED_TEXT_LANGUAGE
        or language == REQUIRED_TEXT_LANGUAGE
        or not is_known_language(language)
    ):
        raise TranslationFileError(
            _("The file {path} names no valid target language. Nothing was changed.").format(
                path=path
            )
        )
    return language


def read_translations(path: Path, offers: OfferService, settings: SettingsService) -> ImportPreview:
    """Read a returned file into a preview of what an import would change; saves nothing."""
    file_element = _parse(path)
    language = _check_origin(file_element, settings, path)
    preview = ImportPreview(language)
    current = {offer.id: offer for offer in offers.get_many() if offer.id is not None}
    for unit in file_element.iter(_q("trans-unit")):
        match = _UNIT_ID.match(unit.get("id", ""))
        source, target = unit.find(_q("source")), unit.find(_q("target"))
        if match is None or source is None:
            raise _damaged(path)
        new = _text_of(target) if target is not None else ""
        if not new:
            preview.untranslated += 1
            continue
        offer_id, field_name = int(match.group(1)), match.group(2)
        offer = current.get(offer_id)
        if offer is None:
            preview.problems.append(
                _(
                    "An offer of the file no longer exists; its translation “{text}” is skipped."
                ).format(text=new)
            )
            continue
        if field_name == "title" and len(new) > TITLE_LENGTH:
            preview.problems.append(
                _(
                    "“{offer}”: the translated title has {count} characters, at most {limit} fit; it is skipped. "
                    "Ask the translator for a shorter title."
                ).format(offer=offer.title, count=len(new), limit=TITLE_LENGTH)
            )
            continue
        german = offer.text_in(REQUIRED_TEXT_LANGUAGE)
        existing = offer.text_in(language)
        old = getattr(existing, field_name) if existing else ""
        if new == old:
            preview.unchanged += 1
            continue
        source_changed = german is None or _text_of(source) != getattr(german, field_name).strip()
        preview.changes.append(
            TextChange(offer_id, offer.title, field_name, old, new, source_changed)
        )
    _drop_descriptions_without_title(preview, current)
    return preview


def _drop_descriptions_without_title(preview: ImportPreview, current: dict[int, OfferData]) -> None:
    """A text needs a title; a description alone cannot be saved for an offer."""
    titled = {change.offer_id for change in preview.changes if change.field == "title"}
    kept = []
    for change in preview.changes:
        existing = current[change.offer_id].text_in(preview.language)
        if (
            change.field == "description"
            and change.offer_id not in titled
            and not (existing and existing.title.strip())
        ):
            preview.problems.append(
                _(
                    "“{offer}”: the description was translated but not the title; it is skipped."
                ).format(offer=change.offer_title)
            )
        else:
            kept.append(change)
    preview.changes = kept


def apply_translations(preview: ImportPreview, offers: OfferService) -> int:
    """Save the previewed changes, all in one transaction; returns the number of offers changed."""
    by_offer: dict[int, list[TextChange]] = {}
    for change in preview.changes:
        by_offer.setdefault(change.offer_id, []).append(change)
    updated = []
    for offer_id, changes in by_offer.items():
        offer = offers.get(offer_id)
        text = offer.text_in(preview.language) or OfferTextData(preview.language, "")
        for change in changes:
            text = replace(text, **{change.field: change.new})
        others = [t for t in offer.texts if t.language != preview.language]
        updated.append(replace(offer, texts=[*others, text]))
    try:
        offers.update_many(updated)
    except ValidationError as error:
        raise TranslationFileError(
            _("The translations were not saved: {reason} Nothing was changed.").format(
                reason=" ".join(error.errors.values())
            )
        ) from error
    return len(updated)
