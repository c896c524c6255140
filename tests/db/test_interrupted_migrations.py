"""Creation and upgrades are all or nothing, and half-made files of older releases are mended.

Releases before this one ran the migrations through pysqlite's own
transactions: every CREATE TABLE committed by itself, and only what came
after the first INSERT INTO alembic_version was one transaction. A crash
left a file that never opened again. `as_an_older_release` reproduces that
exactly: the same migrations on a plain engine, stopped just before a given
statement (what a kill there leaves, since the stopped transaction is rolled
back and what pysqlite committed stays).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Boolean, Column, Engine, create_engine, event, inspect
from sqlalchemy.pool import NullPool

from db import migrate
from db.engine import make_engine
from db.errors import MigrationBrokeForeignKeys
from db.models import Base
from kiosk.care.backups import KEEP_PRE_UPGRADE, PRE_UPGRADE, scan
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, events
from tests.db.fixtures import make_fixtures

pytestmark = pytest.mark.sqlite_only

FIXTURE_0001 = Path(__file__).resolve().parent / "fixtures" / "tsunagari-0001.sqlite3"


class Interrupted(Exception):
    """Stands for the kill: raised just before the statement named."""


def as_an_older_release(path: Path, target: str = "head", stop_before: str | None = None) -> None:
    """Migrate `path` the way releases before this one did, stopping before `stop_before`."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)  # pysqlite's own transactions

    @event.listens_for(engine, "before_cursor_execute")
    def stop(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if stop_before is not None and statement.lstrip().startswith(stop_before):
            raise Interrupted(stop_before)

    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except Interrupted:
        pass
    finally:
        engine.dispose()


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def rows(path: Path, tables: list[str]) -> dict[str, list[tuple[object, ...]]]:
    """The rows of `tables`, in the columns the fixture has (later revisions add none)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in tables}
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    return {name for (name,) in found} - {"alembic_version"}


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def version(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()


FIXTURE_TABLES = sorted(table_names(FIXTURE_0001))


@pytest.fixture
def fixture_copy(folder: DataFolder) -> Path:
    folder.root.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE_0001, folder.database)
    return folder.database


@pytest.fixture
def opened(folder: DataFolder) -> Iterator[Any]:
    """Open the folder's database (as the window does at start); disposed afterwards."""
    made: list[Any] = []

    def open_it() -> Any:
        ctx = open_database(folder=folder)
        made.append(ctx)
        return ctx

    yield open_it
    for ctx in made:
        ctx.close()


def assert_whole_at_head(ctx: Any) -> None:
    engine = ctx.engine
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert schema_differences(engine) == []


# --- all or nothing ------------------------------------------------------------------


@pytest.mark.parametrize("stop_before", ["CREATE TABLE visit", "CREATE TABLE paper_day"])
def test_a_creation_that_fails_midway_leaves_no_table_behind(tmp_path: Path, stop_before: str):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")

    @event.listens_for(engine, "before_cursor_execute")
    def stop(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith(stop_before):
            raise Interrupted(stop_before)

    try:
        with pytest.raises(Interrupted):
            migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert table_names(tmp_path / "new.sqlite3") == set()


def test_an_upgrade_that_fails_midway_changes_nothing(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_0001, path)
    before = dump(path)
    engine = make_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "before_cursor_execute")
    def stop(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith("CREATE TABLE paper_day"):  # in the last step
            raise Interrupted

    try:
        with pytest.raises(Interrupted):
            migrate.upgrade(engine)
    finally:
        engine.dispose()
    assert dump(path) == before  # still 0001: not even 0002's tables


def test_a_migration_that_leaves_rows_pointing_nowhere_is_rolled_back(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fk.sqlite3'}")
    try:
        migrate.upgrade(engine)
        with pytest.raises(MigrationBrokeForeignKeys) as excinfo, migrate.migrating(engine) as conn:
            conn.exec_driver_sql(
                "INSERT INTO event (id, venue_id, date, kind, status, opened_at, created_at,"
                " updated_at, device_id) VALUES ('e1', 'no-such-venue', '2026-11-22', 'cafe',"
                " 'open', '2026-11-22 01:00:00', '2026-11-22 01:00:00', '2026-11-22 01:00:00',"
                " 'd')"
            )
        assert excinfo.value.tables == ["event"]
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM event").scalar() == 0
            # The pooled connection has its foreign keys back.
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_a_batch_rebuild_of_a_table_others_point_to_runs_inside_the_transaction(tmp_path: Path):
    """What a future migration that rebuilds a table (Alembic's batch mode) does."""
    path = tmp_path / "batch.sqlite3"
    shutil.copyfile(FIXTURE_0001, path)
    engine = make_engine(f"sqlite:///{path}")
    try:

        def rebuild_venue(conn: Any) -> None:
            ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
            with ops.batch_alter_table("venue", recreate="always") as batch:
                batch.add_column(Column("accessible", Boolean(), nullable=True))

        with pytest.raises(Interrupted), migrate.migrating(engine) as conn:
            rebuild_venue(conn)
            raise Interrupted  # killed before the commit
        assert "accessible" not in {c["name"] for c in inspect(engine).get_columns("venue")}

        with migrate.migrating(engine) as conn:  # event and visit rows point at the venue
            rebuild_venue(conn)
        assert "accessible" in {c["name"] for c in inspect(engine).get_columns("venue")}
    finally:
        engine.dispose()
    assert rows(path, ["event", "venue"])["event"] == rows(FIXTURE_0001, ["event"])["event"]


# --- half-made files of older releases ----------------------------------------------------


@pytest.mark.parametrize(
    "stop_before",
    [
        "CREATE TABLE setting",  # alembic_version (empty) and one table
        "CREATE INDEX ix_visit_visitor",  # a table without all its indexes
        "INSERT INTO alembic_version",  # every table of 0001, no version
        "CREATE TABLE workshop",  # the INSERT was rolled back with it: the same
    ],
)
def test_a_creation_an_older_release_left_half_done_is_made_again(
    folder: DataFolder, opened: Any, stop_before: str
):
    folder.root.mkdir(mode=0o700)
    as_an_older_release(folder.database, stop_before=stop_before)
    assert table_names(folder.database)  # half made: this never opened before

    ctx = opened()

    assert_whole_at_head(ctx)
    assert not folder.backups.exists()  # nothing in it to keep


def test_a_half_created_file_with_a_row_in_it_is_not_taken_for_ours(folder: DataFolder):
    folder.root.mkdir(mode=0o700)
    as_an_older_release(folder.database, stop_before="INSERT INTO alembic_version")
    conn = sqlite3.connect(folder.database)
    with conn:
        conn.execute(
            "INSERT INTO setting (id, key, value, created_at, updated_at, device_id)"
            " VALUES ('s', 'k', 'v', '2026-11-22', '2026-11-22', 'd')"
        )
    conn.close()
    before = dump(folder.database)

    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)

    assert excinfo.value.code == "not_our_database"
    assert dump(folder.database) == before


@pytest.mark.parametrize(
    ("start", "stop_before"),
    [
        ("0001", "CREATE TABLE case_meeting"),  # 「table workshop already exists」 before
        ("0001", "CREATE INDEX ix_signup_slot"),  # a leftover table without all its indexes
        ("0001", "UPDATE alembic_version"),  # every table of 0002, still at 0001
        ("0002", "CREATE INDEX ix_paper_day_venue_date"),
    ],
)
def test_an_upgrade_an_older_release_left_half_done_is_undone_and_done_again(
    folder: DataFolder, fixture_copy: Path, opened: Any, start: str, stop_before: str
):
    if start != "0001":
        as_an_older_release(fixture_copy, target=start)
    expected = rows(fixture_copy, FIXTURE_TABLES)
    as_an_older_release(fixture_copy, stop_before=stop_before)
    assert version(fixture_copy) == [(start,)]

    ctx = opened()

    assert_whole_at_head(ctx)
    assert rows(folder.database, FIXTURE_TABLES) == expected
    # The upgraded file takes check-ins at once.
    event_id = events.open_event(ctx, make_fixtures.VENUE).id
    assert checkin.check_in(ctx, checkin.count_only_request(event_id)).visit.number == 1
    # The copy made before the upgrade is the clean revision, leftovers undone.
    [copy] = scan(folder.backups)
    engine = create_engine(f"sqlite:///{copy.path}", poolclass=NullPool)
    try:
        assert migrate.is_exactly(engine, start)
    finally:
        engine.dispose()


def interrupted_beyond_repair(path: Path) -> None:
    """At 0001 with 0002's first table, and a 0001 table changed: no way to undo in place."""
    as_an_older_release(path, stop_before="CREATE TABLE case_meeting")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE visit ADD COLUMN half_done INTEGER")
    conn.close()


def place_copy(folder: DataFolder, source: Path, taken: datetime, revision: str = "0001") -> Path:
    folder.backups.mkdir(mode=0o700, exist_ok=True)
    stamp = taken.strftime("%Y%m%d-%H%M%S")
    target = folder.backups / f"tsunagari-before-upgrade-from-{revision}-{stamp}.sqlite3"
    shutil.copyfile(source, target)
    return target


def test_a_half_upgrade_that_cannot_be_undone_is_refused_with_a_clear_message(
    folder: DataFolder, fixture_copy: Path
):
    interrupted_beyond_repair(fixture_copy)
    before = dump(fixture_copy)

    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)

    assert excinfo.value.code == "database_upgrade_interrupted"
    assert excinfo.value.params == {"path": str(fixture_copy), "revision": "0001"}
    assert dump(fixture_copy) == before


def test_a_half_upgrade_is_mended_from_the_copy_made_before_it(
    folder: DataFolder, fixture_copy: Path, opened: Any
):
    expected = rows(fixture_copy, FIXTURE_TABLES)
    first = datetime(2020, 11, 22, 9, 0)
    good = place_copy(folder, fixture_copy, first)  # what the old release copied first
    interrupted_beyond_repair(fixture_copy)
    # Each start of the old release failed and copied the half-upgraded file again.
    for n in range(1, 4):
        place_copy(folder, fixture_copy, first + timedelta(minutes=n))
    half_upgraded = dump(fixture_copy)

    ctx = opened()

    assert_whole_at_head(ctx)
    assert rows(folder.database, FIXTURE_TABLES) == expected
    [aside] = folder.root.glob("tsunagari.sqlite3.interrupted-upgrade-*")
    assert dump(aside) == half_upgraded  # kept aside, never deleted
    assert good.exists()


def test_a_copy_older_than_the_data_is_not_put_back(folder: DataFolder, fixture_copy: Path):
    older = folder.root / "older.sqlite3"
    shutil.copyfile(fixture_copy, older)
    conn = sqlite3.connect(older)
    with conn:
        conn.execute("DELETE FROM audit_entry WHERE action = 'event_closed'")
    conn.close()
    place_copy(folder, older, datetime(2020, 11, 1, 9, 0))
    interrupted_beyond_repair(fixture_copy)
    before = dump(fixture_copy)

    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)

    assert excinfo.value.code == "database_upgrade_interrupted"
    assert dump(fixture_copy) == before


