"""The audit log for the coordinator: filter, page through, export to CSV.

Every change writes a line (kiosk/core/transaction.py `audit`): what was done,
when, on which device, with codes and counts only. This module reads those
lines back, newest first, and names each action in Japanese or English; a
code it does not know is shown as it is.
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
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read
from kiosk.reports.render.csv_cells import ENCODINGS, render_csv

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500

ACTION_LABELS: dict[str, dict[str, str]] = {
    "checked_in": {"ja": "受付", "en": "Checked in"},
    "visit_cancelled": {"ja": "受付の取り消し", "en": "Check-in cancelled"},
    "child_handed_back": {"ja": "託児のお迎え", "en": "Child handed back"},
    "event_opened": {"ja": "開催日の開始", "en": "Day opened"},
    "event_closed": {"ja": "開催日の終了", "en": "Day closed"},
    "event_reopened": {"ja": "開催日の再開", "en": "Day reopened"},
    "setup_completed": {"ja": "初期設定", "en": "First set-up"},
    "venue_added": {"ja": "会場の追加", "en": "Venue added"},
    "venue_renamed": {"ja": "会場名の変更", "en": "Venue renamed"},
    "venue_kind_changed": {"ja": "会場の種類の変更", "en": "Venue kind changed"},
    "venue_retired": {"ja": "会場の廃止", "en": "Venue retired"},
    "current_venue_changed": {"ja": "この端末の会場の変更", "en": "This device's venue changed"},
    "setting_changed": {"ja": "設定の変更", "en": "Setting changed"},
    "pin_set": {"ja": "PINの設定", "en": "PIN set"},
    "pin_failed": {"ja": "PINの誤り", "en": "Wrong PIN"},
    "kiosk_unlocked": {"ja": "PINで解除", "en": "Unlocked with the PIN"},
    "personal_data_purged": {"ja": "個人情報の消去", "en": "Personal details erased"},
    "exchange_exported": {"ja": "交換ファイルの書き出し", "en": "Exchange file exported"},
    "exchange_imported": {"ja": "交換ファイルの取り込み", "en": "Exchange file imported"},
    "exchange_import_undone": {
        "ja": "交換ファイルの取り込みの取り消し",
        "en": "Exchange file import undone",
    },
    "exchange_conflict": {"ja": "取り込み時の競合", "en": "Conflict on import"},
    "pairing_invited": {"ja": "会場PCの招待", "en": "Venue PC invited"},
    "device_paired": {"ja": "会場PCのペアリング", "en": "Venue PC paired"},
    "pairing_declined": {"ja": "ペアリングの中止", "en": "Pairing declined"},
    "device_revoked": {"ja": "会場PCの利用停止", "en": "Venue PC revoked"},
    "paired_with_coordinator": {
        "ja": "コーディネーターとのペアリング",
        "en": "Paired with the coordinator",
    },
    "unpaired_from_coordinator": {
        "ja": "コーディネーターとのペアリング解除",
        "en": "Unpaired from the coordinator",
    },
    "demo_built": {"ja": "デモデータの作成", "en": "Demo data built"},
    "workshop_added": {"ja": "ワークショップの追加", "en": "Workshop added"},
    "workshop_changed": {"ja": "ワークショップの変更", "en": "Workshop changed"},
    "workshop_retired": {"ja": "ワークショップの廃止", "en": "Workshop retired"},
    "workshop_restored": {"ja": "ワークショップの再開", "en": "Workshop brought back"},
    "slot_added": {"ja": "枠の追加", "en": "Session added"},
    "slot_removed": {"ja": "枠の削除", "en": "Session removed"},
    "slot_capacity_changed": {"ja": "定員の変更", "en": "Capacity changed"},
    "capacity_overridden": {"ja": "定員超過の受付", "en": "Capacity overridden"},
    "signed_up": {"ja": "参加申込", "en": "Signed up"},
    "signup_cancelled": {"ja": "申込の取り消し", "en": "Sign-up cancelled"},
    "waitlist_promoted": {"ja": "キャンセル待ちの繰り上げ", "en": "Moved up from the waiting list"},
    "attendance_marked": {"ja": "出席の記録", "en": "Attendance marked"},
    "attendance_marked_all": {"ja": "全員の出席の記録", "en": "Everyone marked present"},
    "consultation_recorded": {"ja": "相談の記録", "en": "Consultation recorded"},
    "consultation_cancelled": {"ja": "相談記録の取り消し", "en": "Consultation cancelled"},
    "referral_recorded": {"ja": "つなぎ先の記録", "en": "Referral recorded"},
    "referral_cancelled": {"ja": "つなぎ先の取り消し", "en": "Referral cancelled"},
    "case_meeting_recorded": {"ja": "ケース会議の記録", "en": "Case meeting recorded"},
    "case_meeting_cancelled": {"ja": "ケース会議の取り消し", "en": "Case meeting cancelled"},
    "list_entry_added": {"ja": "選択肢の追加", "en": "List entry added"},
    "list_entry_renamed": {"ja": "選択肢の名前の変更", "en": "List entry renamed"},
    "questionnaire_activated": {"ja": "アンケートの切り替え", "en": "Questionnaire switched"},
    "questionnaire_edited": {"ja": "アンケートの編集", "en": "Questionnaire edited"},
    "survey_response_recorded": {"ja": "アンケート回答", "en": "Questionnaire answered"},
    "paper_day_recorded": {"ja": "紙の受付簿の入力", "en": "Paper list entered"},
    "paper_day_changed": {"ja": "紙の受付簿の修正", "en": "Paper list corrected"},
    "paper_day_cancelled": {"ja": "紙の受付簿の取り消し", "en": "Paper list cancelled"},
    "kpi_target_set": {"ja": "目標の設定", "en": "Target set"},
    "kpi_target_removed": {"ja": "目標の削除", "en": "Target removed"},
    "kpi_targets_copied": {"ja": "前年度の目標の複写", "en": "Last year's targets copied"},
    "kpi_targets_merged": {"ja": "重複した目標の統合", "en": "Duplicate targets merged"},
}

CSV_HEADER = {
    "ja": ("日時", "操作", "操作コード", "対象", "対象ID", "詳細", "端末"),
    "en": ("When", "Action", "Action code", "Entity", "Entity id", "Detail", "Device"),
}


def action_label(code: str, lang: str = "ja") -> str:
    labels = ACTION_LABELS.get(code)
    if labels is None:
        return code
    return labels.get(lang) or labels["ja"]


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
    return render_csv(CSV_HEADER.get(lang, CSV_HEADER["ja"]), body, encoding)


def export_audit_csv(
    ctx: AppContext, filt: AuditFilter, target: Path, encoding: str = "utf-8-sig", lang: str = "ja"
) -> Path:
    return write_atomically(target, audit_csv(ctx, filt, encoding, lang))
