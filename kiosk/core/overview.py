"""A few numbers about a database, for `tsunagari info` and the Settings screen."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from db.migrate import current_revision
from db.models import ChildCare, Event, Venue, Visit, Visitor
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.transaction import read


def database_overview(ctx: AppContext) -> dict[str, str]:
    with read(ctx) as session:

        def count(model: type[Any], *where: ColumnElement[bool]) -> int:
            query: Select[Any] = select(func.count()).select_from(model).where(*where)
            return int(session.scalar(query) or 0)

        revision = current_revision(session.get_bind().engine)
        return {
            "schema": revision or "-",
            "device": ctx.device_id,
            "organisation": settings.get_in(session, settings.ORGANISATION) or "-",
            "venues": str(count(Venue, Venue.active.is_(True))),
            "events": str(count(Event)),
            "visits": str(count(Visit, Visit.status == "active")),
            "regulars": str(count(Visitor, Visitor.nickname.is_not(None))),
            "children": str(count(ChildCare, ChildCare.status != "cancelled")),
        }
