"""Workshops held at an event (slots): add, copy from an earlier day, remove, count.

A slot has a start time, a length and a capacity (None: unlimited). Counts
come from one aggregate query per event, so the screen and the tally never
load sign-ups one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import Event, Signup, Workshop, WorkshopSlot
from kiosk.core.cancelling import mark_cancelled
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.door.events import EventInfo, event_info, lock_event
from kiosk.workshops.catalogue import check_capacity, check_minutes

REGISTERED = ("booked", "attended")
ACTIVE_SIGNUP = ("booked", "attended", "waitlisted")


@dataclass(frozen=True)
class SlotInfo:
    id: str
    event_id: str
    workshop_id: str
    name: str
    starts_at: time
    minutes: int
    capacity: int | None
    registered: int = 0  # booked or attended
    attended: int = 0
    waitlisted: int = 0

    @property
    def ends_at(self) -> time:
        return end_of(self.starts_at, self.minutes)

    @property
    def free(self) -> int | None:
        """Places left; None when unlimited."""
        return None if self.capacity is None else max(0, self.capacity - self.registered)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.registered >= self.capacity


def end_of(start: time, minutes: int) -> time:
    end = datetime.combine(date.min, start) + timedelta(minutes=minutes)
    return end.time() if end.date() == date.min else time.max


def overlaps(a_start: time, a_minutes: int, b_start: time, b_minutes: int) -> bool:
    return a_start < end_of(b_start, b_minutes) and b_start < end_of(a_start, a_minutes)


def check_within_day(event: Event, starts_at: time, minutes: int) -> None:
    """The slot must start and end on the event's day (and within its hours, if set)."""
    start = datetime.combine(event.date, starts_at)
    end = start + timedelta(minutes=minutes)
    midnight = datetime.combine(event.date + timedelta(days=1), time(0))
    if end > midnight:
        raise KioskError("slot_outside_day")
    if event.starts_at and starts_at < event.starts_at:
        raise KioskError("slot_outside_day")
    if event.ends_at and end > datetime.combine(event.date, event.ends_at):
        raise KioskError("slot_outside_day")


def slots_of_event(ctx: AppContext, event_id: str) -> list[SlotInfo]:
    with read(ctx) as session:
        return slots_in(session, event_id)


def slots_in(session: Session, event_id: str) -> list[SlotInfo]:
    counts = {
        slot_id: (int(reg or 0), int(att or 0), int(wait or 0))
        for slot_id, reg, att, wait in session.execute(
            select(
                Signup.slot_id,
                func.sum(case((Signup.status.in_(REGISTERED), 1), else_=0)),
                func.sum(case((Signup.status == "attended", 1), else_=0)),
                func.sum(case((Signup.status == "waitlisted", 1), else_=0)),
            )
            .where(Signup.event_id == event_id)
            .group_by(Signup.slot_id)
        )
    }
    rows = session.execute(
        select(WorkshopSlot, Workshop.name)
        .join(Workshop, Workshop.id == WorkshopSlot.workshop_id)
        .where(WorkshopSlot.event_id == event_id, WorkshopSlot.status == "open")
        .order_by(WorkshopSlot.starts_at, Workshop.name)
    ).all()
    return [_info(slot, name, counts.get(slot.id, (0, 0, 0))) for slot, name in rows]


def slot(ctx: AppContext, slot_id: str) -> SlotInfo:
    with read(ctx) as session:
        return slot_in(session, slot_id)


def slot_in(session: Session, slot_id: str) -> SlotInfo:
    found = session.get(WorkshopSlot, slot_id)
    if found is None or found.status != "open":
        raise KioskError("slot_not_found")
    return next(s for s in slots_in(session, found.event_id) if s.id == slot_id)


def _info(slot: WorkshopSlot, name: str, counts: tuple[int, int, int]) -> SlotInfo:
    return SlotInfo(
        id=slot.id,
        event_id=slot.event_id,
        workshop_id=slot.workshop_id,
        name=name,
        starts_at=slot.starts_at,
        minutes=slot.minutes,
        capacity=slot.capacity,
        registered=counts[0],
        attended=counts[1],
        waitlisted=counts[2],
    )


_DEFAULT = object()


