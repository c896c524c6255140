"""The `tsunagari` command: starts the GUI, or runs a sub-command headless.

Errors print one clear line in the user's language and exit non-zero, and
nothing else ever does: a bad word on the command line is refused where
argparse reads it (kiosk/cli/arguments.py), a service's refusal is its coded
error, and anything nobody foresaw is one line saying so and where its
record is (the data folder's logs/, a traceback without messages or data;
--debug prints it whole). Text the command did not write itself (names,
paths, values from files) is printed through safe_text.shown(), so an escape
sequence in a name cannot reach the terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from kiosk import __version__
from kiosk.cli import arguments
from kiosk.cli.arguments import Parser
from kiosk.cli.backup import add_backup_parser, run_backup
from kiosk.cli.commands import command, common_options
from kiosk.cli.cover_letter import add_cover_letter_parser, run_cover_letter
from kiosk.cli.export import add_export_parser, run_export
from kiosk.cli.phone_survey import add_phone_parsers, run_phone
from kiosk.cli.purge import add_purge_parser, run_purge
from kiosk.cli.sync import add_sync_parser, run_sync
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.core.frontends import LaunchOptions, find_frontend
from kiosk.core.paths import DataFolder, resolve_data_dir
from kiosk.core.safe_text import shown
from kiosk.core.settings import LANGUAGES

ENV_LANG = "TSUNAGARI_LANG"
EXIT_ERROR = 2  # a clear refusal: bad input, a damaged file
EXIT_UNEXPECTED = 70  # EX_SOFTWARE: something nobody foresaw
MAX_LOG_BYTES = 1 << 20


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="tsunagari",
        description="Tsunagari (つながり): reception and attendance for drop-in cafés.",
    )
    parser.add_argument("--version", action="version", version=f"tsunagari {__version__}")
    common_options(parser, top=True)
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

    command(sub, "gui", help="start the window (the default)", demo=True)
    survey = command(
        sub,
        "survey",
        help="start straight into the questionnaire kiosk, for a dedicated tablet "
        "(leave it with the coordinator PIN); `survey serve` and `survey cards`: on phones",
        demo=True,
    )
    add_phone_parsers(survey.add_subparsers(dest="survey_action", metavar="ACTION"))
    demo = command(sub, "demo", help="(re)build the demo database with a month of data")
    demo.add_argument(
        "--seed", type=arguments.seed, default=7, help="same seed, same data (default 7)"
    )
    demo.add_argument(
        "--days",
        type=arguments.demo_days,
        default=None,
        help="how many days back, 1 to 3660 (default: from the start of the previous fiscal year)",
    )

    command(sub, "info", help="where the data lives and what it holds", demo=True)
    add_export_parser(sub)
    add_cover_letter_parser(sub)
    add_purge_parser(sub)
    add_backup_parser(sub)
    add_sync_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _language(words)  # before parsing: argparse's own complaints are said in it too
    args: argparse.Namespace | None = None
    try:
        _refuse_undecodable(words)
        args = build_parser().parse_args(words)
        lang = args.lang or lang
        return _dispatch(args, lang)
    except KioskError as exc:
        _say_error(describe(exc, lang))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the safety net: a sentence, never a traceback
        return _unexpected(exc, args, words, lang)


def _option(words: list[str], name: str) -> str | None:
    """The value of `name` anywhere on the line, read before (or without) argparse."""
    for at, word in enumerate(words):
        if word == name and at + 1 < len(words):
            return words[at + 1]
        if word.startswith(name + "="):
            return word.split("=", 1)[1]
    return None


def _language(words: list[str]) -> str:
    """--lang (anywhere on the line), else TSUNAGARI_LANG, else Japanese."""
    for value in (_option(words, "--lang"), os.environ.get(ENV_LANG)):
        if value in LANGUAGES:
            return value
    return "ja"


def _refuse_undecodable(words: list[str]) -> None:
    """Python reads bytes that are not UTF-8 as lone surrogates (surrogateescape):
    no name, date or number holds them, and no file name printed back would."""
    for word in words:
        if any("\ud800" <= c <= "\udfff" for c in word):
            raise KioskError("argument_not_utf8", value=shown(word)[:80])


def _say_error(sentence: str) -> None:
    print(shown(f"tsunagari: {sentence}"), file=sys.stderr)


def _unexpected(
    exc: Exception, args: argparse.Namespace | None, words: list[str], lang: str
) -> int:
    """One line in the user's language; the traceback to the log (or, with --debug, here)."""
    debug = bool(getattr(args, "debug", None)) or "--debug" in words
    data_dir = getattr(args, "data_dir", None) if args else _option(words, "--data-dir")
    log = _write_error_log(exc, args, data_dir)
    if log is None:
        _say_error(describe(KioskError("cli_unexpected_no_log"), lang))
    else:
        _say_error(describe(KioskError("cli_unexpected", log=str(log)), lang))
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    return EXIT_UNEXPECTED


