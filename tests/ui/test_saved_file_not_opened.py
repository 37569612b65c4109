"""A PDF viewer that cannot be started is told to the user, with the folder offered (issue 10, item 13)."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gwa_desktop.ui.dialogs.print_dialogs import FlyerPrintDialog
from tests.ui.conftest import drive_dialog
from tests.ui.test_print_dialogs import _offer


def test_without_a_pdf_reader_the_user_is_told_and_offered_the_folder(
    qtbot, window, monkeypatch, tmp_path
):
    _offer(window)
    target = tmp_path / "flyer.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    tried = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        lambda url: tried.append(url.toLocalFile()) or url.toLocalFile() != str(target),
    )
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "question", answer)

    def in_dialog(dialog):
        assert isinstance(dialog, FlyerPrintDialog) and dialog.open_after.isChecked()
        dialog.save_button.click()

    drive_dialog(window.offers_page.print_button.click, in_dialog)

    assert target.is_file()
    assert len(asked) == 1 and str(target) in asked[0] and "PDF" in asked[0]
    assert tried == [str(target), str(tmp_path)]


def test_the_user_may_decline_the_folder(qtbot, window, monkeypatch, tmp_path):
    _offer(window)
    target = tmp_path / "flyer.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    tried = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: tried.append(url.toLocalFile()) and False
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Close)

    drive_dialog(window.offers_page.print_button.click, lambda dialog: dialog.save_button.click())

    assert tried == [str(target)]
    assert str(target) in window.statusBar().currentMessage()
