"""How every sub-command is set up: one place for what they all take.

Each command (and each step under it) accepts the common options after its
own word too (`tsunagari backup list --lang en`), so `command()` adds them
to every parser it makes; `-o FILE` is the one output option of every export.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

from kiosk.cli import arguments
from kiosk.cli.arguments import Parser
from kiosk.core.settings import LANGUAGES  # the catalogue files, no list in code

# What add_subparsers() returns on our Parser; argparse names the class privately.
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"  # not subscriptable at run time


def common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--data-dir, --database-url, --lang and --debug, on the top parser or a command."""
    # Sub-commands must not overwrite what was given before them.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        type=arguments.data_dir,
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
        choices=LANGUAGES,
        default=default,
        help="language of screens and messages (default: Japanese)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="on an unexpected error, print its whole traceback",
    )


def subcommands(parser: Parser, dest: str, metavar: str) -> Subcommands:
    """The words that must follow `parser`'s own (ACTION, STEP, REPORT)."""
    return parser.add_subparsers(dest=dest, metavar=metavar, required=True)


def command(group: Subcommands, name: str, help: str, *, demo: bool = False) -> Parser:
    """A command of `group` that takes the common options (and --demo, if asked) after it."""
    parser = group.add_parser(name, help=help)
    common_options(parser, top=False)
    if demo:
        parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)
    return parser


def output_option(parser: argparse.ArgumentParser, metavar: str = "FILE", help: str = "") -> None:
    """-o FILE: required, and checked before any work (arguments.output_file)."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=arguments.output_file,
        metavar=metavar,
        help=help or None,
    )
