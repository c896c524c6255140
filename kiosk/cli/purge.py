"""`tsunagari purge [--dry-run]`: erase nicknames and care notes past the retention period.

The window runs the same purge at every start; this is for a scheduled job,
or to see beforehand (--dry-run) how many details would be erased.
"""

from __future__ import annotations

import argparse

from kiosk.cli.commands import Subcommands, command
from kiosk.core import translations
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown


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
    verb = "verb.dry_run" if result.dry_run else "verb.erased"
    print(
        shown(
            translations.text(
                "cli.purge.done",
                lang,
                verb=translations.text(f"cli.purge.{verb}", lang),
                visitors=result.visitors,
                care_notes=result.care_notes,
                cutoff=result.cutoff.isoformat(),
                days=result.retention_days,
            )
        )
    )
    return 0
