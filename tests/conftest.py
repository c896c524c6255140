"""Fixtures shared by every test: a headless Qt, a private home, a fresh database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

# Before anything imports Qt: CI has no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import select

from db.engine import make_engine
from db.migrate import upgrade
from db.models import Base
from kiosk import events, venues
from kiosk.context import AppContext
from kiosk.database import open_database
from kiosk.events import EventInfo
from kiosk.paths import DATABASE_NAME, DataFolder
from kiosk.venues import VenueInfo

JST = timezone(timedelta(hours=9))


class FakeClock:
    """A clock the test moves by hand; starts on a Sunday morning in Japan."""

    def __init__(self, start: datetime = datetime(2026, 11, 22, 10, 0, tzinfo=JST)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may read or write the real home: point HOME and XDG dirs elsewhere."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("TSUNAGARI_DATA_DIR", raising=False)
    monkeypatch.delenv("TSUNAGARI_LANG", raising=False)
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An empty database at the newest schema, migrated once for the whole run.

    Running the migrations costs most of a fresh database's time; `ctx` starts
    from a copy of this instead. It holds no device id, so each test's
    open_database() still makes its own. Tests of creating and migrating a
    database use the `folder` fixture and open_database() directly.
    """
    path = tmp_path_factory.mktemp("template") / DATABASE_NAME
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()  # checkpoints the WAL into the file
    return path.read_bytes()


@pytest.fixture
def ctx(folder: DataFolder, clock: FakeClock, migrated_database: bytes) -> Iterator[AppContext]:
    folder.root.mkdir(mode=0o700, parents=True)
    fd = os.open(folder.database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(migrated_database)
    opened = open_database(folder=folder)
    yield replace(opened, clock=clock)
    opened.sessions.kw["bind"].dispose()


@pytest.fixture
def venue(ctx: AppContext) -> VenueInfo:
    return venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")


@pytest.fixture
def event(ctx: AppContext, venue: VenueInfo) -> EventInfo:
    return events.open_event(ctx, venue.id)


@pytest.fixture
def db_state(ctx: AppContext) -> Callable[[], dict[str, list[str]]]:
    """A snapshot of every row of every table, to prove a refused action changed nothing.

    Call it before and after; the two snapshots must be equal.
    """

    def snapshot() -> dict[str, list[str]]:
        with ctx.sessions() as session:
            return {
                table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
                for table in Base.metadata.sorted_tables
            }

    return snapshot
