"""Workshops for the demo database: the starter catalogue, slots at café days,
sign-ups with a realistic mix of waitlists, attendance and a few no-shows.

Rows are plain dicts for bulk Core inserts, like the rest of kiosk/demo/build.py;
deterministic for a seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from kiosk.demo.rows import DemoDays
from kiosk.workshops.catalogue import starter_workshops
from kiosk.workshops.slots import overlaps

MORNING, AFTERNOON = time(10, 30), time(13, 0)
SIGN_UP_RATE = 0.4  # of active café visits, sign up for at least one workshop
SECOND_RATE = 0.3  # of those, also for the afternoon one
ATTEND_RATE = 0.85  # of booked places at past events


@dataclass
class WorkshopRows:
    workshops: list[dict[str, Any]] = field(default_factory=list)
    slots: list[dict[str, Any]] = field(default_factory=list)
    signups: list[dict[str, Any]] = field(default_factory=list)


def build(days: DemoDays) -> WorkshopRows:
    rng = days.random("workshops")
    row = days.rows("workshops").row
    events, visits, at, built_at = days.events, days.visits, days.at, days.built_at
    out = WorkshopRows()

    for draft in starter_workshops():
        out.workshops.append(
            row(
                built_at - timedelta(days=60),
                name=draft.name,
                description=draft.description,
                default_capacity=draft.default_capacity,
                default_minutes=draft.default_minutes,
                facilitator=None,
                active=True,
            )
        )
    by_event: dict[str, list[dict[str, Any]]] = {}
    for visit in visits:
        if visit["status"] == "active":
            by_event.setdefault(visit["event_id"], []).append(visit)

    for event in events:
        if event["kind"] != "cafe":
            continue
        morning, afternoon = rng.sample(out.workshops, 2)
        held = []
        for workshop, start in ((morning, MORNING), (afternoon, AFTERNOON)):
            opened = at(event["date"], time(9, 30))
            held.append(
                row(
                    opened,
                    event_id=event["id"],
                    workshop_id=workshop["id"],
                    starts_at=start,
                    minutes=workshop["default_minutes"],
                    capacity=workshop["default_capacity"],
                    status="open",
                )
            )
        out.slots.extend(held)
        taken: dict[str, int] = {s["id"]: 0 for s in held}
        past = event["status"] == "closed"
        for visit in by_event.get(event["id"], []):
            if rng.random() >= SIGN_UP_RATE:
                continue
            wanted = [held[0]] if rng.random() < 0.6 else [held[1]]
            if rng.random() < SECOND_RATE:
                wanted = held
            mine: list[dict[str, Any]] = []
            for slot in wanted:
                if any(
                    overlaps(slot["starts_at"], slot["minutes"], o["starts_at"], o["minutes"])
                    for o in mine
                ):
                    continue
                mine.append(slot)
                queued = visit["checked_in_at"] + timedelta(minutes=rng.randint(1, 5))
                full = slot["capacity"] is not None and taken[slot["id"]] >= slot["capacity"]
                if full:
                    status = "waitlisted"
                else:
                    taken[slot["id"]] += 1
                    status = "attended" if past and rng.random() < ATTEND_RATE else "booked"
                out.signups.append(
                    row(
                        queued,
                        slot_id=slot["id"],
                        visit_id=visit["id"],
                        event_id=event["id"],
                        status=status,
                        queued_at=queued,
                    )
                )
    return out
