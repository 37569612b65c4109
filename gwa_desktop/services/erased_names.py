"""Salted hashes of the names and numbers of persons who are gone from the contacts.

When a contact is deleted, renamed, or withdraws her consent, her name can still stand
in an offer's description that was typed months ago. The privacy detector of the
district export must keep finding it, but the database must not keep the name: it
stores an HMAC-SHA256 of each folded name word and of the phone number's digits, with
a random salt of this installation. Whoever holds the database holds the salt, so the
hashes resist reading, not a targeted guess; they cannot be made slow, because every
word of every exported text is hashed to compare.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gwa_desktop.exchange.privacy_detector import (
    NAME,
    PHONE,
    name_words,
    phone_digits,
    token_digest,
)
from gwa_desktop.storage.models import ErasedToken, InstallationSalt


def installation_salt(session: Session) -> bytes:
    """This installation's salt, made at first use."""
    row = session.get(InstallationSalt, 1)
    if row is None:
        try:
            with session.begin_nested():
                row = InstallationSalt(id=1, salt=secrets.token_bytes(32))
                session.add(row)
        except IntegrityError:  # another process made it at the same moment
            row = session.get(InstallationSalt, 1)
    assert row is not None, "the salt row exists: made here or by the process that won"
    return row.salt


def remember_erased(
    session: Session, names: Iterable[str] = (), phones: Iterable[str] = ()
) -> None:
    """Keep hashes of the words of `names` and the digits of `phones`, never the values."""
    salt = installation_salt(session)
    digests = {token_digest(salt, NAME, word) for name in names for word in name_words(name)}
    digests |= {
        token_digest(salt, PHONE, phone_digits(phone)) for phone in phones if phone_digits(phone)
    }
    if not digests:
        return
    known = set(session.scalars(select(ErasedToken.digest).where(ErasedToken.digest.in_(digests))))
    session.add_all(ErasedToken(digest=digest) for digest in digests - known)
    session.flush()


def erased_digests(session: Session) -> tuple[bytes, set[str]]:
    """(salt, every stored digest) for the detector."""
    return installation_salt(session), set(session.scalars(select(ErasedToken.digest)))
