"""The GDPR rule for what may be stored about a contact (Art. 6 GDPR).

A private person without a legal basis (a consent that has not been withdrawn, the
municipality's public task, or a contract) may only be stored with name and
organisation; the services enforce it on save and the prints before naming anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gwa_desktop.domain.enums import ContactKind, LegalBasis


def legal_basis_holds(
    kind: ContactKind, legal_basis: LegalBasis | None, consents: Iterable[Any]
) -> bool:
    """The GDPR rule in one place: organisations always; a person with the public task, a
    contract, or a consent not withdrawn. Without it only name and organisation may be
    stored, and the person may not be named on flyers. `consents` are ConsentData or
    ConsentRecord rows; both carry `withdrawn_on`."""
    if kind is ContactKind.ORGANISATION or legal_basis in (
        LegalBasis.PUBLIC_TASK,
        LegalBasis.CONTRACT,
    ):
        return True
    return legal_basis is LegalBasis.CONSENT and any(c.withdrawn_on is None for c in consents)
