"""Signing visitors up for workshops: capacity, waitlist, attendance.

Rules, each a coded error that changes nothing:
- only an active check-in of the same event can sign up;
- one visit is never twice in one slot (a repeat returns the existing
  sign-up: a double click does not book twice);
- nor in two slots whose times overlap;
- a full slot offers the waitlist; a coordinator may override capacity,
  which is audited. A cancellation moves the first on the waitlist up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from db.models import Signup, Visit, Visitor, Workshop, WorkshopSlot
from kiosk.core.cancelling import find, mark_cancelled, refuse_cancelled
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.door.events import lock_event, require_open
from kiosk.workshops.catalogue import check_capacity
from kiosk.workshops.slots import ACTIVE_SIGNUP, SlotInfo, end_of, overlaps, slot_in


@dataclass(frozen=True)
class SignupInfo:
    id: str
    slot_id: str
    visit_id: str
    visit_number: int
    nickname: str | None
    status: str  # booked / waitlisted / attended / cancelled
    queued_at: datetime
    waitlist_position: int | None = None  # 1 = next to move up


@dataclass(frozen=True)
class SignupResult:
    signup: SignupInfo
    repeated: bool  # she was already signed up: nothing changed


@dataclass(frozen=True)
class CancelResult:
    cancelled: SignupInfo
    promoted: SignupInfo | None  # who moved up from the waitlist, if anyone


def _query() -> Select[Signup, int, str | None]:
    return (
        select(Signup, Visit.number, Visitor.nickname)
        .join(Visit, Visit.id == Signup.visit_id)
        .outerjoin(Visitor, Visitor.id == Visit.visitor_id)
    )


def _infos(session: Session, where: list[ColumnElement[bool]]) -> list[SignupInfo]:
    rows = session.execute(
        _query().where(*where).order_by(Signup.queued_at, Signup.created_at, Signup.id)
    ).all()
    result, position = [], 0
    for signup, number, nickname in rows:
        pos = None
        if signup.status == "waitlisted":
            position += 1
            pos = position
        result.append(
            SignupInfo(
                signup.id,
                signup.slot_id,
                signup.visit_id,
                number,
                nickname,
                signup.status,
                signup.queued_at,
                pos,
            )
        )
    return result


def _one(session: Session, signup_id: str) -> SignupInfo:
    signup = session.get(Signup, signup_id)
    if signup is None:
        raise KioskError("signup_not_found")
    everyone = _infos(session, [Signup.slot_id == signup.slot_id])
    return next(s for s in everyone if s.id == signup_id)


def _lock_event_of_slot(session: Session, slot_id: str) -> None:
    """Lock the slot's event (events.lock_event) before reading its sign-ups to change them."""
    event_id = session.scalar(select(WorkshopSlot.event_id).where(WorkshopSlot.id == slot_id))
    if event_id is not None:
        lock_event(session, event_id)


def _locked_signup(session: Session, signup_id: str) -> Signup | None:
    """The sign-up as it is now, read under its event's lock."""
    signup = session.get(Signup, signup_id)
    if signup is None:
        return None
    lock_event(session, signup.event_id)
    session.refresh(signup)
    return signup


def signups_of_slot(ctx: AppContext, slot_id: str) -> list[SignupInfo]:
    """Booked and attended first (in sign-up order), then the waitlist in order."""
    with read(ctx) as session:
        found = _infos(session, [Signup.slot_id == slot_id, Signup.status.in_(ACTIVE_SIGNUP)])
    return sorted(found, key=lambda s: s.status == "waitlisted")  # stable: keeps queue order


def signups_of_visit(ctx: AppContext, visit_id: str) -> list[SignupInfo]:
    with read(ctx) as session:
        return _infos(session, [Signup.visit_id == visit_id, Signup.status.in_(ACTIVE_SIGNUP)])