def add_slot(
    ctx: AppContext,
    event_id: str,
    workshop_id: str,
    starts_at: time,
    capacity: int | object | None = _DEFAULT,
    minutes: int | None = None,
) -> SlotInfo:
    """Hold a workshop at the event; capacity and length default to the catalogue's."""
    with write(ctx) as session:
        event = session.get(Event, event_id)
        if event is None or event.status == "cancelled":
            raise KioskError("event_not_found")
        workshop = session.get(Workshop, workshop_id)
        if workshop is None or not workshop.active:
            raise KioskError("workshop_not_found")
        cap = workshop.default_capacity if capacity is _DEFAULT else capacity
        length = check_minutes(minutes if minutes is not None else workshop.default_minutes or 60)
        cap = check_capacity(cap)  # type: ignore[arg-type]
        check_within_day(event, starts_at, length)
        new = WorkshopSlot(
            event_id=event_id,
            workshop_id=workshop_id,
            starts_at=starts_at,
            minutes=length,
            capacity=cap,
            status="open",
            device_id=ctx.device_id,
        )
        session.add(new)
        session.flush()
        audit(session, ctx, "slot_added", "workshop_slot", new.id, capacity=cap)
        return _info(new, workshop.name, (0, 0, 0))


def remove_slot(ctx: AppContext, slot_id: str, cancel_signups: bool = False) -> int:
    """Take a slot off the day. With sign-ups it refuses unless told to cancel them.

    Returns how many sign-ups were cancelled.
    """
    with write(ctx) as session:
        row = session.get(WorkshopSlot, slot_id)
        if row is None:
            raise KioskError("slot_not_found")
        lock_event(session, row.event_id)  # no sign-up slips in while it is removed
        session.refresh(row)
        if row.status != "open":
            raise KioskError("slot_not_found")
        signups = session.scalars(
            select(Signup).where(Signup.slot_id == slot_id, Signup.status.in_(ACTIVE_SIGNUP))
        ).all()
        if signups and not cancel_signups:
            raise KioskError("slot_has_signups", count=len(signups))
        for signup in signups:
            mark_cancelled(session, ctx, signup, "signup", reason="slot_removed")
        row.status = "removed"
        audit(session, ctx, "slot_removed", "workshop_slot", slot_id, signups=len(signups))
        return len(signups)


def last_event_with_slots(ctx: AppContext, venue_id: str, before: date) -> EventInfo | None:
    """The venue's latest earlier event that held workshops ("same as last month")."""
    with read(ctx) as session:
        event_id = session.scalar(
            select(Event.id)
            .join(WorkshopSlot, WorkshopSlot.event_id == Event.id)
            .where(
                Event.venue_id == venue_id,
                Event.date < before,
                WorkshopSlot.status == "open",
            )
            .order_by(Event.date.desc(), Event.opened_at.desc())
            .limit(1)
        )
    return event_info(ctx, event_id) if event_id else None


def copy_slots(ctx: AppContext, source_event_id: str, target_event_id: str) -> list[SlotInfo]:
    """Hold the same workshops at the same times as an earlier event, in one step.

    Slots already there (same workshop, same start) are not doubled.
    """
    with write(ctx) as session:
        # Locked: two devices copying at once must not both add the slots.
        target = lock_event(session, target_event_id)
        if target is None or target.status == "cancelled":
            raise KioskError("event_not_found")
        source = session.scalars(
            select(WorkshopSlot).where(
                WorkshopSlot.event_id == source_event_id, WorkshopSlot.status == "open"
            )
        ).all()
        if not source:
            raise KioskError("nothing_to_copy")
        present = {(s.workshop_id, s.starts_at) for s in slots_in(session, target_event_id)}
        for original in source:
            if (original.workshop_id, original.starts_at) in present:
                continue
            check_within_day(target, original.starts_at, original.minutes)
            copy = WorkshopSlot(
                event_id=target_event_id,
                workshop_id=original.workshop_id,
                starts_at=original.starts_at,
                minutes=original.minutes,
                capacity=original.capacity,
                status="open",
                device_id=ctx.device_id,
            )
            session.add(copy)
            session.flush()
            audit(session, ctx, "slot_added", "workshop_slot", copy.id, copied=True)
        return slots_in(session, target_event_id)


def events_slots(session: Session, event_ids: Sequence[str]) -> list[WorkshopSlot]:
    if not event_ids:
        return []
    return list(
        session.scalars(
            select(WorkshopSlot).where(
                WorkshopSlot.event_id.in_(event_ids), WorkshopSlot.status == "open"
            )
        )
    )
