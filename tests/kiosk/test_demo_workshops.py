"""The demo database holds a realistic month of workshops."""

from __future__ import annotations

from datetime import date, timedelta, timezone

from sqlalchemy import select

from db.models import Event, Signup, WorkshopSlot
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.workshops.counts import workshop_counts
from kiosk.workshops.slots import slots_of_event

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)


def test_demo_has_workshops_with_sign_ups(tmp_path):
    folder = DataFolder(tmp_path / "demo")
    build_demo(folder, seed=7, today=TODAY, tz=JST)
    ctx = open_database(folder=folder)
    with ctx.sessions() as session:
        cafe_days = session.scalars(select(Event.id).where(Event.kind == "cafe")).all()
        statuses = session.scalars(select(Signup.status)).all()
        today_event = session.scalar(select(Event.id).where(Event.status == "open"))
        slot_events = set(session.scalars(select(WorkshopSlot.event_id)))
    assert slot_events == set(cafe_days)  # every café day held workshops
    assert {"attended", "booked"} <= set(statuses)
    counts = workshop_counts(ctx, list(cafe_days))
    assert counts.registered > 20 and counts.attended > 0 and counts.no_shows > 0
    today = slots_of_event(ctx, today_event)
    assert len(today) == 2 and sum(s.registered for s in today) > 0
    # capacity is respected: a full slot's extras are on the waitlist
    for event_id in cafe_days:
        for s in slots_of_event(ctx, event_id):
            assert s.capacity is None or s.registered <= s.capacity
