"""The compiled catalogs are package data, built from the translators' .po files.

`installer/compile_catalogs.py` is what the package build (setup.py) and `./dev setup`
run; a catalog that cannot be compiled must stop both with a message naming the file.
"""

from __future__ import annotations

import gettext
import shutil
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from gwa_desktop.i18n import (
    DOMAIN,
    PRINT_DOMAIN,
    TRANSLATIONS_ENV,
    translation_for,
    translations_dir,
)
from installer.compile_catalogs import CatalogError, compile_catalogs, main
from tests.i18n.catalog_files import SOURCE, all_po_files


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the committed .po files, to break without touching the real ones."""
    copy = tmp_path / "translations"
    shutil.copytree(SOURCE, copy)
    return copy


def read(mo_path: Path) -> gettext.GNUTranslations:
    with mo_path.open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def test_every_catalog_compiles_into_the_package_layout(tmp_path: Path) -> None:
    target = tmp_path / "locale"
    written = compile_catalogs(SOURCE, target)
    assert sorted(path.relative_to(target).with_suffix(".po") for path in written) == sorted(
        path.relative_to(SOURCE) for path in all_po_files()
    )
    assert read(target / "de" / "LC_MESSAGES" / f"{DOMAIN}.mo").gettext("&Quit") == "&Beenden"
    assert (
        read(target / "ti" / "LC_MESSAGES" / f"{PRINT_DOMAIN}.mo").gettext("free of charge")
        == "ብነጻ"
    )


def test_a_catalog_removed_from_the_sources_leaves_no_stale_compiled_file(
    sources: Path, tmp_path: Path
) -> None:
    target = tmp_path / "locale"
    compile_catalogs(sources, target)
    shutil.rmtree(sources / "ti")
    compile_catalogs(sources, target)
    assert not (target / "ti" / "LC_MESSAGES" / f"{PRINT_DOMAIN}.mo").exists()
    assert (target / "de" / "LC_MESSAGES" / f"{PRINT_DOMAIN}.mo").is_file()


def test_a_broken_catalog_stops_the_build_naming_file_and_line(
    sources: Path, tmp_path: Path
) -> None:
    broken = sources / "ar" / "LC_MESSAGES" / f"{DOMAIN}.po"
    text = (
        broken.read_text(encoding="utf-8")
        + '\nmsgid "Broken"\nmsgstr "معطل"\nthis is no po syntax\n'
    )
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(
        CatalogError, match=r"ar/LC_MESSAGES/gwa_desktop\.po cannot be read: .* on \d+"
    ):
        compile_catalogs(sources, tmp_path / "locale")


def test_a_translation_with_other_placeholders_stops_the_build(
    sources: Path, tmp_path: Path
) -> None:
    catalog = sources / "de" / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog.write_text(
        catalog.read_text(encoding="utf-8")
        + '\n#, python-format\nmsgid "%(count)d rows"\nmsgstr "%(anzahl)d Zeilen"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=r"de/LC_MESSAGES/gwa_desktop\.po:\d+: .*anzahl"):
        compile_catalogs(sources, tmp_path / "locale")


def test_without_babel_the_message_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "babel.messages.pofile", None)
    assert main([str(SOURCE), str(tmp_path / "locale")]) == 1
    assert (
        "The translation catalogs do not compile: Compiling the translation catalogs needs Babel"
        in (capsys.readouterr().err)
    )
    assert not (tmp_path / "locale").exists()


def test_the_program_reads_the_catalogs_inside_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the tests' override the catalogs come from gwa_desktop/locale (./dev setup compiles them)."""
    monkeypatch.delenv(TRANSLATIONS_ENV)
    translation_for.cache_clear()
    try:
        assert translations_dir() == files("gwa_desktop") / "locale"
        assert translation_for("ar").gettext("&Quit") == "&خروج"
        assert translation_for("xx").gettext("&Quit") == "&Quit"
    finally:
        monkeypatch.undo()
        translation_for.cache_clear()
