"""Pairing a venue PC with the coordinator, once, so that only paired PCs exchange files.

How it goes (a coordinator's words are in the README):

1. On the coordinator's PC, 「会場PCを追加」 writes an invitation file and
   shows a one-time pairing code (8 characters, valid for a day).
2. On the venue PC, 「コーディネーターとペアリング」 reads the invitation and
   asks for that code. The invitation carries an HMAC keyed by the code, so
   a file alone, without the code seen on the coordinator's screen, pairs
   nothing. The venue PC keeps the coordinator's public keys and writes an
   answer file, authenticated with the same code and signed with its key.
   It shows a six-digit confirmation number.
3. The coordinator reads the answer (checked against the pending code and
   the PC's signature), shows the same confirmation number, and pairs the PC
   only when the person confirms that both screens show it.

The code is stretched with scrypt before use, so an attacker holding the
invitation cannot try codes fast enough to matter within its day. The
coordinator keeps each paired PC's public keys and can revoke one (a lost
or retired laptop): its files are refused from then on.

Everything is kept in local setting rows, which never travel.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting
from kiosk.core import settings
from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.safe_text import code_point, forbidden_character
from kiosk.core.transaction import audit, read, write
from kiosk.exchange.keys import KEYS, KeyPair, PublicKeys, b64, own_keys, unb64
from kiosk.exchange.ledger import device_name_in

COORDINATOR = "pairing.coordinator"  # on a venue PC: the coordinator it is paired with
PAIRED = "pairing.device/"  # on the coordinator: one row per paired PC
PENDING = "pairing.pending/"  # on the coordinator: invitations not yet answered
INVITATION = "tsunagari-pairing-invitation"
ANSWER = "tsunagari-pairing-answer"
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed
CODE_LENGTH = 8
VALID_FOR = timedelta(days=1)
MAX_PAIRING_FILE = 64 * 1024
_SCRYPT = {"length": 32, "n": 2**15, "r": 8, "p": 1}


@dataclass(frozen=True)
class Invitation:
    pairing_id: str
    code: str  # shown on the coordinator's screen, typed on the venue PC
    expires_at: datetime
    path: Path


@dataclass(frozen=True)
class Coordinator:
    """What a venue PC knows of the coordinator it is paired with."""

    device_id: str
    organisation: str
    keys: PublicKeys
    paired_at: datetime


@dataclass(frozen=True)
class Joined:
    coordinator: Coordinator
    confirmation: str  # the six digits both screens show
    answer: Path


@dataclass(frozen=True)
class PairingRequest:
    """A venue PC's verified answer, waiting for the coordinator's confirmation."""

    pairing_id: str
    device_id: str
    device_name: str
    keys: PublicKeys
    confirmation: str


@dataclass(frozen=True)
class PairedDevice:
    device_id: str
    device_name: str
    keys: PublicKeys
    paired_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


# --- the coordinator --------------------------------------------------------------------


def invite(ctx: AppContext, target: Path) -> Invitation:
    """Write an invitation file for one new venue PC; the code goes on screen only."""
    now = ctx.clock()
    pairing_id = str(uuid.uuid4())
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = now + VALID_FOR
    keys = own_keys(ctx).public
    with read(ctx) as session:
        if coordinator_in(session) is not None:
            raise KioskError("pairing_not_coordinator")
        organisation = settings.get_in(session, settings.ORGANISATION) or ""
    body = {
        "format": INVITATION,
        "version": 1,
        "pairing_id": pairing_id,
        "coordinator": ctx.device_id,
        "organisation": organisation,
        "keys": keys.to_json(),
        "expires_at": expires.isoformat(),
    }
    content = _authenticated(body, code)  # scrypt: before the write lock, not under it
    with write(ctx) as session:
        _drop_expired(session, now)
        pending = json.dumps({"code": code, "expires_at": expires.isoformat()})
        settings.put_in(session, ctx, PENDING + pairing_id, pending)
        write_atomically(Path(target), content, "exchange_write_failed")
        audit(session, ctx, "pairing_invited", "device", None)
    return Invitation(pairing_id, format_code(code), expires, Path(target))


def read_answer(ctx: AppContext, path: Path) -> PairingRequest:
    """A venue PC's answer, checked against the pending invitation and the PC's own key."""
    raw = _load(path, ANSWER)
    try:
        pairing_id = str(uuid.UUID(raw["pairing_id"]))
        device_id = str(uuid.UUID(raw["device"]))
        keys = PublicKeys.from_json(raw["keys"])
        name = raw["device_name"]
        signature = unb64(raw["signature"], 64)
        if not isinstance(name, str) or len(name) > 100:
            raise ValueError("device name")
    except (KeyError, ValueError, TypeError) as exc:
        raise KioskError("pairing_file_damaged", path=str(path)) from exc
    _check_name(name, path)
    with read(ctx) as session:
        pending = _pending(session, pairing_id)
        own = own_keys_in_read(session)
        if device_id == ctx.device_id:
            raise KioskError("pairing_same_device", path=str(path))
    if pending is None or own is None:
        raise KioskError("pairing_unknown_invitation", path=str(path))
    code, expires = pending
    if ctx.clock() > expires:
        raise KioskError("pairing_expired", path=str(path))
    unsigned = {k: v for k, v in raw.items() if k not in ("mac", "signature")}
    if not _mac_ok(unsigned, code, raw.get("mac")):
        raise KioskError("pairing_file_forged", path=str(path))
    if not keys.verify(signature, _canonical(unsigned)):
        raise KioskError("pairing_file_forged", path=str(path))
    return PairingRequest(
        pairing_id=pairing_id,
        device_id=device_id,
        device_name=name,
        keys=keys,
        confirmation=confirmation_number(own, keys, pairing_id),
    )


def confirm(ctx: AppContext, request: PairingRequest) -> PairedDevice:
    """The person saw the same six digits on both screens: pair the PC."""
    now = ctx.clock()
    with write(ctx) as session:
        if _pending(session, request.pairing_id) is None:
            raise KioskError("pairing_unknown_invitation", path="")
        paired = PairedDevice(request.device_id, request.device_name, request.keys, now, None)
        settings.put_in(session, ctx, PAIRED + request.device_id, _device_json(paired))
        _drop(session, PENDING + request.pairing_id)
        audit(session, ctx, "device_paired", "device", request.device_id)
    return paired


def decline(ctx: AppContext, request: PairingRequest) -> None:
    """The numbers differ: forget the invitation; the PC must start again."""
    with write(ctx) as session:
        _drop(session, PENDING + request.pairing_id)
        audit(session, ctx, "pairing_declined", "device", request.device_id)


def paired_devices(ctx: AppContext) -> list[PairedDevice]:
    with read(ctx) as session:
        return paired_devices_in(session)


def paired_devices_in(session: Session) -> list[PairedDevice]:
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(PAIRED, autoescape=True))
    ).all()
    found = [_device(key[len(PAIRED) :], value) for key, value in rows]
    return sorted(found, key=lambda d: (d.revoked_at is not None, d.device_name, d.device_id))


def paired_device_in(session: Session, device_id: str) -> PairedDevice | None:
    value = settings.get_in(session, PAIRED + device_id)
    return _device(device_id, value) if value is not None else None


def revoke(ctx: AppContext, device_id: str) -> PairedDevice:
    """A retired or stolen PC: its files are refused from now on (its rows stay)."""
    with write(ctx) as session:
        known = paired_device_in(session, device_id)
        if known is None:
            raise KioskError("pairing_device_unknown", device=device_id[:8])
        if known.revoked_at is not None:
            return known
        revoked = PairedDevice(
            known.device_id, known.device_name, known.keys, known.paired_at, ctx.clock()
        )
        settings.put_in(session, ctx, PAIRED + device_id, _device_json(revoked))
        audit(session, ctx, "device_revoked", "device", device_id)
    return revoked


# --- the venue PC -----------------------------------------------------------------------


def join(ctx: AppContext, invitation: Path, code: str, answer: Path) -> Joined:
    """Accept the coordinator's invitation with the code from its screen; write the answer."""
    raw = _load(invitation, INVITATION)
    typed = normalise_code(code)
    unsigned = {k: v for k, v in raw.items() if k != "mac"}
    if not _mac_ok(unsigned, typed, raw.get("mac")):
        raise KioskError("pairing_code_wrong")
    try:
        pairing_id = str(uuid.UUID(raw["pairing_id"]))
        coordinator_id = str(uuid.UUID(raw["coordinator"]))
        keys = PublicKeys.from_json(raw["keys"])
        organisation = raw["organisation"]
        expires = datetime.fromisoformat(raw["expires_at"])
        if not isinstance(organisation, str) or len(organisation) > 200 or expires.tzinfo is None:
            raise ValueError("organisation or expiry")
    except (KeyError, ValueError, TypeError) as exc:
        raise KioskError("pairing_file_damaged", path=str(invitation)) from exc
    _check_name(organisation, invitation)
    now = ctx.clock()
    if now > expires:
        raise KioskError("pairing_expired", path=str(invitation))
    if coordinator_id == ctx.device_id:
        raise KioskError("pairing_same_device", path=str(invitation))
    own = own_keys(ctx)
    with read(ctx) as session:
        if paired_devices_in(session):
            raise KioskError("pairing_is_coordinator")
        name = device_name_in(session)
    body = {
        "format": ANSWER,
        "version": 1,
        "pairing_id": pairing_id,
        "device": ctx.device_id,
        "device_name": name,
        "keys": own.public.to_json(),
    }
    text = json.loads(_authenticated(body, typed))
    text["signature"] = b64(own.signature(_canonical(body)))
    content = json.dumps(text, ensure_ascii=False, indent=1).encode()
    found = Coordinator(coordinator_id, organisation, keys, now)
    with write(ctx) as session:
        settings.put_in(session, ctx, COORDINATOR, _coordinator_json(found))
        write_atomically(Path(answer), content, "exchange_write_failed")
        audit(session, ctx, "paired_with_coordinator", "device", coordinator_id)
    return Joined(found, confirmation_number(keys, own.public, pairing_id), Path(answer))


