"""Cancelling a record: marked cancelled, never deleted, with one audit line.

Check-ins, sign-ups, paper days, consultations, referrals and case meetings
are all cancelled this one way: the row is found by id (else the coded error
"<entity>_not_found"); a feature that refuses a second cancellation says so
with its own code (refuse_cancelled), one that does not gets "cancelling
twice changes nothing" from mark_cancelled; the audit line is
"<entity>_cancelled" with the feature's codes and counts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit

ACTIVE, CANCELLED = "active", "cancelled"


class Cancellable(Protocol):
    """A row with a status that can be "cancelled" (every such table has these columns)."""

    id: str
    status: str
    updated_at: datetime


C = TypeVar("C", bound=Cancellable)


def find(session: Session, model: type[C], row_id: str, entity: str) -> C:
    """The row, or the coded error "<entity>_not_found"."""
    row = session.get(model, row_id) if row_id else None
    if row is None:
        raise KioskError(f"{entity}_not_found")
    return row


def refuse_cancelled(row: Cancellable, code: str, **params: Any) -> None:
    """For the features where cancelling twice is a mistake worth saying."""
    if row.status == CANCELLED:
        raise KioskError(code, **params)


def mark_cancelled(
    session: Session, ctx: AppContext, row: Cancellable, entity: str, **detail: Any
) -> bool:
    """Cancel `row` and write the audit line; False (and nothing written) if it already was."""
    if row.status == CANCELLED:
        return False
    row.status = CANCELLED
    row.updated_at = ctx.clock()
    audit(session, ctx, f"{entity}_cancelled", entity, row.id, **detail)
    return True
