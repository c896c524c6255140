"""Export for the coordinator: this PC's rows, new or changed since the last export there.

The file goes to a folder (a USB stick, a shared folder); the ledger
remembers, per folder, when the last export there began, so each stick gets
what it has not had. `everything=True` ignores that and writes every row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from kiosk import exchange_ledger
from kiosk.context import AppContext
from kiosk.exchange_format import (
    SHARED_SETTING_PREFIX,
    Manifest,
    encode_row,
    exchanged_tables,
    exported_columns,
    write_exchange,
)
from kiosk.transaction import audit, read, write

Progress = Callable[[int, int], None]  # rows done, rows in all
_BATCH = 2000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest

    @property
    def rows(self) -> int:
        return self.manifest.rows


def suggested_name(ctx: AppContext) -> str:
    """tsunagari-<this PC>-<date>-<time>.zip: sortable, and says whose it is."""
    name = exchange_ledger.device_name(ctx) or ctx.device_id[:8]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name)
    return f"tsunagari-{safe}-{ctx.clock().strftime('%Y%m%d-%H%M')}.zip"


def export_for_coordinator(
    ctx: AppContext, target: Path, everything: bool = False, progress: Progress | None = None
) -> ExportResult:
    target = Path(target)
    # Rows written from now on belong to the next export; take the later of the
    # two clocks rows are stamped with, so none falls between two exports.
    began = max(utcnow(), ctx.clock().astimezone(UTC))
    with read(ctx) as session:
        since = None if everything else exchange_ledger.last_sent(session, target)
        totals = {t.name: _count(session, t, since) for t in exchanged_tables()}
        manifest = Manifest(
            device_id=ctx.device_id,
            device_name=exchange_ledger.device_name_in(session),
            created_at=ctx.clock(),
            since=since,
        )
        done = write_exchange(
            target,
            manifest,
            ((name, rows) for name, rows in _tables(session, since, totals, progress)),
        )
    with write(ctx) as session:
        exchange_ledger.record_sent(session, ctx, target, began)
        audit(
            session,
            ctx,
            "exchange_exported",
            "database",
            None,
            rows=done.rows,
            everything=everything,
        )
    return ExportResult(target, done)


def _selection(table: Table, since: datetime | None) -> Any:
    query = select(*exported_columns(table))
    if since is not None and table.info.get("times_to_the_hour"):
        # Its times are floored to the hour (questionnaire responses): one sent
        # after `since` in the same hour is stamped before it. Sending the
        # hour's rows again is harmless: an import takes a row it has once.
        query = query.where(table.c.updated_at >= since - timedelta(hours=1))
    elif since is not None:
        query = query.where(table.c.updated_at >= since)
    if table.name == "setting":
        query = query.where(table.c.key.startswith(SHARED_SETTING_PREFIX, autoescape=True))
    return query


def _count(
    session: Session, table: Table, since: datetime | None, device_id: str | None = None
) -> int:
    query = _selection(table, since)
    if device_id is not None:
        query = query.where(table.c.device_id == device_id)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _tables(
    session: Session, since: datetime | None, totals: dict[str, int], progress: Progress | None
) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    total = sum(totals.values())
    done = 0

    def rows(table: Table) -> Iterator[dict[str, Any]]:
        nonlocal done
        columns = exported_columns(table)
        result = session.execute(
            _selection(table, since).order_by(table.c.id),
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
        since = exchange_ledger.last_sent(session)
        return sum(
            _count(session, table, since, ctx.device_id)
            for table in exchanged_tables()
            if table.name != "audit_entry"
        )
