"""Settings show each problem next to its field, as the edit dialogs do."""

from __future__ import annotations


def test_wrong_email_and_missing_name_are_marked_at_their_fields(qtbot, window):
    page = window.settings_page
    window.show_page(window.pages.index(window.settings_page))
    page.name.clear()
    page.officer_email.setText("integration-at-lindenbach")
    assert page.save() is False
    assert page.field_errors["name"].isVisible() and page.field_errors["officer_email"].isVisible()
    assert "integration-at-lindenbach" in page.field_errors["officer_email"].text()
    assert page.officer_email.text() == "integration-at-lindenbach"

    page.name.setText("Gemeinde Lindenbach")
    page.officer_email.setText("integration@lindenbach.example.org")
    assert page.save() is True
    assert not page.field_errors["officer_email"].isVisible()
    assert window.services.settings.get().officer_email == "integration@lindenbach.example.org"


def test_the_offers_text_languages_are_saved_and_an_unknown_one_is_marked(qtbot, window):
    page = window.settings_page
    window.show_page(window.pages.index(window.settings_page))
    page.name.setText("Gemeinde Lindenbach")
    page.text_languages.setText("en, xx")
    assert page.save() is False
    assert "xx" in page.field_errors["text_languages"].text()
    assert page.text_languages.text() == "en, xx"  # the input stays

    page.text_languages.setText("en, AR, ")
    assert page.save() is True
    assert window.services.settings.get().text_languages == "en,ar"
    page.refresh()
    assert page.text_languages.values() == ["en", "ar"] and not page.has_unsaved_changes()