def coordinator(ctx: AppContext) -> Coordinator | None:
    with read(ctx) as session:
        return coordinator_in(session)


def coordinator_in(session: Session) -> Coordinator | None:
    value = settings.get_in(session, COORDINATOR)
    if value is None:
        return None
    try:
        raw = json.loads(value)
        return Coordinator(
            device_id=raw["device_id"],
            organisation=raw["organisation"],
            keys=PublicKeys.from_json(raw["keys"]),
            paired_at=datetime.fromisoformat(raw["paired_at"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KioskError("database_damaged") from exc


def leave(ctx: AppContext) -> None:
    """Forget the coordinator on this venue PC (to pair with another)."""
    with write(ctx) as session:
        _drop(session, COORDINATOR)
        audit(session, ctx, "unpaired_from_coordinator", "device", None)


# --- codes ------------------------------------------------------------------------------


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str:
    """What a person types: any case, spaces or dashes, full-width letters and digits."""
    text = unicodedata.normalize("NFKC", typed or "").upper()
    return "".join(ch for ch in text if ch.isalnum())


def confirmation_number(coordinator: PublicKeys, device: PublicKeys, pairing_id: str) -> str:
    """Six digits from both PCs' keys: equal on both screens only if each has the other's."""
    digest = hashlib.sha256(
        b"tsunagari pairing confirmation v1\x00"
        + coordinator.sign
        + coordinator.seal
        + device.sign
        + device.seal
        + pairing_id.encode()
    ).digest()
    number = int.from_bytes(digest[:8], "big") % 1_000_000
    return f"{number:06d}"[:3] + " " + f"{number:06d}"[3:]


# --- files and rows ---------------------------------------------------------------------


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _mac_key(code: str, pairing_id: str) -> bytes:
    salt = hashlib.sha256(b"tsunagari pairing v1\x00" + pairing_id.encode()).digest()
    return Scrypt(salt=salt, **_SCRYPT).derive(code.encode())


def _authenticated(body: dict[str, Any], code: str) -> bytes:
    mac = hmac.new(_mac_key(code, body["pairing_id"]), _canonical(body), "sha256").hexdigest()
    return json.dumps({**body, "mac": mac}, ensure_ascii=False, indent=1).encode()


def _mac_ok(body: dict[str, Any], code: str, mac: Any) -> bool:
    if not isinstance(mac, str) or not isinstance(body.get("pairing_id"), str):
        return False
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return False
    expected = hmac.new(_mac_key(code, body["pairing_id"]), _canonical(body), "sha256")
    return hmac.compare_digest(expected.hexdigest(), mac)


def _load(path: Path, kind: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_PAIRING_FILE + 1)
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(path)) from exc
    if len(data) > MAX_PAIRING_FILE:
        raise KioskError("pairing_file_damaged", path=str(path))
    try:
        raw = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise KioskError("pairing_file_damaged", path=str(path)) from exc
    if not isinstance(raw, dict) or raw.get("format") != kind or raw.get("version") != 1:
        raise KioskError("pairing_wrong_file", path=str(path))
    return raw


def _check_name(name: str, path: Path) -> None:
    """A name from the other PC is shown on this one: the rule of every name, on one line."""
    bad = forbidden_character(name) or next((ch for ch in name if ch in "\t\n\r"), None)
    if bad is not None:
        raise KioskError("pairing_bad_name", path=str(path), char=code_point(bad))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _pending(session: Session, pairing_id: str) -> tuple[str, datetime] | None:
    value = settings.get_in(session, PENDING + pairing_id)
    if value is None:
        return None
    raw = json.loads(value)
    return raw["code"], datetime.fromisoformat(raw["expires_at"])


def _drop_expired(session: Session, now: datetime) -> None:
    """Invitations never answered: their code is of no use after a day, and goes."""
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(PENDING, autoescape=True))
    ).all()
    for key, value in rows:
        try:
            expired = datetime.fromisoformat(json.loads(value)["expires_at"]) < now
        except (ValueError, KeyError, TypeError):
            expired = True  # unreadable: of no use either
        if expired:
            _drop(session, key)


