"""Password encryption of a whole package (the full export with personal data).

Format "GWA-ENC" version 1, written and read only by GWA Desktop:

    header (37 bytes): magic b"GWA-ENC\\0" | version (1) | KDF 1 = scrypt (1) | log2 N (1) |
                       r (1) | p (1) | log2 chunk size (1) | salt (16) | nonce prefix (7)
    chunks:            AES-256-GCM(chunk) + 16-byte tag, each chunk_size bytes of the plain
                       package except the last, which is shorter (possibly empty)

The key is scrypt(password in NFC, salt, N, r, p) — 32 bytes; N = 2^17, r = 8, p = 1 take
about half a second and 128 MiB per guess, so a stolen stick cannot be searched for
the password at the speed PBKDF2-SHA1 with 1,000 rounds (WinZip AE-2, used before)
allowed. The whole plain package — a zip with its member names and sizes — is one
encrypted blob, so nothing about the contents shows. Chunks follow the STREAM
construction: the nonce of chunk i is the prefix, i as 4 bytes and a flag 1 for the
last chunk, and the header is authenticated with every chunk, so a changed header,
reordered, dropped, appended or truncated chunks all fail to decrypt. Chunking keeps
memory at one copy of the package plus one chunk.

A reader refuses KDF parameters outside MAX_KDF_MEMORY / MAX_KDF_PARALLEL before
deriving anything: a crafted header with N = 2^40 would otherwise hang the program.

scrypt (from `cryptography`, which also signs the packages) rather than Argon2id: every
build of `cryptography` has it (its Argon2id needs OpenSSL 3.2), and it is as
memory-hard for this purpose. The password check uses zxcvbn, which recognises words
with digits, keyboard rows, dates, repetitions and the municipality's own name.
"""

from __future__ import annotations

import os
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from gwa_desktop.exchange.errors import ExchangeError, PackageError, damaged_package
from gwa_desktop.i18n import _

MAGIC = b"GWA-ENC\x00"
VERSION = 1
KDF_SCRYPT = 1
_HEADER = struct.Struct(">8sBBBBBB16s7s")
HEADER_BYTES = _HEADER.size
TAG_BYTES = 16
SALT_BYTES = 16
PREFIX_BYTES = 7
#: What new files use; readers accept up to the bounds below so a later version may raise them.
LOG2_N, R, P, LOG2_CHUNK = 17, 8, 1, 20
MAX_KDF_MEMORY = 256 * 1024 * 1024
MAX_KDF_PARALLEL = 4
CHUNK_LOG2_RANGE = range(12, 25)
MINIMUM_PASSWORD_LENGTH = 12
#: zxcvbn's score 4: more than 10^10 guesses needed.
MINIMUM_PASSWORD_SCORE = 4


@dataclass(frozen=True)
class Header:
    log2_n: int
    r: int
    p: int
    log2_chunk: int
    salt: bytes
    prefix: bytes

    def to_bytes(self) -> bytes:
        return _HEADER.pack(
            MAGIC,
            VERSION,
            KDF_SCRYPT,
            self.log2_n,
            self.r,
            self.p,
            self.log2_chunk,
            self.salt,
            self.prefix,
        )

    @property
    def chunk_size(self) -> int:
        return 1 << self.log2_chunk


def check_password(password: str, known_words: Iterable[str] = ()) -> None:
    """Refuse a password that is short or easy to guess; `known_words` (the municipality's name…) count as guessable."""
    if len(password.strip()) < MINIMUM_PASSWORD_LENGTH:
        raise ExchangeError(
            _(
                "The password must have at least {count} characters (spaces alone do not count). A short sentence "
                "is easy to remember and hard to guess."
            ).format(count=MINIMUM_PASSWORD_LENGTH)
        )
    from zxcvbn import zxcvbn  # its dictionaries take a moment to load; only needed here

    words = [word for text in known_words for word in text.split() if len(word) > 2]
    # zxcvbn rates spaces as random characters; a guesser tries word lists with spaces too.
    candidates = {password[:100], "".join(password.split())[:100]}
    if (
        min(zxcvbn(candidate, user_inputs=words)["score"] for candidate in candidates)
        < MINIMUM_PASSWORD_SCORE
    ):
        raise ExchangeError(
            _(
                "This password is too easy to guess: a word with digits, a keyboard row, a date, a repeated "
                "character or the name of the municipality is found in seconds. Use a sentence of four or more "
                'words that does not appear in any book, e.g. "Ziege tanzt leise neben dem Rathaus".'
            )
        )


