"""That a consultation happened (never what was said), referrals, case meetings.

They belong to a venue and a date, so phone consultations on a day without a
café event count too; the event and visit links are optional.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row

_STATUS = "status IN ('active', 'cancelled')"


class Consultation(Row):
    __tablename__ = "consultation"
    __table_args__ = (
        CheckConstraint(_STATUS, name="status"),
        CheckConstraint(
            "channel IN ('in_person', 'phone', 'online', 'home_visit')", name="channel"
        ),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes"),
        Index("ix_consultation_venue_date", "venue_id", "date"),
        Index("ix_consultation_event", "event_id"),
    )

    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id"))
    date: Mapped[date] = mapped_column(Date)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("event.id"))
    # Indexed, as every column a foreign key points from: deleting a visit
    # (undoing an import) looks here, and a million-visit file has 150 thousand.
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    staff_role: Mapped[str] = mapped_column(String(32))
    minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active")


class Referral(Row):
    """A visitor put in touch with a support agency (支援機関につなぐ)."""

    __tablename__ = "referral"
    __table_args__ = (
        CheckConstraint(_STATUS, name="status"),
        Index("ix_referral_venue_date", "venue_id", "date"),
    )

    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id"))
    date: Mapped[date] = mapped_column(Date)
    consultation_id: Mapped[str | None] = mapped_column(ForeignKey("consultation.id"), index=True)
    agency: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="active")


class CaseMeeting(Row):
    """個別ケース会議: counted toward the KPI, nothing more is kept."""

    __tablename__ = "case_meeting"
    __table_args__ = (
        CheckConstraint(_STATUS, name="status"),
        Index("ix_case_meeting_venue_date", "venue_id", "date"),
    )

    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id"))
    date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active")
