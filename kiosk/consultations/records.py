"""Consultations (相談記録): that a consultation happened — never what was said.

A record holds how (channel), about what in broad terms (category), who
listened (staff role) and, if known, how long. There is no field for the
content, by design: some women who come to the café are escaping violence,
and anything written down about them could put them in danger if it were
seen. Referrals to a support agency (支援機関につなぐ) and case meetings
(個別ケース会議) are counted the same way.

Each record belongs to a venue and a date; the café event and the check-in
are optional links, so a phone consultation on a weekday without an event
counts too. Rules, each a coded error that changes nothing:

- the venue exists; the day is a real date, not in the future;
- minutes, when given, are 1..480;
- a linked event is at that venue on that day; a linked check-in belongs to
  that event (the event is taken from the check-in when not given) and is
  not cancelled;
- categories, staff roles and agencies are visible entries of their lists
  (kiosk/consultations/lists.py).

Idempotent: the screen makes a request id when its form is shown; it becomes
the row's id, so a double click or a retry after an error does not count
twice. Mistakes are cancelled, never deleted, with an audit line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.base import new_id
from db.models import CaseMeeting, Consultation, Event, Referral, Venue, Visit
from kiosk.consultations.lists import require_in
from kiosk.core.cancelling import find, mark_cancelled
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.core.typed_day import parse_day

MIN_MINUTES, MAX_MINUTES = 1, 480


@dataclass(frozen=True)
class ConsultationDraft:
    """What the form sends. `day` is a date, or its text as typed (2026-11-22)."""

    venue_id: str
    day: date | str
    channel: str
    category: str
    staff_role: str
    minutes: int | None = None
    event_id: str | None = None
    visit_id: str | None = None
    # Idempotency key made by the screen; becomes the consultation's id.
    request_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class ConsultationInfo:
    id: str
    venue_id: str
    day: date
    event_id: str | None
    visit_id: str | None
    visit_number: int | None  # the check-in's No., never a name
    channel: str
    category: str
    staff_role: str
    minutes: int | None
    status: str
    recorded_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class ReferralInfo:
    id: str
    venue_id: str
    day: date
    agency: str
    consultation_id: str | None
    status: str
    recorded_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class CaseMeetingInfo:
    id: str
    venue_id: str
    day: date
    status: str
    recorded_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class DayRecords:
    """A venue-day's records, oldest first, cancelled ones included."""

    consultations: tuple[ConsultationInfo, ...] = ()
    referrals: tuple[ReferralInfo, ...] = ()
    case_meetings: tuple[CaseMeetingInfo, ...] = ()


@dataclass(frozen=True)
class DayEvent:
    """An event of the venue-day, for the form's event choice."""

    id: str
    kind: str
    title: str | None
    starts_at: time | None
    status: str


# -- checks --------------------------------------------------------------------


def check_day(ctx: AppContext, value: date | str) -> date:
    day = parse_day(value)
    if day > ctx.today():
        raise KioskError("date_in_future", day=day.isoformat())
    return day


def check_minutes(minutes: int | None) -> int | None:
    if minutes is None:
        return None
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not MIN_MINUTES <= minutes <= MAX_MINUTES
    ):
        raise KioskError("consultation_minutes_invalid", low=MIN_MINUTES, high=MAX_MINUTES)
    return minutes


def _require_venue(session: Session, venue_id: str) -> Venue:
    """Any venue that exists: a retired one may still get a late entry for a past day."""
    venue = session.get(Venue, venue_id) if venue_id else None
    if venue is None:
        raise KioskError("venue_not_found")
    return venue


def _check_links(
    session: Session, venue_id: str, day: date, event_id: str | None, visit_id: str | None
) -> tuple[str | None, Visit | None]:
    visit = None
    if visit_id is not None:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise KioskError("visit_not_found")
        if event_id is None:
            event_id = visit.event_id
        elif visit.event_id != event_id:
            raise KioskError("consultation_visit_mismatch")
        if visit.status != "active":
            raise KioskError("consultation_visit_cancelled", number=visit.number)
    if event_id is not None:
        event = session.get(Event, event_id)
        if event is None or event.status == "cancelled":
            raise KioskError("event_not_found")
        if event.venue_id != venue_id or event.date != day:
            raise KioskError("consultation_event_mismatch")
    return event_id, visit


