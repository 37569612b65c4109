"""District dialog: review a package beside its findings; a rejected one shows no figures;
a second officer's review of the same package is asked, not written over the first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from gwa_desktop.i18n import _
from gwa_desktop.services.district_overview import village_figures
from gwa_desktop.services.district_review import ACCEPTED, REJECTED, get_review, list_packages
from gwa_desktop.ui.dialogs.district_import_dialog import DistrictImportDialog
from gwa_desktop.ui.dialogs.package_review_dialog import PackageReviewDialog
from tests.services.test_district_review import two_villages
from tests.ui.conftest import drive_dialog


def save(dialog: PackageReviewDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_rejecting_a_package_from_the_list(qtbot, services):
    lindental, _birkenau = two_villages(services.database)
    importer = DistrictImportDialog(services)
    qtbot.addWidget(importer)
    rows = [[importer.table.item(r, c).text() for c in (0, 3, 6)] for r in range(2)]
    assert rows == [
        ["Gemeinde Birkenau", "6", "nicht geprüft"],
        ["Gemeinde Lindental", "6", "nicht geprüft"],
    ]
    seen: dict[str, str] = {}

    def review(dialog: PackageReviewDialog) -> None:
        assert isinstance(dialog, PackageReviewDialog)
        seen["findings"] = dialog.findings.toPlainText()
        dialog.state_buttons[REJECTED].setChecked(True)
        dialog.reviewed_by.setText("Eva Muster")
        save(dialog)  # no note: refused, the form stays
        assert dialog.isVisible() and not dialog.errors["note"].isHidden()
        seen["error"] = dialog.errors["note"].text()
        dialog.note.setPlainText("Juni: 150 Teilnehmende an einem Tag?")
        dialog.grab().save("/tmp/review-dialog.png")
        save(dialog)

    importer.table.selectRow(1)
    drive_dialog(importer.review_selected, review)

    assert seen["findings"].startswith("• 06.2026: 150 Teilnehmende")
    assert seen["error"].startswith("Notieren Sie, was Sie bei der Gemeinde nachgefragt haben")
    stored = get_review(services.database, lindental)
    assert (stored.state, stored.reviewed_by) == (REJECTED, "Eva Muster")
    assert [importer.table.item(1, c).text() for c in (0, 3, 4, 6)] == [
        "Gemeinde Lindental",
        "–",
        "–",
        "abgelehnt",
    ]
    assert importer.table.item(1, 6).toolTip() == "Juni: 150 Teilnehmende an einem Tag?"
    assert [v.municipality for v in village_figures(services.database)] == ["Gemeinde Birkenau"]
    importer.resize(900, 420)
    importer.grab().save("/tmp/review-list.png")


def test_a_second_review_of_the_same_package_is_asked_and_reloaded(qtbot, services):
    lindental, _birkenau = two_villages(services.database)
    entry = next(e for e in list_packages(services.database) if e.package_id == lindental)
    first, second = (PackageReviewDialog(services, entry) for _ in range(2))
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()
    first.state_buttons[ACCEPTED].setChecked(True)
    first.reviewed_by.setText("Eva Muster")
    save(first)
    assert first.result() == first.DialogCode.Accepted
    second.state_buttons[REJECTED].setChecked(True)
    second.note.setPlainText("falsch")
    asked: list[str] = []

    def reload(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == _("Reload")).click()

    drive_dialog(lambda: save(second), reload)

    assert asked == [
        _(
            "This entry was changed in the meantime, in another window or on another computer — reload or overwrite?"
        )
    ]
    assert second.isVisible() and second.state_buttons[ACCEPTED].isChecked()
    assert second.last_review.text().startswith("Letzte Prüfung: angenommen, von Eva Muster")
    assert get_review(services.database, lindental).state == ACCEPTED
