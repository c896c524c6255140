"""Killed while the database is made or upgraded: every file opens afterwards, whole.

bench/kill_migrations.py does this with a hundred kills of each kind and
prints the counts (README, *Crash safety*); here twenty of each. A forked
child (tests/e2e/migration_child.py) opens a data folder and is sent SIGKILL
at a random moment within the measured time of an open; each file is killed
twice, then opened. Before creation and each upgrade were one transaction,
about one file in twelve never opened again (CREATE TABLE committed on its
own, and the half-made file was taken for another application's).
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "kill_migrations.py"
KILLS = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the child forks to be killed"),
]


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kill_migrations", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kill_migrations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench()


@pytest.fixture(scope="module")
def zygote(bench: ModuleType) -> Iterator[object]:
    started = bench.Zygote()
    try:
        yield started
    finally:
        started.close()


@pytest.mark.parametrize("kind", ["new", "upgrade"])
def test_a_database_killed_while_it_is_made_or_upgraded_opens_with_nothing_lost(
    bench: ModuleType, zygote: object, kind: str, tmp_path: Path
) -> None:
    result = bench.run(kind, tmp_path, KILLS, random.Random(), zygote)

    # Every one of the KILLS landed while the work went on (run() tries until they did).
    assert result.landed >= KILLS, result.summary()
    assert result.problems == [], result.summary()
    assert result.opened == result.files, result.summary()
