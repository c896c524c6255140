"""Counts of a venue-day entered afterwards from a paper sign-in list (紙の受付簿).

When the laptop was not there, the coordinator types in the day's totals
from the paper list. Only counts: no row per visitor, no name. The service
(kiosk/door/paper_days.py) keeps at most one active entry per venue-day, never one
for a day that also has check-ins, and the parts adding up to the totals.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row


class PaperDay(Row):
    __tablename__ = "paper_day"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled')", name="status"),
        CheckConstraint(
            "visits >= 0 AND first_visits >= 0 AND first_visits <= visits"
            " AND children >= 0 AND workshop_participants >= 0",
            name="counts",
        ),
        Index("ix_paper_day_venue_date", "venue_id", "date"),
    )

    venue_id: Mapped[str] = mapped_column(ForeignKey("venue.id"))
    date: Mapped[date] = mapped_column(Date)
    # The total, kept beside its parts so sums over many days stay in SQL.
    visits: Mapped[int] = mapped_column(Integer)
    visits_by_age: Mapped[dict[str, int]] = mapped_column(JSON)  # age_band code → n
    visits_by_residence: Mapped[dict[str, int]] = mapped_column(JSON)  # residence code → n
    first_visits: Mapped[int] = mapped_column(Integer)
    children: Mapped[int] = mapped_column(Integer)
    # child_age_band code → n, when the list says; None when it does not.
    children_by_age: Mapped[dict[str, int] | None] = mapped_column(JSON)
    workshop_participants: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active")
