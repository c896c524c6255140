"""`tsunagari cover-letter show|set`: the cover letter of reports (報告書の鑑), headless.

tsunagari cover-letter show                 every field, a blank one as —
tsunagari cover-letter set --addressee X …  only the fields given change; "" clears one

The same settings as Settings → 報告書の鑑 in the window: every field is
checked before anything is saved, so a refused value changes nothing.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kiosk.cli.commands import Subcommands, command, subcommands
from kiosk.core import translations
from kiosk.core.errors import KioskError
from kiosk.core.japanese_dates import check_supported, era_date
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown

if TYPE_CHECKING:  # kiosk.reports is imported when a report is made, not at start
    from kiosk.reports.cover_letter import CoverLetter

BLANK = "—"
# CoverLetter's fields in the letter's order (a test keeps them equal): written
# out here so that `tsunagari` starts without importing the reports.
FIELDS = (
    "addressee",
    "address",
    "organisation",
    "representative_title",
    "representative_name",
    "grant_name",
    "decision_date",
    "decision_number",
)
HELP = {
    "addressee": "宛先, e.g. 〇〇市長 〇〇 〇〇 (様 is added on paper)",
    "address": "所在地: the organisation's address",
    "organisation": "団体名 (blank: the organisation in Settings)",
    "representative_title": "代表者の職, e.g. 理事長",
    "representative_name": "代表者の氏名",
    "grant_name": "補助金の名称, e.g. 〇〇市女性の居場所づくり事業補助金",
    "decision_number": "交付決定の文書番号, e.g. 〇〇第123号",
}


def decision_date(text: str) -> date | None:
    """--decision-date: a real day (2026-04-10) with a Japanese date, or "" for none."""
    from kiosk.reports.cover_letter import parse_decision_date

    day = parse_decision_date(text)
    return None if day is None else check_supported(day)


def add_cover_letter_parser(sub: Subcommands) -> None:
    letter = sub.add_parser(
        "cover-letter", help="show or set the cover letter (報告書の鑑) of the reports"
    )
    actions = subcommands(letter, "action", "ACTION")
    command(actions, "show", help="print every field of the cover letter", demo=True)
    change = command(
        actions,
        "set",
        help='change the fields given (others stay as they are; "" clears one)',
        demo=True,
    )
    for name in FIELDS:
        option = "--" + name.replace("_", "-")
        if name == "decision_date":
            change.add_argument(
                option,
                type=decision_date,
                default=argparse.SUPPRESS,
                metavar="YYYY-MM-DD",
                help='交付決定日, e.g. 2026-04-10 ("" for not set)',
            )
        else:
            change.add_argument(option, default=argparse.SUPPRESS, metavar="TEXT", help=HELP[name])


def run_cover_letter(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    from kiosk.core.database import open_database
    from kiosk.reports.cover_letter import cover_letter, save_cover_letter

    ctx = open_database(url=args.database_url, folder=folder)
    letter = cover_letter(ctx)
    if args.action == "set":
        changes = {name: getattr(args, name) for name in FIELDS if hasattr(args, name)}
        if not changes:
            raise KioskError("cover_letter_nothing_to_set")
        letter = save_cover_letter(ctx, replace(letter, **changes))
        print(shown(translations.text("cli.cover_letter.saved", lang)))
    for line in describe(letter, lang):
        print(shown(line))
    return 0


def describe(letter: CoverLetter, lang: str) -> list[str]:
    """One line a field, in the letter's order: `label: value`, — for a blank one."""
    lines = []
    for name in FIELDS:
        label = translations.text(f"field.cover_letter.{name}", lang)
        if name == "decision_date":
            day = letter.decision_date
            era = era_date(day, weekday=False) if day else ""
            value = (
                BLANK
                if not day
                else (
                    f"{day.isoformat()}（{era}）" if lang == "ja" else f"{day.isoformat()} ({era})"
                )
            )
        else:
            value = str(getattr(letter, name)) or BLANK
        lines.append(f"{label}: {value}")
    return lines
