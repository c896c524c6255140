"""Killed mid-write, again and again: every check-in that was reported is still there.

A child process checks visitors in as fast as it can and prints each visit's
id as soon as check_in() returns. The parent kills it with SIGKILL at random
moments (no clean-up, no atexit: like a pulled plug for the process), starts
it again, and at the end every reported id must be in the database, which
must pass SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from db.models import ChildCare, Visit
from kiosk.core.database import open_database
from kiosk.door import events, venues

CHILD = Path(__file__).with_name("crash_child.py")
PROJECT = Path(__file__).resolve().parents[2]
ROUNDS = 8
FIRST_REPORTS = 3  # check-ins reported before the random wait for the kill begins


def run_until_killed(database: Path, event_id: str, delay: float) -> tuple[list[str], str]:
    """Start the child, wait for its first check-ins, let it work `delay` seconds more, SIGKILL it.

    Waiting for reported check-ins rather than for a fixed time keeps the test
    meaningful on a loaded machine, where a child may do little in half a second.
    """
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(database), event_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},  # this checkout's kiosk package
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        if first != "ready\n":  # it failed to start: show why
            child.wait(timeout=10)
            return [], child.stderr.read()
        early = [child.stdout.readline() for _ in range(FIRST_REPORTS)]
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        printed = "".join(early) + child.stdout.read()
        errors = child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, errors
    # A line cut short by the kill was not reported: keep only complete lines.
    complete = printed.split("\n")[:-1]
    return complete, errors


@pytest.mark.slow
def test_reported_check_ins_survive_sigkill(tmp_path):
    database = tmp_path / "crash.sqlite3"
    ctx = open_database(url=f"sqlite:///{database}")
    venue = venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
    event = events.open_event(ctx, venue.id)
    ctx.close()

    rng = random.Random()
    reported: list[str] = []
    for _ in range(ROUNDS):
        ids, errors = run_until_killed(database, event.id, rng.uniform(0.05, 0.5))
        assert errors == "" or "Traceback" not in errors, errors
        reported.extend(ids)

    # Enough work was interrupted for the test to mean something.
    assert len(reported) >= FIRST_REPORTS * ROUNDS, len(reported)
    assert len(set(reported)) == len(reported)

    after = open_database(url=f"sqlite:///{database}")
    try:
        with after.sessions() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
            stored = set(session.scalars(select(Visit.id)))
            missing = set(reported) - stored
            assert not missing, f"{len(missing)} reported check-ins lost"
            # At most one commit per kill can land without being reported.
            assert len(stored) - len(reported) <= ROUNDS
            numbers = session.scalars(select(Visit.number).order_by(Visit.number)).all()
            assert numbers == list(range(1, len(numbers) + 1))
            children = session.scalar(select(func.count(ChildCare.id))) or 0
            assert children >= len(reported) // 3 - ROUNDS
    finally:
        after.close()
