"""`python bench/kill_migrations.py [--kills 100]`: kill the app while it makes or upgrades its database.

Two runs of `--kills` SIGKILLs each:
- new: a new data folder is opened (the database is created) and the process
  is killed at a random moment of that;
- upgrade: a copy of the 0001 fixture (tests/db/fixtures/tsunagari-0001.sqlite3,
  a database as the first release left it) is opened, so it is copied aside
  and upgraded, and the process is killed at a random moment of that.

Each file is killed twice (the second kill lands in whatever the next start
does with what the first left), then opened once more: it must open, at the
newest schema, with every row of the fixture still there, and with no more
pre-upgrade copies than the rotation keeps. The kill delays are spread over
the measured time of an open that is not killed, so they fall inside the
work itself. Prints the counts; exits 1 if any file failed.

tests/e2e/test_migration_crashes.py runs the same with twenty kills each.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from sqlalchemy import inspect  # noqa: E402

from db.migrate import HEAD_REVISION, current_revision  # noqa: E402
from db.models import Base  # noqa: E402
from kiosk.care.backups import KEEP_PRE_UPGRADE, PRE_UPGRADE, scan  # noqa: E402
from kiosk.core.database import open_database  # noqa: E402
from kiosk.core.errors import KioskError  # noqa: E402
from kiosk.core.paths import DataFolder  # noqa: E402

CHILD = PROJECT / "tests" / "e2e" / "migration_child.py"
FIXTURE_0001 = PROJECT / "tests" / "db" / "fixtures" / "tsunagari-0001.sqlite3"
KILLS_PER_FILE = 2


@dataclass
class KillResult:
    kind: str
    seconds: float = 0.0  # how long an open that is not killed takes (median)
    kills: int = 0  # kills sent
    landed: int = 0  # of which the child was still working (not finished already)
    files: int = 0
    opened: int = 0  # files that opened afterwards, whole
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.opened == self.files and not self.problems

    def summary(self) -> str:
        return (
            f"{self.kind}: {self.kills} kills ({self.landed} while it worked, open takes "
            f"{self.seconds * 1000:.0f} ms) on {self.files} files; {self.opened} of "
            f"{self.files} opened afterwards with nothing lost"
            + (f"; problems: {'; '.join(self.problems[:5])}" if self.problems else "")
        )


class Zygote:
    """tests/e2e/migration_child.py: forks an opening child on command."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
        )
        if self.ask(None) != "ready":
            raise RuntimeError("migration_child.py did not start")

    def ask(self, command: str | None) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def new_folder(root: Path) -> DataFolder:
    return DataFolder(root)


def fixture_folder(root: Path) -> DataFolder:
    folder = DataFolder(root)
    folder.root.mkdir(mode=0o700, parents=True)
    shutil.copyfile(FIXTURE_0001, folder.database)
    return folder


def rows(path: Path, tables: list[str] | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of `tables` (default: every table of the fixture), its columns only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if tables is None:
            tables = [
                name
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                )
            ]
        found = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[table] = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY id').fetchall()
        return found
    finally:
        conn.close()


def check_opens(folder: DataFolder, expected: dict[str, list[tuple[object, ...]]] | None) -> str:
    """'' when the folder's database opens whole at the newest schema, else what is wrong."""
    try:
        ctx = open_database(folder=folder)
    except KioskError as exc:
        return f"does not open ({exc.code})"
    try:
        engine = ctx.engine
        if current_revision(engine) != HEAD_REVISION:
            return f"at revision {current_revision(engine)}"
        missing = set(Base.metadata.tables) - set(inspect(engine).get_table_names())
        if missing:
            return f"tables missing: {sorted(missing)}"
    finally:
        ctx.close()
    if expected is not None:
        now = rows(folder.database, list(expected))
        for table, before in expected.items():
            lost = set(before) - set(now[table])
            if lost:
                return f"{len(lost)} rows of {table} lost"
    copies = [b for b in scan(folder.backups) if b.kind == PRE_UPGRADE]
    if len(copies) > KEEP_PRE_UPGRADE:
        return f"{len(copies)} pre-upgrade copies kept"
    return ""


MAX_TRIES_PER_KILL = 5  # attempts per landed kill before giving up on a machine this noisy


def run(kind: str, work: Path, kills: int, rng: random.Random, zygote: Zygote) -> KillResult:
    """`kills` SIGKILLs that land while new databases are made (kind "new") or the fixture
    is upgraded; each file is killed KILLS_PER_FILE times, then opened."""
    make = new_folder if kind == "new" else fixture_folder
    expected = rows(FIXTURE_0001) if kind == "upgrade" else None
    result = KillResult(kind)
    timings = []
    for n in range(3):
        folder = make(work / f"{kind}-timed-{n}")
        answer = zygote.ask(f"time {folder.root}")
        if not answer.startswith("took "):
            raise RuntimeError(f"an open that was not killed failed: {answer}")
        timings.append(float(answer.split()[1]))
    result.seconds = statistics.median(timings)
    # Until `kills` kills have landed while the work went on: on a busy machine the
    # open's time varies, and a kill that comes after the open finished proves nothing.
    n = 0
    while result.landed < kills and result.kills < kills * MAX_TRIES_PER_KILL:
        folder = make(work / f"{kind}-{n}")
        n += 1
        result.files += 1
        for _ in range(KILLS_PER_FILE):
            answer = zygote.ask(f"kill {folder.root} {rng.uniform(0, result.seconds * 1.1):.4f}")
            result.kills += 1
            result.landed += answer == "killed"
        problem = check_opens(folder, expected)
        if problem:
            result.problems.append(f"{folder.root.name}: {problem}")
        else:
            result.opened += 1
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100, help="kills of each kind")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    results = []
    zygote = Zygote()
    try:
        with tempfile.TemporaryDirectory(prefix="tsunagari-kills-") as work:
            for kind in ("new", "upgrade"):
                results.append(run(kind, Path(work), args.kills, rng, zygote))
                print(results[-1].summary(), flush=True)
    finally:
        zygote.close()
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
