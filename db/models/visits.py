"""Who came: visits (check-ins), optional nicknamed regulars, children in care.

No column holds a real name. Nicknames and care notes are personal details
that the retention purge erases; the counts stay.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row, UTCDateTime


class Visitor(Row):
    """A regular who chose a nickname so she is recognised next time."""

    __tablename__ = "visitor"

    nickname: Mapped[str | None] = mapped_column(String(40))
    # Normalised form (NFKC, hiragana, lower case) the nickname search matches on.
    search_key: Mapped[str | None] = mapped_column(String(120), index=True)
    last_visit_on: Mapped[date | None] = mapped_column(Date)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Visit(Row):
    """One check-in at an event. Cancelled, never deleted."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled')", name="status"),
        CheckConstraint("source IN ('door', 'paper')", name="source"),
        UniqueConstraint("event_id", "number"),
        Index("ix_visit_event_status", "event_id", "status"),
        Index("ix_visit_visitor", "visitor_id"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    # Check-in number within the event (No. 1, 2, ...), what the screens show.
    number: Mapped[int] = mapped_column(Integer)
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    visitor_id: Mapped[str | None] = mapped_column(ForeignKey("visitor.id"))
    age_band: Mapped[str] = mapped_column(String(16))
    residence: Mapped[str] = mapped_column(String(16))
    # None for a count-only check-in: she did not say.
    first_visit: Mapped[bool | None] = mapped_column(Boolean)
    heard_from: Mapped[str | None] = mapped_column(String(16))
    wants_consultation: Mapped[bool] = mapped_column(Boolean, default=False)
    count_only: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(8), default="door")
    status: Mapped[str] = mapped_column(String(16), default="active")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(String(16))


class ChildCare(Row):
    """A child in childcare (託児) with her parent's visit, handed back by code."""

    __tablename__ = "child_care"
    __table_args__ = (
        CheckConstraint("status IN ('in_care', 'handed_back', 'cancelled')", name="status"),
        UniqueConstraint("event_id", "pickup_code"),
        Index("ix_child_care_event_status", "event_id", "status"),
        Index("ix_child_care_visit", "visit_id"),
    )

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    age_band: Mapped[str] = mapped_column(String(16))
    pickup_code: Mapped[str] = mapped_column(String(8))
    care_note: Mapped[str | None] = mapped_column(String(100))
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    handed_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="in_care")


class SupporterAttendance(Row):
    """People at a seminar for supporters: counted by kind of organisation only.

    Kept apart from Visit so supporters never mix into visitor figures.
    """

    __tablename__ = "supporter_attendance"
    __table_args__ = (
        CheckConstraint("count >= 0", name="count"),
        Index("ix_supporter_attendance_event", "event_id"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    organisation_kind: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer)
