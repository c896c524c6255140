"""Childcare (託児): children in care, pickup codes, handing back.

A child is handed back only against the code her parent was given. Codes
are three digits (easy to say aloud and to type), unique within the event,
drawn at random so the number says nothing about arrival order.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import ChildCare, Visit
from kiosk.core import safe_text
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.door.events import lock_event

CODE_DIGITS = 3
MAX_CARE_NOTE = 60
_CODES = [str(n) for n in range(10 ** (CODE_DIGITS - 1), 10**CODE_DIGITS)]
_system_random = random.SystemRandom()


@dataclass(frozen=True)
class ChildInfo:
    id: str
    visit_id: str
    visit_number: int
    age_band: str
    pickup_code: str
    care_note: str | None
    checked_in_at: datetime
    handed_back_at: datetime | None
    status: str

    @property
    def in_care(self) -> bool:
        return self.status == "in_care"


def clean_note(note: str | None) -> str | None:
    """The note as it goes on the child's tag: NFKC, one line, and the one rule for
    names (kiosk/safe_text): nothing hidden or reordering on a printed tag."""
    if note is None:
        return None
    text = safe_text.check_characters(unicodedata.normalize("NFKC", note), "care_note")
    text = " ".join(text.split())
    if not text:
        return None
    if len(text) > MAX_CARE_NOTE:
        raise KioskError("care_note_too_long", limit=MAX_CARE_NOTE)
    return text


def new_pickup_code(session: Session, event_id: str, rng: random.Random | None = None) -> str:
    """A code no child of the event has. Call it under the event's lock (events.lock_event)."""
    used = set(session.scalars(select(ChildCare.pickup_code).where(ChildCare.event_id == event_id)))
    free = [c for c in _CODES if c not in used]
    if not free:
        raise KioskError("no_pickup_codes_left")
    return (rng or _system_random).choice(free)


def _select_children() -> Select[ChildCare, int]:
    return select(ChildCare, Visit.number).join(Visit, Visit.id == ChildCare.visit_id)


def _info(child: ChildCare, number: int) -> ChildInfo:
    return ChildInfo(
        id=child.id,
        visit_id=child.visit_id,
        visit_number=number,
        age_band=child.age_band,
        pickup_code=child.pickup_code,
        care_note=child.care_note,
        checked_in_at=child.checked_in_at,
        handed_back_at=child.handed_back_at,
        status=child.status,
    )


def children_of_event(ctx: AppContext, event_id: str) -> list[ChildInfo]:
    """Every child of the event not cancelled: in care first, then by arrival."""
    with read(ctx) as session:
        rows = session.execute(
            _select_children()
            .where(ChildCare.event_id == event_id, ChildCare.status != "cancelled")
            .order_by(ChildCare.checked_in_at, Visit.number)
        ).all()
    children = [_info(c, n) for c, n in rows]
    return sorted(children, key=lambda c: not c.in_care)


def children_of_visits(session: Session, visit_ids: list[str]) -> list[ChildInfo]:
    """Children of the given check-ins, in the order they were added."""
    if not visit_ids:
        return []
    rows = session.execute(
        _select_children()
        .where(ChildCare.visit_id.in_(visit_ids))
        .order_by(ChildCare.checked_in_at, ChildCare.created_at, ChildCare.pickup_code)
    ).all()
    return [_info(c, n) for c, n in rows]


def child(ctx: AppContext, child_id: str) -> ChildInfo:
    """One child, e.g. to reprint her label: the same code every time."""
    with read(ctx) as session:
        row = session.execute(_select_children().where(ChildCare.id == child_id)).first()
    if row is None:
        raise KioskError("child_not_found")
    return _info(row[0], row[1])


def normalise_code(typed: str) -> str:
    return "".join(unicodedata.normalize("NFKC", typed or "").split())


def hand_back(ctx: AppContext, event_id: str, typed_code: str) -> ChildInfo:
    """Hand back the child whose code was shown; anything else changes nothing."""
    code = normalise_code(typed_code)
    if not code:
        raise KioskError("pickup_code_empty")
    if not code.isdigit() or len(code) != CODE_DIGITS:
        raise KioskError("pickup_code_format", digits=CODE_DIGITS)
    with write(ctx) as session:
        lock_event(session, event_id)  # two devices never hand the same child back twice
        row = session.execute(
            _select_children().where(
                ChildCare.event_id == event_id,
                ChildCare.pickup_code == code,
                ChildCare.status != "cancelled",
            )
        ).first()
        if row is None:
            raise KioskError("pickup_code_unknown", code=code)
        found, number = row
        if found.status == "handed_back":
            raise KioskError(
                "child_already_handed_back",
                code=code,
                # In the door's local time (the context's clock), not the OS zone.
                time=found.handed_back_at.astimezone(ctx.clock().tzinfo).strftime("%H:%M")
                if found.handed_back_at
                else "",
            )
        found.status = "handed_back"
        found.handed_back_at = ctx.clock()
        audit(session, ctx, "child_handed_back", "child_care", found.id)
        return _info(found, number)
