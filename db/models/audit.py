"""Every change, as a line in the audit log. Never holds personal details."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row, UTCDateTime


class AuditEntry(Row):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at", "at"),)

    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    # Codes and counts only (statuses, reasons), never nicknames or notes.
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
