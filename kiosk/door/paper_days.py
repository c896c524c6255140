"""Paper lists entered afterwards (紙の受付簿から後日入力).

Some days the laptop is not at the venue, and visitors sign a paper list
instead. Afterwards the coordinator types in that day's counts: visits by age
band and by residence, first visits, children in childcare and workshop
participants. The entry is plainly marked as entered afterwards (it lives in
its own table, never among the check-ins), can be corrected or cancelled, and
every change is in the audit log.

The counts join every total, so a venue-day is either counted at the door or
on paper, never both: an entry is refused for a day that has active
check-ins, and for today or a later day (the door is for today). There is at
most one active entry per venue-day.

The same visitors are counted two ways, so both ways must give the same
total: the visits of the day are the sum by age band, and the sum by
residence must equal it. Other contradictions are refused too: more first
visits than visits, children with no visits, workshop participants beyond
ten per visit. Each refusal is a coded error and changes nothing.

Idempotent like a consultation: the dialog makes a request id when it opens,
which becomes the entry's id, so a double click saves once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import new_id
from db.models import Event, PaperDay, Venue, Visit
from kiosk.core import choices
from kiosk.core.cancelling import find, mark_cancelled, refuse_cancelled
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.core.typed_day import parse_day

MAX_COUNT = 10_000  # per venue-day: beyond it, a typo
WORKSHOPS_PER_VISIT = 10  # a visitor may join many workshops, but not more than this


@dataclass(frozen=True)
class PaperDayDraft:
    """What the dialog sends. Codes missing from a breakdown count 0."""

    venue_id: str
    day: date | str
    visits_by_age: Mapping[str, int]  # age_band code → n; their sum is the day's visits
    visits_by_residence: Mapping[str, int]  # residence code → n; must sum to the same
    first_visits: int = 0
    children: int = 0
    children_by_age: Mapping[str, int] | None = None  # child_age_band code → n, if known
    workshop_participants: int = 0
    # Idempotency key made by the dialog; becomes the entry's id.
    request_id: str = field(default_factory=new_id)

    @property
    def visits(self) -> int:
        return sum(self.visits_by_age.values())


@dataclass(frozen=True)
class PaperDayInfo:
    id: str
    venue_id: str
    day: date
    visits: int
    visits_by_age: dict[str, int]  # every age_band code, in list order, zeros included
    visits_by_residence: dict[str, int]  # every residence code, likewise
    first_visits: int
    children: int
    children_by_age: dict[str, int] | None  # every child_age_band code, or None: not known
    workshop_participants: int
    status: str
    entered_at: datetime  # when it was typed in (the day itself is `day`)
    changed_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class PaperCounts:
    """The paper entries of some venues over some dates, added up (active ones only)."""

    days: int  # how many venue-days were entered from paper
    venue_days: tuple[tuple[str, date], ...]  # (venue_id, day) of each, in date order
    visits: int
    by_age: dict[str, int]  # every age_band code, in list order, zeros included
    by_residence: dict[str, int]  # every residence code, likewise
    first_visits: int
    children: int
    children_by_age: dict[str, int]  # every child_age_band code: the children whose age is known
    children_age_unknown: int  # children of entries that gave no ages
    workshop_participants: int


# -- checks --------------------------------------------------------------------


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise KioskError("paper_count_invalid", value=str(value)[:20])
    if value > MAX_COUNT:
        raise KioskError("paper_count_too_large", limit=MAX_COUNT)
    return value


def _breakdown(group: str, given: Mapping[str, int]) -> dict[str, int]:
    """Every code of the list in order, with the given counts; an unknown code is refused."""
    for code in given:
        choices.require(group, code)
    counts = {code: _count(given.get(code, 0)) for code in choices.codes(group)}
    if sum(counts.values()) > MAX_COUNT:
        raise KioskError("paper_count_too_large", limit=MAX_COUNT)
    return counts


@dataclass(frozen=True)
class _Checked:
    venue_id: str
    day: date
    by_age: dict[str, int]
    by_residence: dict[str, int]
    first_visits: int
    children: int
    children_by_age: dict[str, int] | None
    workshop_participants: int

    @property
    def visits(self) -> int:
        return sum(self.by_age.values())


def check_draft(ctx: AppContext, draft: PaperDayDraft) -> _Checked:
    """Every rule that needs no database; raises the first one broken."""
    day = parse_day(draft.day)
    if day >= ctx.today():
        raise KioskError("paper_day_not_past", day=day.isoformat())
    by_age = _breakdown("age_band", draft.visits_by_age)
    by_residence = _breakdown("residence", draft.visits_by_residence)
    first = _count(draft.first_visits)
    children = _count(draft.children)
    participants = _count(draft.workshop_participants)
    kids = (
        None
        if draft.children_by_age is None
        else _breakdown("child_age_band", draft.children_by_age)
    )
    visits = sum(by_age.values())
    if sum(by_residence.values()) != visits:
        raise KioskError(
            "paper_residence_mismatch", by_age=visits, by_residence=sum(by_residence.values())
        )
    if first > visits:
        raise KioskError("paper_first_visits_exceed", first=first, visits=visits)
    if children and not visits:
        raise KioskError("paper_children_without_visits", children=children)
    if kids is not None and sum(kids.values()) != children:
        raise KioskError(
            "paper_children_by_age_mismatch", children=children, by_age=sum(kids.values())
        )
    if participants > WORKSHOPS_PER_VISIT * visits:
        raise KioskError(
            "paper_workshops_too_many",
            participants=participants,
            visits=visits,
            limit=WORKSHOPS_PER_VISIT * visits,
        )
    return _Checked(draft.venue_id, day, by_age, by_residence, first, children, kids, participants)


def _checkins(session: Session, venue_id: str, day: date) -> int:
    """Active check-ins of the venue-day (through the (venue_id, date) index of events)."""
    found = session.scalar(
        select(func.count())
        .select_from(Visit)
        .join(Event, Visit.event_id == Event.id)
        .where(
            Event.venue_id == venue_id,
            Event.date == day,
            Event.status != "cancelled",
            Visit.status == "active",
        )
    )
    return int(found or 0)


def _check_venue_day(
    session: Session, venue_id: str, day: date, other_than: str | None = None
) -> None:
    """The venue exists; the day has no check-ins and no other active paper entry."""
    if not venue_id or session.get(Venue, venue_id) is None:
        raise KioskError("venue_not_found")
    checked_in = _checkins(session, venue_id, day)
    if checked_in:
        raise KioskError("paper_day_has_checkins", day=day.isoformat(), visits=checked_in)
    query = select(PaperDay.id).where(
        PaperDay.venue_id == venue_id, PaperDay.date == day, PaperDay.status == "active"
    )
    if other_than is not None:
        query = query.where(PaperDay.id != other_than)
    if session.scalar(query) is not None:
        raise KioskError("paper_day_exists", day=day.isoformat())


def _fill(row: PaperDay, checked: _Checked) -> None:
    row.venue_id = checked.venue_id
    row.date = checked.day
    row.visits = checked.visits
    row.visits_by_age = {k: n for k, n in checked.by_age.items() if n}
    row.visits_by_residence = {k: n for k, n in checked.by_residence.items() if n}
    row.first_visits = checked.first_visits
    row.children = checked.children
    row.children_by_age = (
        None
        if checked.children_by_age is None
        else {k: n for k, n in checked.children_by_age.items() if n}
    )
    row.workshop_participants = checked.workshop_participants


def _all_codes(group: str, stored: Mapping[str, int] | None) -> dict[str, int]:
    stored = stored or {}
    out = {code: int(stored.get(code, 0)) for code in choices.codes(group)}
    # A code no list knows (from a newer laptop, merged in) keeps its count.
    out.update({code: int(n) for code, n in sorted(stored.items()) if code not in out})
    return out


def _info(row: PaperDay) -> PaperDayInfo:
    return PaperDayInfo(
        id=row.id,
        venue_id=row.venue_id,
        day=row.date,
        visits=row.visits,
        visits_by_age=_all_codes("age_band", row.visits_by_age),
        visits_by_residence=_all_codes("residence", row.visits_by_residence),
        first_visits=row.first_visits,
        children=row.children,
        children_by_age=(
            None
            if row.children_by_age is None
            else _all_codes("child_age_band", row.children_by_age)
        ),
        workshop_participants=row.workshop_participants,
        status=row.status,
        entered_at=row.created_at,
        changed_at=row.updated_at,
    )


def _audit_counts(checked: _Checked) -> dict[str, int]:
    return {
        "visits": checked.visits,
        "first_visits": checked.first_visits,
        "children": checked.children,
        "workshop_participants": checked.workshop_participants,
    }


# -- actions -------------------------------------------------------------------


def record_paper_day(ctx: AppContext, draft: PaperDayDraft) -> PaperDayInfo:
    """Save a past venue-day's counts from a paper list, in one transaction."""
    checked = check_draft(ctx, draft)
    with write(ctx) as session:
        existing = session.get(PaperDay, draft.request_id)
        if existing is not None:
            return _info(existing)  # the same request again: saved once
        _check_venue_day(session, checked.venue_id, checked.day)
        row = PaperDay(
            id=draft.request_id,
            status="active",
            created_at=ctx.clock(),
            updated_at=ctx.clock(),
            device_id=ctx.device_id,
        )
        _fill(row, checked)
        session.add(row)
        session.flush()
        audit(
            session,
            ctx,
            "paper_day_recorded",
            "paper_day",
            row.id,
            day=checked.day.isoformat(),
            **_audit_counts(checked),
        )
        return _info(row)


