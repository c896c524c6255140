"""Retention: nicknames and care notes are erased after a set number of days.

Personal details are kept only as long as they help at the door. A regular
whose last visit is older than the cutoff loses her nickname (and its search
key); a child's care note older than the cutoff is erased. Undo records of
imports older than the cutoff expire too (kiosk/core/settings.py EXPIRING). Visits, children
and every count stay as they were: the visitor row keeps its id (so
distinct-people counts do not change) and gets `purged_at`.

SQLite leaves deleted text in free space and in the WAL, so the purge runs
with `PRAGMA secure_delete=ON` (freed cells become zeros; every connection
has it on, db/engine.py), then empties the WAL into the file and truncates
it: the erased text is gone from the files, not only from the tables. On a
database server the old row versions are the server's to clean up
(autovacuum).

The same erase then runs inside every copy the app keeps in the data folder
(backups of every kind, files set aside), and stray files get their expiry:
kiosk/care/data_files.py knows them all and what happens to each. Every SQLite
file is rewritten once, the first time a purge meets it (free space an
older SQLite left unzeroed), then marked with the cutoff applied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, or_, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from db.models import ChildCare, Visitor
from kiosk.care import backups, data_files
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.transaction import audit, read, write

log = logging.getLogger(__name__)

RETENTION_DAYS = "retention_days"
DEFAULT_DAYS = 90
MIN_DAYS, MAX_DAYS = 30, 3650
TRIGGERS = ("start", "settings", "cli")


@dataclass(frozen=True)
class PurgeResult:
    cutoff: date  # details of visits before this day are erased
    retention_days: int
    visitors: int  # nicknames erased (or that would be, for a dry run)
    care_notes: int
    dry_run: bool
    backups: int = 0  # backups deleted: taken before the cutoff, or unreadable
    copies: int = 0  # copies (backups, files set aside) purged inside
    files: int = 0  # files deleted in all: old copies, killed copies, old labels...

    @property
    def total(self) -> int:
        return self.visitors + self.care_notes


def retention_days(ctx: AppContext) -> int:
    """The set number of days; the default when unset or unreadable."""
    raw = settings.get(ctx, RETENTION_DAYS)
    try:
        days = int(raw) if raw is not None else DEFAULT_DAYS
    except ValueError:
        return DEFAULT_DAYS
    return days if MIN_DAYS <= days <= MAX_DAYS else DEFAULT_DAYS


def set_retention_days(ctx: AppContext, days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_DAYS <= days <= MAX_DAYS:
        raise KioskError("retention_days_range", low=MIN_DAYS, high=MAX_DAYS)
    settings.put(ctx, RETENTION_DAYS, str(days))


def cutoff_for(ctx: AppContext, days: int) -> date:
    return ctx.today() - timedelta(days=days)


def _due(session: Session, ctx: AppContext, cutoff: date) -> tuple[list[str], list[str]]:
    visitors = session.scalars(
        select(Visitor.id).where(
            or_(Visitor.nickname.is_not(None), Visitor.search_key.is_not(None)),
            or_(Visitor.last_visit_on.is_(None), Visitor.last_visit_on < cutoff),
        )
    ).all()
    start_of_cutoff = datetime.combine(cutoff, time(0), tzinfo=ctx.clock().tzinfo)
    notes = session.scalars(
        select(ChildCare.id).where(
            ChildCare.care_note.is_not(None), ChildCare.checked_in_at < start_of_cutoff
        )
    ).all()
    return list(visitors), list(notes)


def _erase(session: Session, ctx: AppContext, cutoff: date) -> tuple[int, int]:
    """Erase what is due in the database `session` is on: the live one or a copy."""
    if session.get_bind().dialect.name == "sqlite":
        # Freed cells are overwritten with zeros, not left readable in the file.
        session.execute(text("PRAGMA secure_delete=ON"))
    visitors, notes = _due(session, ctx, cutoff)
    if visitors:
        session.execute(
            update(Visitor)
            .where(Visitor.id.in_(visitors))
            .values(nickname=None, search_key=None, purged_at=ctx.clock())
        )
    if notes:
        session.execute(update(ChildCare).where(ChildCare.id.in_(notes)).values(care_note=None))
    # An import older than the period can no longer be undone: its record goes.
    settings.expire_old(session, datetime.combine(cutoff, time(0), tzinfo=ctx.clock().tzinfo))
    return len(visitors), len(notes)


def purge(ctx: AppContext, dry_run: bool = False, trigger: str = "settings") -> PurgeResult:
    """Erase the personal details older than the retention period (or count them).

    In the database, then in every file the app keeps beside it.
    """
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger}")
    days = retention_days(ctx)
    cutoff = cutoff_for(ctx, days)
    if dry_run:
        with read(ctx) as session:
            visitors, notes = _due(session, ctx, cutoff)
        return PurgeResult(cutoff, days, len(visitors), len(notes), dry_run=True)
    with backups.COPY_LOCK:  # no copy of this process starts or ends meanwhile
        with write(ctx) as session:
            erased = _erase(session, ctx, cutoff)
            if any(erased) or trigger != "start":
                audit(
                    session,
                    ctx,
                    "personal_data_purged",
                    "retention",
                    None,
                    visitors=erased[0],
                    care_notes=erased[1],
                    retention_days=days,
                    trigger=trigger,
                )
        engine = ctx.engine
        if _scrub_quietly(engine, cutoff) or any(erased):
            data_files.fold_wal_in(engine)
        swept = _reach_files(ctx, cutoff)
    return PurgeResult(
        cutoff,
        days,
        *erased,
        dry_run=False,
        backups=swept.backups,
        copies=swept.copies,
        files=swept.deleted,
    )


def _scrub_quietly(engine: Any, cutoff: date) -> bool:
    try:
        return data_files.scrub_and_mark(engine, cutoff)
    except DatabaseError as exc:  # busy: the next purge tries again
        log.warning("the database file could not be rewritten: %s", type(exc.orig).__name__)
        return False


def _reach_files(ctx: AppContext, cutoff: date) -> data_files.SweepResult:
    """The purge in every copy and stray file of the data folder (kiosk/care/data_files.py)."""
    folder = backups.folder_of(ctx)
    try:
        if folder is not None:
            return data_files.sweep(
                folder, cutoff, ctx.today(), lambda path: purge_copy(ctx, path, cutoff)
            )
        if ctx.files_dir is not None:  # a database server: only the labels are here
            labels = data_files.expire_labels(DataFolder(ctx.files_dir), ctx.today())
            return data_files.SweepResult(deleted=labels)
    except OSError:
        log.warning("the files beside the database could not all be purged")
    return data_files.SweepResult()


# SQLite's words for a file that is only busy or out of reach just now: try again
# later. Anything else (malformed, not a database, unknown tables) is damage.
_BUSY = ("locked", "busy", "unable to open", "readonly", "disk i/o")


def _copy_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA busy_timeout=250")
    dbapi_conn.execute("PRAGMA secure_delete=ON")
    # A file set aside in WAL mode takes its -wal back in, and none is left after.
    dbapi_conn.execute("PRAGMA journal_mode=DELETE")


def purge_copy(ctx: AppContext, path: Path, cutoff: date) -> None:
    """The same erase inside a copy of the database, which then still restores.

    Raises data_files.Unpurgeable when SQLite cannot read or change it, and
    data_files.Busy when another program holds it. A copy of an older
    schema works: the columns the erase touches are there since 0001 (a
    migration that renames one must teach _erase the old name).
    """
    try:
        with path.open("rb") as f:
            if f.read(len(backups.SQLITE_HEADER)) != backups.SQLITE_HEADER:
                raise data_files.Unpurgeable(path.name)
    except OSError as exc:
        raise data_files.Busy(path.name) from exc
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    event.listen(engine, "connect", _copy_pragmas)
    try:
        with Session(engine) as session, session.begin():
            known = inspect(session.connection())
            if known.has_table("visitor") and known.has_table("child_care"):
                _erase(session, ctx, cutoff)
        data_files.scrub_and_mark(engine, cutoff)
    except OperationalError as exc:
        if any(word in str(exc.orig).lower() for word in _BUSY):
            raise data_files.Busy(path.name) from exc
        raise data_files.Unpurgeable(path.name) from exc
    except DatabaseError as exc:
        raise data_files.Unpurgeable(path.name) from exc
    finally:
        engine.dispose()
