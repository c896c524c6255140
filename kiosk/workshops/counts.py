"""Workshop figures for reports: per workshop and in total, for any set of events.

One grouped query; cancelled sign-ups never count. A no-show is a booked
place whose attendance was not marked by the time the event closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from db.models import Event, Signup, Workshop, WorkshopSlot
from kiosk.core.context import AppContext
from kiosk.core.transaction import read
from kiosk.workshops.slots import REGISTERED


@dataclass(frozen=True)
class WorkshopCount:
    workshop_id: str
    name: str
    slots: int
    registered: int  # booked or attended
    attended: int
    waitlisted: int
    no_shows: int


@dataclass(frozen=True)
class WorkshopCounts:
    workshops: tuple[WorkshopCount, ...]
    visits_registered: int  # distinct check-ins signed up for at least one workshop
    visits_attended: int  # distinct check-ins that attended at least one

    @property
    def registered(self) -> int:
        return sum(w.registered for w in self.workshops)

    @property
    def attended(self) -> int:
        return sum(w.attended for w in self.workshops)

    @property
    def waitlisted(self) -> int:
        return sum(w.waitlisted for w in self.workshops)

    @property
    def no_shows(self) -> int:
        return sum(w.no_shows for w in self.workshops)


def workshop_counts(ctx: AppContext, event_ids: Sequence[str]) -> WorkshopCounts:
    if not event_ids:
        return WorkshopCounts((), 0, 0)
    with read(ctx) as session:
        signups = (
            select(
                WorkshopSlot.workshop_id.label("workshop_id"),
                func.sum(case((Signup.status.in_(REGISTERED), 1), else_=0)).label("registered"),
                func.sum(case((Signup.status == "attended", 1), else_=0)).label("attended"),
                func.sum(case((Signup.status == "waitlisted", 1), else_=0)).label("waitlisted"),
                func.sum(
                    case((and_(Signup.status == "booked", Event.status == "closed"), 1), else_=0)
                ).label("no_shows"),
            )
            .join(WorkshopSlot, WorkshopSlot.id == Signup.slot_id)
            .join(Event, Event.id == Signup.event_id)
            .where(Signup.event_id.in_(event_ids))
            .group_by(WorkshopSlot.workshop_id)
            .subquery()
        )
        slots = (
            select(WorkshopSlot.workshop_id, func.count().label("slots"))
            .where(WorkshopSlot.event_id.in_(event_ids), WorkshopSlot.status == "open")
            .group_by(WorkshopSlot.workshop_id)
            .subquery()
        )
        rows = session.execute(
            select(
                Workshop.id,
                Workshop.name,
                slots.c.slots,
                signups.c.registered,
                signups.c.attended,
                signups.c.waitlisted,
                signups.c.no_shows,
            )
            .join(slots, slots.c.workshop_id == Workshop.id)
            .outerjoin(signups, signups.c.workshop_id == Workshop.id)
            .order_by(Workshop.name)
        ).all()
        distinct = session.execute(
            select(
                func.count(func.distinct(case((Signup.status.in_(REGISTERED), Signup.visit_id)))),
                func.count(func.distinct(case((Signup.status == "attended", Signup.visit_id)))),
            ).where(Signup.event_id.in_(event_ids))
        ).one()
    return WorkshopCounts(
        tuple(
            WorkshopCount(
                wid, name, int(n or 0), int(r or 0), int(a or 0), int(w or 0), int(x or 0)
            )
            for wid, name, n, r, a, w, x in rows
        ),
        visits_registered=int(distinct[0] or 0),
        visits_attended=int(distinct[1] or 0),
    )