def _active(session: Session, paper_day_id: str) -> PaperDay:
    row = find(session, PaperDay, paper_day_id, "paper_day")
    refuse_cancelled(row, "paper_day_cancelled")
    return row


def update_paper_day(ctx: AppContext, paper_day_id: str, draft: PaperDayDraft) -> PaperDayInfo:
    """Correct an entry: the same rules as a new one (it may move to another venue-day)."""
    checked = check_draft(ctx, draft)
    with write(ctx) as session:
        row = _active(session, paper_day_id)
        _check_venue_day(session, checked.venue_id, checked.day, other_than=row.id)
        before = {
            "visits": row.visits,
            "first_visits": row.first_visits,
            "children": row.children,
            "workshop_participants": row.workshop_participants,
        }
        moved = (row.venue_id, row.date) != (checked.venue_id, checked.day)
        _fill(row, checked)
        row.updated_at = ctx.clock()
        audit(
            session,
            ctx,
            "paper_day_changed",
            "paper_day",
            row.id,
            day=checked.day.isoformat(),
            moved=moved,
            before=before,
            **_audit_counts(checked),
        )
        return _info(row)


def cancel_paper_day(ctx: AppContext, paper_day_id: str) -> PaperDayInfo:
    """Cancel an entry (never deleted): its counts leave every total."""
    with write(ctx) as session:
        row = _active(session, paper_day_id)
        mark_cancelled(session, ctx, row, "paper_day", day=row.date.isoformat(), visits=row.visits)
        return _info(row)


