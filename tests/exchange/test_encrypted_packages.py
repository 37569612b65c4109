"""The encrypted full export: scrypt + chunked AES-256-GCM over the whole zip, and what it refuses."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

import pytest

from gwa_desktop.exchange import encrypted
from gwa_desktop.exchange.errors import ExchangeError, PackageError
from gwa_desktop.exchange.records import Period
from gwa_desktop.services.district_export import export_district
from gwa_desktop.services.district_import import IMPORTED, import_packages
from gwa_desktop.services.district_overview import village_figures
from tests.exchange.sample_data import PERIOD

PASSWORD = "Lindental im Herbst 2026"


def decrypt(content: bytes, password: str = PASSWORD) -> bytes:
    return bytes(
        encrypted.decrypt(
            io.BytesIO(content), len(content), password, "paket.gwa", hashlib.sha256()
        )
    )


@pytest.fixture
def fast_and_small(monkeypatch):
    """Small chunks so that a test has many; a cheap KDF still inside the accepted bounds."""
    monkeypatch.setattr(encrypted, "LOG2_CHUNK", 12)
    monkeypatch.setattr(encrypted, "LOG2_N", 14)


def test_an_encrypted_package_imports_again_with_its_password(filled, other_database, tmp_path):
    path = export_district(
        filled.database,
        Period(*PERIOD),
        tmp_path,
        password=PASSWORD,
        created=datetime(2026, 11, 15, 10),
    )
    without, wrong = (
        import_packages(other_database, [path, path], password=None)[0],
        import_packages(other_database, [path], password="ein anderes langes Passwort")[0],
    )
    assert "Enter its password" in without.message and "password" in wrong.message and wrong.refused

    (result,) = import_packages(other_database, [path], password=PASSWORD, receipts=tmp_path)

    assert result.outcome == IMPORTED
    assert [v.figures.activities for v in village_figures(other_database)] == [8]


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 3 * 4096 + 5])
def test_chunks_round_trip_at_every_boundary(fast_and_small, size):
    plain = bytes(range(256)) * (size // 256) + bytes(size % 256)
    content = b"".join(encrypted.encrypt(plain, PASSWORD))
    assert len(content) == encrypted.HEADER_BYTES + size + 16 * (size // 4096 + 1)
    assert decrypt(content) == plain


def tampered(content: bytes) -> dict[str, bytes]:
    step = 4096 + 16
    body = content[encrypted.HEADER_BYTES :]
    chunks = [body[at : at + step] for at in range(0, len(body), step)]
    header = content[: encrypted.HEADER_BYTES]
    return {
        "truncated at a chunk boundary": header + b"".join(chunks[:2]),
        "truncated inside a chunk": content[:-7],
        "last chunk dropped": header + b"".join(chunks[:-1]),
        "chunks swapped": header + chunks[1] + chunks[0] + b"".join(chunks[2:]),
        "chunk appended": content + chunks[1],
        "bit flipped in the middle": content[:6000] + bytes([content[6000] ^ 1]) + content[6001:],
        "salt changed": content[:16] + bytes([content[16] ^ 1]) + content[17:],
        "nonce prefix changed": content[:32] + bytes([content[32] ^ 1]) + content[33:],
        "only the header": header,
        "shorter than the header": content[:20],
    }


def test_every_change_to_an_encrypted_file_is_refused(fast_and_small):
    content = b"".join(encrypted.encrypt(bytes(4096 * 3 + 100), PASSWORD))
    for name, changed in tampered(content).items():
        with pytest.raises(PackageError) as refused:
            decrypt(changed)
        assert "damaged" in str(refused.value) or "wrong" in str(refused.value), name


@pytest.mark.parametrize(
    ("offset", "value"),
    [(10, 40), (10, 63), (10, 255), (11, 255), (12, 5), (12, 0), (11, 0), (13, 30), (13, 0)],
)
def test_kdf_parameters_outside_the_bounds_are_refused_before_deriving(offset, value):
    """N = 2^40 would hang the import for days: the header is refused before scrypt runs."""
    content = bytearray(b"".join(encrypted.encrypt(b"x", PASSWORD)))
    content[offset] = value
    with pytest.raises(PackageError, match="unusual encryption settings"):
        decrypt(bytes(content))


def test_another_version_or_kdf_is_a_message(fast_and_small):
    content = bytearray(b"".join(encrypted.encrypt(b"x", PASSWORD)))
    for offset in (8, 9):
        changed = bytearray(content)
        changed[offset] = 2
        with pytest.raises(PackageError, match="newer version"):
            decrypt(bytes(changed))


@pytest.mark.parametrize(
    "weak",
    [
        " " * 12,
        " " * 30,
        "kurz",
        "Passwort1234",
        "123456789012",
        "qwertzuiop123",
        "aaaaaaaaaaaaaaaa",
        "Sommer2026!!",
        "Gemeinde Lindental 2026",
        "Lindental2026!",
        "GemeindeLindental",
    ],
)
def test_weak_passwords_are_refused_with_a_message(filled, tmp_path, weak):
    with pytest.raises(ExchangeError) as refused:
        export_district(filled.database, Period(*PERIOD), tmp_path, password=weak)
    assert "at least 12 characters" in str(refused.value) or "too easy to guess" in str(
        refused.value
    )
    assert not list(tmp_path.glob("Kreisbericht*"))


@pytest.mark.parametrize(
    "strong",
    [
        "Ziege tanzt leise neben dem Rathaus",
        "ein langes Passwort für den Kreis",
        "Pferd Batterie Heftklammer richtig",
    ],
)
def test_a_sentence_of_words_passes(strong):
    encrypted.check_password(strong, ["Gemeinde Lindental", "Landkreis Süd"])
