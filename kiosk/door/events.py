"""Events (開催): open today's café at a venue, count it live, close it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from db.models import ChildCare, Event, Venue, Visit
from kiosk.core import choices
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write


@dataclass(frozen=True)
class EventInfo:
    id: str
    venue_id: str
    venue_name: str
    date: date
    kind: str
    status: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class DoorCounts:
    """The live counters at the top of the door, and the closing summary."""

    visits: int = 0
    first_visits: int = 0
    count_only: int = 0
    children_in_care: int = 0
    children_today: int = 0


def _info(event: Event, venue_name: str) -> EventInfo:
    return EventInfo(event.id, event.venue_id, venue_name, event.date, event.kind, event.status)


def event_info(ctx: AppContext, event_id: str) -> EventInfo:
    with read(ctx) as session:
        return _load(session, event_id)


def _load(session: Session, event_id: str) -> EventInfo:
    row = session.execute(
        select(Event, Venue.name)
        .join(Venue, Venue.id == Event.venue_id)
        .where(Event.id == event_id)
    ).first()
    if row is None:
        raise KioskError("event_not_found")
    return _info(row[0], row[1])


def event_on(ctx: AppContext, venue_id: str, day: date) -> EventInfo | None:
    """The venue's event that day: an open one first, else the latest closed one."""
    with read(ctx) as session:
        row = session.execute(
            select(Event, Venue.name)
            .join(Venue, Venue.id == Event.venue_id)
            .where(Event.venue_id == venue_id, Event.date == day, Event.status != "cancelled")
            .order_by(case((Event.status == "open", 0), else_=1), Event.opened_at.desc())
            .limit(1)
        ).first()
        return _info(row[0], row[1]) if row else None


def open_event(ctx: AppContext, venue_id: str, kind: str = "cafe") -> EventInfo:
    """Open today's event at the venue. Idempotent: an open one is returned as is."""
    choices.require("event_kind", kind)
    today = ctx.today()
    with write(ctx) as session:
        # Locked, so two devices opening the same venue at once make one event.
        venue = session.get(Venue, venue_id, with_for_update=True)
        if venue is None or not venue.active:
            raise KioskError("venue_not_found")
        existing = session.scalar(
            select(Event).where(
                Event.venue_id == venue_id, Event.date == today, Event.status == "open"
            )
        )
        if existing is not None:
            return _info(existing, venue.name)
        event = Event(
            venue_id=venue_id,
            date=today,
            kind=kind,
            status="open",
            opened_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        session.add(event)
        session.flush()
        audit(session, ctx, "event_opened", "event", event.id, kind=kind)
        return _info(event, venue.name)


def close_event(ctx: AppContext, event_id: str, force: bool = False) -> DoorCounts:
    """Close the day and return its summary.

    With children still in care it refuses (code children_still_in_care)
    unless `force`, so the screen can warn before anyone goes home.
    """
    with write(ctx) as session:
        event = session.get(Event, event_id, with_for_update=True)
        if event is None:
            raise KioskError("event_not_found")
        summary = counts_in(session, event_id)
        if event.status != "open":
            return summary
        if summary.children_in_care and not force:
            raise KioskError("children_still_in_care", count=summary.children_in_care)
        event.status = "closed"
        event.closed_at = ctx.clock()
        audit(
            session,
            ctx,
            "event_closed",
            "event",
            event_id,
            visits=summary.visits,
            children_in_care=summary.children_in_care,
        )
        return summary


def reopen_event(ctx: AppContext, event_id: str) -> EventInfo:
    """Undo a close made by mistake, on the same day only."""
    with write(ctx) as session:
        event = session.get(Event, event_id, with_for_update=True)
        if event is None:
            raise KioskError("event_not_found")
        if event.date != ctx.today():
            raise KioskError("event_not_today")
        already_open = session.scalar(
            select(Event.id).where(
                Event.venue_id == event.venue_id,
                Event.date == event.date,
                Event.status == "open",
                Event.id != event.id,
            )
        )
        if already_open is not None:
            return _load(session, already_open)  # never two open events at one venue
        if event.status != "open":
            event.status = "open"
            event.closed_at = None
            audit(session, ctx, "event_reopened", "event", event_id)
        return _load(session, event_id)


def lock_event(session: Session, event_id: str) -> Event | None:
    """The event, locked until the transaction ends, read afresh (None if there is none).

    Everything computed from an event's rows (the next check-in number, a free
    pickup code, a workshop's free places, whether a sign-up is still booked)
    is read and written under this lock, so two devices never both take the
    same one. What serialises two devices is the write lock every write()
    holds from its first statement (BEGIN IMMEDIATE on SQLite, the advisory
    write lock on PostgreSQL: db/engine.py); the row lock (SELECT ... FOR
    UPDATE, left out on SQLite) and the fresh read keep this correct should a
    caller ever change the event outside write().
    """
    return session.get(Event, event_id, with_for_update=True, populate_existing=True)


def require_open(session: Session, event_id: str) -> Event:
    """The open event, locked (lock_event) for a change at its door."""
    event = lock_event(session, event_id)
    if event is None:
        raise KioskError("event_not_found")
    if event.status != "open":
        raise KioskError("event_not_open")
    return event


def counts(ctx: AppContext, event_id: str) -> DoorCounts:
    with read(ctx) as session:
        return counts_in(session, event_id)


# Built once: the header redraws these after every check-in, and building the
# statements cost more than running them (2.7 ms against 0.05 ms).
_VISIT_COUNTS = select(
    func.count(),
    func.coalesce(func.sum(case((Visit.first_visit.is_(True), 1), else_=0)), 0),
    func.coalesce(func.sum(case((Visit.count_only.is_(True), 1), else_=0)), 0),
).where(Visit.event_id == bindparam("event_id"), Visit.status == "active")
_CARE_COUNTS = select(
    func.coalesce(func.sum(case((ChildCare.status == "in_care", 1), else_=0)), 0),
    func.count(),
).where(ChildCare.event_id == bindparam("event_id"), ChildCare.status != "cancelled")


def counts_in(session: Session, event_id: str) -> DoorCounts:
    """Two indexed aggregate queries over one event's rows."""
    bound = {"event_id": event_id}
    visits, first, count_only = session.execute(_VISIT_COUNTS, bound).one()
    in_care, today = session.execute(_CARE_COUNTS, bound).one()
    return DoorCounts(
        visits=int(visits),
        first_visits=int(first),
        count_only=int(count_only),
        children_in_care=int(in_care),
        children_today=int(today),
    )