def encrypt(plain: memoryview | bytes, password: str, log2_n: int = LOG2_N) -> Iterator[bytes]:
    """The encrypted file piece by piece: the header, then one piece per chunk of `plain`.

    `log2_n` below the default only for a random key (a backup's key file): it cannot be
    guessed, so making each guess slow protects nothing and costs half a second.
    """
    header = Header(log2_n, R, P, LOG2_CHUNK, os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES))
    aad = header.to_bytes()
    cipher = AESGCM(_key(password, header))
    yield aad
    view = memoryview(plain)
    size = header.chunk_size
    full = len(view) // size
    for index in range(full + 1):
        yield cipher.encrypt(
            _nonce(header, index, index == full), view[index * size : (index + 1) * size], aad
        )


class Hasher(Protocol):
    """What `decrypt` feeds the bytes it reads into (hashlib's objects)."""

    def update(self, data: bytes, /) -> None: ...


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def decrypt(source: BinaryIO, length: int, password: str, name: str, hasher: Hasher) -> bytearray:
    """Read and decrypt `length` bytes from `source`; every byte read also goes into `hasher`.

    Raises PackageError for a header this program does not accept, a wrong password or
    a file that was changed or cut short.
    """
    raw = source.read(HEADER_BYTES)
    hasher.update(raw)
    header = _header(raw, name)
    aad = header.to_bytes()
    cipher = AESGCM(_key(password, header))
    step = header.chunk_size + TAG_BYTES
    body = length - HEADER_BYTES
    full, rest = divmod(body, step)
    if rest < TAG_BYTES:
        raise damaged_package(name)
    plain = bytearray()
    for index in range(full + 1):
        piece = source.read(step if index < full else rest)
        hasher.update(piece)
        try:
            plain += cipher.decrypt(_nonce(header, index, index == full), piece, aad)
        except InvalidTag:
            if index == 0:
                raise PackageError(
                    _(
                        "The password for {path} is wrong (or the file was changed). Nothing was imported."
                    ).format(path=name)
                ) from None
            raise damaged_package(name) from None
    return plain


def _header(raw: bytes, name: str) -> Header:
    if len(raw) < HEADER_BYTES:
        raise damaged_package(name)
    _magic, version, kdf, log2_n, r, p, log2_chunk, salt, prefix = _HEADER.unpack(raw)
    if version != VERSION or kdf != KDF_SCRYPT:
        raise PackageError(
            _(
                "{path} was encrypted by a newer version of GWA Desktop. Please install the newer program version "
                "to import it."
            ).format(path=name)
        )
    memory = 128 * r * (1 << min(log2_n, 63))
    if not (
        log2_n >= 1
        and r >= 1
        and 1 <= p <= MAX_KDF_PARALLEL
        and memory <= MAX_KDF_MEMORY
        and log2_chunk in CHUNK_LOG2_RANGE
    ):
        raise PackageError(
            _(
                "{path} asks for unusual encryption settings that would take very long to check. It was not made by "
                "GWA Desktop or was changed; nothing was imported."
            ).format(path=name)
        )
    return Header(log2_n, r, p, log2_chunk, salt, prefix)


def _key(password: str, header: Header) -> bytes:
    secret = unicodedata.normalize("NFC", password).encode("utf-8", "surrogatepass")
    return Scrypt(salt=header.salt, length=32, n=1 << header.log2_n, r=header.r, p=header.p).derive(
        secret
    )


def _nonce(header: Header, index: int, last: bool) -> bytes:
    return header.prefix + struct.pack(">IB", index, 1 if last else 0)