def own_keys_in_read(session: Session) -> PublicKeys | None:
    stored = settings.get_in(session, KEYS)
    return KeyPair.from_setting(stored).public if stored is not None else None


def _drop(session: Session, key: str) -> None:
    row = session.scalar(select(Setting).where(Setting.key == key))
    if row is not None:
        session.delete(row)


def _device_json(device: PairedDevice) -> str:
    return json.dumps(
        {
            "name": device.device_name,
            "keys": device.keys.to_json(),
            "paired_at": device.paired_at.isoformat(),
            "revoked_at": device.revoked_at.isoformat() if device.revoked_at else None,
        },
        ensure_ascii=False,
    )


def _device(device_id: str, value: str) -> PairedDevice:
    try:
        raw = json.loads(value)
        return PairedDevice(
            device_id=device_id,
            device_name=raw["name"],
            keys=PublicKeys.from_json(raw["keys"]),
            paired_at=datetime.fromisoformat(raw["paired_at"]),
            revoked_at=datetime.fromisoformat(raw["revoked_at"]) if raw["revoked_at"] else None,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KioskError("database_damaged") from exc


def _coordinator_json(found: Coordinator) -> str:
    return json.dumps(
        {
            "device_id": found.device_id,
            "organisation": found.organisation,
            "keys": found.keys.to_json(),
            "paired_at": found.paired_at.isoformat(),
        },
        ensure_ascii=False,
    )
