"""Use case: this installation's signing key, made once, and its fingerprint to read out by phone.

The key is made at the first export (or when the officer first asks for the
fingerprint) and kept in the database; storage/district_models.py says why there.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from gwa_desktop.exchange import signing
from gwa_desktop.storage.database import Database
from gwa_desktop.storage.district_models import InstallationKey


def private_key(database: Database) -> bytes:
    """The private key to sign packages with, made on first use."""
    with database.session() as session:
        row = session.get(InstallationKey, 1)
        if row is not None:
            return row.private_key
    made = signing.new_private_key()
    try:
        with database.session() as session:
            session.add(
                InstallationKey(id=1, private_key=made, public_key=signing.public_key_of(made))
            )
    except IntegrityError:
        # Another window or process made one in the same moment: use that one.
        return private_key(database)
    return made


def fingerprint(database: Database) -> str:
    """The fingerprint the district sees for this installation's packages."""
    return signing.fingerprint(signing.public_key_of(private_key(database)))
