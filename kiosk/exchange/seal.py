"""The sealed envelope around an exchange file: signed by its maker, readable only by its addressees.

    MAGIC                       b"TSUNAGARI-SEALED/1\\n"
    header length               4 bytes, big-endian
    header                      JSON: sender device id, sender key fingerprint,
                                a random file id, the kind, and for each addressee
                                the content key sealed to it (HPKE, RFC 9180)
    content                     the exchange zip, AES-256-GCM (the header is
                                its associated data), then the 16-byte tag
    signature                   Ed25519 over SHA-256 of everything before it

A lost USB stick shows ids and sizes, nothing else: no venue, no date, no
category. An importer reads the header, finds the sender among the PCs it is
paired with, and checks the signature over every byte before it decrypts
one: an edited, cut or re-signed file fails there. Only then is the content
key opened with its own sealing key and the content decrypted, streamed in
chunks, so memory stays small whatever the file's size.

Built only from what PyCA `cryptography` provides (HPKE, AES-GCM, Ed25519,
SHA-256); no cryptography of our own.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from kiosk.core.atomic_file import atomic_output
from kiosk.core.errors import KioskError
from kiosk.exchange.keys import KeyPair, PublicKeys, b64, unb64

MAGIC = b"TSUNAGARI-SEALED/1\n"
MAX_HEADER = 64 * 1024
MAX_RECIPIENTS = 200
TAG = 16
SIGNATURE = 64
NONCE = 12
KINDS = ("exchange", "setup")  # venue PC → coordinator; coordinator → venue PCs
_CHUNK = 1 << 20
_SIGNED = b"tsunagari sealed file v1\x00"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


@dataclass(frozen=True)
class SealedHeader:
    sender: str  # the device id of the PC that made and signed the file
    sender_key: str  # fingerprint of its keys
    file_id: str  # random: a file imported once is known again by it
    kind: str
    recipients: dict[str, bytes]  # addressee key fingerprint -> sealed content key
    nonce: bytes
    raw: bytes  # the header exactly as in the file (the content's associated data)

    @property
    def associated_data(self) -> bytes:
        return MAGIC + self.raw


def seal(
    plain: IO[bytes],
    target: Path,
    signer: KeyPair,
    sender: str,
    recipients: list[PublicKeys],
    kind: str,
    error_code: str = "exchange_write_failed",
) -> str:
    """Write `plain` sealed to `recipients` and signed by `signer`; returns the file id.

    The file appears at `target` only when whole (atomic_output).
    """
    if kind not in KINDS or not recipients:
        raise ValueError("a sealed file needs a known kind and at least one addressee")
    file_id = str(uuid.uuid4())
    content_key = os.urandom(32)
    nonce = os.urandom(NONCE)
    header = {
        "format": "tsunagari-sealed",
        "version": 1,
        "sender": sender,
        "sender_key": signer.public.fingerprint,
        "file_id": file_id,
        "kind": kind,
        "nonce": b64(nonce),
        "recipients": {
            keys.fingerprint: b64(_SUITE.encrypt(content_key, keys.seal_key(), _info(file_id)))
            for keys in recipients
        },
    }
    raw = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    encryptor = Cipher(algorithms.AES256(content_key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(MAGIC + raw)
    digest = hashlib.sha256()
    with atomic_output(target, error_code) as out:

        def put(data: bytes) -> None:
            digest.update(data)
            out.write(data)

        put(MAGIC + struct.pack(">I", len(raw)) + raw)
        while chunk := plain.read(_CHUNK):
            put(encryptor.update(chunk))
        put(encryptor.finalize() + encryptor.tag)
        out.write(signer.signature(_SIGNED + digest.digest()))
    return file_id


def read_header(path: Path) -> SealedHeader:
    """The header of a sealed file, strictly checked; nothing is decrypted yet."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            start = stream.read(len(MAGIC) + 4)
            if not start.startswith(MAGIC) or len(start) < len(MAGIC) + 4:
                raise KioskError("exchange_not_ours", path=str(path))
            (length,) = struct.unpack(">I", start[len(MAGIC) :])
            if length > MAX_HEADER or len(start) + length + TAG + SIGNATURE > size:
                raise KioskError("exchange_damaged", path=str(path))
            raw = stream.read(length)
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(path)) from exc
    try:
        return _header(raw)
    except (ValueError, TypeError, KeyError) as exc:
        raise KioskError("exchange_damaged", path=str(path)) from exc


