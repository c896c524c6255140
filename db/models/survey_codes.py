"""One-time codes for answering the questionnaire on one's own phone.

A row is a code that can still answer: spending it deletes the row, so a
used code and one never made look the same, and nothing records when or in
what order codes were spent. The row holds only a slow hash of the code
(kiosk/survey/phone/codes.py), so a copy of the database cannot print the
cards again, and the day it is good for. No device, no time, no link to a
visit or a response. This PC's own: it never travels in an exchange file
(info "local"), and on SQLite it has no hidden rowid, so the rows lie in the
order of their hashes, not of their making.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class SurveyCode(Base):
    __tablename__ = "survey_code"
    __table_args__ = (
        Index("ix_survey_code_valid_on", "valid_on"),
        {"sqlite_with_rowid": False, "info": {"local": True}},
    )

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    valid_on: Mapped[date] = mapped_column(Date)