def _where(filename: str) -> str:
    """kiosk/cli/main.py from the app's own packages, never the home folder it sits in."""
    parts = Path(filename).parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("kiosk", "ui", "db"):
            return "/".join(parts[index:])
    return "/".join(parts[-2:])


def _write_error_log(
    exc: BaseException, args: argparse.Namespace | None, data_dir: str | None
) -> Path | None:
    """Append the traceback to the data folder's log: where it happened, never what
    it said (an exception's message may hold a nickname or a SQL parameter)."""
    command = " ".join(
        str(part)
        for part in (
            getattr(args, "command", None),
            getattr(args, "report", None),
            getattr(args, "action", None),
        )
        if part
    )
    lines = [f"{datetime.now().astimezone().isoformat(timespec='seconds')} tsunagari {__version__}"]
    lines.append(f"command: {command or '-'}")
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(type(current).__name__)
        for frame in traceback.extract_tb(current.__traceback__):
            where = _where(frame.filename)
            lines.append(f"  {where}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("which was raised while handling:")
    try:
        path = DataFolder(resolve_data_dir(data_dir)).error_log
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8") as log:
            log.write("\n".join(lines) + "\n\n")
    except (OSError, ValueError):
        return None
    return path


def _dispatch(args: argparse.Namespace, lang: str) -> int:
    folder = DataFolder(resolve_data_dir(args.data_dir))
    if getattr(args, "demo", None) and args.command != "demo":
        folder = folder.demo
    command = args.command or "gui"
    if command == "demo":
        return _demo(folder.demo, args)
    if command == "export":
        return run_export(args, folder, lang)
    if command == "cover-letter":
        return run_cover_letter(args, folder, lang)
    if command == "purge":
        return run_purge(args, folder, lang)
    if command == "backup":
        return run_backup(args, folder, lang)
    if command == "sync":
        return run_sync(args, folder, lang)
    if command == "info":
        return _info(folder, args.database_url)
    if command == "survey" and getattr(args, "survey_action", None):
        return run_phone(args, folder, lang)
    if getattr(args, "demo", None):
        from kiosk.demo.build import ensure_demo

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
    from kiosk.demo.build import app_demo_days, build_demo

    if args.database_url:
        raise KioskError("demo_needs_data_folder")
    days = app_demo_days() if args.days is None else args.days
    summary = build_demo(folder, seed=args.seed, days=days)
    print(shown(f"demo database: {folder.database}"))
    print(
        shown(
            f"venues {summary.venues}, events {summary.events}, visits {summary.visits}, "
            f"children {summary.children}"
        )
    )
    return 0


def _info(folder: DataFolder, url: str | None) -> int:
    from kiosk.core.database import open_database, shown_url
    from kiosk.core.overview import database_overview

    ctx = open_database(url=url, folder=folder)
    overview = database_overview(ctx)
    print(shown(f"data folder: {folder.root}"))
    print(shown(f"database:    {shown_url(url) if url else folder.database}"))
    for key, value in overview.items():
        print(shown(f"{key + ':':<12} {value}"))
    return 0
