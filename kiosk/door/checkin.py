"""Check-in (受付): new and returning visitors, count-only, undo and cancel.

Idempotent: the screen makes a request id when the form is shown and sends
it with the check-in; it becomes the visit's id, so a double click or a
retry after an error returns the same visit instead of counting twice.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.base import new_id
from db.models import ChildCare, Visit, Visitor
from kiosk.core import choices
from kiosk.core.cancelling import find, mark_cancelled, refuse_cancelled
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.door import nickname
from kiosk.door.childcare import ChildInfo, children_of_visits, clean_note, new_pickup_code
from kiosk.door.events import require_open
from kiosk.workshops.signups import cancel_signups_of_visit

MAX_CHILDREN = 6
UNANSWERED = "unanswered"


@dataclass(frozen=True)
class ChildRequest:
    age_band: str
    care_note: str | None = None


@dataclass(frozen=True)
class CheckInRequest:
    event_id: str
    # Idempotency key made by the screen; becomes the visit's id.
    request_id: str = field(default_factory=new_id)
    age_band: str = UNANSWERED
    residence: str = UNANSWERED
    first_visit: bool | None = True
    heard_from: str | None = None
    wants_consultation: bool = False
    nickname: str | None = None  # a new regular's chosen nickname
    visitor_id: str | None = None  # a returning regular found by search
    children: tuple[ChildRequest, ...] = ()
    count_only: bool = False


@dataclass(frozen=True)
class VisitInfo:
    id: str
    number: int
    checked_in_at: datetime
    age_band: str
    residence: str
    first_visit: bool | None
    heard_from: str | None
    wants_consultation: bool
    count_only: bool
    nickname: str | None
    status: str
    cancel_reason: str | None
    children: tuple[ChildInfo, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class CheckInResult:
    visit: VisitInfo
    repeated: bool  # True when this request had already been saved


@dataclass(frozen=True)
class VisitorMatch:
    """A regular found by nickname, with her last answers to pre-fill."""

    visitor_id: str
    nickname: str
    last_visit_on: date | None
    age_band: str
    residence: str
    heard_from: str | None


def count_only_request(event_id: str, request_id: str | None = None) -> CheckInRequest:
    """She prefers not to answer: counted, every answer 無回答."""
    return CheckInRequest(
        event_id=event_id,
        request_id=request_id or new_id(),
        first_visit=None,
        count_only=True,
    )


def _validate(req: CheckInRequest) -> tuple[str | None, list[tuple[str, str | None]]]:
    choices.require("age_band", req.age_band)
    choices.require("residence", req.residence)
    if req.heard_from is not None:
        choices.require("heard_from", req.heard_from)
    if req.nickname is not None and req.visitor_id is not None:
        raise KioskError("nickname_and_visitor")
    name = nickname.clean(req.nickname)
    if len(req.children) > MAX_CHILDREN:
        raise KioskError("too_many_children", limit=MAX_CHILDREN)
    kids = [
        (choices.require("child_age_band", c.age_band), clean_note(c.care_note))
        for c in req.children
    ]
    return name, kids


def check_in(
    ctx: AppContext, req: CheckInRequest, rng: random.Random | None = None
) -> CheckInResult:
    """Save one check-in with its children, in one transaction."""
    name, kids = _validate(req)
    with write(ctx) as session:
        existing = session.get(Visit, req.request_id)
        if existing is not None:
            return CheckInResult(_visit_info(session, existing), repeated=True)
        # Locked: the number, the pickup codes and "already checked in" below
        # are read and written by one device at a time (events.lock_event).
        event = require_open(session, req.event_id)
        existing = session.get(Visit, req.request_id)  # the same request, from elsewhere
        if existing is not None:
            return CheckInResult(_visit_info(session, existing), repeated=True)
        visitor = _visitor_for(session, ctx, req, name)
        visitor_id_given = req.visitor_id is not None
        now = ctx.clock()
        number = (
            session.scalar(select(func.max(Visit.number)).where(Visit.event_id == event.id)) or 0
        ) + 1
        visit = Visit(
            id=req.request_id,
            event_id=event.id,
            number=number,
            checked_in_at=now,
            visitor_id=visitor.id if visitor else None,
            age_band=req.age_band,
            residence=req.residence,
            # A regular picked from the search has been before, whatever the form said.
            first_visit=None
            if req.count_only
            else (False if visitor_id_given else req.first_visit),
            heard_from=req.heard_from,
            wants_consultation=req.wants_consultation,
            count_only=req.count_only,
            device_id=ctx.device_id,
        )
        session.add(visit)
        session.flush()
        for age_band, note in kids:
            session.add(
                ChildCare(
                    visit_id=visit.id,
                    event_id=event.id,
                    age_band=age_band,
                    pickup_code=new_pickup_code(session, event.id, rng),
                    care_note=note,
                    checked_in_at=now,
                    device_id=ctx.device_id,
                )
            )
            session.flush()
        if visitor is not None:
            visitor.last_visit_on = event.date
        audit(
            session,
            ctx,
            "checked_in",
            "visit",
            visit.id,
            children=len(kids),
            count_only=req.count_only,
            regular=visitor is not None,
        )
        return CheckInResult(_visit_info(session, visit), repeated=False)


def _visitor_for(
    session: Session, ctx: AppContext, req: CheckInRequest, name: str | None
) -> Visitor | None:
    if req.visitor_id is not None:
        visitor = session.get(Visitor, req.visitor_id)
        if visitor is None or visitor.nickname is None:
            raise KioskError("visitor_not_found")
        again = session.scalar(
            select(Visit.number).where(
                Visit.event_id == req.event_id,
                Visit.visitor_id == visitor.id,
                Visit.status == "active",
            )
        )
        if again is not None:
            raise KioskError("visitor_already_checked_in", number=again)
        return visitor
    if name is None:
        return None
    key = nickname.search_key(name)
    # Unique across every venue: write() holds the database's write lock, so no
    # other device registers this nickname between this look and the insert.
    if session.scalar(select(Visitor.id).where(Visitor.search_key == key)):
        raise KioskError("nickname_taken", nickname=name)
    visitor = Visitor(nickname=name, search_key=key, device_id=ctx.device_id)
    session.add(visitor)
    session.flush()
    return visitor


def _visit_info(session: Session, visit: Visit) -> VisitInfo:
    name = None
    if visit.visitor_id:
        name = session.scalar(select(Visitor.nickname).where(Visitor.id == visit.visitor_id))
    return _info(visit, name, children_of_visits(session, [visit.id]))


def _info(visit: Visit, nickname: str | None, children: Iterable[ChildInfo]) -> VisitInfo:
    """The one place a check-in row becomes what the screens see."""
    return VisitInfo(
        id=visit.id,
        number=visit.number,
        checked_in_at=visit.checked_in_at,
        age_band=visit.age_band,
        residence=visit.residence,
        first_visit=visit.first_visit,
        heard_from=visit.heard_from,
        wants_consultation=visit.wants_consultation,
        count_only=visit.count_only,
        nickname=nickname,
        status=visit.status,
        cancel_reason=visit.cancel_reason,
        children=tuple(children),
    )


def visits_of_event(ctx: AppContext, event_id: str, limit: int | None = None) -> list[VisitInfo]:
    """Today's list, newest first, cancelled ones included (shown struck out)."""
    with read(ctx) as session:
        query = (
            select(Visit, Visitor.nickname)
            .outerjoin(Visitor, Visitor.id == Visit.visitor_id)
            .where(Visit.event_id == event_id)
            .order_by(Visit.number.desc())
        )
        if limit:
            query = query.limit(limit)
        rows = session.execute(query).all()
        kids: dict[str, list[ChildInfo]] = {}
        for child in children_of_visits(session, [v.id for v, _ in rows]):
            kids.setdefault(child.visit_id, []).append(child)
        return [_info(v, name, kids.get(v.id, ())) for v, name in rows]


