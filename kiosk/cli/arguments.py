"""What the command line accepts: argparse `type=` functions and a parser that speaks Japanese.

Every word of a command is checked where argparse reads it, before any
database is opened, and a refusal is a KioskError: main() prints it as one
line in the user's language, like any other error. argparse lets any
exception but ValueError and TypeError through its `type=` calls, which is
what lets these raise coded errors; its own complaints (a missing option, an
unknown choice) are turned into coded errors by Parser.error().

Numbers are ASCII or full-width digits (an IME types ２０２５), nothing else:
not ², not -5, not 1e999, not NaN.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import NoReturn

from kiosk.core import safe_text
from kiosk.core.errors import KioskError

MAX_SEED = 2**63 - 1
MAX_DEVICE_REFERENCE = 100  # a PC's name as an answer file may carry it, or its whole id
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS = re.compile(r"[0-9]{1,20}")  # 20 digits: past every limit, and int() stays cheap


def whole_number(text: str) -> int | None:
    """The number in `text` (ASCII or full-width digits only), or None."""
    cleaned = text.strip().translate(_FULL_WIDTH_DIGITS)
    return int(cleaned) if _DIGITS.fullmatch(cleaned) else None


def day(text: str) -> date:
    """--date / --to: a real day (2026-11-22) that a Japanese date can be written for."""
    from kiosk.core.japanese_dates import check_supported
    from kiosk.reports.daily_export import parse_day

    return check_supported(parse_day(text))


def fiscal_year(text: str) -> int:
    """--year: the Western year a fiscal year starts in (2023 for 令和5年度)."""
    from kiosk.reports.targets import FIRST_YEAR, LAST_YEAR

    year = whole_number(text)
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise KioskError("year_invalid", value=text[:20])
    return year


def demo_days(text: str) -> int:
    """demo --days: how many days back, from 1 to ten years."""
    from kiosk.demo.build import MAX_DAYS, check_days

    days = whole_number(text)
    if days is None:
        raise KioskError("demo_days_invalid", value=text[:20], low=1, high=MAX_DAYS)
    return check_days(days)


def seed(text: str) -> int:
    """demo --seed: any whole number a 64-bit column can keep (it goes in the audit log)."""
    value = whole_number(text)
    if value is None or value > MAX_SEED:
        raise KioskError("seed_invalid", value=text[:20], high=MAX_SEED)
    return value


def data_dir(text: str) -> str:
    """--data-dir: a folder, or a place where one can be made (checked before any work)."""
    try:
        usable = not text.strip() or _folder_possible(Path(text).expanduser())
    except OSError:
        usable = False
    if not usable:
        raise KioskError("data_dir_unusable", path=text)
    return text


def output_file(text: str) -> Path:
    """-o FILE: a file that can be made, checked before any work (a fiscal-year
    report takes a while to compute, only to find it names a folder)."""
    path = Path(text).expanduser()
    try:
        usable = bool(text.strip()) and not path.is_dir() and _folder_possible(path.parent)
    except OSError:  # a name too long for the disk, say
        usable = False
    if not usable:
        raise KioskError("output_unusable", path=text)
    return path


def _folder_possible(folder: Path) -> bool:
    """The nearest part of `folder` that exists is a folder (the rest can be made)."""
    for place in (folder, *folder.parents):
        if place.exists():
            return place.is_dir()
    return True


def device_name(text: str) -> str:
    """sync name NAME: this PC's name, by the rule of every name."""
    from kiosk.exchange.ledger import MAX_DEVICE_NAME

    return safe_text.clean_name(text, "device", MAX_DEVICE_NAME)


def venue_name(text: str) -> str:
    """--venue: a name as the venue rules allow it (no control or invisible characters)."""
    from kiosk.door.venues import MAX_VENUE_NAME

    return safe_text.clean_name(text, "venue", MAX_VENUE_NAME)


def pairing_code(text: str) -> str:
    """sync pair join --code: the 8 characters on the coordinator's screen (any case or width)."""
    from kiosk.exchange.typed_codes import typed_code

    return typed_code(text)


def confirmation_number(text: str) -> str:
    """sync pair accept --confirm: the six digits both screens show (123456 or "123 456")."""
    from kiosk.exchange.typed_codes import typed_confirmation

    return typed_confirmation(text)


def device_reference(text: str) -> str:
    """sync unpair DEVICE: a paired PC's name or the start of its id, by the rule of every name."""
    return safe_text.clean_name(text, "device", MAX_DEVICE_REFERENCE)


_IMPORT_ID = re.compile(r"[0-9a-fA-F-]{8,36}")


def import_reference(text: str) -> str:
    """sync undo IMPORT: the start of an import's id, as `tsunagari sync undo` lists it."""
    if _IMPORT_ID.fullmatch(text) is None:
        raise KioskError("exchange_undo_unknown", reference=safe_text.shown(text)[:40])
    return text.lower()


# -- argparse's own complaints -------------------------------------------------------------

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli_missing"),
    (re.compile(r"one of the arguments (?P<names>.+) is required"), "cli_missing"),
    (
        re.compile(
            r"argument (?P<argument>[^:]+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"
        ),
        "cli_bad_choice",
    ),
    (
        re.compile(r"argument (?P<argument>[^:]+): invalid \S+ value: (?P<value>.*)"),
        "cli_bad_value",
    ),
    (re.compile(r"argument (?P<argument>[^:]+): expected .*argument.*"), "cli_needs_value"),
    (re.compile(r"unrecognized arguments: (?P<value>.*)"), "cli_unknown_arguments"),
)


def _unquoted(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "'" else value


def usage_error(message: str, command: str) -> KioskError:
    """argparse's English complaint as a coded error (a sentence in every language)."""
    for pattern, code in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            params = {
                k: ", ".join(_unquoted(w) for w in v.split(", "))
                if k == "choices"
                else _unquoted(v)
                for k, v in found.groupdict().items()
            }
            return KioskError(code, command=command, **params)
    return KioskError("cli_usage", command=command, detail=message)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose complaints are KioskErrors, said in the user's language.

    Sub-command parsers are made with the class of their parent, so one
    class covers every command.
    """

    def error(self, message: str) -> NoReturn:
        raise usage_error(message, self.prog)
