"""Import exchange files: every row upserted by its UUID, in one transaction.

A file is taken only from a PC paired with this one, signed by it, and
holding only rows that PC made (kiosk/exchange/receive.py checks all of it
before anything is written). So each rule below only ever weighs a PC's
own copies of its own rows against each other:

- a row not here yet is added (new);
- the same row, the same values: unchanged;
- the copy in the file is newer (`updated_at`): it replaces ours (updated);
- a cancellation is final: a cancelled copy always wins over one that is
  not, whichever is newer, because nothing in the app undoes a cancellation;
- ours is newer: ours stays. That is a conflict (written to the audit log)
  when the file is the newest one from its PC; in an older file it is just
  an old copy of a row we already have, and counts as unchanged. An older
  file changes nothing, and the same file again is recognised by its id
  and skipped.

Questionnaire definitions travel as settings keyed by name: a version never
changes, so one already here is kept.

The file is verified in full before anything is written, and a row whose
parent is missing (a file exported after one that was never imported) rolls
the whole import back. Each file's import can be undone: what it added and
the rows it replaced are recorded in the same transaction
(kiosk/exchange/undo.py), instead of a copy of the whole database made first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.scratch import scratch_folder
from kiosk.core.transaction import audit, write
from kiosk.exchange import ledger
from kiosk.exchange.allowed import exchanged_tables, exported_columns
from kiosk.exchange.receive import Received, receive
from kiosk.exchange.undo import Journal, setting_row
from kiosk.reports import targets

Progress = Callable[[int, int], None]  # rows done, rows in all
CANCELLED = frozenset({"cancelled", "removed"})
_BATCH = 500

NEW, UPDATED, UNCHANGED, CONFLICT = "new", "updated", "unchanged", "conflict"


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def add(self, outcome: str) -> None:
        if outcome == NEW:
            self.new += 1
        elif outcome == UPDATED:
            self.updated += 1
        elif outcome == UNCHANGED:
            self.unchanged += 1
        else:
            self.conflicts += 1


@dataclass(frozen=True)
class ImportResult:
    path: Path
    device_id: str
    device_name: str
    tables: dict[str, TableCounts] = field(default_factory=dict)
    already_imported_at: datetime | None = None  # a file imported before: skipped, unchanged
    file_id: str = ""  # the file's id: `undo.undo_import(ctx, file_id)` puts it back

    @classmethod
    def already(cls, received: Received) -> ImportResult:
        sender = received.sender
        return cls(
            received.path,
            sender.device_id,
            sender.name,
            already_imported_at=received.imported_at,
            file_id=received.header.file_id,
        )

    def total(self, outcome: str) -> int:
        attr = "conflicts" if outcome == CONFLICT else outcome
        return sum(getattr(c, attr) for c in self.tables.values())

    @property
    def changed(self) -> bool:
        return any(c.new or c.updated for c in self.tables.values())


@dataclass(frozen=True)
class Decision:
    outcome: str  # new, updated, unchanged, conflict
    take_file: bool  # write the file's copy over ours
    reason: str = ""  # for a conflict: newer_here, cancelled_here, cancelled_in_file, same_time


def decide(local: dict[str, Any] | None, incoming: dict[str, Any], newest_file: bool) -> Decision:
    """What to do with one incoming row, given ours (None: not here)."""
    if local is None:
        return Decision(NEW, True)
    if all(local[k] == v for k, v in incoming.items()):
        return Decision(UNCHANGED, False)
    ours_cancelled = local.get("status") in CANCELLED
    theirs_cancelled = incoming.get("status") in CANCELLED
    file_newer = incoming["updated_at"] > local["updated_at"]
    if ours_cancelled and not theirs_cancelled:
        if file_newer or newest_file:
            return Decision(CONFLICT, False, "cancelled_here")
        return Decision(UNCHANGED, False)
    if theirs_cancelled and not ours_cancelled and not file_newer:
        return Decision(CONFLICT, True, "cancelled_in_file")
    if file_newer:
        return Decision(UPDATED, True)
    if not newest_file:
        return Decision(UNCHANGED, False)  # an old copy from an older file
    same_time = incoming["updated_at"] == local["updated_at"]
    return Decision(CONFLICT, False, "same_time" if same_time else "newer_here")


def import_files(
    ctx: AppContext, paths: Iterable[Path], progress: Progress | None = None
) -> list[ImportResult]:
    """Import several files in turn, oldest first, all in one transaction.

    Every file is checked whole first (kiosk/exchange/receive.py): its maker
    paired with this PC and not revoked, its signature over every byte, each
    row one its maker may speak for. Then they are merged in one transaction,
    so a file that needs an earlier one, or a row the database's rules
    refuse, leaves every file of the batch out: nothing is written. A file
    imported before is skipped and says so.

    No copy of the database is made: each file leaves an undo record in the
    same transaction (kiosk/exchange/undo.py), so each can be undone on its
    own. The copy it replaces took seconds on a central file of a million
    visits, and the rehearsal that spared a copy for a file bound to fail
    (the whole merge, done twice) went with it.
    """
    with scratch_folder(ctx) as scratch, ExitStack() as opened:
        received: list[Received] = []
        skipped: list[ImportResult] = []
        seen: set[str] = set()
        for path in paths:
            one = opened.enter_context(receive(ctx, Path(path), scratch))
            if one.header.file_id in seen:
                continue  # the same file chosen twice
            seen.add(one.header.file_id)
            if one.imported_at is not None:
                skipped.append(ImportResult.already(one))
            else:
                received.append(one)
        received.sort(key=_made_at)
        results: list[ImportResult] = []
        if received:
            with write(ctx) as session:
                results = [_merge_file(session, ctx, one, progress) for one in received]
        return results + skipped


def import_file(ctx: AppContext, path: Path, progress: Progress | None = None) -> ImportResult:
    return import_files(ctx, [path], progress)[0]


def _made_at(received: Received) -> datetime:
    assert received.exchange is not None  # only files not imported before are merged
    return received.exchange.manifest.created_at


def _merge_file(
    session: Session, ctx: AppContext, received: Received, progress: Progress | None
) -> ImportResult:
    exchange = received.exchange
    assert exchange is not None  # only files not imported before are merged
    manifest = exchange.manifest
    file_id = received.header.file_id
    result = ImportResult(received.path, manifest.device_id, manifest.device_name, file_id=file_id)
    total = manifest.rows
    done = 0
    journal = Journal()
    try:
        known = ledger.received_from(session, manifest.device_id)
        received_before = setting_row(session, ledger.RECEIVED + manifest.device_id)
        newest = known is None or manifest.created_at > known.made_at
        for table in exchanged_tables():
            counts = result.tables.setdefault(table.name, TableCounts())
            for batch in _batches(exchange.rows(table.name)):
                _merge(session, ctx, table, batch, newest, counts, journal)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            if not (counts.new or counts.updated or counts.unchanged or counts.conflicts):
                del result.tables[table.name]
        ledger.record_file(session, ctx, file_id, manifest.device_id)
        if result.changed or result.total(CONFLICT):
            ledger.record_received(
                session, ctx, manifest.device_id, manifest.device_name, manifest.created_at
            )
            journal.save(
                session,
                ctx,
                file_id,
                manifest.device_id,
                manifest.device_name,
                manifest.created_at,
                received_before,
            )
            audit(
                session,
                ctx,
                "exchange_imported",
                "database",
                None,
                source=manifest.device_id,
                new=result.total(NEW),
                updated=result.total(UPDATED),
                unchanged=result.total(UNCHANGED),
                conflicts=result.total(CONFLICT),
            )
        session.flush()
    except _AnotherPcsRow as exc:
        raise KioskError("exchange_not_own_rows", path=str(received.path), where=exc.table) from exc
    except IntegrityError as exc:
        if _missing_parent(exc):
            raise KioskError("exchange_needs_earlier_file", path=str(received.path)) from exc
        # A value the schema's own rules refuse (a CHECK, a second row with the
        # same number): not a missing file, so not that message.
        raise KioskError("exchange_row_refused", path=str(received.path)) from exc
    return result


def _one_target_per_scope(
    session: Session, ctx: AppContext, inserts: list[dict[str, Any]], counts: TableCounts
) -> list[dict[str, Any]]:
    """New targets for a year, metric and scope that has one here already are left out.

    The database keeps one target per scope (migration 0005); two PCs that
    each set it hold two rows. The one here stays: a file may change only its
    maker's rows, and the coordinator sees both values in the audit log.
    """
    taken = targets.scopes_taken(session, {targets.scope_of(r) for r in inserts})
    kept: list[dict[str, Any]] = []
    for row in inserts:
        scope = targets.scope_of(row)
        if scope in taken:
            counts.new -= 1
            counts.conflicts += 1
            audit(
                session,
                ctx,
                "exchange_conflict",
                "kpi_target",
                row["id"],
                kept="here",
                reason="one_target_per_scope",
                target=row["target"],
            )
        else:
            taken.add(scope)
            kept.append(row)
    return kept


class _AnotherPcsRow(Exception):
    """A row whose id is here already, made by another PC: a file may not take it over."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def _missing_parent(exc: IntegrityError) -> bool:
    """A foreign key points at a row this database does not have (SQLite or PostgreSQL)."""
    if getattr(exc.orig, "sqlstate", None) == "23503":
        return True
    return "foreign key" in str(exc.orig).lower()


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, _BATCH)):
        yield batch


