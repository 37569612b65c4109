"""The contacts screen: people and organisations of the local network."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QMenu, QPushButton, QWidget

from gwa_desktop.domain.enums import ContactKind, ContactRole
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.services.contacts import CONTACT_COLUMNS, ContactService
from gwa_desktop.services.list_table import role_labels
from gwa_desktop.services.listing import ListQuery
from gwa_desktop.ui.changes import CONTACTS
from gwa_desktop.ui.dialogs.contact_dialog import ContactDialog
from gwa_desktop.ui.pages.list_page import ListPage
from gwa_desktop.ui.table_model import Column, label_of, names_of_languages
from gwa_desktop.ui.widgets import enum_combo

COLUMNS = (
    Column("name", lambda: _("Name")),
    Column("kind", lambda: _("Kind"), label_of),
    Column("organisation", lambda: _("Organisation")),
    Column("role", lambda: _("Roles"), lambda codes, _row: role_labels(codes)),
    Column("phone", lambda: _("Phone")),
    Column("email", lambda: _("E-mail")),
    Column("languages", lambda: _("Languages"), names_of_languages),
    Column("topics", lambda: _("Contact person for")),
)


class ContactsPage(ListPage):
    help_anchor = "contacts"  #: the handbook section F1 opens on this screen
    entity = "contacts"
    name_key = "name"
    changes = frozenset({CONTACTS})
    shows = frozenset({CONTACTS})
    hidden_by_default = frozenset({"topics"})

    def __init__(self, service: ContactService, parent: QWidget | None = None) -> None:
        super().__init__(service, COLUMNS, CONTACT_COLUMNS, parent)
        self.kind_filter: QComboBox = self.add_filter(enum_combo(ContactKind, empty=_("All kinds")))
        self.role_filter: QComboBox = self.add_filter(enum_combo(ContactRole, empty=_("All roles")))
        self.merge_button = QPushButton(_("Merge…"))
        self.merge_button.setToolTip(_("Merge the two selected contacts into one"))
        self.merge_button.clicked.connect(self.merge_selected)
        top = self.layout().itemAt(0).layout()
        assert isinstance(top, QHBoxLayout)
        top.insertWidget(top.indexOf(self.delete_button) + 1, self.merge_button)
        self._update_buttons()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "merge_button"):
            self.merge_button.setEnabled(len(self.selected_ids()) == 2)

    def merge_selected(self) -> None:
        """The merge screen for the two selected contacts, the one in focus staying."""
        from gwa_desktop.ui.dialogs.merge_dialog import MergeDialog

        ids = self.selected_ids()
        if len(ids) != 2:
            return
        current = self.current_id()
        keep, other = (ids[1], ids[0]) if current == ids[1] else (ids[0], ids[1])
        dialog = MergeDialog(self.service.database, keep, other, self)
        if dialog.loaded and dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_write(dialog.kept_id)

    def add_row_actions(self, menu: QMenu, row: int) -> None:
        column = next(i for i, c in enumerate(self.model.columns) if c.key == "phone")
        phone = self.model.index(row, column).data() or ""
        copy = menu.addAction(
            _("Copy phone number"), lambda: QGuiApplication.clipboard().setText(phone)
        )
        copy.setEnabled(bool(phone))
        super().add_row_actions(menu, row)

    def filters(self) -> dict:
        return {"kind": self.kind_filter.currentData(), "role": self.role_filter.currentData()}

    def open_dialog(self, record_id: int | None) -> QDialog:
        return ContactDialog(self.service, record_id, self)

    def delete_question(self, count: int) -> str:
        return ngettext(
            "Delete {n} contact for good? Their links to offers and activities are removed too.",
            "Delete {n} contacts for good? Their links to offers and activities are removed too.",
            count,
        ).format(n=count)

    def summary_of(self, query: ListQuery) -> str:
        shown = self.service.count(query)
        total = self.service.count()
        return ngettext("{shown} of {total} contact", "{shown} of {total} contacts", total).format(
            shown=shown, total=total
        )
