"""Ed25519 signatures on district packages, and the short fingerprint people compare by phone.

A village signs the exact bytes of its package's manifest, which lists the SHA-256 of
every other member; the district verifies the signature with the public key named in
the manifest and compares that key with the one it pinned for the village at its first
import. A forger who changes the figures must recompute the checksums, which changes the
manifest, which breaks the signature; signing again needs the village's private key.

The signature covers a fixed context line before the manifest, so a signature made for
a package can never be passed off as one over anything else this key might sign later.

The fingerprint is the first 80 bits of the key's SHA-256 in base32 (A–Z and 2–7: no 0/O
or 1/I to mix up when reading aloud), in four groups of four. Making a second key with
the same fingerprint takes about 2^80 attempts.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "Ed25519"
KEY_BYTES = 32
SIGNATURE_BYTES = 64
CONTEXT = b"GWA Desktop district package manifest, format 2\n"
_FINGERPRINT_BYTES = 10
_NOT_BASE32 = re.compile(r"[^A-Z2-7]")
NEW, KNOWN, REPLACED = "new", "known", "replaced"


@dataclass(frozen=True)
class Pinning:
    """How an import met the signer's key: first seen (NEW), pinned `since`, or REPLACED `previous`."""

    kind: str
    fingerprint: str
    since: datetime | None = None
    previous: str = ""


def new_private_key() -> bytes:
    """A fresh private key as its 32 raw bytes, from the operating system's random source."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key_of(private_key: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()


def sign(private_key: bytes, manifest: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(CONTEXT + manifest)


def is_valid(public_key: bytes, signature: bytes, manifest: bytes) -> bool:
    """True only for a well-formed key and a signature made over exactly these manifest bytes."""
    if len(public_key) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, CONTEXT + manifest)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    """E.g. "K7QD-3MZP-WA2R-YF5N": short enough to read out, long enough not to be forged."""
    digest = base64.b32encode(hashlib.sha256(public_key).digest()[:_FINGERPRINT_BYTES]).decode(
        "ascii"
    )
    return "-".join(digest[start : start + 4] for start in range(0, len(digest), 4))


def same_fingerprint(typed: str, shown: str) -> bool:
    """Compare what someone typed or read out with a fingerprint, ignoring case, spaces and dashes."""
    return _NOT_BASE32.sub("", typed.upper()) == _NOT_BASE32.sub("", shown.upper())


def encode_key(public_key: bytes) -> str:
    return base64.b64encode(public_key).decode("ascii")


def decode_key(text: str) -> bytes | None:
    """The raw key from its base64 form in a manifest; None for anything malformed."""
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None
