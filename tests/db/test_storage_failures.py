"""When the disk says no: a read-only folder, a full disk, a busy file.

Each must come back as a StorageError with a code the screens explain, and
the action must not be half-saved: the database is exactly as it was.

Tests run as root in CI, and root ignores file permissions. So the
read-only folder is tested twice: in-process through an SQLite connection
opened read-only (always), and for real with chmod in a child process that
has no power to override permissions (a normal user, or root with
CAP_DAC_OVERRIDE dropped through setpriv).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy.exc import IntegrityError, OperationalError

from db.engine import make_engine, make_session_factory
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.errors import StorageError
from kiosk.core.paths import DataFolder
from kiosk.core.transaction import storage_error, write
from kiosk.door import checkin, childcare, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest

PROJECT = Path(__file__).resolve().parents[2]


def engine_of(ctx: AppContext):
    return ctx.engine


def a_check_in(event_id: str, request_id: str | None = None) -> CheckInRequest:
    extra = {"request_id": request_id} if request_id else {}
    return CheckInRequest(
        event_id=event_id,
        age_band="30s",
        residence="resident",
        nickname=None,
        children=(ChildRequest("0", "ミルクアレルギー"), ChildRequest("3-5")),
        **extra,  # type: ignore[arg-type]
    )


# --- read-only, in-process -------------------------------------------------------------


def read_only_context(ctx: AppContext, folder: DataFolder) -> AppContext:
    """The same database through a connection SQLite opened read-only."""
    engine = make_engine(f"sqlite:///file:{folder.database}?mode=ro&uri=true")
    return AppContext(
        sessions=make_session_factory(engine), device_id=ctx.device_id, clock=ctx.clock
    )


@pytest.mark.sqlite_only
def test_a_read_only_database_refuses_every_change_and_saves_nothing(
    ctx, folder, venue, event, db_state
):
    kid = checkin.check_in(ctx, a_check_in(event.id)).visit.children[0]
    before, counts = db_state(), events.counts(ctx, event.id)
    ro = read_only_context(ctx, folder)
    try:
        assert events.counts(ro, event.id) == counts  # reading still works
        actions = [
            lambda: checkin.check_in(ro, a_check_in(event.id)),
            lambda: checkin.check_in(ro, CheckInRequest(event_id=event.id, nickname="さくら")),
            lambda: checkin.undo_last(ro, event.id),
            lambda: childcare.hand_back(ro, event.id, kid.pickup_code),
            lambda: venues.add_venue(ro, "駅前サロン"),
            lambda: events.close_event(ro, event.id, force=True),
        ]
        for action in actions:
            with pytest.raises(StorageError) as excinfo:
                action()
            assert excinfo.value.code == "read_only"
    finally:
        engine_of(ro).dispose()
    assert db_state() == before
    assert events.counts(ctx, event.id) == counts


# --- read-only, for real ----------------------------------------------------------------

CHILD_SCRIPT = """
import json, sys
from pathlib import Path
from kiosk.door import checkin, events, venues
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder

stage = "open"
try:
    ctx = open_database(folder=DataFolder(Path(sys.argv[1])))
    stage = "check_in"
    event = events.event_on(ctx, venues.current_venue(ctx).id, ctx.today())
    checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, age_band="30s"))
    print(json.dumps({"stage": "saved", "code": None}))
except KioskError as exc:
    print(json.dumps({"stage": stage, "code": exc.code, "type": type(exc).__name__}))
"""


def run_without_permission_override(folder: DataFolder) -> dict[str, str | None]:
    command = [sys.executable, "-c", CHILD_SCRIPT, str(folder.root)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and setpriv is not there to drop CAP_DAC_OVERRIDE")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", *command]
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=60, cwd=PROJECT, env=env, check=False
    )
    if done.returncode != 0 and done.stderr.startswith("setpriv:"):
        pytest.skip(f"cannot drop root's powers here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def make_ready_database(folder: DataFolder) -> None:
    """A database with today's event open, closed cleanly (no -wal/-shm left)."""
    ctx = open_database(folder=folder)
    try:
        venue = venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
        events.open_event(ctx, venue.id)
    finally:
        engine_of(ctx).dispose()


def visits_in(folder: DataFolder) -> int:
    ctx = open_database(folder=folder)
    try:
        venue = venues.current_venue(ctx)
        assert venue is not None
        today = events.event_on(ctx, venue.id, ctx.today())
        assert today is not None
        return events.counts(ctx, today.id).visits
    finally:
        engine_of(ctx).dispose()


@pytest.fixture
def ready(folder: DataFolder):
    if not hasattr(os, "geteuid"):
        pytest.skip("POSIX permissions only")
    make_ready_database(folder)
    yield folder
    folder.root.chmod(0o700)
    for path in folder.root.iterdir():
        path.chmod(0o600)


@pytest.mark.parametrize("folder_mode", [0o500, 0o700])
def test_a_read_only_data_folder_is_a_storage_error_and_saves_nothing(ready, folder_mode):
    folder = ready
    digest = hashlib.sha256(folder.database.read_bytes()).hexdigest()
    folder.database.chmod(0o400)
    folder.root.chmod(folder_mode)

    outcome = run_without_permission_override(folder)

    assert outcome["code"] == "read_only", outcome
    assert outcome["type"] == "StorageError"
    folder.root.chmod(0o700)
    folder.database.chmod(0o600)
    assert hashlib.sha256(folder.database.read_bytes()).hexdigest() == digest
    assert visits_in(folder) == 0


