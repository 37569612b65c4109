"""Hostile files offered for import: bombs, pipes, devices, odd text. Each a message, memory stays low."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
import tracemalloc
import zlib
from datetime import date, datetime
from pathlib import Path

import pytest

from gwa_desktop.exchange import limits
from gwa_desktop.exchange.package import read_package
from gwa_desktop.exchange.records import Period
from gwa_desktop.services import installation_key
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, import_packages
from tests.exchange.sample_data import PERIOD
from tests.exchange.test_package_authenticity import build, members_of, resigned

MiB = 1 << 20


def zeros_deflated(mebibytes: int) -> tuple[bytes, int]:
    """A raw deflate stream of `mebibytes` MiB of zeros and its CRC, made in milliseconds.

    After a full flush the compressor starts afresh, so the same flushed piece repeated
    is a valid stream: about 1 KB per MiB, as in a real zip bomb.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    block = bytes(MiB)
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    return piece * mebibytes + compressor.flush(zlib.Z_FINISH), crc


def raw_zip(target: Path, entries: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip written by hand: (name, deflated data, crc, declared size) — the size may lie."""
    local, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        local += encoded + data
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(local), 0
    )
    target.write_bytes(bytes(local + central + end))
    return target


def deflated(content: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush(), zlib.crc32(content), len(content)


@pytest.fixture
def genuine(filled, tmp_path) -> Path:
    return export_district(
        filled.database, Period(*PERIOD), tmp_path, created=datetime(2026, 11, 15, 10)
    )


def signed_with(
    filled, genuine: Path, target: Path, replaced: dict[str, bytes], stored: bool = True
) -> Path:
    """A package signed with the village's own key, so only the limits can refuse it;
    the `replaced` members are `stored`, or else deflated."""
    members = members_of(genuine)
    manifest = json.loads(members["manifest.json"])
    manifest["members"].update(
        {name: hashlib.sha256(content).hexdigest() for name, content in replaced.items()}
    )
    return build(
        target,
        resigned(
            dict(members, **replaced), manifest, installation_key.private_key(filled.database)
        ),
        stored=tuple(replaced) if stored else (),
    )


def refused_quickly(database, path: Path) -> tuple[str, int]:
    """Import `path`; the message and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    try:
        (result,) = import_packages(database, [path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.refused
    return result.message, peak


def test_a_zip_bomb_is_refused_from_its_declared_sizes_before_unpacking(other_database, tmp_path):
    bomb, crc = zeros_deflated(900)
    path = raw_zip(
        tmp_path / "bomb.zip",
        [
            ("manifest.json", *deflated(b"{}")),
            *[(f"data/{n}.json", bomb, crc, 900 * MiB) for n in range(3)],
        ],
    )
    assert path.stat().st_size < 4 * MiB

    message, peak = refused_quickly(other_database, path)

    assert "zip bomb" in message and peak < 32 * MiB


def test_a_zip_bomb_with_lying_sizes_is_cut_off_while_unpacking(
    filled, genuine, other_database, tmp_path
):
    """Declared 100 MiB at an honest-looking ratio; the stream would give 900 MiB."""
    bomb, _crc = zeros_deflated(900)
    honest = signed_with(filled, genuine, tmp_path / "template.zip", {"bericht.xlsx": b"x"})
    entries = []
    for name, content in members_of(honest).items():
        if name == "bericht.xlsx":
            entries.append((name, bomb, 0, 100 * MiB))
        else:
            entries.append((name, *deflated(content)))
    path = raw_zip(tmp_path / "liar.zip", entries)

    message, peak = refused_quickly(other_database, path)

    assert "damaged" in message and peak < 32 * MiB


def test_members_too_many_too_large_or_too_tightly_packed(other_database, tmp_path, monkeypatch):
    many = raw_zip(
        tmp_path / "many.zip",
        [(f"m{n}.json", *deflated(b"[]")) for n in range(limits.MAX_MEMBERS + 1)],
    )
    assert "more files" in refused_quickly(other_database, many)[0]
    tight = raw_zip(
        tmp_path / "tight.zip", [("manifest.json", *zeros_deflated(20)[:1], 0, 20 * MiB)]
    )
    assert "zip bomb" in refused_quickly(other_database, tight)[0]
    sparse = tmp_path / "huge.zip"
    with sparse.open("wb") as handle:
        handle.truncate(limits.MAX_PACKAGE_BYTES + 1)
    assert "larger than 256 MB" in refused_quickly(other_database, sparse)[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b"[" + b"{}," * 2_100_000 + b"{}]", "far more entries"),
        (b"[" + b"0," * 26_000_000 + b"0]", "far more entries"),
        (b'[{"title": "\\ud800 Caf\\u00e9"}]', "lone surrogate"),
        (b'[{"title": "Caf\xe9"}]', "not valid UTF-8"),
        (b'[{"title": "\xed\xa0\x80"}]', "not valid UTF-8"),
        (b"[NaN]", "damaged"),
        # Faults in a later window than a refused record: the worse one is told, as before.
        (b"[" + b"{}," * 400_000 + b'"Caf\xe9"]', "not valid UTF-8"),
        (b"[" + b"{}," * 400_000 + b'"\\ud800"]', "lone surrogate"),
        (b"[" + b"{}," * 400_000 + b"[" * 200_000 + b"]" * 200_000 + b"]", "nested too deeply"),
    ],
)
def test_json_bombs_and_broken_text_are_messages(
    filled, genuine, other_database, tmp_path, content, words
):
    path = signed_with(filled, genuine, tmp_path / "hostile.zip", {"data/activities.json": content})
    message, _peak = refused_quickly(other_database, path)
    assert words in message


def test_the_activities_are_parsed_while_unpacked_not_held_whole(
    filled, genuine, other_database, tmp_path
):
    """60,000 activities: the read holds their checked columns, not the member, its text and a dict each."""
    (record, *_rest) = json.loads(members_of(genuine)["data/activities.json"])
    records = [
        dict(record, occurred_on=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", participants_total=n)
        for n in range(60_000)
    ]
    content = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode()
    path = signed_with(
        filled, genuine, tmp_path / "big.zip", {"data/activities.json": content}, stored=False
    )
    tracemalloc.start()
    try:
        package = read_package(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert len(package.data.activities) == 60_000
    assert package.data.activities[59_999] == dict(
        records[59_999],
        occurred_on=date(2026, 12, 24),
        volunteer_hours=float(record["volunteer_hours"]),
    )
    assert peak < len(content)  # the whole parse: five times the member


def test_a_well_formed_surrogate_pair_is_text(filled, genuine, other_database, tmp_path):
    """An emoji written as an escaped pair is valid JSON: only lone surrogates are refused."""
    from gwa_desktop.exchange.limits import parse_json

    assert parse_json(b'["\\ud83d\\ude00"]', "x", "y") == ["\U0001f600"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_pipes_devices_links_and_folders_are_refused_without_blocking(
    genuine, other_database, tmp_path
):
    fifo = tmp_path / "paket.zip"
    os.mkfifo(fifo)
    link = tmp_path / "null.zip"
    link.symlink_to("/dev/zero")
    good_link = tmp_path / "link.zip"
    good_link.symlink_to(genuine)
    folder = tmp_path / "ordner.zip"
    folder.mkdir()
    results = []
    worker = threading.Thread(
        target=lambda: results.extend(
            import_packages(
                other_database,
                [fifo, link, good_link, Path("/dev/zero"), folder, genuine],
                receipts=tmp_path,
            )
        )
    )
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "an import blocked on a pipe or a device"
    assert [r.outcome for r in results] == [None, None, None, None, None, IMPORTED]
    assert all("not an ordinary file" in r.message for r in results[:4])
    assert "is a folder" in results[4].message


def test_the_rest_of_a_multi_package_import_goes_on(genuine, other_database, tmp_path):
    bomb, crc = zeros_deflated(900)
    bad = raw_zip(tmp_path / "bomb.zip", [("manifest.json", bomb, crc, 900 * MiB)])
    missing = tmp_path / "fehlt.zip"
    results = import_packages(other_database, [bad, missing, genuine], receipts=tmp_path)
    assert [r.outcome for r in results] == [None, None, IMPORTED]
    assert all(r.message for r in results)
