"""AES-256 zip archives (WinZip AE-2 via pyzipper) for exports that contain personal data.

Chosen over a custom AEAD container because the receiving office can open the archive
with 7-Zip or WinZip even without GWA Desktop, and pyzipper already ships with the
program. Each member is encrypted with AES-256 in CTR mode and authenticated with an
HMAC, so a manipulated or truncated member is detected. The format derives its key
with only 1,000 PBKDF2 rounds, which is why exports demand a long passphrase.
"""

from __future__ import annotations

from typing import BinaryIO

import pyzipper

from gwa_desktop.exchange.errors import ExchangeError
from gwa_desktop.i18n import _

MINIMUM_PASSWORD_LENGTH = 12
ENCRYPTED_FLAG = 0x1


def check_password(password: str) -> None:
    """Refuse passphrases short enough to be guessed against the archive's weak key derivation."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise ExchangeError(
            _("The password must have at least {count} characters. A short sentence is easy to remember "
              "and hard to guess.").format(count=MINIMUM_PASSWORD_LENGTH)
        )


def open_for_writing(stream: BinaryIO, password: str | None) -> pyzipper.ZipFile:
    """A zip archive on `stream`; every member AES-256 encrypted when a password is given."""
    if password is None:
        return pyzipper.ZipFile(stream, "w", compression=pyzipper.ZIP_DEFLATED, compresslevel=6)
    check_password(password)
    archive = pyzipper.AESZipFile(stream, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES)
    archive.setpassword(password.encode("utf-8"))
    archive.setencryption(pyzipper.WZ_AES, nbits=256)
    return archive


def open_for_reading(stream: BinaryIO, password: str | None) -> pyzipper.AESZipFile:
    """An archive that reads plain and AES members alike."""
    archive = pyzipper.AESZipFile(stream)
    if password:
        archive.setpassword(password.encode("utf-8"))
    return archive


def is_encrypted(archive: pyzipper.ZipFile) -> bool:
    return any(info.flag_bits & ENCRYPTED_FLAG for info in archive.infolist())