def sign_up(
    ctx: AppContext,
    slot_id: str,
    visit_id: str,
    waitlist_if_full: bool = False,
    override_capacity: bool = False,
) -> SignupResult:
    with write(ctx) as session:
        slot_row = session.get(WorkshopSlot, slot_id)
        if slot_row is None:
            raise KioskError("slot_not_found")
        # Places are counted and taken under the event's lock (events.lock_event).
        require_open(session, slot_row.event_id)
        session.refresh(slot_row)
        if slot_row.status != "open":
            raise KioskError("slot_not_found")
        visit = session.get(Visit, visit_id)
        if visit is None or visit.event_id != slot_row.event_id:
            raise KioskError("visit_not_at_event")
        if visit.status != "active":
            raise KioskError("visit_cancelled_no_signup", number=visit.number)
        mine = session.execute(
            select(Signup, WorkshopSlot, Workshop.name)
            .join(WorkshopSlot, WorkshopSlot.id == Signup.slot_id)
            .join(Workshop, Workshop.id == WorkshopSlot.workshop_id)
            .where(Signup.visit_id == visit_id, Signup.status.in_(ACTIVE_SIGNUP))
        ).all()
        for signup, other, name in mine:
            if other.id == slot_id:
                return SignupResult(_one(session, signup.id), repeated=True)
            if overlaps(slot_row.starts_at, slot_row.minutes, other.starts_at, other.minutes):
                raise KioskError(
                    "slot_overlaps",
                    name=name,
                    time=f"{other.starts_at:%H:%M}–{end_of(other.starts_at, other.minutes):%H:%M}",
                )
        current = slot_in(session, slot_id)
        status = "booked"
        if current.full:
            if override_capacity:
                audit(
                    session,
                    ctx,
                    "capacity_overridden",
                    "workshop_slot",
                    slot_id,
                    capacity=current.capacity,
                    booked=current.registered + 1,
                )
            elif waitlist_if_full:
                status = "waitlisted"
            else:
                raise KioskError("slot_full", waitlisted=current.waitlisted)
        signup = Signup(
            slot_id=slot_id,
            visit_id=visit_id,
            event_id=slot_row.event_id,
            status=status,
            queued_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        session.add(signup)
        session.flush()
        audit(session, ctx, "signed_up", "signup", signup.id, status=status)
        return SignupResult(_one(session, signup.id), repeated=False)


def promote_waitlist(session: Session, ctx: AppContext, slot_id: str) -> list[SignupInfo]:
    """Move waitlisted sign-ups up, first come first served, while places are free."""
    promoted = []
    while True:
        current = slot_in(session, slot_id)
        if current.full:
            break
        first = session.scalar(
            select(Signup)
            .where(Signup.slot_id == slot_id, Signup.status == "waitlisted")
            .order_by(Signup.queued_at, Signup.created_at, Signup.id)
            .limit(1)
        )
        if first is None:
            break
        first.status = "booked"
        session.flush()
        audit(session, ctx, "waitlist_promoted", "signup", first.id)
        promoted.append(_one(session, first.id))
    return promoted


def cancel_signup(ctx: AppContext, signup_id: str) -> CancelResult:
    with write(ctx) as session:
        signup = find(session, Signup, signup_id, "signup")
        refuse_cancelled(signup, "signup_already_cancelled")
        require_open(session, signup.event_id)
        session.refresh(signup)  # as it is now, under the event's lock
        refuse_cancelled(signup, "signup_already_cancelled")
        before = _one(session, signup_id)
        freed_place = signup.status == "booked"
        mark_cancelled(session, ctx, signup, "signup", was=before.status)
        session.flush()
        promoted = promote_waitlist(session, ctx, signup.slot_id) if freed_place else []
        cancelled = SignupInfo(
            **{**before.__dict__, "status": "cancelled", "waitlist_position": None}
        )
        return CancelResult(cancelled, promoted[0] if promoted else None)


def cancel_signups_of_visit(session: Session, ctx: AppContext, visit_id: str) -> int:
    """When a check-in is cancelled, so are its sign-ups (and the waitlist moves up)."""
    signups = session.scalars(
        select(Signup).where(Signup.visit_id == visit_id, Signup.status.in_(ACTIVE_SIGNUP))
    ).all()
    for signup in signups:
        freed = signup.status == "booked"
        mark_cancelled(session, ctx, signup, "signup", reason="visit_cancelled")
        session.flush()
        if freed:
            promote_waitlist(session, ctx, signup.slot_id)
    return len(signups)


def set_attended(ctx: AppContext, signup_id: str, attended: bool = True) -> SignupInfo:
    """Registered is not attended: mark who actually came (or undo that mark)."""
    with write(ctx) as session:
        signup = _locked_signup(session, signup_id)
        if signup is None or signup.status == "cancelled":
            raise KioskError("signup_not_found")
        if signup.status == "waitlisted":
            raise KioskError("waitlisted_not_attended")
        wanted = "attended" if attended else "booked"
        if signup.status != wanted:
            signup.status = wanted
            audit(session, ctx, "attendance_marked", "signup", signup_id, attended=attended)
        return _one(session, signup_id)


def mark_all_attended(ctx: AppContext, slot_id: str) -> int:
    """Every booked sign-up of the slot becomes attended; returns how many changed."""
    with write(ctx) as session:
        _lock_event_of_slot(session, slot_id)
        booked = session.scalars(
            select(Signup).where(Signup.slot_id == slot_id, Signup.status == "booked")
        ).all()
        for signup in booked:
            signup.status = "attended"
        audit(session, ctx, "attendance_marked_all", "workshop_slot", slot_id, count=len(booked))
        return len(booked)


def change_capacity(ctx: AppContext, slot_id: str, capacity: int | None) -> SlotInfo:
    """Set a slot's capacity; more places move the waitlist up at once."""
    cap = check_capacity(capacity)
    with write(ctx) as session:
        _lock_event_of_slot(session, slot_id)  # no sign-up slips in between count and change
        current = slot_in(session, slot_id)
        if cap is not None and cap < current.registered:
            raise KioskError("capacity_below_booked", booked=current.registered)
        row = session.get(WorkshopSlot, slot_id)
        assert row is not None
        row.capacity = cap
        session.flush()
        audit(session, ctx, "slot_capacity_changed", "workshop_slot", slot_id, capacity=cap)
        promote_waitlist(session, ctx, slot_id)
        return slot_in(session, slot_id)
