"""The workshop catalogue (ワークショップ): what can be offered beside the café.

A workshop is retired, never deleted, so past sign-ups keep their name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Workshop
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES
from kiosk.core.safe_text import clean_name, clean_optional
from kiosk.core.transaction import audit, read, write

STARTER_FILE = RESOURCES / "workshops.json"
MAX_NAME = 60
MAX_DESCRIPTION = 200
MAX_FACILITATOR = 40
MIN_MINUTES, MAX_MINUTES = 10, 480
MAX_CAPACITY = 500
DEFAULT_MINUTES = 60


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    name: str
    description: str | None
    default_capacity: int | None  # None: unlimited
    default_minutes: int
    facilitator: str | None
    active: bool


@dataclass(frozen=True)
class WorkshopDraft:
    """What the coordinator types for a workshop; checked before saving."""

    name: str
    description: str | None = None
    default_capacity: int | None = None
    default_minutes: int = DEFAULT_MINUTES
    facilitator: str | None = None


def check_capacity(capacity: int | None) -> int | None:
    if capacity is None:
        return None
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity <= 0:
        raise KioskError("capacity_invalid")
    if capacity > MAX_CAPACITY:
        raise KioskError("capacity_too_large", limit=MAX_CAPACITY)
    return capacity


def check_minutes(minutes: int) -> int:
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise KioskError("minutes_invalid", low=MIN_MINUTES, high=MAX_MINUTES)
    return minutes


def _clean(draft: WorkshopDraft) -> WorkshopDraft:
    return WorkshopDraft(
        name=clean_name(draft.name, "workshop", MAX_NAME),
        description=clean_optional(draft.description, "description", MAX_DESCRIPTION),
        default_capacity=check_capacity(draft.default_capacity),
        default_minutes=check_minutes(draft.default_minutes),
        facilitator=clean_optional(draft.facilitator, "facilitator", MAX_FACILITATOR),
    )


def info(w: Workshop) -> WorkshopInfo:
    return WorkshopInfo(
        id=w.id,
        name=w.name,
        description=w.description,
        default_capacity=w.default_capacity,
        default_minutes=w.default_minutes or DEFAULT_MINUTES,
        facilitator=w.facilitator,
        active=w.active,
    )


def list_workshops(ctx: AppContext, include_retired: bool = False) -> list[WorkshopInfo]:
    with read(ctx) as session:
        query = select(Workshop).order_by(Workshop.active.desc(), Workshop.name)
        if not include_retired:
            query = query.where(Workshop.active.is_(True))
        return [info(w) for w in session.scalars(query)]


def _name_taken(session: Session, name: str, other_than: str | None = None) -> bool:
    query = select(Workshop.id).where(Workshop.name == name, Workshop.active.is_(True))
    if other_than:
        query = query.where(Workshop.id != other_than)
    return session.scalar(query) is not None


def add_workshop(ctx: AppContext, draft: WorkshopDraft) -> WorkshopInfo:
    clean = _clean(draft)
    with write(ctx) as session:
        return _add(session, ctx, clean)


def _add(session: Session, ctx: AppContext, clean: WorkshopDraft) -> WorkshopInfo:
    if _name_taken(session, clean.name):
        raise KioskError("workshop_name_taken", name=clean.name)
    workshop = Workshop(
        name=clean.name,
        description=clean.description,
        default_capacity=clean.default_capacity,
        default_minutes=clean.default_minutes,
        facilitator=clean.facilitator,
        active=True,
        device_id=ctx.device_id,
    )
    session.add(workshop)
    session.flush()
    audit(session, ctx, "workshop_added", "workshop", workshop.id)
    return info(workshop)


def update_workshop(ctx: AppContext, workshop_id: str, draft: WorkshopDraft) -> WorkshopInfo:
    clean = _clean(draft)
    with write(ctx) as session:
        workshop = session.get(Workshop, workshop_id)
        if workshop is None:
            raise KioskError("workshop_not_found")
        if _name_taken(session, clean.name, other_than=workshop_id):
            raise KioskError("workshop_name_taken", name=clean.name)
        workshop.name = clean.name
        workshop.description = clean.description
        workshop.default_capacity = clean.default_capacity
        workshop.default_minutes = clean.default_minutes
        workshop.facilitator = clean.facilitator
        audit(session, ctx, "workshop_changed", "workshop", workshop.id)
        return info(workshop)


def set_active(ctx: AppContext, workshop_id: str, active: bool) -> WorkshopInfo:
    """Retire (or bring back) a workshop; slots already held keep it."""
    with write(ctx) as session:
        workshop = session.get(Workshop, workshop_id)
        if workshop is None:
            raise KioskError("workshop_not_found")
        if active and _name_taken(session, workshop.name, other_than=workshop_id):
            raise KioskError("workshop_name_taken", name=workshop.name)
        workshop.active = active
        audit(
            session,
            ctx,
            "workshop_restored" if active else "workshop_retired",
            "workshop",
            workshop_id,
        )
        return info(workshop)


def starter_workshops() -> list[WorkshopDraft]:
    raw = json.loads(STARTER_FILE.read_text(encoding="utf-8"))
    return [
        WorkshopDraft(
            name=item["name"],
            description=item.get("description"),
            default_capacity=item.get("capacity"),
            default_minutes=item.get("minutes", DEFAULT_MINUTES),
        )
        for item in raw["workshops"]
    ]


def add_starter_workshops(ctx: AppContext) -> list[WorkshopInfo]:
    """Add the starter list in one step, skipping names already there (twice: no doubles)."""
    drafts = [_clean(d) for d in starter_workshops()]
    with write(ctx) as session:
        existing = set(session.scalars(select(Workshop.name)))
        return [_add(session, ctx, d) for d in drafts if d.name not in existing]
