"""The `tsunagari` command: starts the GUI, or runs a sub-command headless.

Errors print one clear line in the user's language and exit non-zero;
a traceback is shown only for a real bug, and then with a plea to report it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli_backup import add_backup_parser, run_backup
from kiosk.cli_export import add_export_parser, run_export
from kiosk.cli_purge import add_purge_parser, run_purge
from kiosk.cli_sync import add_sync_parser, run_sync
from kiosk.error_messages import describe
from kiosk.errors import KioskError
from kiosk.frontends import LaunchOptions, find_frontend
from kiosk.paths import DataFolder, resolve_data_dir

ENV_LANG = "TSUNAGARI_LANG"


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    # Sub-commands must not overwrite what was given before them.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder for the database and backups (or TSUNAGARI_DATA_DIR)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=default,
        help="any SQLAlchemy URL instead of the file in the data folder",
    )
    parser.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=default,
        help="language of screens and messages (default: Japanese)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tsunagari",
        description="Tsunagari (つながり): reception and attendance for drop-in cafés.",
    )
    parser.add_argument("--version", action="version", version=f"tsunagari {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        default=None,
        help="start on the separate demo database (made on first use)",
    )
    parser.add_argument(
        "--survey-kiosk",
        action="store_true",
        default=None,
        help="start straight into the questionnaire kiosk (the same as `tsunagari survey`)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="start the window (the default)")
    _common(gui, top=False)
    gui.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)

    kiosk = sub.add_parser(
        "survey",
        help="start straight into the questionnaire kiosk, for a dedicated tablet "
        "(leave it with the coordinator PIN)",
    )
    _common(kiosk, top=False)
    kiosk.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)

    demo = sub.add_parser("demo", help="(re)build the demo database with a month of data")
    _common(demo, top=False)
    demo.add_argument("--seed", type=int, default=7, help="same seed, same data (default 7)")
    demo.add_argument(
        "--days",
        type=int,
        default=None,
        help="how many days back (default: from the start of the previous fiscal year)",
    )

    info = sub.add_parser("info", help="where the data lives and what it holds")
    _common(info, top=False)
    info.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)
    add_export_parser(sub, _common)
    add_purge_parser(sub, _common)
    add_backup_parser(sub, _common)
    add_sync_parser(sub, _common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    lang = args.lang or os.environ.get(ENV_LANG) or "ja"
    try:
        return _dispatch(args, lang)
    except KioskError as exc:
        print(f"tsunagari: {describe(exc, lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, lang: str) -> int:
    folder = DataFolder(resolve_data_dir(args.data_dir))
    if getattr(args, "demo", None) and args.command != "demo":
        folder = folder.demo
    command = args.command or "gui"
    if command == "demo":
        return _demo(folder.demo, args)
    if command == "export":
        return run_export(args, folder, lang)
    if command == "purge":
        return run_purge(args, folder, lang)
    if command == "backup":
        return run_backup(args, folder, lang)
    if command == "sync":
        return run_sync(args, folder, lang)
    if command == "info":
        return _info(folder, args.database_url)
    if getattr(args, "demo", None):
        from kiosk.demo import ensure_demo

        ensure_demo(folder)
    start = find_frontend("gui")
    return start(
        LaunchOptions(
            folder=folder,
            database_url=args.database_url,
            lang=args.lang,
            demo=bool(getattr(args, "demo", None)),
            survey_kiosk=command == "survey" or bool(args.survey_kiosk),
        )
    )


def _demo(folder: DataFolder, args: argparse.Namespace) -> int:
    from kiosk.demo import app_demo_days, build_demo

    summary = build_demo(folder, seed=args.seed, days=args.days or app_demo_days())
    print(
        f"demo database: {folder.database}\n"
        f"venues {summary.venues}, events {summary.events}, visits {summary.visits}, "
        f"children {summary.children}"
    )
    return 0


def _info(folder: DataFolder, url: str | None) -> int:
    from kiosk.database import open_database, shown_url
    from kiosk.overview import database_overview

    ctx = open_database(url=url, folder=folder)
    overview = database_overview(ctx)
    print(f"data folder: {folder.root}")
    print(f"database:    {shown_url(url) if url else folder.database}")
    for key, value in overview.items():
        print(f"{key + ':':<12} {value}")
    return 0