def test_the_child_process_can_save_when_nothing_is_read_only(ready):
    # Proves the test above fails for the right reason, not a broken child.
    outcome = run_without_permission_override(ready)
    assert outcome == {"stage": "saved", "code": None}
    assert visits_in(ready) == 1


# --- disk full --------------------------------------------------------------------------


def limit_growth(ctx: AppContext) -> Callable[..., None]:
    """From now on the database file cannot grow: what a full disk looks like to SQLite."""
    engine = engine_of(ctx)
    engine.dispose()

    def no_more_pages(dbapi_conn, _record) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    sa_event.listen(engine, "connect", no_more_pages)
    return no_more_pages


@pytest.mark.sqlite_only
def test_a_full_disk_saves_nothing_and_the_same_request_can_be_retried(ctx, event, db_state):
    limit = limit_growth(ctx)
    failed = None
    for n in range(1, 500):
        before, counts = db_state(), events.counts(ctx, event.id)
        req = CheckInRequest(
            event_id=event.id,
            nickname=f"なまえ{n}",
            children=(ChildRequest("0", "ミルクアレルギー" * 6), ChildRequest("school")),
        )
        try:
            checkin.check_in(ctx, req)
        except StorageError as exc:
            failed = (exc, req, before, counts)
            break
    assert failed is not None, "the database never filled up"
    exc, req, before, counts = failed
    assert exc.code == "disk_full"
    assert db_state() == before
    assert events.counts(ctx, event.id) == counts

    # Space freed: the screen sends the same request again and it is saved once.
    engine = engine_of(ctx)
    sa_event.remove(engine, "connect", limit)
    engine.dispose()
    result = checkin.check_in(ctx, req)
    assert not result.repeated
    assert result.visit.number == counts.visits + 1
    assert checkin.check_in(ctx, req).repeated
    assert events.counts(ctx, event.id).visits == counts.visits + 1


# --- busy --------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_database_locked_by_another_program_is_busy_and_saves_nothing(ctx, event, db_state):
    engine = engine_of(ctx)
    engine.dispose()

    def impatient(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=50")

    sa_event.listen(engine, "connect", impatient)
    before = db_state()
    other = make_engine(str(engine.url)).raw_connection()
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as excinfo:
            checkin.check_in(ctx, a_check_in(event.id))
        assert excinfo.value.code == "database_busy"
    finally:
        other.rollback()
        other.close()
    assert db_state() == before


# --- how SQLite's complaints are sorted ------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("database or disk is full", "disk_full"),
        ("attempt to write a readonly database", "read_only"),
        ("unable to open database file", "cannot_open"),
        ("database is locked", "database_busy"),
        ("disk I/O error", "io_error"),
        ("database disk image is malformed", "database_damaged"),
        ("file is not a database", "database_damaged"),
        ("something nobody expected", "storage_failed"),
    ],
)
def test_sqlite_errors_become_coded_storage_errors(message, code):
    exc = OperationalError("INSERT ...", {}, Exception(message))
    assert storage_error(exc).code == code


class ServerError(Exception):
    """What a PostgreSQL driver raises: a message (in the server's language) and a SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "code"),
    [
        ("53100", "disk_full"),
        ("25006", "database_read_only"),
        ("40001", "database_busy"),
        ("40P01", "database_busy"),
        ("55P03", "database_busy"),
        ("08006", "database_server_unavailable"),
        ("28P01", "database_server_unavailable"),
        ("3D000", "database_server_unavailable"),
        ("57P01", "database_server_unavailable"),
        ("42501", "database_permission_denied"),
        ("58030", "io_error"),
        ("XX000", "storage_failed"),
    ],
)
def test_server_errors_are_sorted_by_their_sqlstate_whatever_the_language(sqlstate, code):
    exc = OperationalError("INSERT ...", {}, ServerError("ディスクがいっぱいです", sqlstate))
    assert storage_error(exc).code == code


def test_a_server_that_cannot_be_reached_has_no_sqlstate_but_says_so():
    refused = ServerError('connection failed: connection to server at "10.0.0.5" failed', None)
    assert storage_error(OperationalError("", {}, refused)).code == "database_server_unavailable"


def test_a_broken_rule_is_a_bug_not_a_storage_failure(ctx, db_state):
    before = db_state()
    with pytest.raises(IntegrityError) as excinfo, write(ctx) as session:
        session.connection().exec_driver_sql(
            "INSERT INTO setting (id, key, value, created_at, updated_at, device_id) VALUES"
            " ('a', 'k', 'v', '2026-01-01', '2026-01-01', 'd'),"
            " ('b', 'k', 'v', '2026-01-01', '2026-01-01', 'd')"
        )
    assert not isinstance(excinfo.value, StorageError)
    assert db_state() == before


# --- damaged --------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_a_file_damaged_while_in_use_is_a_storage_error_for_reading_and_writing(
    ctx, folder, venue, event
):
    engine_of(ctx).dispose()  # closes the WAL: everything is in the main file now
    data = bytearray(folder.database.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # keep the header, ruin every table
    folder.database.write_bytes(bytes(data))

    for action in (
        lambda: events.counts(ctx, event.id),
        lambda: venues.list_venues(ctx),
        lambda: checkin.check_in(ctx, a_check_in(event.id)),
    ):
        with pytest.raises(StorageError) as excinfo:
            action()
        assert excinfo.value.code == "database_damaged"
