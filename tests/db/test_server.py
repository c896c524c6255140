"""The database on a server (PostgreSQL): what a file never meets.

Opening it creates or upgrades the schema in place (no file to copy aside),
refuses another application's database or a newer release's untouched, and
says clearly when the server cannot be reached. Several devices write to one
event at once without two visitors ever getting the same number or pickup
code. Run with TSUNAGARI_TEST_DATABASE_URL set (see tests/databases.py);
only the first test needs no server.
"""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import migrate
from db.models import ChildCare
from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError, StorageError
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from tests.databases import PostgresServer, postgresql_only


def dispose(ctx) -> None:
    ctx.close()


def run_sql(url: str, *statements: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


# --- reaching the server ------------------------------------------------------------------


def test_a_server_that_cannot_be_reached_is_one_clear_message():
    pytest.importorskip("psycopg")
    # Port 1 on loopback: nothing listens there, the connection is refused at once.
    url = "postgresql+psycopg://tsunagari:secret@127.0.0.1:1/tsunagari?connect_timeout=3"
    with pytest.raises(StorageError) as excinfo:
        open_database(url=url)
    assert excinfo.value.code == "database_server_unavailable"
    assert "--database-url" in describe(excinfo.value, "en")
    assert "secret" not in describe(excinfo.value, "ja")


def test_a_wrong_password_is_the_same_clear_message(postgres: PostgresServer):
    wrong = postgres.url.set(password="not-the-password")
    with pytest.raises(StorageError) as excinfo:
        open_database(url=wrong.render_as_string(hide_password=False))
    assert excinfo.value.code == "database_server_unavailable"


@postgresql_only
def test_a_lost_connection_is_replaced_without_the_volunteer_noticing(ctx, event, database_url):
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    # The server restarts, say: every connection the app keeps in its pool ends.
    run_sql(
        database_url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    result = checkin.check_in(ctx, checkin.count_only_request(event.id))
    assert result.visit.number == 2


def read_only(url: str) -> str:
    """The same database, through sessions that may not write (as on a standby server)."""
    return (
        make_url(url)
        .update_query_dict({"options": "-c default_transaction_read_only=on"})
        .render_as_string(hide_password=False)
    )


def test_a_read_only_server_refuses_the_first_open_and_creates_nothing(postgres: PostgresServer):
    with postgres.empty_database() as url:
        with pytest.raises(StorageError) as excinfo:
            open_database(url=read_only(url))
        assert excinfo.value.code == "database_read_only"
        assert table_names(url) == set()


@postgresql_only
def test_a_read_only_server_refuses_every_change_and_saves_nothing(
    ctx, database_url, event, db_state
):
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    before, counts = db_state(), events.counts(ctx, event.id)
    standby = replace(ctx, sessions=open_database(url=read_only(database_url)).sessions)
    try:
        assert events.counts(standby, event.id) == counts  # reading still works
        for action in (
            lambda: checkin.check_in(standby, checkin.count_only_request(event.id)),
            lambda: checkin.undo_last(standby, event.id),
            lambda: venues.add_venue(standby, "駅前サロン"),
            lambda: events.close_event(standby, event.id, force=True),
        ):
            with pytest.raises(StorageError) as excinfo:
                action()
            assert excinfo.value.code == "database_read_only"
    finally:
        dispose(standby)
    assert db_state() == before


# --- creating, upgrading, refusing -----------------------------------------------------------


def test_a_new_database_gets_the_schema_and_a_device_id(postgres: PostgresServer):
    with postgres.empty_database() as url:
        ctx = open_database(url=url)
        try:
            assert ctx.data_dir is None  # nothing of it is a file on this computer
            assert len(ctx.device_id) == 36
            assert settings.get(ctx, settings.DEVICE_ID) == ctx.device_id
            assert migrate.current_revision(ctx.engine) == migrate.head_revision()
        finally:
            dispose(ctx)
        again = open_database(url=url)
        try:
            assert again.device_id == ctx.device_id
        finally:
            dispose(again)


def test_the_previous_schema_is_upgraded_in_place_with_its_rows(postgres: PostgresServer):
    with postgres.empty_database() as url:
        old = create_engine(url, poolclass=NullPool)
        try:
            migrate.upgrade(old, target="0001")
            with old.begin() as conn:
                stamp = {"t": "2026-11-15 01:00:00"}
                conn.execute(
                    text(
                        "INSERT INTO venue (id, name, kind, active, created_at, updated_at,"
                        " device_id) VALUES ('v1', '中央公民館', 'in_person', true, :t, :t, 'old')"
                    ),
                    stamp,
                )
                conn.execute(
                    text(
                        "INSERT INTO event (id, venue_id, date, kind, status, opened_at,"
                        " created_at, updated_at, device_id) VALUES ('e1', 'v1', '2026-11-15',"
                        " 'cafe', 'open', :t, :t, :t, 'old')"
                    ),
                    stamp,
                )
        finally:
            old.dispose()

        ctx = open_database(url=url)
        try:
            assert migrate.current_revision(ctx.engine) == migrate.head_revision()
            assert [v.name for v in venues.list_venues(ctx)] == ["中央公民館"]
            assert checkin.check_in(ctx, checkin.count_only_request("e1")).visit.number == 1
        finally:
            dispose(ctx)


def test_another_applications_database_is_refused_untouched(postgres: PostgresServer):
    with postgres.empty_database() as url:
        run_sql(url, "CREATE TABLE recipe (name text)", "INSERT INTO recipe VALUES ('x')")
        with pytest.raises(KioskError) as excinfo:
            open_database(url=url)
        assert excinfo.value.code == "not_our_database"
        shown = excinfo.value.params["path"]
        assert shown.startswith("postgresql+psycopg://") and make_url(url).database in shown
        assert f":{make_url(url).password}@" not in describe(excinfo.value, "en")
        assert table_names(url) == {"recipe"}  # no alembic_version, no tables of ours


def test_a_database_from_a_newer_release_is_refused_untouched(postgres: PostgresServer):
    with postgres.empty_database() as url:
        run_sql(
            url,
            "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
            "INSERT INTO alembic_version VALUES ('9999')",
        )
        with pytest.raises(KioskError) as excinfo:
            open_database(url=url)
        assert excinfo.value.code == "database_too_new"
        assert table_names(url) == {"alembic_version"}


# --- several devices at one event ------------------------------------------------------------


@postgresql_only
def test_devices_checking_in_at_once_never_share_a_number_or_a_pickup_code(ctx, event):
    devices = [replace(ctx, device_id=f"device-{i}") for i in range(4)]
    start = threading.Barrier(len(devices))
    failures: list[Exception] = []

    def door(device) -> None:
        start.wait()
        for _ in range(8):
            try:
                checkin.check_in(
                    device, CheckInRequest(event_id=event.id, children=(ChildRequest("3-5"),))
                )
            except Exception as exc:  # any failure at all is the finding
                failures.append(exc)

    threads = [threading.Thread(target=door, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert failures == []
    numbers = sorted(v.number for v in checkin.visits_of_event(ctx, event.id))
    assert numbers == list(range(1, 33))
    with ctx.sessions() as session:
        codes = session.scalars(select(ChildCare.pickup_code)).all()
    assert len(codes) == 32 == len(set(codes))
    assert events.counts(ctx, event.id).visits == 32
