"""Receive one sealed exchange file: every check, in the order that reveals least.

1. The header, read strictly (a plain zip from an older release is told
   apart: it is unsealed, not damaged).
2. The sender: a PC paired with this one and not revoked, going the right
   way (kiosk/exchange/trust.py); a file this PC made itself is named so.
3. The signature over every byte, against the key the sender was paired
   with: an edited, cut, re-signed or forged file stops here, before a
   byte is decrypted.
4. Its id: a file imported before is recognised and skipped, unread.
5. The content, decrypted into the private scratch folder, then read as an
   exchange zip: members, checksums, every row decoded, and each row one
   the sender made (kiosk/exchange/file_format.py, kiosk/exchange/allowed.py).
6. Its date: a file made more than a day ahead of this PC's clock is
   refused (a wrong clock there would make its rows win every merge).

Nothing is written to the database by any of this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read
from kiosk.exchange import ledger
from kiosk.exchange.file_format import MAX_FILE_BYTES, ExchangeFile, open_exchange
from kiosk.exchange.keys import own_keys
from kiosk.exchange.seal import SealedHeader, read_header, unseal, verify
from kiosk.exchange.trust import Sender, sender_of

CLOCK_SLACK = timedelta(days=1)  # two PCs' clocks may differ; a day ahead is a wrong clock
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Received:
    path: Path  # the file as the user chose it (messages name it)
    header: SealedHeader
    sender: Sender
    exchange: ExchangeFile | None  # the content, checked (None: imported before, not read)
    imported_at: datetime | None  # when this very file was imported before, if it was


@contextmanager
def receive(ctx: AppContext, path: Path, scratch: Path) -> Iterator[Received]:
    """Check `path` whole and open its content; raises a coded error, writes nothing."""
    shown = str(path)
    _check_size(path)
    header = _header(path)
    if header.sender == ctx.device_id:
        raise KioskError("exchange_same_device", path=shown)
    sender = sender_of(ctx, header, shown)
    verify(path, sender.keys)
    with read(ctx) as session:
        imported_at = ledger.file_imported_at(session, header.file_id)
    if imported_at is not None:  # the same file again: known, signed, nothing to read
        yield Received(path, header, sender, None, imported_at)
        return
    plain = scratch / f"{header.file_id}.zip"
    with plain.open("wb") as out:
        unseal(path, header, own_keys(ctx), out)
    exchange = open_exchange(plain, sender.device_id, shown=path)
    try:
        if exchange.manifest.created_at > ctx.clock() + CLOCK_SLACK:
            raise KioskError(
                "exchange_from_the_future",
                path=shown,
                made=exchange.manifest.created_at.strftime("%Y-%m-%d %H:%M"),
            )
        yield Received(path, header, sender, exchange, imported_at)
    finally:
        exchange.close()
        plain.unlink(missing_ok=True)


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise KioskError("exchange_unreadable", path=str(path)) from exc
    if size > MAX_FILE_BYTES:
        raise KioskError("exchange_too_big", path=str(path), limit=MAX_FILE_BYTES >> 20)


def _header(path: Path) -> SealedHeader:
    try:
        return read_header(path)
    except KioskError as exc:
        if exc.code == "exchange_not_ours" and _starts_with(path, _ZIP):
            raise KioskError("exchange_unsealed", path=str(path)) from exc
        raise


def _starts_with(path: Path, prefix: bytes) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(prefix)) == prefix
    except OSError:
        return False
