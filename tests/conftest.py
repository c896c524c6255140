"""Fixtures shared by every test: a headless Qt, a private home, a fresh database.

A test that asks for `ctx` (or `backend`) runs on SQLite, and a second time on
PostgreSQL when TSUNAGARI_TEST_DATABASE_URL names a server (tests/databases.py).
Screen tests (anything using Qt) and tests marked `sqlite_only` (about the
SQLite file itself: WAL, backups, damaged files, permissions) run on SQLite only.
"""

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
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DATABASE_NAME, DataFolder
from kiosk.door import events, venues
from kiosk.door.events import EventInfo
from kiosk.door.venues import VenueInfo
from tests.databases import (
    ENV_TEST_DATABASE_URL,
    POSTGRESQL,
    SQLITE,
    PostgresServer,
    backends,
    server_url,
)

JST = timezone(timedelta(hours=9))
SCREEN_TESTS = Path(__file__).resolve().parent / "ui"


class FakeClock:
    """A clock the test moves by hand; starts on a Sunday morning in Japan."""

    def __init__(self, start: datetime = datetime(2026, 11, 22, 10, 0, tzinfo=JST)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def pytest_report_header(config: pytest.Config) -> str:
    if server_url():
        return f"database backends: {', '.join(backends())}"
    return f"database backends: sqlite (set {ENV_TEST_DATABASE_URL} to add postgresql)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every database-facing test on each backend; Qt and sqlite_only ones on SQLite."""
    if "backend" not in metafunc.fixturenames:
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        if "backend" in str(mark.args[0]):
            return  # the test names its backends itself
    if (
        "qapp" in metafunc.fixturenames
        or metafunc.definition.path.is_relative_to(SCREEN_TESTS)
        or metafunc.definition.get_closest_marker("sqlite_only")
    ):
        return  # the `backend` fixture's default: SQLite, with no parameter in the test id
    metafunc.parametrize("backend", backends(), indirect=True)


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


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The PostgreSQL server of TSUNAGARI_TEST_DATABASE_URL (only asked for when it is set)."""
    url = server_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server: set {ENV_TEST_DATABASE_URL}")
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database `ctx` and friends are made on: "sqlite" or "postgresql"."""
    return str(getattr(request, "param", SQLITE))


@pytest.fixture
def database_url(
    backend: str, folder: DataFolder, request: pytest.FixtureRequest
) -> Iterator[str | None]:
    """A fresh database at the newest schema: None for the data folder's SQLite file,
    or the URL of a throwaway PostgreSQL database."""
    if backend == POSTGRESQL:
        server: PostgresServer = request.getfixturevalue("postgres")
        with server.migrated_database() as url:
            yield url
        return
    migrated: bytes = request.getfixturevalue("migrated_database")
    folder.root.mkdir(mode=0o700, parents=True)
    fd = os.open(folder.database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(migrated)
    yield None


@pytest.fixture
def ctx(database_url: str | None, folder: DataFolder, clock: FakeClock) -> Iterator[AppContext]:
    opened = open_database(url=database_url, folder=folder)
    try:
        yield replace(opened, clock=clock)
    finally:
        opened.close()


@pytest.fixture
def database_args(ctx: AppContext, database_url: str | None, folder: DataFolder) -> list[str]:
    """Command-line options that open the same database as `ctx`."""
    if database_url is None:
        return ["--data-dir", str(folder.root)]
    return ["--database-url", database_url]


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
