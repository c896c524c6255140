"""`python bench/two_writers.py [--seconds 30] [--pause-ms 0 50] [--database-url URL]`

Two copies of the app checking visitors in at one event of one database at
the same time, as two laptops on a central server or two windows on one file
would. Each copy is its own process: it taps "check in" with a random pause
between taps, brings a child to childcare every sixth time (a pickup code)
and signs every fourth visitor up for a workshop with 20 places (waitlist
when full). At the end every check-in each copy was told was saved must be in
the database, the numbers must run 1, 2, 3… without a gap or a repeat, no
pickup code may repeat, no workshop may be over its places, and no tap may
have ended in an error. Prints the counts; exits 1 if any of that failed.

Without --database-url it races on a new SQLite file in a temporary folder.
tests/e2e/test_two_writers.py runs the same race for a few seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import time as clock_time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from sqlalchemy import func, select  # noqa: E402

from db.models import ChildCare, Signup, Visit  # noqa: E402
from kiosk.core.database import open_database  # noqa: E402
from kiosk.door import events, venues  # noqa: E402
from kiosk.workshops import catalogue, slots  # noqa: E402

CAPACITY = 20
CHILD_EVERY = 6
SIGNUP_EVERY = 4


@dataclass(frozen=True)
class Door:
    """What the two copies check in to."""

    url: str
    event_id: str
    slot_id: str


@dataclass
class RaceResult:
    taps: int = 0
    saved: list[str] = field(default_factory=list)  # visit ids each copy was told were saved
    errors: Counter[str] = field(default_factory=Counter)  # by error code or exception type
    stored: int = 0
    lost: int = 0
    numbers_ok: bool = False
    codes_unique: bool = False
    booked: int = 0
    children: int = 0
    signups: int = 0
    waits_ms: list[float] = field(default_factory=list)  # each tap: check-in (and sign-up)

    @property
    def ok(self) -> bool:
        return (
            not self.errors
            and self.lost == 0
            and self.stored == len(self.saved)
            and self.numbers_ok
            and self.codes_unique
            and self.booked <= CAPACITY
        )

    def summary(self) -> str:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (
            f"taps {self.taps}, saved {len(self.saved)}, stored {self.stored}, "
            f"lost {self.lost}, errors {sum(self.errors.values())} ({errors}), "
            f"numbers 1..n without gap or repeat: {'yes' if self.numbers_ok else 'NO'}, "
            f"pickup codes unique: {'yes' if self.codes_unique else 'NO'} "
            f"({self.children} children), workshop booked {self.booked}/{CAPACITY} "
            f"({self.signups} sign-ups); a tap took {self.percentile(50):.0f} ms median, "
            f"{self.percentile(95):.0f} ms at the 95th percentile, {self.percentile(100):.0f} ms "
            "at most"
        )

    def percentile(self, p: float) -> float:
        if not self.waits_ms:
            return 0.0
        ordered = sorted(self.waits_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def prepare(url: str) -> Door:
    """A venue, today's event and one workshop slot with CAPACITY places."""
    ctx = open_database(url=url)
    try:
        venue = venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        workshop = catalogue.add_workshop(
            ctx, catalogue.WorkshopDraft(name="アロマハンド", default_capacity=CAPACITY)
        )
        slot = slots.add_slot(ctx, event.id, workshop.id, clock_time(0, 0))
    finally:
        ctx.close()
    return Door(url, event.id, slot.id)


def race(
    door: Door,
    seconds: float,
    pause_ms: tuple[float, float] = (0, 50),
    writers: int = 2,
    min_taps: int = 0,
) -> RaceResult:
    """Start `writers` processes, let them check in for `seconds` (and at least
    `min_taps` times each, however slow the machine), then count."""
    children = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child",
                door.url,
                door.event_id,
                door.slot_id,
                str(seconds),
                str(pause_ms[0]),
                str(pause_ms[1]),
                str(min_taps),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
        )
        for _ in range(writers)
    ]
    result = RaceResult()
    try:
        for child in children:  # every copy has its database open: start together
            assert child.stdout is not None
            line = child.stdout.readline()
            if line != "ready\n":
                raise RuntimeError(f"a writer did not start: {child.communicate()[1][-2000:]}")
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children:
            out, err = child.communicate(timeout=seconds + 60)
            if child.returncode != 0:
                raise RuntimeError(f"a writer failed: {err[-2000:]}")
            report = json.loads(out)
            result.taps += report["taps"]
            result.saved += report["saved"]
            result.errors.update(report["errors"])
            result.waits_ms += report["waits_ms"]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    count(door, result)
    return result


