"""`tsunagari purge [--dry-run]`: erase nicknames and care notes past the retention period.

The window runs the same purge at every start; this is for a scheduled job,
or to see beforehand (--dry-run) how many details would be erased.
"""

from __future__ import annotations

import argparse

from kiosk.cli.commands import Subcommands, command
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown

DONE = {
    "ja": "{verb}: ニックネーム {visitors}件、託児メモ {care_notes}件"
    "（{cutoff}より前・保存期間{days}日）",
    "en": "{verb}: {visitors} nickname(s), {care_notes} care note(s) "
    "(before {cutoff}; retention {days} days)",
}
VERBS = {
    "ja": {True: "消去の対象（まだ消去していません）", False: "消去しました"},
    "en": {True: "would erase (nothing erased yet)", False: "erased"},
}


def add_purge_parser(sub: Subcommands) -> None:
    purge = command(
        sub,
        "purge",
        help="erase nicknames and care notes older than the retention period",
        demo=True,
    )
    purge.add_argument("--dry-run", action="store_true", help="only count what would be erased")


def run_purge(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    from kiosk.care.retention import purge
    from kiosk.core.database import open_database

    ctx = open_database(url=args.database_url, folder=folder)
    result = purge(ctx, dry_run=args.dry_run, trigger="cli")
    lang = lang if lang in DONE else "ja"
    print(
        shown(
            DONE[lang].format(
                verb=VERBS[lang][result.dry_run],
                visitors=result.visitors,
                care_notes=result.care_notes,
                cutoff=result.cutoff.isoformat(),
                days=result.retention_days,
            )
        )
    )
    return 0
