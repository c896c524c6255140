"""Bad input never shows a traceback: every command of the CLI, fed every kind of bad word.

The commands are read from the parser itself, and every option of every
command must say what kind of value it takes (VALUE_KINDS): a new command
or option is covered without anyone remembering to add it, and an option of
an unknown kind fails here until it is given its bad values. Each case runs
main() in-process, in Japanese and in English, and must end in a refusal:
exit code 2, one line on stderr in the asked language, nothing on stdout, no
traceback, no raw control character, and the database exactly as it was.
A few cases run the real `python -m kiosk` with bytes that are not UTF-8.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main as cli
from kiosk.cli.main import build_parser, main
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, events, venues
from kiosk.exchange import ledger
from kiosk.exchange.export import export_for_coordinator
from kiosk.reports import targets
from tests.exchange_files import content, forge
from tests.kiosk.test_cli import has_japanese
from tests.pairing_helpers import pair

PROJECT = Path(__file__).resolve().parents[2]

# -- what kind of value each option takes -------------------------------------------------

# "command dest" first, then "dest": the kind of bad values an option is fed.
VALUE_KINDS = {
    "data_dir": "data_dir",
    "database_url": "database_url",
    "lang": "lang",
    "date": "date",
    "to": "date",
    "first": "date",  # export range --from
    "last": "date",  # export range --to
    "template": "form_file",  # the city's own form
    "month": "month",
    "year": "year",
    "venue": "venue",
    "format": "choice",
    "encoding": "choice",
    "output": "output",
    "seed": "seed",
    "days": "days",
    "files": "exchange_file",
    "backup restore name": "backup_name",
    "sync name name": "device_name",
    "command": "sub_command",
    "report": "sub_command",
    "action": "sub_command",
    "step": "sub_command",
    "invitation": "pairing_file",
    "answer": "pairing_file",
    "code": "pairing_code",
    "confirmation": "confirmation_number",
    "device": "device_reference",
    "reference": "device_reference",  # sync undo IMPORT: the start of an import's id
    # cover-letter set: texts and a date where "" is good (it clears the field)
    "addressee": "letter_text",
    "address": "letter_text",
    "organisation": "letter_text",
    "representative_title": "letter_text",
    "representative_name": "letter_text",
    "grant_name": "letter_text",
    "decision_number": "letter_text",
    "decision_date": "letter_date",
    # survey serve|cards: 「スマホで回答」
    "survey serve address": "phone_address",
    "survey cards address": "phone_address",
    "port": "port",
    "n": "card_count",
    "questionnaire": "questionnaire_ref",
}
# Options without a value: nothing to vary (the cases still add an unknown one).
FLAGS = {
    "help",
    "version",
    "demo",
    "survey_kiosk",
    "debug",
    "all",
    "long",
    "every_venue",
    "dry_run",
    "check",
    "confirm",
    "force",
    "coordinator",
}
# The window opens the database itself and offers its own recovery dialog
# (tests/ui); the command line only hands it the folder.
LEFT_TO_THE_WINDOW = {("gui", "data_dir"), ("gui", "database_url")}
LEFT_TO_THE_WINDOW |= {("survey", kind) for _, kind in LEFT_TO_THE_WINDOW}

# Values that are bad for most commands but not for these (command, value): why.
NOT_BAD = {
    ("demo", "{not_sqlite}"): "the demo is its own database in demo/; the folder's is not read",
    ("demo", "{other_app}"): "the same",
    ("backup list", "{not_sqlite}"): "listing the copies is what one does when the file is damaged",
    ("backup list", "{other_app}"): "the same",
    ("backup create", "{other_app}"): "a copy of any SQLite file harms nothing",
}

BIG = str(2**70)
NAMES = [
    "\x1b[31m中央",
    "中央\u202e館",
    "中\u200b央",
    "中央\x07",
    "中央\x9b2J",
    "中央\udcff",
    "",
    "   ",
]
NUMBERS = ["²", "-5", "0", "1e999", BIG, "NaN", "", "１.５", "0x10"]
BAD_VALUES: dict[str, list[str]] = {
    "data_dir": ["{a_file}", "{under_a_file}", "{not_sqlite}", "{other_app}"],
    "database_url": ["nonsense", "nosuchdb://u@h/db", "sqlite:///{a_dir}"],
    "lang": ["fr", "\x1b[2J"],
    "date": [
        "1800-01-01",
        "0001-01-01",
        "2026-02-30",
        "9999-12-31",
        "²",
        "-5",
        "1e999",
        "NaN",
        "",
        "2026-11-22\x1b[2J",
        "2026-11-\udcff",  # a byte that is not UTF-8, as Python hands it over
    ],
    "month": ["1900-01", "2026-13", "2026-00", *NUMBERS, f"{BIG}-01", "2026-01\x00"],
    "year": [*NUMBERS, "1900", "9999", "２０２５年"],
    "days": [*NUMBERS, "3661"],
    "seed": ["²", "-5", "1e999", BIG, "NaN", "", str(2**63)],
    "venue": [*NAMES, "x" * 500, "存在しない会場"],
    "device_name": [*NAMES, "x" * 500],
    "backup_name": ["nosuch", "../../etc/passwd", "\x1b[2J", "", "."],
    "choice": ["xls", "", "PDF", "\x1b[2J"],
    "output": ["{a_dir}", "{under_a_file}", "", "{long_name}"],
    "exchange_file": [
        "{missing}",
        "{a_dir}",
        "{empty}",
        "{a_file}",
        "{not_ours}",
        "{forged_big}",
        "{forged_nan}",
        "{forged_name}",
        "{forged_device}",
        "{under_a_file}",
        "{unreadable}",
    ],
    "sub_command": ["frob", "", "\x1b[2J"],
    "phone_address": ["0.0.0.0", "", "cafe.example", "::", "192.168.1.300", "224.0.0.1", "\x1b[2J"],
    "port": [*NUMBERS, "65536"],
    "card_count": [*NUMBERS, "401"],
    "questionnaire_ref": ["nosuch/1", "", "   ", "\x1b[2J", "../../etc/passwd", "x" * 500],
    "pairing_file": [
        "{good_file}",  # an exchange file is not a pairing file
        "{missing}",
        "{a_dir}",
        "{empty}",
        "{a_file}",
        "{not_ours}",
        "{forged_name}",
        "{under_a_file}",
        "{unreadable}",
    ],
    "pairing_code": [
        "",
        "   ",
        "1234",
        "ABCD-EFGH-J",
        "0000-0000",  # not in the alphabet (no 0, O, 1, I, L)
        "ABCD\u202eEFGH",
        "ABCD\x1b[2JEFGH",
        "x" * 500,
    ],
    "confirmation_number": [
        "",
        "12345",
        "1234567",
        "12a456",
        "²23456",
        "①23456",
        "123\u202e456",
        "\x1b[2J",
        BIG,
    ],
    "device_reference": [*NAMES, "x" * 500, "存在しないPC", "5e75920"],
    "letter_text": [*(name for name in NAMES if name.strip()), "x" * 101],
    "letter_date": ["1800-01-01", "2026-02-30", "²", "令和8年4月10日", "2026-04-10\x1b[2J"],
    "form_file": [
        "{missing}",
        "{a_dir}",
        "{empty}",
        "{a_file}",
        "{not_ours}",
        "{good_file}",  # an exchange file is no Excel form
        "{under_a_file}",
        "{unreadable}",
    ],
}
# Good values for what a command needs, so that only one word at a time is bad.
GOOD = {
    "date": "2026-11-01",
    "first": "2026-10-01",
    "last": "2026-11-01",
    "month": "2026-10",
    "year": "2025",
    "format": "csv",
    "output": "{out}/report.csv",
    "files": "{good_file}",
    "backup restore name": "nosuch",  # any name: the bad ones vary it
    "sync name name": "会場PC 1",
    "sync export output": "{out}/x.zip",
    "invitation": "{good_file}",
    "answer": "{good_file}",
    "code": "ABCD-EFGH",
    "device": "会場PC 2",
    "reference": "0123abcd",
}


@dataclass(frozen=True)
class Leaf:
    path: tuple[str, ...]
    parser: argparse.ArgumentParser


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Leaf]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield Leaf(path, parser)
    for action in subs:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


def kind_of(leaf: Leaf, dest: str) -> str:
    return VALUE_KINDS.get(f"{' '.join(leaf.path)} {dest}") or VALUE_KINDS[dest]


def good_value(leaf: Leaf, dest: str) -> str:
    return GOOD.get(f"{' '.join(leaf.path)} {dest}") or GOOD[dest]


def option(action: argparse.Action) -> str | None:
    return max(action.option_strings, key=len) if action.option_strings else None


def base_argv(leaf: Leaf) -> list[str]:
    """The command with good values for everything it requires."""
    argv = list(leaf.path)
    for action in leaf.parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.dest in FLAGS:
            continue
        flag = option(action)
        if flag is None or action.required or action in first_of_required_groups(leaf):
            value = good_value(leaf, action.dest)
            argv += [value] if flag is None else [flag, value]
    if leaf.path == ("sync", "retire"):
        argv.append("--confirm")  # without it only a question is printed
    return [*argv, "--data-dir", "{data}"]


def first_of_required_groups(leaf: Leaf) -> list[argparse.Action]:
    """One of --format | --template must be given: base_argv gives the first."""
    groups = leaf.parser._mutually_exclusive_groups
    return [g._group_actions[0] for g in groups if g.required]


def without_rivals(leaf: Leaf, action: argparse.Action, argv: list[str]) -> list[str]:
    """The argv without the options that may not be given beside `action`."""
    for group in leaf.parser._mutually_exclusive_groups:
        if action in group._group_actions:
            for rival in group._group_actions:
                flag = option(rival)
                if rival is not action and flag in argv:
                    at = argv.index(flag)
                    argv = argv[:at] + argv[at + 2 :]
    return argv


def with_value(leaf: Leaf, action: argparse.Action, bad: str) -> list[str]:
    argv = without_rivals(leaf, action, base_argv(leaf))
    flag = option(action)
    if flag is None:
        good = good_value(leaf, action.dest)
        return [bad if word == good else word for word in argv]
    if flag in argv:
        at = argv.index(flag)
        return [*argv[: at + 1], bad, *argv[at + 2 :]]
    return [*argv, flag, bad]


def cases() -> Iterator[Any]:
    parser = build_parser()
    for leaf in leaves(parser):
        name = " ".join(leaf.path)
        for action in leaf.parser._actions:
            if isinstance(action, argparse._SubParsersAction) or action.dest in FLAGS:
                continue
            kind = kind_of(leaf, action.dest)
            if (leaf.path[0], kind) in LEFT_TO_THE_WINDOW:
                continue
            values = [bad for bad in BAD_VALUES[kind] if (name, bad) not in NOT_BAD]
            for at, bad in enumerate(values):
                argv = with_value(leaf, action, bad)
                label = f"{name} {option(action) or action.dest}={bad!r}"
                yield from _in_languages(argv, label, english=at == 0)
        yield from _in_languages([*base_argv(leaf), "--frob"], f"{name} --frob", english=True)
        required = [a for a in leaf.parser._actions if a.required and a.option_strings]
        for action in required:
            argv = base_argv(leaf)
            at = argv.index(option(action))
            label = f"{name} without {option(action)}"
            yield from _in_languages(argv[:at] + argv[at + 2 :], label, english=True)
    for bad in BAD_VALUES["sub_command"]:
        yield from _in_languages([bad, "--data-dir", "{data}"], f"command={bad!r}", english=True)


def _in_languages(argv: list[str], label: str, english: bool) -> Iterator[Any]:
    """Every case in Japanese (the default); the first of each option's values in English
    too (the language is one mechanism, describe(); running all twice only doubles the time)."""
    yield pytest.param(argv, "ja", id=f"{label} ja")
    if english:
        yield pytest.param(["--lang", "en", *argv], "en", id=f"{label} en")


CASES = list(cases())


def test_every_option_of_every_command_has_a_kind():
    """A new option must say what bad values it gets (and a flag that it has none)."""
    for leaf in leaves(build_parser()):
        for action in leaf.parser._actions:
            if action.dest not in FLAGS:
                assert kind_of(leaf, action.dest) in BAD_VALUES, (leaf.path, action.dest)


def test_the_cases_reach_every_command():
    commands = {" ".join(leaf.path) for leaf in leaves(build_parser())}
    assert {"export daily", "sync import", "backup restore", "demo", "info", "gui"} <= commands
    for command in commands:
        assert any(str(case.id).startswith(command + " ") for case in CASES), command
    assert {case.values[1] for case in CASES} == {"ja", "en"}


# -- the places the bad values point at -----------------------------------------------------


class Places:
    """Files and folders a bad value names; fresh ones where a run would change them."""

    def __init__(self, root: Path, data: DataFolder, good_file: Path, forged: dict[str, Path]):
        self.root = root
        self.data = data
        self.good_file = good_file
        self.forged = forged
        self.serial = count()

    def fresh(self, name: str) -> Path:
        folder = self.root / "fresh" / f"{name}-{next(self.serial)}"
        folder.mkdir(parents=True)
        return folder

    def value(self, token: str) -> str:
        root = self.root
        if token == "not_sqlite":  # set aside by the run, so a new one each time
            folder = self.fresh("not-sqlite")
            (folder / "tsunagari.sqlite3").write_bytes(b"hello")
            return str(folder)
        if token == "other_app":
            folder = self.fresh("other-app")
            conn = sqlite3.connect(folder / "tsunagari.sqlite3")
            conn.execute("CREATE TABLE recipe (name TEXT)")
            conn.close()
            return str(folder)
        if token == "unreadable":
            path = root / "unreadable.zip"
            if not path.exists():
                path.write_bytes(self.good_file.read_bytes())
                path.chmod(0)
            return str(path)
        fixed = {
            "data": self.data.root,
            "out": root / "out",
            "a_file": root / "plain.txt",
            "a_dir": root / "a-folder",
            "under_a_file": root / "plain.txt" / "inside.zip",
            "long_name": root / ("x" * 300 + ".csv"),
            "missing": root / "no-such-file.zip",
            "empty": root / "empty.zip",
            "not_ours": root / "not-ours.zip",
            "good_file": self.good_file,
            **{f"forged_{k}": v for k, v in self.forged.items()},
        }
        return str(fixed[token])

    def argv(self, words: list[str]) -> list[str]:
        return [re.sub(r"\{(\w+)\}", lambda m: self.value(m.group(1)), word) for word in words]


def _venue_pc(root: Path, migrated: bytes, coordinator: DataFolder) -> tuple[Path, dict[str, Path]]:
    """Another PC's exchange file (a day with a visit, and a KPI target), and the same
    file forged as that PC itself could: a signature cannot vouch for the values."""
    folder = DataFolder(root / "pc2")
    folder.root.mkdir(parents=True)
    folder.database.write_bytes(migrated)
    ctx = open_database(folder=folder)
    hub = open_database(folder=coordinator)
    try:
        ledger.set_device_name(ctx, "会場PC 2")
        pair(hub, ctx, root / "pairing")
        venue = venues.complete_setup(ctx, "NPOつながり", "東部センター", "in_person")
        event = events.open_event(ctx, venue.id)
        checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, age_band="30s"))
        targets.set_target(ctx, 2026, "consultations", 180, "kpi", "output")
        good = export_for_coordinator(ctx, root / "pc2.tsunagari").path
        return good, _forged(hub, ctx, good, root)
    finally:
        ctx.close()
        hub.close()


def _forged(hub: AppContext, pc: AppContext, good: Path, root: Path) -> dict[str, Path]:
    def big(row: dict[str, Any]) -> None:
        row["number"] = 2**70

    def escape(row: dict[str, Any]) -> None:
        row["name"] = "\x1b[2J中央"

    line = content(hub, good)["tables/kpi_target.jsonl"].decode().splitlines()[0]

    def forged(name: str, table: str, **how: Any) -> Path:
        return forge(hub, pc, good, root / f"{name}.tsunagari", table, **how)

    return {
        "big": forged("big", "visit", edit=big),
        "nan": forged("nan", "kpi_target", raw_line=line.replace("180.0", "NaN")),
        "name": forged("name", "venue", edit=escape),
        "device": forged("device", "venue", device_name="PC\u202e2"),
    }


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory, migrated_database: bytes) -> Places:
    root = tmp_path_factory.mktemp("bad-input")
    migrated = migrated_database
    data = DataFolder(root / "data")
    data.root.mkdir()
    data.database.write_bytes(migrated)
    ctx = open_database(folder=data)
    try:
        venue = venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, nickname="さくら"))
    finally:
        ctx.close()
    (root / "plain.txt").write_text("not a zip", encoding="utf-8")
    (root / "a-folder").mkdir()
    (root / "empty.zip").write_bytes(b"")
    import zipfile

    with zipfile.ZipFile(root / "not-ours.zip", "w") as archive:
        archive.writestr("hello.txt", "hi")
    good, forged = _venue_pc(root, migrated, data)
    return Places(root, data, good, forged)


def dump(folder: DataFolder) -> list[str]:
    """Every row of every table, read without the app (which might write on opening)."""
    conn = sqlite3.connect(f"file:{folder.database}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return sorted(
            f"{t}:{row!r}" for t in tables for row in conn.execute(f'SELECT * FROM "{t}"')
        )
    finally:
        conn.close()


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """gui and survey hand over to the window: a stand-in that opens nothing."""
    monkeypatch.setattr(cli, "find_frontend", lambda name: lambda options: 0)


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, out: str, err: str, lang: str, argv: list[str]) -> None:
    assert "Traceback" not in out + err
    assert code == cli.EXIT_ERROR, (code, out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("tsunagari: ")
    assert not any(c in line for c in "\x1b\x07\x9b\u202e\u200b\x00"), line
    if lang == "ja":
        assert has_japanese(line), line
    else:  # what the person typed may be Japanese; the sentence around it is not
        sentence = line
        for word in argv:
            sentence = sentence.replace(word, "")
        sentence = sentence.replace("東部センター", "").replace("中央", "").replace("館", "")
        assert not any("\u3040" <= c <= "\u30ff" for c in sentence), line


@pytest.mark.parametrize(("words", "lang"), CASES)
@pytest.mark.usefixtures("no_window")
def test_bad_input_is_refused_with_a_sentence(capsys, places: Places, words, lang):
    if "{unreadable}" in words and os.geteuid() == 0:
        pytest.skip("root reads any file")
    argv = places.argv(words)
    before = dump(places.data)

    code, out, err = run(capsys, argv)

    assert_refused(code, out, err, lang, argv)
    assert dump(places.data) == before


# -- what used to slip through ----------------------------------------------------------------


def test_demo_days_zero_is_refused_not_read_as_the_default(capsys, tmp_path):
    code, out, err = run(capsys, ["demo", "--days", "0", "--data-dir", str(tmp_path)])
    assert_refused(code, out, err, "ja", [])
    assert not (tmp_path / "demo").exists()


def test_a_day_before_showa_is_written_in_its_era(capsys, places: Places):
    out_file = places.root / "out" / "1900.csv"
    argv = ["export", "daily", "--date", "1900-01-01", "--format", "csv", "-o", str(out_file)]
    code, _, err = run(capsys, [*argv, "--data-dir", str(places.data.root)])
    assert (code, err) == (0, "")
    assert "明治33年1月1日" in out_file.read_text(encoding="utf-8-sig")


def test_full_width_digits_are_a_year(capsys, places: Places):
    out_file = places.root / "out" / "fy.csv"
    argv = ["export", "fiscal-year", "--year", "２０２５", "--format", "csv", "-o", str(out_file)]
    code, _, err = run(capsys, [*argv, "--data-dir", str(places.data.root)])
    assert (code, err) == (0, "")


def test_names_from_the_database_are_printed_escaped(capsys, tmp_path, migrated_database):
    """Names saved before the rule, or by another app: `info` and `sync status` escape them."""
    folder = DataFolder(tmp_path / "old")
    folder.root.mkdir()
    folder.database.write_bytes(migrated_database)
    ctx = open_database(folder=folder)
    try:
        venue = venues.complete_setup(ctx, "NPO", "中央", "in_person")
        events.open_event(ctx, venue.id)
        settings.put(ctx, settings.ORGANISATION, "NPO\x1b]0;owned\x07")
        settings.put(ctx, ledger.DEVICE_NAME, "PC\u202e1")
        with ctx.sessions.begin() as session:
            session.execute(
                venues.Venue.__table__.update().values(name="\x1b[2J中央\x9b")  # type: ignore[attr-defined]
            )
    finally:
        ctx.close()
    for command in (["info"], ["sync", "status"]):
        code, out, err = run(capsys, [*command, "--data-dir", str(folder.root)])
        assert (code, err) == (0, "")
        assert not any(c in out for c in "\x1b\x07\x9b\u202e"), out
    assert "\\x1b[2J中央\\x9b" in out
    assert "PC\\u202e1" in out


# -- the safety net ----------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("さくら secret 090-1234-5678")


def test_anything_unforeseen_is_one_line_and_a_log_without_data(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("kiosk.cli.main._info", _boom)
    code, _, err = run(capsys, ["info", "--data-dir", str(tmp_path)])
    assert code == cli.EXIT_UNEXPECTED
    assert "Traceback" not in err
    [line] = err.splitlines()
    log = DataFolder(tmp_path).error_log
    assert line.startswith("tsunagari: 予期しないエラーが起きました") and str(log) in line
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "kiosk/cli/main.py" in text and "command: info" in text
    assert "さくら" not in text and "secret" not in text and "5678" not in text


def test_with_debug_the_traceback_is_printed_too(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("kiosk.cli.main._info", _boom)
    code, _, err = run(capsys, ["--lang", "en", "info", "--debug", "--data-dir", str(tmp_path)])
    assert code == cli.EXIT_UNEXPECTED
    assert err.startswith("tsunagari: Something unexpected went wrong.")
    assert "Traceback" in err and "RuntimeError" in err


def test_when_no_log_can_be_written_it_says_so(capsys, tmp_path, monkeypatch):
    (tmp_path / "logs").write_text("a file where the log folder would go")
    monkeypatch.setattr("kiosk.cli.main._dispatch", _boom)
    code, _, err = run(capsys, ["info", "--data-dir", str(tmp_path)])
    assert code == cli.EXIT_UNEXPECTED
    [line] = err.splitlines()
    assert "--debug" in line and has_japanese(line)


def test_every_line_the_cli_prints_goes_through_shown():
    """print(shown(...)) everywhere: a name from a file cannot reach the terminal raw."""
    for path in sorted((PROJECT / "kiosk" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Call) and getattr(first.func, "id", None) == "shown", (
                    f"{path.name}:{node.lineno}"
                )


# -- real bytes on a real command line ----------------------------------------------------


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ([b"sync", b"name", b"\xff\xfePC"], "ja"),
        ([b"sync", b"import", b"/tmp/\x83t\x83@\x83C\x83\x8b.zip"], "en"),
    ],
    ids=["sync name", "a file name in Shift_JIS"],
)
def test_arguments_that_are_not_utf8_are_refused(tmp_path, words, lang):
    argv = [os.fsencode(sys.executable), b"-m", b"kiosk", *words]
    argv += [b"--data-dir", os.fsencode(tmp_path / "data"), b"--lang", lang.encode()]
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "LC_ALL": "C.UTF-8"}
    done = subprocess.run(argv, capture_output=True, timeout=60, cwd=PROJECT, env=env, check=False)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Traceback" not in err
    [line] = err.splitlines()
    assert "UTF-8" in line
    assert has_japanese(line) == (lang == "ja")
    assert not (tmp_path / "data").exists()  # refused before anything was opened


def test_build_parser_date_type_gives_a_date():
    args = build_parser().parse_args(
        ["export", "daily", "--date", "2026-11-01", "--format", "csv", "-o", "x"]
    )
    assert args.date == date(2026, 11, 1)