def count(door: Door, result: RaceResult) -> None:
    """What the database holds, against what the writers were told."""
    ctx = open_database(url=door.url)
    try:
        with ctx.sessions() as session:
            ids = set(session.scalars(select(Visit.id).where(Visit.event_id == door.event_id)))
            numbers = sorted(
                session.scalars(select(Visit.number).where(Visit.event_id == door.event_id))
            )
            codes = list(
                session.scalars(
                    select(ChildCare.pickup_code).where(ChildCare.event_id == door.event_id)
                )
            )
            result.booked = (
                session.scalar(
                    select(func.count())
                    .select_from(Signup)
                    .where(Signup.slot_id == door.slot_id, Signup.status == "booked")
                )
                or 0
            )
            result.signups = (
                session.scalar(
                    select(func.count()).select_from(Signup).where(Signup.slot_id == door.slot_id)
                )
                or 0
            )
    finally:
        ctx.close()
    result.stored = len(ids)
    result.lost = len(set(result.saved) - ids)
    result.numbers_ok = numbers == list(range(1, len(numbers) + 1))
    result.codes_unique = len(codes) == len(set(codes))
    result.children = len(codes)


def child(door: Door, seconds: float, pause_ms: tuple[float, float], min_taps: int) -> None:
    """One copy of the app at the door: tap, wait a moment, tap again."""
    from kiosk.core.errors import KioskError
    from kiosk.door.checkin import CheckInRequest, ChildRequest, check_in
    from kiosk.workshops.signups import sign_up

    ctx = open_database(url=door.url)
    print("ready", flush=True)
    sys.stdin.readline()
    rng = random.Random()
    taps, saved, errors, waits = 0, [], Counter[str](), []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or taps < min_taps:
        time.sleep(rng.uniform(*pause_ms) / 1000)
        taps += 1
        kids = (ChildRequest("1-2"),) if taps % CHILD_EVERY == 0 else ()
        started = time.perf_counter()
        try:
            visit = check_in(
                ctx, CheckInRequest(event_id=door.event_id, age_band="30s", children=kids)
            ).visit
            saved.append(visit.id)
            if taps % SIGNUP_EVERY == 0:
                sign_up(ctx, door.slot_id, visit.id, waitlist_if_full=True)
        except KioskError as exc:
            errors[exc.code] += 1
        except Exception as exc:  # what the window would show as 予期しないエラー
            errors[type(exc).__name__] += 1
            print(f"{type(exc).__name__}: {str(exc)[:300]}", file=sys.stderr)
        waits.append(round((time.perf_counter() - started) * 1000, 2))
    ctx.close()
    print(json.dumps({"taps": taps, "saved": saved, "errors": errors, "waits_ms": waits}))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--child":
        url, event_id, slot_id, seconds, low, high, min_taps = args[1:8]
        child(
            Door(url, event_id, slot_id), float(seconds), (float(low), float(high)), int(min_taps)
        )
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pause-ms", type=float, nargs=2, default=(0, 50), metavar=("MIN", "MAX"))
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    parsed = parser.parse_args(args)
    with tempfile.TemporaryDirectory(prefix="tsunagari-race-") as work:
        url = parsed.database_url or f"sqlite:///{Path(work) / 'race.sqlite3'}"
        door = prepare(url)
        result = race(door, parsed.seconds, tuple(parsed.pause_ms), parsed.writers)
    backend = url.split(":", 1)[0].split("+")[0]
    print(
        f"{parsed.writers} writers, {parsed.seconds:g} s, {parsed.pause_ms[0]:g}–"
        f"{parsed.pause_ms[1]:g} ms between taps, {backend}: {result.summary()}"
    )
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
