"""Undo an import: the rows one exchange file brought in, put back as they were.

The importer keeps an undo record of every file it merges, written in the
same transaction as the rows, so a crash leaves both or neither (SQLite and
PostgreSQL alike). It holds:

- the id of every row the file added;
- every row the file replaced, as it was before (only the columns a file
  can change);
- a fingerprint of every row as the import left it;
- the ledger entry it moved (the newest file from that PC).

Undoing first checks every row against its fingerprint: when any was changed
since (a later file from the same PC, a change on this PC) or is gone, it
refuses and changes nothing; undo the later import first. A row added since
that points at a row the file added refuses it too (the database's foreign
keys). Otherwise, in one transaction, the replaced rows get their old values
back, the added rows are deleted, the file is forgotten (it may be imported
again), and the record becomes a short note that it was undone. A
questionnaire definition the file brought stays: a stored version never
changes, and results need every version ever used.

This replaces the copy of the whole database made before every import
(seconds on a million visits; an undo by restoring it also lost everything
saved after the import).

Privacy: a record holds only columns that travel (kiosk/exchange/allowed.py:
never a nickname, its search key or a care note), so no purge has anything
to erase inside it. It is kept as Setting rows (`exchange.undo/<file id>`,
the list; `exchange.undo-rows/<file id>`, the rows), which never travel, and
it expires with the retention period: the purge deletes records older than
its cutoff, in the database and in every copy (kiosk/care/retention.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.base import new_id
from db.models import Setting
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.exchange import ledger
from kiosk.exchange.allowed import SETTING, exchanged_tables, exported_columns
from kiosk.exchange.file_format import decode_row

# Both expire with the retention period (kiosk/core/settings.py EXPIRING).
UNDO, UNDO_ROWS = settings.UNDO_RECORDS, settings.UNDO_ROWS
VERSION = 1
_CHUNK = 500


@dataclass(frozen=True)
class ImportRecord:
    """One imported file, as the undo list shows it."""

    file_id: str
    device_id: str
    device_name: str
    made_at: datetime  # when the file was made, on that PC
    imported_at: datetime
    new: int
    updated: int
    undone_at: datetime | None = None


def fingerprint(table: Table, row: Mapping[str, Any]) -> str:
    """A digest of a row's travelling columns, the same for the values written and read back."""
    values = [_plain(row[name]) for name in _names(table)]
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@cache
def _names(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in exported_columns(table))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def _encoded(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date | time) else value


