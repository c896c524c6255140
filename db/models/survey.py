"""Anonymous questionnaire answers.

Deliberately no link to a visit or visitor, and the time is kept only to the
hour (created_at too), so no one can match a response to a check-in. Nor can
the order they came in: on SQLite the table has no hidden rowid (WITHOUT
ROWID, kept in the order of its random ids), and kiosk/survey/responses.py writes the
hour's rows anew in random order with each response.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row, UTCDateTime


class SurveyResponse(Row):
    __tablename__ = "survey_response"
    __table_args__ = (
        CheckConstraint("source IN ('kiosk', 'paper')", name="source"),
        Index("ix_survey_response_event", "event_id"),
        # Every time in a row is floored to the hour (kiosk/exchange/export.py reads this).
        {"sqlite_with_rowid": False, "info": {"times_to_the_hour": True}},
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id"))
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    answered_hour: Mapped[datetime] = mapped_column(UTCDateTime)
    language: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(8), default="kiosk")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