def _header(raw: bytes) -> SealedHeader:
    parsed: Any = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    if not isinstance(parsed, dict) or parsed.get("format") != "tsunagari-sealed":
        raise ValueError("not a sealed header")
    if parsed.get("version") != 1 or parsed.get("kind") not in KINDS:
        raise ValueError("unknown version or kind")
    recipients = parsed["recipients"]
    if not isinstance(recipients, dict) or not 0 < len(recipients) <= MAX_RECIPIENTS:
        raise ValueError("recipients")
    return SealedHeader(
        sender=str(uuid.UUID(_text(parsed["sender"]))),
        sender_key=_fingerprint(parsed["sender_key"]),
        file_id=str(uuid.UUID(_text(parsed["file_id"]))),
        kind=parsed["kind"],
        recipients={_fingerprint(k): unb64(v) for k, v in recipients.items()},
        nonce=unb64(parsed["nonce"], NONCE),
        raw=raw,
    )


def verify(path: Path, sender_keys: PublicKeys) -> None:
    """Every byte of the file as its sender signed it, or `exchange_signature_bad`."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            left = os.fstat(stream.fileno()).st_size - SIGNATURE
            if left <= 0:
                raise KioskError("exchange_damaged", path=str(path))
            while left > 0:
                chunk = stream.read(min(_CHUNK, left))
                if not chunk:
                    raise KioskError("exchange_damaged", path=str(path))
                digest.update(chunk)
                left -= len(chunk)
            signature = stream.read(SIGNATURE)
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(path)) from exc
    if len(signature) != SIGNATURE or not sender_keys.verify(signature, _SIGNED + digest.digest()):
        raise KioskError("exchange_signature_bad", path=str(path))


def unseal(
    path: Path,
    header: SealedHeader,
    own: KeyPair,
    out: IO[bytes],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Decrypt the content into `out` (call verify() first); nothing is trusted until the end.

    The GCM tag is checked after the last chunk: the caller must not use what
    it wrote to `out` when this raises.
    """
    sealed_key = header.recipients.get(own.public.fingerprint)
    if sealed_key is None:
        raise KioskError("exchange_not_for_us", path=str(path))
    try:
        content_key = _SUITE.decrypt(sealed_key, own.seal, _info(header.file_id))
    except (InvalidTag, ValueError) as exc:
        raise KioskError("exchange_not_for_us", path=str(path)) from exc
    decryptor = Cipher(algorithms.AES256(content_key), modes.GCM(header.nonce)).decryptor()
    decryptor.authenticate_additional_data(header.associated_data)
    start = len(MAGIC) + 4 + len(header.raw)
    try:
        with open(path, "rb") as stream:
            total = os.fstat(stream.fileno()).st_size
            stream.seek(start)
            left = total - start - SIGNATURE - TAG
            done = 0
            while left > 0:
                chunk = stream.read(min(_CHUNK, left))
                if not chunk:
                    raise KioskError("exchange_damaged", path=str(path))
                out.write(decryptor.update(chunk))
                left -= len(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done)
            tag = stream.read(TAG)
        out.write(decryptor.finalize_with_tag(tag))
    except InvalidTag as exc:
        raise KioskError("exchange_damaged", path=str(path)) from exc
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(path)) from exc


def _info(file_id: str) -> bytes:
    return b"tsunagari sealed content key v1\x00" + file_id.encode()


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _fingerprint(value: Any) -> str:
    text = _text(value)
    if len(text) != 32 or any(ch not in "0123456789abcdef" for ch in text):
        raise ValueError("fingerprint")
    return text


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
