"""The catalogs are complete, current and correct in every UI language.

A string marked in the code but missing from the template means `./dev translations`
was not run; one missing from a catalog means a language shows English there.
"""

from __future__ import annotations

import gettext

import pytest
from babel import Locale
from babel.messages.plurals import get_plural

from gwa_desktop.i18n import UI_LANGUAGES, translation_for
from tests.i18n.catalog_files import (
    all_po_files,
    extracted_ids,
    is_translated,
    message_key,
    placeholders,
    read_catalog,
    template,
    ui_catalog,
)


def test_template_holds_every_marked_string():
    in_template = {message_key(m.id) for m in template() if m.id}
    stale = extracted_ids() - in_template
    assert not stale, (
        f"run ./dev translations; not in translations/gwa_desktop.pot: {sorted(map(str, stale))}"
    )


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_catalog_translates_every_string_of_the_template(language):
    catalog = ui_catalog(language)
    wanted = {message_key(m.id) for m in template() if m.id}
    translated = {
        message_key(m.id) for m in catalog if m.id and is_translated(m.string) and not m.fuzzy
    }
    missing = wanted - translated
    assert not missing, (
        f"{language}: {len(missing)} untranslated or fuzzy, e.g. {sorted(map(str, missing))[:5]}"
    )


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_plural_forms_header_is_the_languages_own(language):
    catalog = ui_catalog(language)
    """Compared by meaning: Babel releases spell the same CLDR rule differently."""
    expected = get_plural(Locale.parse(language))
    assert catalog.num_plurals == expected.num_plurals
    ours, theirs = gettext.c2py(catalog.plural_expr), gettext.c2py(expected.plural_expr)
    differing = [n for n in range(1001) if ours(n) != theirs(n)]
    assert not differing, f"{language}: plural form differs from CLDR for n = {differing[:10]}"


def test_plural_comparison_sees_a_wrong_rule():
    """The comparison above must be able to fail: German's rule is not Arabic's."""
    german = gettext.c2py(get_plural(Locale.parse("de")).plural_expr)
    arabic = gettext.c2py(get_plural(Locale.parse("ar")).plural_expr)
    assert any(german(n) != arabic(n) for n in range(1001))


@pytest.mark.parametrize("path", all_po_files(), ids=lambda path: f"{path.parts[-3]}-{path.stem}")
def test_babel_checks_pass(path):
    """Babel's checkers: python-format placeholders and the number of plural forms."""
    problems = [(message.id, errors) for message, errors in read_catalog(path).check()]
    assert not problems


@pytest.mark.parametrize("path", all_po_files(), ids=lambda path: f"{path.parts[-3]}-{path.stem}")
def test_every_translation_keeps_the_placeholders(path):
    """{n}, {field}, … are filled in by name; a lost or renamed one breaks .format().

    Fuzzy entries are skipped: they are never compiled into the program.
    """
    wrong = []
    for message in read_catalog(path):
        if not message.id or message.fuzzy or not is_translated(message.string):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(placeholders(text) for text in ids))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong.extend((message.id, text) for text in strings if placeholders(text) != wanted)
    assert not wrong


def test_arabic_counts_from_11_to_99_take_the_accusative_singular():
    """CLDR's "many" form (n % 100 in 11…99) is the tanwin form, "other" (100, 102) is not.

    An older Babel wrote a rule that swapped the two; the catalog had been filled to match it.
    """
    arabic = translation_for("ar")
    singular, plural = "{n} text is not translated yet.", "{n} texts are not translated yet."
    assert arabic.ngettext(singular, plural, 11) == "{n} نصًا لم يُترجم بعد."
    assert arabic.ngettext(singular, plural, 99) == "{n} نصًا لم يُترجم بعد."
    assert arabic.ngettext(singular, plural, 100) == "{n} نص لم يُترجم بعد."
    assert arabic.ngettext(singular, plural, 102) == "{n} نص لم يُترجم بعد."
