"""Export: this PC's own rows, new or changed since the last export there, signed and sealed.

A venue PC's file is sealed to the coordinator it is paired with; the
coordinator's file (venues, workshops, targets, questionnaires, to set up
its venue PCs) to every PC still paired with it (kiosk/exchange/trust.py).
Only rows this PC made travel (kiosk/exchange/allowed.py).

The file goes to a folder (a USB stick, a shared folder); the ledger
remembers, per folder, when the last export there began, so each stick gets
what it has not had. `everything=True` ignores that and writes every row.

The rows are first written as a zip into a private scratch folder of the
data folder, never beside the target: a stick pulled half-way holds no
readable byte. Sealing streams it to the target, which appears only whole.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from kiosk.core.context import AppContext
from kiosk.core.scratch import scratch_folder
from kiosk.core.transaction import audit, read, write
from kiosk.exchange import ledger
from kiosk.exchange.allowed import exchanged_tables, exported_columns, selection
from kiosk.exchange.file_format import Manifest, encode_row, write_exchange
from kiosk.exchange.keys import own_keys
from kiosk.exchange.seal import seal
from kiosk.exchange.trust import addressees

Progress = Callable[[int, int], None]  # rows done, rows in all
SUFFIX = ".tsunagari"
_BATCH = 2000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest
    file_id: str
    addressees: int  # how many PCs can open it (1 for a venue PC's file)

    @property
    def rows(self) -> int:
        return self.manifest.rows


def suggested_name(ctx: AppContext) -> str:
    """tsunagari-<random>.tsunagari: a name that says nothing to whoever finds the stick.

    The PC's name, the venue or the day would be readable on the stick even
    though the content is sealed; the importer shows who made it and when,
    once the file is verified.
    """
    return f"tsunagari-{secrets.token_hex(4)}{SUFFIX}"


def export_for_coordinator(
    ctx: AppContext, target: Path, everything: bool = False, progress: Progress | None = None
) -> ExportResult:
    """Write this PC's file for the PCs it is paired with (exchange_not_paired before that)."""
    target = Path(target)
    to = addressees(ctx)
    keys = own_keys(ctx)
    # Rows written from now on belong to the next export; take the later of the
    # two clocks rows are stamped with, so none falls between two exports.
    began = max(utcnow(), ctx.clock().astimezone(UTC))
    with scratch_folder(ctx) as scratch:
        plain = scratch / "content.zip"
        with read(ctx) as session:
            since = None if everything else ledger.last_sent(session, target)
            totals = {t.name: _count(session, t, ctx.device_id, since) for t in exchanged_tables()}
            manifest = Manifest(
                device_id=ctx.device_id,
                device_name=ledger.device_name_in(session),
                created_at=ctx.clock(),
                since=since,
            )
            done = write_exchange(
                plain, manifest, _tables(session, ctx.device_id, since, totals, progress)
            )
        with plain.open("rb") as content:
            file_id = seal(content, target, keys, ctx.device_id, list(to.keys), to.kind)
    with write(ctx) as session:
        ledger.record_sent(session, ctx, target, began)
        audit(
            session,
            ctx,
            "exchange_exported",
            "database",
            None,
            rows=done.rows,
            everything=everything,
            addressees=len(to.keys),
        )
    return ExportResult(target, done, file_id, len(to.keys))


def _count(session: Session, table: Table, device_id: str, since: datetime | None) -> int:
    query = selection(table, device_id, since)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _tables(
    session: Session,
    device_id: str,
    since: datetime | None,
    totals: dict[str, int],
    progress: Progress | None,
) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    total = sum(totals.values())
    done = 0

    def rows(table: Table) -> Iterator[dict[str, Any]]:
        nonlocal done
        columns = exported_columns(table)
        result = session.execute(
            selection(table, device_id, since).order_by(table.c.id),
            execution_options={"yield_per": _BATCH},
        )
        for batch in result.partitions():
            for row in batch:
                yield encode_row(columns, row)
            done += len(batch)
            if progress is not None:
                progress(done, total)

    for table in exchanged_tables():
        if totals[table.name]:
            yield table.name, rows(table)


def unexported_rows(ctx: AppContext) -> int:
    """Rows made or changed on this PC since its last export to anywhere (all, if never).

    Rows imported from other PCs are left out (they already exist elsewhere),
    and so is the audit log: every export adds a line to it.
    """
    with read(ctx) as session:
        since = ledger.last_sent(session)
        return sum(
            _count(session, table, ctx.device_id, since)
            for table in exchanged_tables()
            if table.name != "audit_entry"
        )
