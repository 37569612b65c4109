"""Small screens: forms reflow instead of scrolling sideways; lists fit at 1366×768."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea

from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.dialogs.offer_dialog import OfferDialog


def test_a_form_squeezed_narrow_scrolls_up_and_down_only(qtbot, services):
    for dialog in (
        ContactDialog(services.contacts),
        OfferDialog(services.offers, services.contacts),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.resize(200, 400)
        QApplication.processEvents()
        scroll = dialog.findChild(QScrollArea)
        body = scroll.widget()
        # Never narrower than its widest row needs, so nothing is cut off at the side...
        assert dialog.width() > 200
        assert body.width() >= body.minimumSizeHint().width()
        assert (
            scroll.horizontalScrollBar().maximum() == 0
            or not scroll.horizontalScrollBar().isVisible()
        )
        # ...and tall forms still scroll vertically.
        assert scroll.verticalScrollBar().maximum() > 0