def _merge(
    session: Session,
    ctx: AppContext,
    table: Table,
    batch: list[dict[str, Any]],
    newest: bool,
    counts: TableCounts,
    journal: Journal,
) -> None:
    columns = exported_columns(table)
    key = table.c.key if table.name == "setting" else table.c.id
    field_name = key.name
    ours = {
        row[field_name]: dict(row)
        for row in session.execute(
            select(*columns).where(key.in_([r[field_name] for r in batch]))
        ).mappings()
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in batch:
        local = ours.get(row[field_name])
        # A setting is one key, whoever stored it: ours stays (below).
        if local is not None and local["device_id"] != row["device_id"] and table.name != "setting":
            raise _AnotherPcsRow(table.name)
        if table.name == "setting" and local is not None:
            # A stored questionnaire version never changes: ours stays.
            decision = Decision(UNCHANGED if local["value"] == row["value"] else CONFLICT, False)
        else:
            decision = decide(local, row, newest)
        counts.add(decision.outcome)
        if decision.outcome == CONFLICT:
            audit(
                session,
                ctx,
                "exchange_conflict",
                table.name,
                row["id"],
                kept="file" if decision.take_file else "here",
                reason=decision.reason or "differs",
            )
        if decision.take_file and local is None:
            inserts.append(row)
            ours[row[field_name]] = row  # the same id twice in one file: once
        elif decision.take_file:
            assert local is not None
            updates.append({"b_id": row["id"], **{f"v_{k}": v for k, v in row.items()}})
            journal.replaced(table, local, row)
    if inserts and table.name == "kpi_target":
        inserts = _one_target_per_scope(session, ctx, inserts, counts)
    if inserts:
        session.execute(insert(table), inserts)
        for row in inserts:
            journal.added(table, row)
    if updates:
        names = [c.name for c in columns if c.name != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({n: bindparam(f"v_{n}") for n in names})
        )
        session.execute(statement, [{k: v for k, v in u.items() if k != "v_id"} for u in updates])
