"""This database's own key pairs, and the public half that other PCs keep of it.

Every database holds two key pairs, made on first need and never exported:
an Ed25519 key that signs the exchange files it makes, and an X25519 key
that files are sealed to (HPKE). A coordinator's pair is the organisation's
identity; a venue PC's pair is that PC's. The keys live in a setting row, so
they move with the database (a restored backup, a central server) and never
travel in an exchange file (kiosk/exchange/allowed.py keeps settings home).

PyCA `cryptography` does all the work; nothing here is home-made.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy.orm import Session

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read, write

KEYS = "exchange.keys"  # a local setting: never in an exchange file


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, length: int | None = None) -> bytes:
    """Strict base64 of an expected length; ValueError for anything else."""
    if not isinstance(text, str):
        raise ValueError("not text")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if length is not None and len(data) != length:
        raise ValueError("wrong length")
    return data


@dataclass(frozen=True)
class PublicKeys:
    """What another PC needs to check our signatures and seal files to us."""

    sign: bytes  # Ed25519, 32 raw bytes
    seal: bytes  # X25519, 32 raw bytes

    @property
    def fingerprint(self) -> str:
        """A short, stable name for this pair of keys (files name their keys by it)."""
        digest = hashlib.sha256(b"tsunagari keys v1\x00" + self.sign + self.seal)
        return digest.hexdigest()[:32]

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.sign).verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def seal_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.seal)

    def to_json(self) -> dict[str, str]:
        return {"sign": b64(self.sign), "seal": b64(self.seal)}

    @classmethod
    def from_json(cls, raw: Any) -> PublicKeys:
        """Keys from a file or a setting; ValueError when they are not two valid keys."""
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        keys = cls(sign=unb64(raw.get("sign"), 32), seal=unb64(raw.get("seal"), 32))
        Ed25519PublicKey.from_public_bytes(keys.sign)
        X25519PublicKey.from_public_bytes(keys.seal)
        return keys


@dataclass(frozen=True)
class KeyPair:
    sign: Ed25519PrivateKey
    seal: X25519PrivateKey

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(sign=Ed25519PrivateKey.generate(), seal=X25519PrivateKey.generate())

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(
            sign=self.sign.public_key().public_bytes_raw(),
            seal=self.seal.public_key().public_bytes_raw(),
        )

    def signature(self, message: bytes) -> bytes:
        return self.sign.sign(message)

    def to_setting(self) -> str:
        private = {
            "sign": b64(self.sign.private_bytes_raw()),
            "seal": b64(self.seal.private_bytes_raw()),
        }
        return json.dumps(private)

    @classmethod
    def from_setting(cls, value: str) -> KeyPair:
        try:
            raw = json.loads(value)
            return cls(
                sign=Ed25519PrivateKey.from_private_bytes(unb64(raw["sign"], 32)),
                seal=X25519PrivateKey.from_private_bytes(unb64(raw["seal"], 32)),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KioskError("database_damaged") from exc


def own_keys(ctx: AppContext) -> KeyPair:
    """This database's key pairs, made and saved the first time they are needed."""
    with read(ctx) as session:
        stored = settings.get_in(session, KEYS)
    if stored is not None:
        return KeyPair.from_setting(stored)
    with write(ctx) as session:
        return own_keys_in(session, ctx)


def own_keys_in(session: Session, ctx: AppContext) -> KeyPair:
    stored = settings.get_in(session, KEYS)
    if stored is not None:
        return KeyPair.from_setting(stored)
    made = KeyPair.generate()
    settings.put_in(session, ctx, KEYS, made.to_setting())
    return made
