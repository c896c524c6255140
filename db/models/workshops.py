"""Free workshops beside the café: catalogue, slots at an event, sign-ups."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row, UTCDateTime


class Workshop(Row):
    __tablename__ = "workshop"
    __table_args__ = (
        CheckConstraint("default_capacity IS NULL OR default_capacity > 0", name="capacity"),
    )

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(400))
    default_capacity: Mapped[int | None] = mapped_column(Integer)  # None: unlimited
    default_minutes: Mapped[int | None] = mapped_column(Integer)
    facilitator: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkshopSlot(Row):
    """A workshop held at one event, from a start time, with its capacity."""

    __tablename__ = "workshop_slot"
    __table_args__ = (
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),
        CheckConstraint("status IN ('open', 'removed')", name="status"),
        Index("ix_workshop_slot_event", "event_id"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open")


class Signup(Row):
    __tablename__ = "signup"
    __table_args__ = (
        CheckConstraint(
            "status IN ('booked', 'waitlisted', 'cancelled', 'attended')", name="status"
        ),
        Index("ix_signup_slot", "slot_id"),
        Index("ix_signup_visit", "visit_id"),
        Index("ix_signup_event", "event_id"),
    )

    slot_id: Mapped[str] = mapped_column(ForeignKey("workshop_slot.id"))
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    status: Mapped[str] = mapped_column(String(16))
    # Waitlist order: the first queued moves up first.
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
