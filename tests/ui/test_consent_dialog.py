"""Being named publicly is its own tick in the consent form, off unless she agreed to it."""

from __future__ import annotations

from gwa_desktop.ui.dialogs.consent_dialog import ConsentDialog


def test_the_public_naming_purpose_is_off_by_default_and_kept_when_ticked(qtbot):
    dialog = ConsentDialog()
    qtbot.addWidget(dialog)
    assert not dialog.names_publicly.isChecked()
    assert dialog.names_publicly.text() == "Darf auf Flyern und Aushängen genannt werden"
    dialog.save()
    assert dialog.result_data.names_publicly is False

    dialog.names_publicly.setChecked(True)
    dialog.save()
    assert dialog.result_data.names_publicly is True
    dialog.grab().save("/tmp/quality-consent.png")
