"""Venues (会場): first-run setup, add, rename, retire, the current venue."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event, PaperDay, Venue
from kiosk.core import choices, settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write

MAX_VENUE_NAME = 60


@dataclass(frozen=True)
class VenueInfo:
    id: str
    name: str
    kind: str
    active: bool


def _info(v: Venue) -> VenueInfo:
    return VenueInfo(v.id, v.name, v.kind, v.active)


def list_venues(ctx: AppContext, include_retired: bool = False) -> list[VenueInfo]:
    with read(ctx) as session:
        query = select(Venue).order_by(Venue.created_at, Venue.name)
        if not include_retired:
            query = query.where(Venue.active.is_(True))
        return [_info(v) for v in session.scalars(query)]


def needs_setup(ctx: AppContext) -> bool:
    """True until the organisation and at least one active venue exist."""
    return not settings.organisation(ctx) or not list_venues(ctx)


def complete_setup(ctx: AppContext, organisation: str, venue_name: str, kind: str) -> VenueInfo:
    """First run: organisation name and the first venue, in one transaction."""
    org = settings.clean_name(organisation, "organisation", settings.MAX_ORGANISATION)
    name = settings.clean_name(venue_name, "venue", MAX_VENUE_NAME)
    choices.require("venue_kind", kind)
    with write(ctx) as session:
        same_name = session.scalar(select(Venue).where(Venue.name == name, Venue.active.is_(True)))
        if same_name is not None and settings.get_in(session, settings.ORGANISATION):
            # A second click on "finish" must not make a second venue of the same name.
            raise KioskError("venue_name_taken", name=name)
        settings.put_in(session, ctx, settings.ORGANISATION, org)
        if same_name is not None:
            # Imported from the coordinator's file before the first day: the
            # same venue (same id), so the coordinator's reports see one venue.
            venue = same_name
        else:
            venue = Venue(name=name, kind=kind, device_id=ctx.device_id)
            session.add(venue)
            session.flush()
        settings.put_in(session, ctx, settings.CURRENT_VENUE, venue.id)
        audit(session, ctx, "setup_completed", "venue", venue.id, kind=kind)
        return _info(venue)


def add_venue(ctx: AppContext, name: str, kind: str = "in_person") -> VenueInfo:
    clean = settings.clean_name(name, "venue", MAX_VENUE_NAME)
    choices.require("venue_kind", kind)
    with write(ctx) as session:
        taken = session.scalar(select(Venue.id).where(Venue.name == clean, Venue.active.is_(True)))
        if taken:
            raise KioskError("venue_name_taken", name=clean)
        venue = Venue(name=clean, kind=kind, device_id=ctx.device_id)
        session.add(venue)
        session.flush()
        audit(session, ctx, "venue_added", "venue", venue.id, kind=kind)
        return _info(venue)


def rename_venue(ctx: AppContext, venue_id: str, name: str) -> VenueInfo:
    clean = settings.clean_name(name, "venue", MAX_VENUE_NAME)
    with write(ctx) as session:
        venue = session.get(Venue, venue_id)
        if venue is None:
            raise KioskError("venue_not_found")
        taken = session.scalar(
            select(Venue.id).where(
                Venue.name == clean, Venue.active.is_(True), Venue.id != venue_id
            )
        )
        if taken:
            raise KioskError("venue_name_taken", name=clean)
        venue.name = clean
        audit(session, ctx, "venue_renamed", "venue", venue.id)
        return _info(venue)


def retire_venue(ctx: AppContext, venue_id: str) -> VenueInfo:
    """Hide a venue from the door; its history stays in every report."""
    with write(ctx) as session:
        venue = session.get(Venue, venue_id)
        if venue is None:
            raise KioskError("venue_not_found")
        active = session.scalars(select(Venue.id).where(Venue.active.is_(True))).all()
        if venue.active and len(active) <= 1:
            raise KioskError("last_venue")
        venue.active = False
        if settings.get_in(session, settings.CURRENT_VENUE) == venue_id:
            other = next(v for v in active if v != venue_id)
            settings.put_in(session, ctx, settings.CURRENT_VENUE, other)
        audit(session, ctx, "venue_retired", "venue", venue.id)
        return _info(venue)


def current_venue(ctx: AppContext) -> VenueInfo | None:
    """The venue this laptop works for; the first active one if none was chosen."""
    with read(ctx) as session:
        chosen = settings.get_in(session, settings.CURRENT_VENUE)
        venue = session.get(Venue, chosen) if chosen else None
        if venue is None or not venue.active:
            venue = session.scalar(
                select(Venue).where(Venue.active.is_(True)).order_by(Venue.created_at)
            )
        return _info(venue) if venue else None


def set_current_venue(ctx: AppContext, venue_id: str) -> None:
    with write(ctx) as session:
        venue = session.get(Venue, venue_id)
        if venue is None or not venue.active:
            raise KioskError("venue_not_found")
        settings.put_in(session, ctx, settings.CURRENT_VENUE, venue_id)
        audit(session, ctx, "current_venue_changed", "venue", venue_id)


def _days_held(session: Session, venue_id: str) -> int:
    """Days recorded at a venue: events opened at the door and paper lists, even cancelled."""
    events = session.scalar(select(func.count()).where(Event.venue_id == venue_id)) or 0
    papers = session.scalar(select(func.count()).where(PaperDay.venue_id == venue_id)) or 0
    return int(events) + int(papers)


def kind_can_change(ctx: AppContext, venue_id: str) -> bool:
    """Whether a venue's kind (in person / online) may still change: no day held there yet.

    Once a day is recorded, reports have counted it under the venue's kind;
    a venue that changes how it meets is a new venue.
    """
    with read(ctx) as session:
        return _days_held(session, venue_id) == 0


def change_venue_kind(ctx: AppContext, venue_id: str, kind: str) -> VenueInfo:
    """In person ↔ online, for a venue made with the wrong kind before its first day."""
    choices.require("venue_kind", kind)
    with write(ctx) as session:
        venue = session.get(Venue, venue_id)
        if venue is None:
            raise KioskError("venue_not_found")
        if venue.kind == kind:
            return _info(venue)  # already so: nothing to change, nothing to audit
        if _days_held(session, venue_id):
            raise KioskError("venue_kind_fixed", name=venue.name)
        venue.kind = kind
        audit(session, ctx, "venue_kind_changed", "venue", venue.id, kind=kind)
        return _info(venue)
