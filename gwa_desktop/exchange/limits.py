"""Bounds on what an incoming package may cost to read: bytes, members, unpacking, JSON.

A package comes from a USB stick and may have been made to hurt: a zip whose members
unpack to gigabytes, a JSON text that turns into millions of objects or nests until the
parser gives up, a FIFO that blocks forever or a link to /dev/zero. Every bound is far
above what a real package needs (a municipality with 100,000 activities sends a 10 MB
package whose largest member unpacks to 37 MB at a ratio of 17) and far below what
would exhaust an old laptop; each is checked before the work it protects, and each
refusal is a PackageError with a message, never a MemoryError or a hang.

Depth of JSON: the parser raises RecursionError at the interpreter's recursion limit
(about 1,000 levels, a few hundred kilobytes of stack), which becomes a message here;
anything deeper than the format's three levels is refused afterwards by the record
checks in exchange/records.py. The activities member is parsed by
exchange/json_stream.py while it is unpacked, under the same bounds and messages.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from gwa_desktop.exchange.errors import PackageError, damaged_package
from gwa_desktop.i18n import _

MiB = 1024 * 1024
MAX_PACKAGE_BYTES = 256 * MiB
MAX_MEMBERS = 64
MAX_MEMBER_BYTES = 128 * MiB
MAX_UNPACKED_BYTES = 512 * MiB
#: Deflate reaches about 1,000:1 on repeated bytes; real members stay below 20:1.
MAX_RATIO = 200
RATIO_FREE_BYTES = MiB
MAX_MANIFEST_BYTES = MiB
MAX_SIGNATURE_BYTES = 1024
#: Objects and arrays, and values, in one JSON member: 100,000 activities need 200,000 and 1.8 million.
MAX_JSON_CONTAINERS = 2_000_000
MAX_JSON_VALUES = 25_000_000
READ_CHUNK = MiB
_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_END_RECORD_BYTES = 22
_MAX_COMMENT = 0xFFFF
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def open_regular_file(path: Path, limit: int = MAX_PACKAGE_BYTES) -> BinaryIO:
    """Open `path` for reading only if it is an ordinary file of at most `limit` bytes.

    A FIFO would block the read forever and a device never ends, so the type is checked
    with lstat before opening (a link is refused, wherever it points), the file is
    opened non-blocking and without following links, and the opened file is checked
    again, in case it was swapped in between.
    """
    path = Path(path)
    try:
        before = os.lstat(path)
    except OSError as error:
        raise _unreadable(path, error) from error
    if stat.S_ISDIR(before.st_mode):
        raise PackageError(
            _("{path} is a folder, not a package file. Choose the file inside it.").format(
                path=path.name
            )
        )
    if not stat.S_ISREG(before.st_mode):
        raise _not_a_file(path)
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_BINARY", 0)
    )
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _unreadable(path, error) from error
    opened = os.fstat(descriptor)
    if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
        before.st_dev,
        before.st_ino,
    ):
        os.close(descriptor)
        raise _not_a_file(path)
    if opened.st_size > limit:
        os.close(descriptor)
        raise too_large(path.name, limit)
    return os.fdopen(descriptor, "rb")


def read_at_most(handle: BinaryIO, size: int, name: str) -> bytes:
    """All of `handle`, whose stat said `size` bytes (checked against the limit); one that grew meanwhile is refused."""
    content = handle.read(size + 1)
    if len(content) > size:
        raise damaged_package(name)
    return content


def check_directory(content: bytes | bytearray, name: str) -> None:
    """Refuse a zip with too many members before `zipfile` builds an object for each of them."""
    tail_start = max(0, len(content) - _END_RECORD_BYTES - _MAX_COMMENT)
    at = bytes(content[tail_start:]).rfind(_END_OF_DIRECTORY)
    if at < 0:
        return  # not a zip at all: zipfile says so
    at += tail_start
    record = bytes(content[at : at + _END_RECORD_BYTES])
    if len(record) < _END_RECORD_BYTES:
        return
    entries, directory_size = struct.unpack("<HI", record[10:16])
    zip64 = at >= 20 and bytes(content[at - 20 : at - 16]) == _ZIP64_LOCATOR
    if zip64 or entries > MAX_MEMBERS or directory_size > MAX_MEMBERS * 1024:
        raise too_many_members(name)


def check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse from the declared sizes before anything is unpacked; reading checks again."""
    if len(infos) > MAX_MEMBERS:
        raise too_many_members(name)
    names = [info.filename for info in infos]
    if len(names) != len(set(names)) or any(info.compress_type not in _METHODS for info in infos):
        raise damaged_package(name)
    total = 0
    for info in infos:
        total += info.file_size
        if (
            info.file_size > MAX_MEMBER_BYTES
            or total > MAX_UNPACKED_BYTES
            or _too_tight(info.file_size, info.compress_size)
        ):
            raise unpacks_too_large(name)


