"""Child process of test_migration_crashes and bench/kill_migrations.py: open, get killed.

Usage: python migration_child.py   (then one command per line on stdin)

It imports the app once, prints "ready", then for each command forks a
child that opens a data folder with open_database(), as the window does at
start, creating or upgrading the database:

    time FOLDER          the child opens FOLDER and exits; prints "took SECONDS"
    kill FOLDER DELAY    the child opens FOLDER and is sent SIGKILL after DELAY
                         seconds (no clean-up, like a pulled plug for the
                         process); prints "killed", "finished" or "failed CODE"

Forking from a process that has already imported everything makes a kill
cost milliseconds instead of the half second a new interpreter takes, so a
test can afford twenty of them, and the delay spreads over the open itself,
not over Python starting up.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from db.migrate import reference_schemas
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder

FAILED = 3  # the child's exit status when open_database raised


def open_and_exit(folder: str) -> None:
    """In the forked child: open the folder's database, then leave without clean-up."""
    try:
        ctx = open_database(folder=DataFolder(Path(folder)))
        ctx.close()
    except KioskError as exc:
        os.write(2, f"{exc.code}\n".encode())
        os._exit(FAILED)
    except BaseException as exc:
        os.write(2, f"{type(exc).__name__}: {exc}\n".encode())
        os._exit(FAILED + 1)
    os._exit(0)


def run(folder: str, delay: float | None) -> str:
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        open_and_exit(folder)
    if delay is not None:
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)  # a child that has exited is a zombie: no error
    _, status = os.waitpid(pid, 0)
    took = time.perf_counter() - started
    if os.WIFSIGNALED(status):
        return "killed"
    code = os.WEXITSTATUS(status)
    if code == 0:
        return f"took {took:.4f}" if delay is None else "finished"
    return f"failed {code}"


def main() -> None:
    # What every open would do first in memory, before it touches the file:
    # done once here, so the kills fall on the work on the file itself.
    import alembic.command  # noqa: F401

    reference_schemas()  # reads the migration scripts too

    print("ready", flush=True)
    for line in sys.stdin:
        command, folder, *rest = line.split()
        delay = float(rest[0]) if command == "kill" else None
        print(run(folder, delay), flush=True)


if __name__ == "__main__":
    main()
