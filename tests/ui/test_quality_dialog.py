"""The quality panel counts each finding and opens the record on Enter or double-click."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from gwa_desktop.domain.enums import OfferCategory
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.ui.dialogs.quality_dialog import QualityDialog


def test_the_panel_counts_and_enter_opens_the_offer(qtbot, window):
    offer_id = window.services.offers.create(
        OfferData(
            texts=[OfferTextData("de", "Nähcafé")],
            category=OfferCategory.LANGUAGE,
            start_date=date(2025, 1, 7),
            end_date=date(2025, 6, 1),
        )
    )
    dialog = QualityDialog(window.services.database, window)
    qtbot.addWidget(dialog)
    rows = {
        dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i).text(1)
        for i in range(dialog.tree.topLevelItemCount())
    }
    assert rows["Aktive Angebote nach ihrem Enddatum"] == "1"
    assert rows["Angebote ohne Ort"] == "1"
    assert rows["Personen ohne Rechtsgrundlage"] == "0"

    top = dialog.tree.topLevelItem(0)
    dialog.tree.setCurrentItem(top.child(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)

    assert dialog.chosen == ("offers", offer_id)
    assert dialog.result() == QualityDialog.DialogCode.Accepted
    dialog.grab().save("/tmp/quality-panel.png")
