"""Who may appear on a print that hangs in public, and which number it shows.

A flyer, its tear-off strips and QR code, and the notice-board overview are seen by
anyone passing by. A private person's name or number goes there only with her consent
to exactly that purpose ("may be named publicly as contact on prints", Art. 6(1)(a)
GDPR): a consent "for contact and information about the offers" does not cover it.
An organisation is no private person and may always be named.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gwa_desktop.domain.enums import ContactKind, LabelledEnum
from gwa_desktop.i18n import N_


class PrintedNumber(LabelledEnum):
    """Which number an offer's prints show: the office's (the default) or the contact's."""

    OFFICE = "office"
    CONTACT = "contact"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.OFFICE: N_("Office number (from the settings)"),
            cls.CONTACT: N_("The contact's own number"),
        }


def may_be_named_publicly(kind: ContactKind, consents: Iterable[Any]) -> bool:
    """Organisations always; a person only with a consent to be named publicly that has
    not been withdrawn. `consents` are ConsentData or ConsentRecord rows."""
    if kind is ContactKind.ORGANISATION:
        return True
    return any(c.names_publicly and c.withdrawn_on is None for c in consents)