def test_a_migration_that_fails_says_so_and_changes_nothing(folder: DataFolder, fixture_copy):
    conn = sqlite3.connect(fixture_copy)
    with conn:  # not a leftover of ours: a view in the way of 0002's first table
        conn.execute("CREATE VIEW workshop AS SELECT 1")
    conn.close()
    before = dump(fixture_copy)

    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)

    # Before: 「保存できませんでした。もう一度押してください」 (storage_failed).
    assert excinfo.value.code == "database_upgrade_failed"
    assert dump(fixture_copy) == before


# --- pre-upgrade copies ---------------------------------------------------------------------


def test_pre_upgrade_copies_are_rotated(folder: DataFolder, fixture_copy: Path, opened: Any):
    start = datetime(2020, 1, 1, 9, 0)
    made = [place_copy(folder, fixture_copy, start + timedelta(days=n)) for n in range(8)]
    daily = folder.backups / "tsunagari-daily-20200101-090000.sqlite3"
    shutil.copyfile(fixture_copy, daily)

    opened()

    copies = [b for b in scan(folder.backups) if b.kind == PRE_UPGRADE]
    assert len(copies) == KEEP_PRE_UPGRADE
    assert all(not p.exists() for p in made[: 8 + 1 - KEEP_PRE_UPGRADE])  # the oldest went
    assert all(p.exists() for p in made[8 + 1 - KEEP_PRE_UPGRADE :])
    assert daily.exists()  # other kinds are rotate()'s business