def read_member(
    archive: zipfile.ZipFile,
    member: str,
    limit: int,
    name: str,
    keep: bool = True,
    sink: Callable[[bytes], object] | None = None,
) -> tuple[str, bytes]:
    """The SHA-256 and (when `keep`) the content of one member, unpacked in chunks under a cap.

    The declared sizes were checked already, but they are the sender's word: the cap on
    the bytes actually unpacked, and on their ratio to the packed ones, holds whatever
    the directory claimed. A `sink` is handed each chunk as it is unpacked (and nothing
    is kept): the largest member is parsed on the way instead of being held whole.
    """
    info = archive.getinfo(member)
    limit = min(limit, info.file_size)
    digest = hashlib.sha256()
    parts = []
    done = 0
    with archive.open(info) as stream:
        while chunk := stream.read(READ_CHUNK):
            done += len(chunk)
            if done > limit or _too_tight(done, info.compress_size):
                raise unpacks_too_large(name)
            digest.update(chunk)
            if sink is not None:
                sink(chunk)
            elif keep:
                parts.append(chunk)
    return digest.hexdigest(), b"".join(parts)


def parse_json(content: bytes, member: str, name: str) -> Any:
    """Strict UTF-8, bounded counts of objects and values, no NaN, no lone surrogates."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise not_utf8(member, name) from error
    if too_many_entries(text.count("{") + text.count("["), text.count(",")):
        raise far_too_many(member, name)
    try:
        value = json.loads(text, parse_constant=no_constant)
    except RecursionError as error:
        raise nested_too_deeply(member, name) from error
    except ValueError as error:
        raise damaged_package(name) from error
    if may_hold_surrogates(text) and has_lone_surrogate(value):
        raise lone_surrogate(member, name)
    return value


def too_many_entries(containers: int, separators: int) -> bool:
    """Whether a JSON text with these counts of `{`/`[` and of `,` is refused unparsed."""
    return containers > MAX_JSON_CONTAINERS or separators > MAX_JSON_VALUES


def not_utf8(member: str, name: str) -> PackageError:
    return PackageError(
        _(
            "{member} in {path} is not valid UTF-8 text. Nothing was imported; ask for a new export."
        ).format(member=member, path=name)
    )


def far_too_many(member: str, name: str) -> PackageError:
    return PackageError(
        _(
            "{member} in {path} holds far more entries than a district package can. Nothing was imported."
        ).format(member=member, path=name)
    )


def nested_too_deeply(member: str, name: str) -> PackageError:
    return PackageError(
        _(
            "{member} in {path} is nested too deeply to be a district package. Nothing was imported."
        ).format(member=member, path=name)
    )


def lone_surrogate(member: str, name: str) -> PackageError:
    return PackageError(
        _(
            "{member} in {path} contains a text with an invalid character (a lone surrogate). Nothing was "
            "imported; ask for a new export."
        ).format(member=member, path=name)
    )


def may_hold_surrogates(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` escapes a surrogate (`\\ud800`…), the only way JSON can hold a lone one."""
    end = len(text) if end is None else end
    return text.find("\\ud", start, end) >= 0 or text.find("\\uD", start, end) >= 0


def too_large(name: str, limit: int) -> PackageError:
    return PackageError(
        _(
            "{path} is larger than {size} MB, more than any district package. Nothing was imported; check that "
            "it is the right file."
        ).format(path=name, size=limit // MiB)
    )


def too_many_members(name: str) -> PackageError:
    return PackageError(
        _(
            "{path} holds more files than a district package can. Nothing was imported; check that it is the "
            "right file."
        ).format(path=name)
    )


def unpacks_too_large(name: str) -> PackageError:
    return PackageError(
        _(
            '{path} would unpack to more than {size} MB or is packed unusually tightly (like a "zip bomb"). '
            "Nothing was unpacked or imported."
        ).format(path=name, size=MAX_MEMBER_BYTES // MiB)
    )


def _too_tight(unpacked: int, packed: int) -> bool:
    return unpacked > RATIO_FREE_BYTES and unpacked > MAX_RATIO * max(packed, 1)


def no_constant(constant: str) -> None:
    """`parse_constant` of every package parser: NaN and Infinity are not numbers of a package."""
    raise ValueError(f"{constant} is not allowed")


def has_lone_surrogate(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _unreadable(path: Path, error: OSError) -> PackageError:
    return PackageError(
        _("The file {path} cannot be read ({reason}).").format(
            path=path, reason=error.strerror or error
        )
    )


def _not_a_file(path: Path) -> PackageError:
    return PackageError(
        _(
            "{path} is not an ordinary file (a link, a device or a pipe). Nothing was imported; choose the package "
            "file itself."
        ).format(path=path.name)
    )