# -- recording -------------------------------------------------------------------


def record_consultation(ctx: AppContext, draft: ConsultationDraft) -> ConsultationInfo:
    """Save that a consultation happened, in one transaction.

    The audit line says how it was held, never what about (nor the agency of a
    referral): the log is read more widely than the records themselves.
    """
    day = check_day(ctx, draft.day)
    minutes = check_minutes(draft.minutes)
    with write(ctx) as session:
        existing = session.get(Consultation, draft.request_id)
        if existing is not None:
            return _consultation_info(session, existing)
        _require_venue(session, draft.venue_id)
        require_in(session, "channel", draft.channel)
        require_in(session, "category", draft.category)
        require_in(session, "staff_role", draft.staff_role)
        event_id, visit = _check_links(session, draft.venue_id, day, draft.event_id, draft.visit_id)
        row = Consultation(
            id=draft.request_id,
            venue_id=draft.venue_id,
            date=day,
            event_id=event_id,
            visit_id=visit.id if visit else None,
            channel=draft.channel,
            category=draft.category,
            staff_role=draft.staff_role,
            minutes=minutes,
            status="active",
            created_at=ctx.clock(),
            updated_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        session.add(row)
        session.flush()
        audit(
            session,
            ctx,
            "consultation_recorded",
            "consultation",
            row.id,
            channel=draft.channel,
            at_event=event_id is not None,
            with_visit=visit is not None,
        )
        return _consultation_info(session, row)


def record_referral(
    ctx: AppContext,
    venue_id: str,
    day: date | str,
    agency: str,
    consultation_id: str | None = None,
    *,
    request_id: str | None = None,
) -> ReferralInfo:
    """Save a referral to a support agency; optionally from a consultation of that day."""
    checked_day = check_day(ctx, day)
    with write(ctx) as session:
        if request_id is not None:
            existing = session.get(Referral, request_id)
            if existing is not None:
                return _referral_info(existing)
        _require_venue(session, venue_id)
        require_in(session, "agency", agency)
        if consultation_id is not None:
            consultation = session.get(Consultation, consultation_id)
            if consultation is None:
                raise KioskError("consultation_not_found")
            if consultation.venue_id != venue_id or consultation.date != checked_day:
                raise KioskError("referral_consultation_mismatch")
            if consultation.status != "active":
                raise KioskError("consultation_cancelled")
        row = Referral(
            id=request_id or new_id(),
            venue_id=venue_id,
            date=checked_day,
            consultation_id=consultation_id,
            agency=agency,
            status="active",
            created_at=ctx.clock(),
            updated_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        session.add(row)
        session.flush()
        audit(
            session,
            ctx,
            "referral_recorded",
            "referral",
            row.id,
            from_consultation=consultation_id is not None,
        )
        return _referral_info(row)


def record_case_meeting(
    ctx: AppContext, venue_id: str, day: date | str, *, request_id: str | None = None
) -> CaseMeetingInfo:
    """Count a case meeting (個別ケース会議): a venue and a date, nothing more."""
    checked_day = check_day(ctx, day)
    with write(ctx) as session:
        if request_id is not None:
            existing = session.get(CaseMeeting, request_id)
            if existing is not None:
                return _case_meeting_info(existing)
        _require_venue(session, venue_id)
        row = CaseMeeting(
            id=request_id or new_id(),
            venue_id=venue_id,
            date=checked_day,
            status="active",
            created_at=ctx.clock(),
            updated_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        session.add(row)
        session.flush()
        audit(session, ctx, "case_meeting_recorded", "case_meeting", row.id)
        return _case_meeting_info(row)


# -- cancelling ------------------------------------------------------------------


def cancel_consultation(ctx: AppContext, consultation_id: str) -> ConsultationInfo:
    """Mark it cancelled (kept, never deleted). Cancelling twice changes nothing.

    A referral made from it stays: it may well have happened anyway, and it
    is cancelled on its own if not.
    """
    with write(ctx) as session:
        row = find(session, Consultation, consultation_id, "consultation")
        mark_cancelled(session, ctx, row, "consultation")
        return _consultation_info(session, row)


def cancel_referral(ctx: AppContext, referral_id: str) -> ReferralInfo:
    """The same rule: kept, and cancelling twice changes nothing."""
    with write(ctx) as session:
        row = find(session, Referral, referral_id, "referral")
        mark_cancelled(session, ctx, row, "referral")
        return _referral_info(row)


def cancel_case_meeting(ctx: AppContext, case_meeting_id: str) -> CaseMeetingInfo:
    """The same rule: kept, and cancelling twice changes nothing."""
    with write(ctx) as session:
        row = find(session, CaseMeeting, case_meeting_id, "case_meeting")
        mark_cancelled(session, ctx, row, "case_meeting")
        return _case_meeting_info(row)


# -- reading -------------------------------------------------------------------


def _consultation_query() -> Select[Consultation, int]:
    return select(Consultation, Visit.number).outerjoin(Visit, Visit.id == Consultation.visit_id)


def _consultation_info(
    session: Session, row: Consultation, number: int | None = None
) -> ConsultationInfo:
    if row.visit_id is not None and number is None:
        number = session.scalar(select(Visit.number).where(Visit.id == row.visit_id))
    return ConsultationInfo(
        id=row.id,
        venue_id=row.venue_id,
        day=row.date,
        event_id=row.event_id,
        visit_id=row.visit_id,
        visit_number=number,
        channel=row.channel,
        category=row.category,
        staff_role=row.staff_role,
        minutes=row.minutes,
        status=row.status,
        recorded_at=row.created_at,
    )


def _referral_info(row: Referral) -> ReferralInfo:
    return ReferralInfo(
        id=row.id,
        venue_id=row.venue_id,
        day=row.date,
        agency=row.agency,
        consultation_id=row.consultation_id,
        status=row.status,
        recorded_at=row.created_at,
    )


def _case_meeting_info(row: CaseMeeting) -> CaseMeetingInfo:
    return CaseMeetingInfo(
        id=row.id,
        venue_id=row.venue_id,
        day=row.date,
        status=row.status,
        recorded_at=row.created_at,
    )


def records_of_day(ctx: AppContext, venue_id: str, day: date) -> DayRecords:
    """The venue-day's consultations, referrals and case meetings (indexed reads)."""
    with read(ctx) as session:
        consultations = session.execute(
            _consultation_query()
            .where(Consultation.venue_id == venue_id, Consultation.date == day)
            .order_by(Consultation.created_at, Consultation.id)
        ).all()
        referrals = session.scalars(
            select(Referral)
            .where(Referral.venue_id == venue_id, Referral.date == day)
            .order_by(Referral.created_at, Referral.id)
        ).all()
        meetings = session.scalars(
            select(CaseMeeting)
            .where(CaseMeeting.venue_id == venue_id, CaseMeeting.date == day)
            .order_by(CaseMeeting.created_at, CaseMeeting.id)
        ).all()
        return DayRecords(
            consultations=tuple(_consultation_info(session, c, n) for c, n in consultations),
            referrals=tuple(_referral_info(r) for r in referrals),
            case_meetings=tuple(_case_meeting_info(m) for m in meetings),
        )


def events_of_day(ctx: AppContext, venue_id: str, day: date) -> list[DayEvent]:
    """The venue's events that day (not cancelled), an open one first."""
    with read(ctx) as session:
        rows = session.scalars(
            select(Event)
            .where(Event.venue_id == venue_id, Event.date == day, Event.status != "cancelled")
            .order_by(Event.opened_at)
        ).all()
        found = [DayEvent(e.id, e.kind, e.title, e.starts_at, e.status) for e in rows]
    return sorted(found, key=lambda e: e.status != "open")
