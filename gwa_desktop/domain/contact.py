"""A contact (person or organisation) and its consents as plain data.

No database and no Qt: the records live below services, so that output and exchange
can use them without depending on the layer that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gwa_desktop.domain.enums import ConsentMethod, ContactKind, ContactRole, LegalBasis
from gwa_desktop.domain.legal_basis import legal_basis_holds

PERSONAL_FIELDS = (
    "role",
    "other_roles",
    "phone",
    "email",
    "street",
    "postal_code",
    "city",
    "notes",
    "languages",
    "topics",
    "tags",
)


@dataclass
class ConsentData:
    given_on: date
    purpose: str
    method: ConsentMethod = ConsentMethod.WRITTEN
    form_version: str = ""
    form_language: str = "de"
    withdrawn_on: date | None = None
    id: int | None = None
    #: The separate purpose "may be named publicly as contact on prints".
    names_publicly: bool = False

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


@dataclass
class ContactData:
    name: str
    kind: ContactKind = ContactKind.PERSON
    organisation_id: int | None = None
    role: ContactRole | None = None
    #: Roles besides the main one (`role`): a volunteer who is a language mediator too.
    other_roles: list[ContactRole] = field(default_factory=list)
    phone: str = ""
    email: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    notes: str = ""
    languages: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    legal_basis: LegalBasis | None = None
    consents: list[ConsentData] = field(default_factory=list)
    id: int | None = None
    #: The row version this data was read at; None writes without checking (scripts).
    version: int | None = None

    @property
    def has_legal_basis(self) -> bool:
        """Whether more than name and organisation may be stored."""
        return legal_basis_holds(self.kind, self.legal_basis, self.consents)

    @property
    def roles(self) -> list[ContactRole]:
        """Every role once, the main one first; the first of the others if none is main."""
        roles: list[ContactRole] = []
        for role in (self.role, *self.other_roles):
            if role is not None and role not in roles:
                roles.append(role)
        return roles

    def personal_fields_in_use(self) -> list[str]:
        return [name for name in PERSONAL_FIELDS if getattr(self, name)]
