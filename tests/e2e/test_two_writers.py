"""Two copies of the app checking in at one event at once: no error, nothing lost.

bench/two_writers.py runs the race for 30 s and prints the counts (README,
*Several copies at once*); here it runs for a few seconds on each backend.
Each writer is its own process with its own connection, as two laptops on a
server, or two windows on one file, would be. Before writes took the write
lock first, about one tap in ten at this pace failed with an IntegrityError
(two copies read the same max(number) and both wrote it).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.databases import POSTGRESQL, PostgresServer

BENCH = Path(__file__).resolve().parents[2] / "bench" / "two_writers.py"
SECONDS = 1.5
MIN_TAPS = 30  # each, however busy the machine


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("two_writers", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("two_writers", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def race_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == POSTGRESQL:
        server: PostgresServer = request.getfixturevalue("postgres")
        with server.migrated_database() as url:
            yield url
        return
    yield f"sqlite:///{tmp_path / 'race.sqlite3'}"


@pytest.mark.slow
def test_two_copies_checking_in_at_once_lose_nothing_and_never_fail(race_url: str) -> None:
    bench = load_bench()
    door = bench.prepare(race_url)

    result = bench.race(door, SECONDS, pause_ms=(0, 50), min_taps=MIN_TAPS)

    assert result.taps >= 2 * MIN_TAPS, result.summary()
    assert not result.errors, result.summary()
    assert result.lost == 0 and result.stored == len(result.saved), result.summary()
    assert result.numbers_ok and result.codes_unique, result.summary()
    assert result.signups > 0 and result.booked <= bench.CAPACITY, result.summary()
