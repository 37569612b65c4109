"""The village profile typed in by hand: saved for its year, refused whole when wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from gwa_desktop.domain.village_profile import VillageProfile
from gwa_desktop.services.village_profile import VillageProfileService
from gwa_desktop.ui.dialogs.village_profile_dialog import VillageProfileDialog
from gwa_desktop.ui.language import apply_language


def _save(dialog: VillageProfileDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_typed_figures_and_languages_are_the_years_profile(qtbot, database):
    service = VillageProfileService(database)
    service.save(VillageProfile(2026, {"inhabitants": 1851}, {"uk": 41}))
    dialog = VillageProfileDialog(service, 2026)
    qtbot.addWidget(dialog)
    assert dialog.fields["inhabitants"].text() == "1851"
    assert dialog.languages.text() == "uk 41"
    dialog.fields["inhabitants"].setText("1.860")
    dialog.fields["unemployment_rate"].setText("4,2")
    dialog.languages.setText("uk 41, ar 64")
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert service.get(2026) == VillageProfile(
        2026, {"inhabitants": 1860, "unemployment_rate": 4.2}, {"uk": 41, "ar": 64}
    )


def test_a_share_above_100_is_refused_and_the_form_stays(qtbot, database, monkeypatch):
    service = VillageProfileService(database)
    service.save(VillageProfile(2026, {"inhabitants": 1851}))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    dialog = VillageProfileDialog(service, 2026)
    qtbot.addWidget(dialog)
    dialog.fields["migration_share"].setText("140")
    _save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(told) == 1 and "100" in told[0]
    assert dialog.fields["migration_share"].text() == "140"
    assert service.get(2026) == VillageProfile(2026, {"inhabitants": 1851})


def test_what_the_form_shows_reads_back_the_same_in_arabic(qtbot, database):
    apply_language("ar")
    service = VillageProfileService(database)
    stored = VillageProfile(2026, {"inhabitants": 12851, "migration_share": 13.5}, {"ar": 1640})
    service.save(stored)
    dialog = VillageProfileDialog(service, 2026)
    qtbot.addWidget(dialog)
    _save(dialog)
    assert service.get(2026) == stored


def test_another_year_shows_its_own_figures(qtbot, database):
    service = VillageProfileService(database)
    service.save(VillageProfile(2025, {"inhabitants": 1840}))
    dialog = VillageProfileDialog(service, 2026)
    qtbot.addWidget(dialog)
    assert dialog.fields["inhabitants"].text() == ""
    dialog.year.setValue(2025)
    assert dialog.fields["inhabitants"].text() == "1840"