# -- reading -------------------------------------------------------------------


def paper_day_of(ctx: AppContext, venue_id: str, day: date) -> PaperDayInfo | None:
    """The active paper entry of a venue-day, or None (counted at the door, or nothing)."""
    with read(ctx) as session:
        row = session.scalar(
            select(PaperDay).where(
                PaperDay.venue_id == venue_id, PaperDay.date == day, PaperDay.status == "active"
            )
        )
        return None if row is None else _info(row)


def has_checkins(ctx: AppContext, venue_id: str, day: date) -> bool:
    """Whether the venue-day has active check-ins (then it cannot take a paper entry)."""
    with read(ctx) as session:
        return _checkins(session, venue_id, day) > 0


def paper_counts(
    ctx: AppContext, venue_ids: Sequence[str] | None, first: date, last: date
) -> PaperCounts:
    """The active paper entries over `first`..`last` (both included) at `venue_ids`
    (None: every venue), added up.

    Totals are summed in SQL; the breakdowns are summed in Python over the
    entries themselves, which are few (one per venue-day at most).
    """
    if first > last:
        raise KioskError("period_invalid", first=first.isoformat(), last=last.isoformat())
    where = [PaperDay.date.between(first, last), PaperDay.status == "active"]
    with read(ctx) as session:
        if venue_ids is not None:
            where.append(PaperDay.venue_id.in_(list(venue_ids)))
        days, visits, firsts, children, participants = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(PaperDay.visits), 0),
                func.coalesce(func.sum(PaperDay.first_visits), 0),
                func.coalesce(func.sum(PaperDay.children), 0),
                func.coalesce(func.sum(PaperDay.workshop_participants), 0),
            ).where(*where)
        ).one()
        rows = session.execute(
            select(
                PaperDay.venue_id,
                PaperDay.date,
                PaperDay.visits_by_age,
                PaperDay.visits_by_residence,
                PaperDay.children,
                PaperDay.children_by_age,
            )
            .where(*where)
            .order_by(PaperDay.date, PaperDay.venue_id)
        ).all()
    by_age = _all_codes("age_band", {})
    by_residence = _all_codes("residence", {})
    kids = _all_codes("child_age_band", {})
    unknown = 0
    for row in rows:
        for total, part in ((by_age, row.visits_by_age), (by_residence, row.visits_by_residence)):
            for code, n in (part or {}).items():
                total[code] = total.get(code, 0) + int(n)
        if row.children_by_age is None:
            unknown += row.children
        else:
            for code, n in row.children_by_age.items():
                kids[code] = kids.get(code, 0) + int(n)
    return PaperCounts(
        days=int(days),
        venue_days=tuple((r.venue_id, r.date) for r in rows),
        visits=int(visits),
        by_age=by_age,
        by_residence=by_residence,
        first_visits=int(firsts),
        children=int(children),
        children_by_age=kids,
        children_age_unknown=unknown,
        workshop_participants=int(participants),
    )
