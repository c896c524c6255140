"""Retention: nicknames and care notes are erased after a set number of days.

Personal details are kept only as long as they help at the door. A regular
whose last visit is older than the cutoff loses her nickname (and its search
key); a child's care note older than the cutoff is erased. Visits, children
and every count stay as they were: the visitor row keeps its id (so
distinct-people counts do not change) and gets `purged_at`.

SQLite leaves deleted text in free space and in the WAL, so the purge runs
with `PRAGMA secure_delete=ON` (freed cells become zeros), then empties
the WAL into the file and truncates it: the erased text is gone from the
files, not only from the tables. On a database server the old row versions
are the server's to clean up (autovacuum).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine, or_, select, text, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db.models import ChildCare, Visitor
from kiosk import backups, settings
from kiosk.context import AppContext
from kiosk.errors import KioskError
from kiosk.transaction import audit, read, storage_error, write

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
    backups: int = 0  # copies older than the cutoff, deleted with them

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


def purge(ctx: AppContext, dry_run: bool = False, trigger: str = "settings") -> PurgeResult:
    """Erase the personal details older than the retention period (or count them)."""
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger}")
    days = retention_days(ctx)
    cutoff = cutoff_for(ctx, days)
    if dry_run:
        with read(ctx) as session:
            visitors, notes = _due(session, ctx, cutoff)
        return PurgeResult(cutoff, days, len(visitors), len(notes), dry_run=True)
    with write(ctx) as session:
        if session.get_bind().dialect.name == "sqlite":
            # Freed cells are overwritten with zeros, not left readable in the file.
            session.execute(text("PRAGMA secure_delete=ON"))
        visitors, notes = _due(session, ctx, cutoff)
        now = ctx.clock()
        if visitors:
            session.execute(
                update(Visitor)
                .where(Visitor.id.in_(visitors))
                .values(nickname=None, search_key=None, purged_at=now)
            )
        if notes:
            session.execute(update(ChildCare).where(ChildCare.id.in_(notes)).values(care_note=None))
        if visitors or notes or trigger != "start":
            audit(
                session,
                ctx,
                "personal_data_purged",
                "retention",
                None,
                visitors=len(visitors),
                care_notes=len(notes),
                retention_days=days,
                trigger=trigger,
            )
    if visitors or notes:
        fold_wal_in(ctx.sessions.kw["bind"])
    try:
        expired = len(backups.expire(ctx, cutoff))
    except OSError:
        log.warning("backups older than the retention period could not be deleted")
        expired = 0
    return PurgeResult(cutoff, days, len(visitors), len(notes), dry_run=False, backups=expired)


def fold_wal_in(engine: Engine) -> None:
    """Empty the WAL into the file, so no erased text stays in old frames.

    secure_delete (on for the purge) has already overwritten the freed cells
    with zeros, so no VACUUM is needed: rewriting a central database of a
    million visits took 12 s at every start that erased one nickname.
    """
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except DatabaseError as exc:
        # The details are erased from the tables either way; the next purge folds it in again.
        log.warning("folding the WAL in after the purge failed: %s", storage_error(exc).code)
