"""Create or edit a contact, with the GDPR legal basis shown where it matters."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gwa_desktop.domain.contact import ConsentData, ContactData
from gwa_desktop.domain.enums import ContactKind, ContactRole, LegalBasis
from gwa_desktop.i18n import _, ngettext
from gwa_desktop.i18n.formatting import format_date
from gwa_desktop.services.contacts import ContactService
from gwa_desktop.ui.dialogs.consent_dialog import ConsentDialog
from gwa_desktop.ui.dialogs.form import FormDialog
from gwa_desktop.ui.operations import attempt
from gwa_desktop.ui.widgets import (
    CheckList,
    CommaListEdit,
    LanguageCodesEdit,
    enum_combo,
    fit_to_screen,
    hbox,
    narrow_combo,
    select_data,
)


class ContactDialog(FormDialog):
    help_anchor = "contact-form"  #: the handbook section F1 opens in this dialog

    def __init__(
        self, service: ContactService, contact_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("New contact") if contact_id is None else _("Edit contact"), parent)
        self.service = service
        self.contact_id = contact_id
        self.consents: list[ConsentData] = []
        self.kind = self.add_row(_("Kind"), self.bind("kind", enum_combo(ContactKind)), "kind")
        self.name = self.add_row(_("Name"), self.bind("name", QLineEdit()), "name")
        self.organisation = self.add_row(
            _("Organisation"),
            self.bind("organisation_id", narrow_combo(QComboBox())),
            "organisation_id",
        )
        self.organisation.addItem(_("— none —"), None)
        for org_id, org_name in service.organisations():
            if org_id != contact_id:
                self.organisation.addItem(org_name, org_id)
        self.legal_basis = self.add_row(
            _("Legal basis"),
            self.bind("legal_basis", enum_combo(LegalBasis, empty=_("— none —"))),
            "legal_basis",
        )
        self.basis_hint = QLabel()
        self.basis_hint.setWordWrap(True)
        self.form.addRow("", self.basis_hint)
        self.consent_list = QListWidget()
        self.consent_list.setMaximumHeight(70)
        self.add_consent_button = QPushButton(_("Record consent…"))
        self.withdraw_button = QPushButton(_("Consent withdrawn…"))
        self.add_row(_("Consents"), self._consent_box(), "consents")
        self.role = self.add_row(
            _("Role"), self.bind("role", enum_combo(ContactRole, empty=_("— none —")))
        )
        # Space ticks a role, the arrow keys move between them.
        self.other_roles = self.add_row(
            _("Further roles"), self.bind("other_roles", CheckList(ContactRole))
        )
        self.other_roles.setToolTip(
            _("Tick with the space bar: e.g. volunteer and language mediator")
        )
        self.phone = self.add_row(_("Phone"), self.bind("phone", QLineEdit()), "phone")
        self.email = self.add_row(_("E-mail"), self.bind("email", QLineEdit()), "email")
        self.street = self.add_row(_("Street"), self.bind("street", QLineEdit()))
        self.postal_code = self.bind("postal_code", QLineEdit())
        self.postal_code.setMaximumWidth(80)
        self.city = self.bind("city", QLineEdit())
        self.add_row(_("Postal code, town"), hbox(self.postal_code, self.city), "postal_code")
        self.languages = self.add_row(
            _("Languages"), self.bind("languages", LanguageCodesEdit()), "languages"
        )
        self.topics = self.add_row(
            _("Contact person for"), self.bind("topics", CommaListEdit()), "topics"
        )
        self.topics.setPlaceholderText(_("e.g. daycare registration, housing, job centre"))
        self.tags = self.add_row(_("Tags"), self.bind("tags", CommaListEdit()))
        self.notes = self.add_row(_("Notes"), self.bind("notes", QPlainTextEdit()), "notes")
        self.personal_widgets = [
            self.role,
            self.other_roles,
            self.phone,
            self.email,
            self.street,
            self.postal_code,
            self.city,
            self.languages,
            self.topics,
            self.tags,
            self.notes,
        ]
        self.kind.currentIndexChanged.connect(self._update_basis_state)
        self.legal_basis.currentIndexChanged.connect(self._update_basis_state)
        self.add_consent_button.clicked.connect(self._record_consent)
        self.withdraw_button.clicked.connect(self._withdraw_consent)
        if contact_id is not None:
            self._load(service.get(contact_id))
        self._update_basis_state()
        fit_to_screen(self, 640, 700)

    def data(self) -> ContactData:
        return ContactData(
            id=self.contact_id,
            consents=list(self.consents),
            version=self.version,
            **self.bound_values(),
        )

    def save(self) -> int:
        return self.save_record(self.service, self.contact_id)

    def load_saved(self) -> None:
        self._load(self.service.get(self.contact_id))
        self._update_basis_state()

    def _load(self, data: ContactData) -> None:
        self.fill(data)
        self.consents = list(data.consents)
        self._show_consents()

    def _update_basis_state(self) -> None:
        is_person = self.kind.currentData() is ContactKind.PERSON
        data = self.data()
        allowed = data.has_legal_basis or data.legal_basis is LegalBasis.CONSENT
        for widget in self.personal_widgets:
            widget.setEnabled(allowed)
        for widget in (
            self.legal_basis,
            self.consent_list,
            self.add_consent_button,
            self.withdraw_button,
        ):
            widget.setEnabled(is_person)
        self.withdraw_button.setEnabled(is_person and any(c.is_active for c in self.consents))
        if not is_person:
            self.basis_hint.setText(_("Organisations need no legal basis."))
        elif allowed:
            self.basis_hint.setText("")
        else:
            self.basis_hint.setText(
                _(
                    "Without consent or another legal basis only the name and the organisation of a "
                    "private person may be stored (GDPR Art. 6). Choose a legal basis to fill in the other fields."
                )
            )

    def _consent_box(self) -> QWidget:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_consent_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.consent_list, 1)
        row.addLayout(buttons)
        return box

    def _show_consents(self) -> None:
        self.consent_list.clear()
        for consent in self.consents:
            text = f"{format_date(consent.given_on)} – {consent.purpose} ({consent.method.label}, {consent.form_language})"
            if consent.names_publicly:
                text += " · " + _("may be named publicly")
            if consent.withdrawn_on:
                text += " – " + _("withdrawn on {date}").format(
                    date=format_date(consent.withdrawn_on)
                )
            self.consent_list.addItem(text)

    def _record_consent(self) -> None:
        dialog = ConsentDialog(self)
        if dialog.exec() and dialog.result_data is not None:
            self.consents.append(dialog.result_data)
            select_data(self.legal_basis, LegalBasis.CONSENT)
            self._show_consents()
            self._update_basis_state()

    def _withdraw_consent(self) -> None:
        question = _(
            "The withdrawal is recorded with today's date. Phone, e-mail, address, languages, "
            "topics, tags and notes of this person are erased for good; only the name and the "
            "organisation remain. Continue?"
        )
        if self.contact_id is not None and self.state() != self._initial_state:
            question += "\n\n" + _(
                "The withdrawal is saved at once; what you changed in this form and did not save yet is discarded."
            )
        answer = QMessageBox.question(self, _("Consent withdrawn"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.contact_id is None:
            self.consents = [
                ConsentData(**{**c.__dict__, "withdrawn_on": date.today()}) for c in self.consents
            ]
            select_data(self.legal_basis, None)
            select_data(self.role, None)
            self.other_roles.set_checked([])
            for widget in (
                self.phone,
                self.email,
                self.street,
                self.postal_code,
                self.city,
                self.languages,
                self.topics,
                self.tags,
            ):
                widget.clear()
            self.notes.clear()
            self._show_consents()
            self._update_basis_state()
            return
        ok, lost_offers = attempt(
            self, lambda: self.service.withdraw_consent(self.contact_id, date.today())
        )
        if not ok:
            return
        # Final in the database: the form shows what is stored, and closing it asks nothing.
        self.saved_meanwhile = True
        self._load(self.service.get(self.contact_id))
        self._update_basis_state()
        self.clear_errors()
        self._initial_state = self.state()
        QMessageBox.information(
            self, _("Consent withdrawn"), withdrawal_message(self.name.text(), lost_offers or [])
        )


def withdrawal_message(name: str, lost_offers: list[str]) -> str:
    """What the officer must know after a withdrawal: it is done, and which offers need a new contact person."""
    message = _(
        "The withdrawal is saved and final: the personal data of {name} are erased. "
        "Nothing more needs saving in this form."
    ).format(name=name)
    if lost_offers:
        message += (
            "\n\n"
            + ngettext(
                "{name} is no longer contact person of this offer; choose another one there:",
                "{name} is no longer contact person of these offers; choose another one there:",
                len(lost_offers),
            ).format(name=name)
            + "\n"
            + "\n".join(f"• {title}" for title in lost_offers)
        )
    return message
