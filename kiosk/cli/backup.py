"""`tsunagari backup list|create|restore NAME`: the data folder's backups, headless.

tsunagari backup list [--check]     newest first: name, kind, time, size (and check)
tsunagari backup create             a copy now (kind "manual"), then old ones rotate
tsunagari backup restore NAME       the current file is kept aside, never overwritten

Restore only while the window is closed: an open app holds the file. An
import of exchange files is undone with `tsunagari sync undo`, not by restoring
a copy (imports make none since issue 15; older "import" copies still list).
"""

from __future__ import annotations

import argparse

from kiosk.care.backups import create_backup, find_backup, list_backups, restore_backup, rotate
from kiosk.cli.commands import Subcommands, command, subcommands
from kiosk.core import translations
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown


def add_backup_parser(sub: Subcommands) -> None:
    backup = sub.add_parser("backup", help="list, make or restore backups of the database")
    actions = subcommands(backup, "action", "ACTION")
    listing = command(actions, "list", help="the backups, newest first")
    listing.add_argument(
        "--check", action="store_true", help="also run an integrity check on each (slow)"
    )
    command(actions, "create", help="back up the database now")
    restore = command(
        actions, "restore", help="put a backup in place of the database (close the window first)"
    )
    restore.add_argument("name", metavar="NAME", help="a name from `tsunagari backup list`")


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def run_backup(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    if args.database_url:
        raise KioskError("backup_needs_data_folder")
    text = translations.texts_under("cli.backup", lang)  # also "kind.<kind>"
    if args.action == "create":
        info = create_backup(folder, "manual")
        rotate(folder)
        print(shown(text["made"].format(path=info.path)))
        return 0
    if args.action == "restore":
        result = restore_backup(folder, find_backup(folder, args.name))
        print(shown(text["restored"].format(name=result.restored.name)))
        if result.kept_aside is not None:
            print(shown(text["kept"].format(path=result.kept_aside)))
        return 0
    found = list_backups(folder, check=args.check)
    if not found:
        print(shown(text["none"].format(path=folder.backups)))
        return 0
    bad = False
    for info in found:
        kind = text.get(f"kind.{info.kind}", info.kind)
        line = f"{info.name}  {kind}  {info.taken:%Y-%m-%d %H:%M}  {_size(info.size)}"
        if info.ok is not None:
            line += "  " + (text["ok"] if info.ok else text["bad"])
            bad = bad or not info.ok
        print(shown(line))
    return 1 if bad else 0
