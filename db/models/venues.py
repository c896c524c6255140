"""Where and when the café opens: venues and their events (開催)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row, UTCDateTime


class Venue(Row):
    __tablename__ = "venue"
    __table_args__ = (CheckConstraint("kind IN ('in_person', 'online')", name="kind"),)

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="in_person")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Event(Row):
    """One venue open on one date. Not called Session: SQLAlchemy means that."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("kind IN ('cafe', 'online_dialogue', 'seminar', 'lecture')", name="kind"),
        CheckConstraint("status IN ('open', 'closed', 'cancelled')", name="status"),
        Index("ix_event_venue_date", "venue_id", "date"),
        Index("ix_event_date", "date"),
    )

    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id"))
    date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16), default="cafe")
    title: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