def cancel_visit(ctx: AppContext, visit_id: str, reason: str) -> VisitInfo:
    """Cancel a check-in (never delete it); its children are cancelled with it."""
    choices.require("cancel_reason", reason)
    with write(ctx) as session:
        visit = find(session, Visit, visit_id, "visit")
        _refuse_if_cancelled(visit)
        require_open(session, visit.event_id)
        session.refresh(visit)  # as it is now, under the event's lock
        _refuse_if_cancelled(visit)  # another device may just have cancelled it
        _cancel(session, ctx, visit, reason)
        return _visit_info(session, visit)


def _refuse_if_cancelled(visit: Visit) -> None:
    refuse_cancelled(visit, "visit_already_cancelled", number=visit.number)


def undo_last(ctx: AppContext, event_id: str) -> VisitInfo:
    """Cancel the newest active check-in of the event (reason: undo)."""
    with write(ctx) as session:
        require_open(session, event_id)
        visit = session.scalar(
            select(Visit)
            .where(Visit.event_id == event_id, Visit.status == "active")
            .order_by(Visit.number.desc())
            .limit(1)
        )
        if visit is None:
            raise KioskError("nothing_to_undo")
        _cancel(session, ctx, visit, "undo")
        return _visit_info(session, visit)


def _cancel(session: Session, ctx: AppContext, visit: Visit, reason: str) -> None:
    """The check-in, its children and its sign-ups, with one audit line for the check-in."""
    visit.cancelled_at = ctx.clock()
    visit.cancel_reason = reason
    children = session.scalars(
        select(ChildCare).where(ChildCare.visit_id == visit.id, ChildCare.status != "cancelled")
    ).all()
    for child in children:
        child.status = "cancelled"
    signups = cancel_signups_of_visit(session, ctx, visit.id)
    mark_cancelled(
        session, ctx, visit, "visit", reason=reason, children=len(children), signups=signups
    )


