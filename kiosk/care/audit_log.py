"""The audit log for the coordinator: filter, page through, export to CSV.

Every change writes a line (kiosk/core/transaction.py `audit`): what was done,
when, on which device, with codes and counts only. This module reads those
lines back, newest first, and names each action in the user's language
(`audit.action.<code>` in the catalogues); a code it does not know is shown as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select

from db.models import AuditEntry
from kiosk.core.atomic_file import write_atomically
from kiosk.core.context import AppContext
from kiosk.core.csv_cells import ENCODINGS, render_csv
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read
from kiosk.core.translations import SOURCE_LANGUAGE, text, texts_under

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500

# What each action is called: `audit.action.<code>` in resources/locales/<lang>.json.
ACTION_LABELS = frozenset(texts_under("audit.action", SOURCE_LANGUAGE))
CSV_COLUMNS = ("when", "action", "action_code", "entity", "entity_id", "detail", "device")


def csv_header(lang: str) -> list[str]:
    return [text(f"audit.csv.{column}", lang) for column in CSV_COLUMNS]


def action_label(code: str, lang: str = "ja") -> str:
    if code not in ACTION_LABELS:
        return code
    return text(f"audit.action.{code}", lang)


@dataclass(frozen=True)
class AuditFilter:
    first: date | None = None  # local days, inclusive
    last: date | None = None
    device_id: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    action: str
    entity: str
    entity_id: str | None
    detail: tuple[tuple[str, Any], ...]  # sorted (key, value) pairs: codes and counts
    device_id: str

    def detail_text(self) -> str:
        if not self.detail:
            return ""
        return json.dumps(dict(self.detail), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    total: int  # lines matching the filter, on every page
    offset: int
    page_size: int

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.lines) < self.total


def _bounds(filt: AuditFilter, tz: tzinfo | None) -> tuple[datetime | None, datetime | None]:
    if filt.first and filt.last and filt.first > filt.last:
        raise KioskError("audit_dates_invalid")
    start = datetime.combine(filt.first, time(0), tzinfo=tz) if filt.first else None
    end = datetime.combine(filt.last + timedelta(days=1), time(0), tzinfo=tz) if filt.last else None
    return start, end


def _filtered(ctx: AppContext, filt: AuditFilter, query: Select[Any]) -> Select[Any]:
    start, end = _bounds(filt, ctx.clock().tzinfo)
    if start is not None:
        query = query.where(AuditEntry.at >= start)
    if end is not None:
        query = query.where(AuditEntry.at < end)
    if filt.device_id:
        query = query.where(AuditEntry.device_id == filt.device_id)
    if filt.action:
        query = query.where(AuditEntry.action == filt.action)
    return query


def _line(entry: AuditEntry) -> AuditLine:
    detail = entry.detail if isinstance(entry.detail, dict) else {}
    return AuditLine(
        at=entry.at,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        detail=tuple(sorted(detail.items())),
        device_id=entry.device_id,
    )


def _newest_first(query: Select[Any]) -> Select[Any]:
    return query.order_by(AuditEntry.at.desc(), AuditEntry.created_at.desc(), AuditEntry.id)


def audit_page(
    ctx: AppContext, filt: AuditFilter, offset: int = 0, page_size: int = PAGE_SIZE
) -> AuditPage:
    """One page of the lines matching `filt`, newest first."""
    if not 1 <= page_size <= MAX_PAGE_SIZE or offset < 0:
        raise ValueError("page out of range")
    with read(ctx) as session:
        total = session.scalar(_filtered(ctx, filt, select(func.count(AuditEntry.id)))) or 0
        rows = session.scalars(
            _newest_first(_filtered(ctx, filt, select(AuditEntry))).offset(offset).limit(page_size)
        ).all()
        return AuditPage(tuple(_line(r) for r in rows), total, offset, page_size)


def devices(ctx: AppContext) -> list[str]:
    """Every device that wrote to the log, in id order."""
    with read(ctx) as session:
        return list(
            session.scalars(select(AuditEntry.device_id).distinct().order_by(AuditEntry.device_id))
        )


def actions(ctx: AppContext) -> list[str]:
    """Every action code in the log, in code order."""
    with read(ctx) as session:
        return list(
            session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
        )


def local_time_text(ctx: AppContext, at: datetime) -> str:
    return at.astimezone(ctx.clock().tzinfo).strftime("%Y-%m-%d %H:%M:%S")


def audit_csv(ctx: AppContext, filt: AuditFilter, encoding: str, lang: str = "ja") -> bytes:
    """Every line matching `filt`, newest first, as CSV (the report encodings)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding}")
    with read(ctx) as session:
        rows = [
            _line(r)
            for r in session.scalars(_newest_first(_filtered(ctx, filt, select(AuditEntry))))
        ]
    body = [
        (
            local_time_text(ctx, line.at),
            action_label(line.action, lang),
            line.action,
            line.entity,
            line.entity_id or "",
            line.detail_text(),
            line.device_id,
        )
        for line in rows
    ]
    return render_csv(csv_header(lang), body, encoding)


def export_audit_csv(
    ctx: AppContext, filt: AuditFilter, target: Path, encoding: str = "utf-8-sig", lang: str = "ja"
) -> Path:
    return write_atomically(target, audit_csv(ctx, filt, encoding, lang))
