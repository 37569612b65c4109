"""A new password typed twice, for what leaves encrypted (district export, backups).

Both places must refuse the same things the same way: a password typed differently the
second time is caught here, a weak one by the service that encrypts; the fields keep
what was typed so a refusal costs no retyping of the rest of the dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit

from gwa_desktop.exchange.encrypted import MINIMUM_PASSWORD_LENGTH
from gwa_desktop.i18n import _


class PasswordFields:
    """The two fields and their labels in a form; shown only while a password is wanted."""

    def __init__(self) -> None:
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for field, name in ((self.password, _("Password")), (self.repeat, _("Repeat password"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        self.password.setPlaceholderText(
            _("at least {count} characters, best a sentence of four words").format(
                count=MINIMUM_PASSWORD_LENGTH
            )
        )
        self._form: QFormLayout | None = None

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(_("Password"), self.password)
        form.addRow(_("Repeat password"), self.repeat)
        self._form = form

    def set_visible(self, visible: bool) -> None:
        for field in (self.password, self.repeat):
            field.setVisible(visible)
            if self._form is not None:
                self._form.labelForField(field).setVisible(visible)

    def mismatch(self) -> str:
        """The message when the two fields differ, else ""."""
        if self.password.text() != self.repeat.text():
            return _("The two passwords differ. Please type them again.")
        return ""