def find_visitors(ctx: AppContext, typed: str, limit: int = 8) -> list[VisitorMatch]:
    """Regulars whose nickname contains what was typed (kana or romaji)."""
    variants = nickname.search_variants(typed)
    if not variants:
        return []
    with read(ctx) as session:
        like = [Visitor.search_key.like(f"%{_escape_like(v)}%", escape="\\") for v in variants]
        visitors = session.scalars(
            select(Visitor)
            .where(Visitor.nickname.is_not(None), or_(*like))
            .order_by(Visitor.last_visit_on.desc().nulls_last(), Visitor.nickname)
            .limit(limit)
        ).all()
        matches = []
        for visitor in visitors:
            last = session.scalar(
                select(Visit)
                .where(Visit.visitor_id == visitor.id, Visit.status == "active")
                .order_by(Visit.checked_in_at.desc())
                .limit(1)
            )
            matches.append(
                VisitorMatch(
                    visitor_id=visitor.id,
                    nickname=visitor.nickname or "",
                    last_visit_on=visitor.last_visit_on,
                    age_band=last.age_band if last else UNANSWERED,
                    residence=last.residence if last else UNANSWERED,
                    heard_from=last.heard_from if last else None,
                )
            )
        return matches


def find_among_visits(visits: Iterable[VisitInfo], typed: str) -> list[VisitInfo]:
    """The day's check-ins a volunteer means by what she typed: her check-in number
    (its first digits: "1" finds No. 1 and No. 12), or part of her nickname found
    the way the door finds regulars (kana or romaji, nickname.matches)."""
    text = unicodedata.normalize("NFKC", typed).strip().removeprefix("No.").strip()
    if text.isdigit():
        return [v for v in visits if str(v.number).startswith(text)]
    return [v for v in visits if not text or (v.nickname and nickname.matches(text, v.nickname))]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
