"""How long personal data is kept, and why a person was erased (Art. 5(1)(e), 17 GDPR).

Each legal basis has its own retention period in months after the last contact: a
consent "for contact and information" ends with the contact, a volunteer agreement
may have to be kept a little longer. A person without a legal basis (only the name is
stored) has a period too. Nothing here reads a database; the services do.
"""

from __future__ import annotations

from gwa_desktop.domain.enums import LabelledEnum, LegalBasis
from gwa_desktop.i18n import N_, _

#: A month is the shortest period that gives an officer time to review the list; ten
#: years is longer than any purpose of this program (and than tax records are kept).
MIN_MONTHS = 1
MAX_MONTHS = 120
DEFAULT_MONTHS = 24
#: The key of the period for persons without a legal basis (name and organisation only).
NO_BASIS = "none"
#: Every key a retention period is stored under, in the order the settings show them.
BASIS_KEYS: tuple[str, ...] = (*(basis.value for basis in LegalBasis), NO_BASIS)


class ErasureReason(LabelledEnum):
    """Why a person was erased: a closed list, so the log can never hold a personal value."""

    RETENTION = "retention"
    REQUEST = "request"
    WITHDRAWAL = "withdrawal"
    PURPOSE_ENDED = "purpose_ended"
    #: Deleted with Delete in the contact list, without a reason given.
    DELETED_IN_LIST = "deleted_in_list"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.RETENTION: N_("Retention period expired"),
            cls.REQUEST: N_("Request of the person (Art. 17 GDPR)"),
            cls.WITHDRAWAL: N_("Consent withdrawn"),
            cls.PURPOSE_ENDED: N_("Purpose ended"),
            cls.DELETED_IN_LIST: N_("Deleted in the contact list"),
        }

    @classmethod
    def chosen_by_officer(cls) -> list[ErasureReason]:
        """The reasons the officer picks from; the others are logged by the program."""
        return [reason for reason in cls if reason is not cls.DELETED_IN_LIST]


class ErasureAction(LabelledEnum):
    """Deleted: the record is gone. Anonymised: an unnamed record stays for the figures.
    Reduced: a consent was withdrawn, only name and organisation stay (Art. 7(3))."""

    DELETED = "deleted"
    ANONYMISED = "anonymised"
    REDUCED = "reduced"

    @classmethod
    def _labels(cls) -> dict[LabelledEnum, str]:
        return {
            cls.DELETED: N_("Deleted"),
            cls.ANONYMISED: N_("Anonymised"),
            cls.REDUCED: N_("Reduced to name and organisation"),
        }


def basis_label(key: str) -> str:
    """The label of a retention key: a legal basis, or "no legal basis"."""
    if key == NO_BASIS:
        return _("No legal basis (name only)")
    return LegalBasis(key).label
