"""Encrypted backup files: a short header, then the database in the GWA-ENC format.

    header (18 bytes): magic b"GWA-BAK\\0" | version (1) | protection (1) | key id (8)
    body:              exchange.encrypted: scrypt key, AES-256-GCM chunks (STREAM)

Protection 1 is the key file of the data folder: automatic backups on closing need no
one at the keyboard. Protection 2 is a password the officer types, for a backup that
travels on a stick. The key id (the first 8 bytes of SHA-256 of the key file) lets a
refusal say "made with another key file" instead of a bare "cannot be read"; it is
not secret and reveals nothing of the key. A changed header only leads to a wrong
key, and the body's authentication refuses it.

The plain database never touches the disk here: the caller hands over the bytes of an
in-memory copy (sqlite3's `serialize`) and gets them back from `open_backup`.
"""

from __future__ import annotations

import hashlib
import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum

from gwa_desktop.exchange.errors import damaged_package

MAGIC = b"GWA-BAK\x00"
VERSION = 1
_HEADER = struct.Struct(">8sBB8s")
HEADER_BYTES = _HEADER.size


class Protection(IntEnum):
    KEY_FILE = 1
    PASSWORD = 2


@dataclass(frozen=True)
class BackupHeader:
    protection: Protection
    key_id: bytes


def key_id(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()[:8]


def is_backup_file(head: bytes) -> bool:
    return head.startswith(MAGIC)


def seal(plain: bytes, secret: str, protection: Protection) -> Iterator[bytes]:
    """The file's bytes piece by piece; `secret` is the key file's text or the password."""
    # cryptography loads with the first backup, not with every start of the program.
    from gwa_desktop.exchange import encrypted

    ident = key_id(secret) if protection is Protection.KEY_FILE else bytes(8)
    yield _HEADER.pack(MAGIC, VERSION, protection, ident)
    # A key file holds 256 random bits: no guessing to slow down, so the cheapest scrypt.
    log2_n = 1 if protection is Protection.KEY_FILE else encrypted.LOG2_N
    yield from encrypted.encrypt(plain, secret, log2_n)


def read_header(head: bytes) -> BackupHeader | None:
    """The header of `head`, None when it is no (readable) encrypted backup."""
    if len(head) < HEADER_BYTES or not is_backup_file(head):
        return None
    _magic, version, protection, ident = _HEADER.unpack(head[:HEADER_BYTES])
    if version != VERSION or protection not in iter(Protection):
        return None
    return BackupHeader(Protection(protection), ident)


class _Discard:
    def update(self, data: bytes, /) -> None:
        """decrypt() feeds a hash; a backup has none to check (its tags authenticate it)."""


def open_backup(content: bytes, secret: str) -> bytearray:
    """The plain database in `content`; PackageError for a wrong secret or changed bytes."""
    from gwa_desktop.exchange import encrypted

    body = content[HEADER_BYTES:]
    if not encrypted.is_encrypted(body):
        raise damaged_package("")
    return encrypted.decrypt(io.BytesIO(body), len(body), secret, "", _Discard())