class Journal:
    """What one import wrote, gathered while it merges (kiosk/exchange/importer.py)."""

    def __init__(self) -> None:
        # table -> row id -> [fingerprint as left, values before (None: added)]
        self.rows: dict[str, dict[str, list[Any]]] = {}

    def added(self, table: Table, row: Mapping[str, Any]) -> None:
        if table.name == SETTING:
            # A questionnaire definition: a stored version never changes, and
            # every version ever used is kept so that results can be computed
            # (kiosk/survey/catalogue.py). An undo leaves it.
            return
        self._wrote(table, row, None)

    def replaced(self, table: Table, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        self._wrote(
            table, after, {c.name: _encoded(before[c.name]) for c in exported_columns(table)}
        )

    def _wrote(self, table: Table, row: Mapping[str, Any], before: dict[str, Any] | None) -> None:
        entries = self.rows.setdefault(table.name, {})
        known = entries.get(row["id"])
        if known is not None:  # the same id twice in one file: the first "before" stays
            known[0] = fingerprint(table, row)
        else:
            entries[row["id"]] = [fingerprint(table, row), before]

    def counts(self) -> tuple[int, int]:
        entries = [e for rows in self.rows.values() for e in rows.values()]
        return sum(e[1] is None for e in entries), sum(e[1] is not None for e in entries)

    def save(
        self,
        session: Session,
        ctx: AppContext,
        file_id: str,
        device_id: str,
        device_name: str,
        made_at: datetime,
        received_before: Mapping[str, Any] | None,
    ) -> None:
        """Store the record, in the import's own transaction (nothing to undo: nothing stored)."""
        if not self.rows:
            return
        new, updated = self.counts()
        head = {
            "v": VERSION,
            "device": device_id,
            "name": device_name,
            "made_at": made_at.isoformat(),
            "imported_at": ctx.clock().isoformat(),
            "new": new,
            "updated": updated,
        }
        body = {
            "v": VERSION,
            "received": _moved(session, ledger.RECEIVED + device_id, received_before),
            "rows": [
                [name, [[i, *e] for i, e in rows.items()]] for name, rows in self.rows.items()
            ],
        }
        _put(session, ctx, UNDO + file_id, head)
        _put(session, ctx, UNDO_ROWS + file_id, body)


def setting_row(session: Session, key: str) -> dict[str, Any] | None:
    """A setting's row as it is (every column), for an undo to put back."""
    table = _setting_table()
    row = session.execute(select(*table.columns).where(table.c.key == key)).mappings().first()
    return dict(row) if row is not None else None


def _setting_table() -> Table:
    table = Setting.__table__
    assert isinstance(table, Table)
    return table


def _moved(session: Session, key: str, before: Mapping[str, Any] | None) -> list[Any]:
    """[the row before (encoded, or None), the fingerprint of the row after (or None)]."""
    table = _setting_table()
    after = setting_row(session, key)
    return [
        {c.name: _encoded(before[c.name]) for c in table.columns} if before else None,
        fingerprint(table, after) if after else None,
    ]


def _put(session: Session, ctx: AppContext, key: str, value: dict[str, Any]) -> None:
    """A setting stamped with this PC's clock: the retention purge expires it by that date."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    now = ctx.clock()
    session.execute(delete(Setting).where(Setting.key == key))
    session.execute(
        insert(Setting).values(
            id=new_id(),
            key=key,
            value=text,
            device_id=ctx.device_id,
            created_at=now,
            updated_at=now,
        )
    )


# --- listing ---------------------------------------------------------------------------------


def imports(ctx: AppContext, undone: bool = False) -> list[ImportRecord]:
    """Imports that can be undone, newest first (undone=True: the undone ones too)."""
    with read(ctx) as session:
        found = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(UNDO, autoescape=True))
        ).all()
    records = [_record(key[len(UNDO) :], value) for key, value in found]
    records = [r for r in records if undone or r.undone_at is None]
    return sorted(records, key=lambda r: r.imported_at, reverse=True)


def find(ctx: AppContext, reference: str) -> ImportRecord:
    """The import whose file id starts with `reference` (at least 8 characters)."""
    wanted = reference.strip().lower()
    matches = (
        [r for r in imports(ctx, undone=True) if r.file_id.startswith(wanted)]
        if len(wanted) >= 8
        else []
    )
    if len(matches) != 1:
        raise KioskError("exchange_undo_unknown", reference=reference)
    return matches[0]


def _record(file_id: str, raw: str) -> ImportRecord:
    try:
        value = json.loads(raw)
        return ImportRecord(
            file_id=file_id,
            device_id=str(value["device"]),
            device_name=str(value["name"]),
            made_at=datetime.fromisoformat(value["made_at"]),
            imported_at=datetime.fromisoformat(value["imported_at"]),
            new=int(value["new"]),
            updated=int(value["updated"]),
            undone_at=datetime.fromisoformat(value["undone_at"])
            if value.get("undone_at")
            else None,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KioskError("database_damaged") from exc


# --- undoing -------------------------------------------------------------------------------


def undo_import(ctx: AppContext, file_id: str) -> ImportRecord:
    """Put back what the import of `file_id` changed, or refuse and change nothing."""
    with write(ctx) as session:
        head = settings.get_in(session, UNDO + file_id)
        if head is None:
            raise KioskError("exchange_undo_unknown", reference=file_id[:8])
        record = _record(file_id, head)
        if record.undone_at is not None:
            raise KioskError(
                "exchange_undo_done_already",
                name=record.device_name,
                at=f"{record.undone_at.astimezone():%Y-%m-%d %H:%M}",
            )
        body = _body(settings.get_in(session, UNDO_ROWS + file_id))
        tables = {t.name: t for t in exchanged_tables()}
        entries = [(tables[name], rows) for name, rows in body["rows"]]
        changed = sum(_changed(session, table, rows) for table, rows in entries)
        if changed:
            raise KioskError("exchange_undo_changed_since", name=record.device_name, rows=changed)
        try:
            for table, rows in entries:  # parents first: a row may point at an older parent
                _put_back(session, table, [(i, pre) for i, _, pre in rows if pre is not None])
            for table, rows in reversed(entries):  # children first
                added = [i for i, _, pre in rows if pre is None]
                for chunk in _chunks(added):
                    session.execute(delete(table).where(table.c.id.in_(chunk)))
            session.flush()
        except IntegrityError as exc:  # a row added since points at one this file added
            raise KioskError(
                "exchange_undo_changed_since", name=record.device_name, rows=1
            ) from exc
        _forget(session, ctx, record, body["received"])
        audit(
            session,
            ctx,
            "exchange_import_undone",
            "database",
            None,
            source=record.device_id,
            new=record.new,
            updated=record.updated,
        )
    return record


def _body(raw: str | None) -> dict[str, Any]:
    try:
        body = json.loads(raw or "")
        if body.get("v") != VERSION:
            raise ValueError("version")
        return dict(body)
    except (ValueError, AttributeError) as exc:
        raise KioskError("database_damaged") from exc


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _changed(session: Session, table: Table, rows: list[list[Any]]) -> int:
    """How many of the rows the import left differ now from how it left them (or are gone)."""
    left = {i: mark for i, mark, _ in rows}
    now: dict[str, str] = {}
    for chunk in _chunks(list(left)):
        query = select(*exported_columns(table)).where(table.c.id.in_(chunk))
        for row in session.execute(query).mappings():
            now[row["id"]] = fingerprint(table, dict(row))
    return sum(now.get(i) != mark for i, mark in left.items())


def _put_back(session: Session, table: Table, rows: list[tuple[str, dict[str, Any]]]) -> None:
    if not rows:
        return
    try:
        before = [decode_row(table, pre) for _, pre in rows]
    except ValueError as exc:
        raise KioskError("database_damaged") from exc
    names = [c.name for c in exported_columns(table) if c.name != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values({n: bindparam(f"v_{n}") for n in names})
    )
    session.execute(
        statement, [{"b_id": r["id"], **{f"v_{n}": r[n] for n in names}} for r in before]
    )


def _forget(session: Session, ctx: AppContext, record: ImportRecord, received: list[Any]) -> None:
    """The file may come again; the newest file from its PC is the one before, unless a
    later file moved it on since; the record shrinks to a note that it was undone."""
    session.execute(delete(Setting).where(Setting.key == ledger.FILE + record.file_id))
    before, after = received
    key = ledger.RECEIVED + record.device_id
    now = setting_row(session, key)
    table = _setting_table()
    if (fingerprint(table, now) if now else None) == after:
        session.execute(delete(Setting).where(Setting.key == key))
        if before is not None:
            try:
                session.execute(insert(table).values(decode_row(table, before)))
            except ValueError as exc:
                raise KioskError("database_damaged") from exc
    session.execute(delete(Setting).where(Setting.key == UNDO_ROWS + record.file_id))
    head = {
        "v": VERSION,
        "device": record.device_id,
        "name": record.device_name,
        "made_at": record.made_at.isoformat(),
        "imported_at": record.imported_at.isoformat(),
        "new": record.new,
        "updated": record.updated,
        "undone_at": ctx.clock().isoformat(),
    }
    _put(session, ctx, UNDO + record.file_id, head)
