"""What this PC remembers about exchange files: its own name, what it sent, what it received.

Kept as Setting rows, which never travel: each PC's ledger is its own.

- `device_name`: the human name in every file this PC makes (会場PC 1).
- `exchange.sent/<hash of the folder>`: when the last export to that folder began.
  The next export there holds the rows changed since (`updated_at` at or
  after that moment); overlap is harmless because importing is idempotent.
- `exchange.sent`: the latest export to anywhere; rows changed since have
  never left this PC.
- `exchange.received/<device id>`: the newest file imported from that PC
  (its name, when it was made, when it was imported). A file no newer than
  this is an old copy: its rows that lose to ours are stale, not conflicts.
- `exchange.file/<file id>`: every sealed file imported here, by the random
  id in its header, so the same file is recognised when it comes again.
- `exchange.undo/<file id>`, `exchange.undo-rows/<file id>`: how to undo that
  import (kiosk/exchange/undo.py), until the retention period ends.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read

DEVICE_NAME = "device_name"
SENT = "exchange.sent"
SENT_TO = "exchange.sent/"
RECEIVED = "exchange.received/"
FILE = "exchange.file/"
MAX_DEVICE_NAME = 40


@dataclass(frozen=True)
class Received:
    device_id: str
    device_name: str
    made_at: datetime  # when the newest imported file was made, on that PC
    imported_at: datetime  # when it was imported here


def device_name(ctx: AppContext) -> str:
    with read(ctx) as session:
        return device_name_in(session)


def device_name_in(session: Session) -> str:
    return settings.get_in(session, DEVICE_NAME) or ""


def set_device_name(ctx: AppContext, name: str) -> str:
    """Rename this PC (the screens ask for the coordinator PIN first)."""
    text = settings.clean_name(name, "device", MAX_DEVICE_NAME)
    settings.put(ctx, DEVICE_NAME, text)
    return text


def destination_key(target: Path) -> str:
    """The folder a file goes to (a USB stick, a shared folder), as a fixed-length key.

    Hashed: a path can be longer than a setting's key may be.
    """
    folder = str(Path(target).resolve().parent)
    return SENT_TO + hashlib.sha256(folder.encode()).hexdigest()[:32]


def last_sent(session: Session, target: Path | None = None) -> datetime | None:
    raw = settings.get_in(session, destination_key(target) if target else SENT)
    return datetime.fromisoformat(raw) if raw else None


def record_sent(session: Session, ctx: AppContext, target: Path, began: datetime) -> None:
    stamp = began.isoformat()
    settings.put_in(session, ctx, destination_key(target), stamp)
    previous = last_sent(session)
    if previous is None or began > previous:
        settings.put_in(session, ctx, SENT, stamp)


def received_from(session: Session, device_id: str) -> Received | None:
    raw = settings.get_in(session, RECEIVED + device_id)
    return _received(device_id, raw) if raw else None


def record_received(
    session: Session, ctx: AppContext, device_id: str, name: str, made_at: datetime
) -> None:
    """Remember the newest file from `device_id`; an older one changes nothing here."""
    known = received_from(session, device_id)
    if known is not None and made_at <= known.made_at:
        return
    value = {"name": name, "made_at": made_at.isoformat(), "imported_at": ctx.clock().isoformat()}
    settings.put_in(session, ctx, RECEIVED + device_id, json.dumps(value, ensure_ascii=False))


def record_file(session: Session, ctx: AppContext, file_id: str, device_id: str) -> None:
    """Remember that this sealed file was imported (kiosk/exchange/receive.py looks it up)."""
    value = {"device": device_id, "imported_at": ctx.clock().isoformat()}
    settings.put_in(session, ctx, FILE + file_id, json.dumps(value))


def file_imported_at(session: Session, file_id: str) -> datetime | None:
    raw = settings.get_in(session, FILE + file_id)
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(json.loads(raw)["imported_at"])
    except (ValueError, KeyError, TypeError) as exc:
        raise KioskError("database_damaged") from exc


def all_received(ctx: AppContext) -> list[Received]:
    """Every PC whose data came here, newest file first."""
    with read(ctx) as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.startswith(RECEIVED, autoescape=True)
            )
        ).all()
    found = [_received(key[len(RECEIVED) :], value) for key, value in rows]
    return sorted(found, key=lambda r: r.made_at, reverse=True)


def _received(device_id: str, raw: str) -> Received:
    try:
        value = json.loads(raw)
        return Received(
            device_id=device_id,
            device_name=str(value["name"]),
            made_at=datetime.fromisoformat(value["made_at"]),
            imported_at=datetime.fromisoformat(value["imported_at"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KioskError("database_damaged") from exc
