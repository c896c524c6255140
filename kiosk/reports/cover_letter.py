"""The cover letter (実績報告書の鑑) a coordinator fills in once.

A Japanese grant report opens with the date of submission, the addressee
(〇〇市長 様), the applicant (所在地, 団体名, 代表者の職・氏名 and a seal), the
title, and the sentence that refers to the grant decision (令和X年X月X日付け
〇〇第X号で交付決定を受けた…). These are the settings it is made from; the
PDF renders them (kiosk/reports/render/cover_letter_pdf.py), leaving a
line to write on where one is blank. The representative is the organisation's
public officer, not a visitor: no visitor's name is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.safe_text import clean_optional
from kiosk.core.transaction import audit, read, write

PREFIX = "cover_letter."
MAX_TEXT = 100


@dataclass(frozen=True)
class CoverLetter:
    addressee: str = ""  # 宛先: 〇〇市長 〇〇 〇〇 (様 is added when printed)
    address: str = ""  # 申請者の所在地
    organisation: str = ""  # 団体名; the app's organisation setting when blank
    representative_title: str = ""  # 代表者の職: 理事長
    representative_name: str = ""  # 代表者の氏名
    grant_name: str = ""  # 補助金・委託の名称: 〇〇市女性の居場所づくり事業補助金
    decision_date: date | None = None  # 交付決定の日
    decision_number: str = ""  # 交付決定の文書番号: 〇〇第123号

    def is_blank(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


TEXT_FIELDS = tuple(f.name for f in fields(CoverLetter) if f.name != "decision_date")


def cover_letter(ctx: AppContext) -> CoverLetter:
    """The saved letter; blank fields where nothing was saved yet."""
    with read(ctx) as session:
        values = {name: settings.get_in(session, PREFIX + name) or "" for name in TEXT_FIELDS}
        day = settings.get_in(session, PREFIX + "decision_date") or ""
    organisation = values.pop("organisation") or settings.organisation(ctx)
    return CoverLetter(
        organisation=organisation,
        decision_date=_day(day) if day else None,
        **values,
    )


def save_cover_letter(ctx: AppContext, letter: CoverLetter) -> CoverLetter:
    """Check every field first, then save them all in one transaction (or nothing)."""
    cleaned = {
        name: clean_optional(getattr(letter, name), f"cover_letter.{name}", MAX_TEXT) or ""
        for name in TEXT_FIELDS
    }
    if cleaned["organisation"] == settings.organisation(ctx):
        cleaned["organisation"] = ""  # blank follows the app's organisation when it changes
    day = letter.decision_date.isoformat() if letter.decision_date else ""
    with write(ctx) as session:
        for name, value in cleaned.items():
            settings.put_in(session, ctx, PREFIX + name, value)
        settings.put_in(session, ctx, PREFIX + "decision_date", day)
        audit(session, ctx, "setting_changed", "setting", None, key=PREFIX.rstrip("."))
    return cover_letter(ctx)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None  # a hand-edited value: the letter leaves the date to be written in


def parse_decision_date(text: str) -> date | None:
    """A typed decision date (YYYY-MM-DD), None when blank, a coded error otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise KioskError("date_invalid", value=text[:20]) from exc
