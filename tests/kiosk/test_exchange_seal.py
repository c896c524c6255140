"""The sealed envelope: only its addressees read it, and any change to any byte is seen."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from kiosk.core.errors import KioskError
from kiosk.exchange.keys import KeyPair
from kiosk.exchange.seal import SIGNATURE, read_header, seal, unseal, verify

SENDER = "0b6c1a9e-3f7e-4b52-9a38-6a0f3c2d1e55"


@pytest.fixture(scope="module")
def parties() -> dict[str, KeyPair]:
    return {name: KeyPair.generate() for name in ("venue", "coordinator", "other")}


def sealed(tmp_path, parties, content: bytes = b"rows " * 100_000):
    target = tmp_path / "out.tsunagari"
    file_id = seal(
        io.BytesIO(content),
        target,
        parties["venue"],
        SENDER,
        [parties["coordinator"].public],
        "exchange",
    )
    return target, file_id, content


def opened(path, parties, reader="coordinator"):
    header = read_header(path)
    verify(path, parties["venue"].public)
    out = io.BytesIO()
    unseal(path, header, parties[reader], out)
    return header, out.getvalue()


def test_the_addressee_reads_what_the_sender_sealed(tmp_path, parties):
    path, file_id, content = sealed(tmp_path, parties)
    header, plain = opened(path, parties)
    assert plain == content
    assert (header.sender, header.file_id, header.kind) == (SENDER, file_id, "exchange")
    assert header.sender_key == parties["venue"].public.fingerprint


def test_the_bytes_on_the_stick_hold_nothing_in_clear(tmp_path, parties):
    secret = "中央公民館 暴力・DV 2026-11-22".encode()
    path, _, _ = sealed(tmp_path, parties, secret * 1000)
    data = path.read_bytes()
    for needle in (secret, "中央公民館".encode(), b"2026-11-22", "暴力".encode()):
        assert needle not in data


def test_another_pc_cannot_open_it(tmp_path, parties):
    path, _, _ = sealed(tmp_path, parties)
    with pytest.raises(KioskError) as excinfo:
        opened(path, parties, reader="other")
    assert excinfo.value.code == "exchange_not_for_us"


@pytest.mark.parametrize("where", ["magic", "header", "content", "tag", "signature"])
def test_a_flipped_byte_anywhere_is_refused_before_decrypting(tmp_path, parties, where):
    path, _, _ = sealed(tmp_path, parties, b"x" * 5000)
    data = bytearray(path.read_bytes())
    size = len(data)
    offset = {
        "magic": 3,
        "header": 40,
        "content": size // 2,
        "tag": size - SIGNATURE - 5,
        "signature": size - 10,
    }[where]
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(KioskError) as excinfo:
        opened(path, parties)
    assert excinfo.value.code in {"exchange_signature_bad", "exchange_damaged", "exchange_not_ours"}


def test_a_file_cut_short_is_refused(tmp_path, parties):
    path, _, _ = sealed(tmp_path, parties)
    data = path.read_bytes()
    for keep in (10, len(data) // 2, len(data) - 1):
        path.write_bytes(data[:keep])
        with pytest.raises(KioskError):
            opened(path, parties)


def test_re_signed_by_another_key_is_refused_against_the_senders_key(tmp_path, parties):
    path, _, _ = sealed(tmp_path, parties)
    data = path.read_bytes()
    body = data[:-SIGNATURE]
    forged = parties["other"].signature(
        b"tsunagari sealed file v1\x00" + hashlib.sha256(body).digest()
    )
    path.write_bytes(body + forged)
    with pytest.raises(KioskError) as excinfo:
        verify(path, parties["venue"].public)
    assert excinfo.value.code == "exchange_signature_bad"


def test_not_a_sealed_file(tmp_path, parties):
    path = tmp_path / "plain.zip"
    path.write_bytes(b"PK\x03\x04" + os.urandom(200))
    with pytest.raises(KioskError) as excinfo:
        read_header(path)
    assert excinfo.value.code == "exchange_not_ours"


def test_keys_survive_the_setting_round_trip(parties):
    keys = parties["venue"]
    again = KeyPair.from_setting(keys.to_setting())
    assert again.public == keys.public
