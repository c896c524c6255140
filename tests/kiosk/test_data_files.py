"""The files of the data folder: each one known, each one reached by the retention purge."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from kiosk.care import backups, data_files, retention
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.door import checkin
from kiosk.door.checkin import ChildRequest
from tests.conftest import JST
from tests.kiosk.test_period_report import hold, on_day

pytestmark = pytest.mark.sqlite_only  # files of the data folder

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "db" / "fixtures" / "tsunagari-0001.sqlite3"
OLD_DAY = date(2026, 6, 7)
TODAY = date(2026, 11, 22)  # cutoff 24 August


def kinds(folder: DataFolder) -> dict[str, str]:
    return {str(f.path.relative_to(folder.root)): f.kind for f in data_files.inventory(folder)}


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_every_file_the_app_makes_is_known(ctx: AppContext, folder: DataFolder):
    backups.create_backup(folder, "daily", datetime(2026, 11, 20, 9, 0))
    backups.create_backup(folder, "before-upgrade-from-0003", datetime(2026, 11, 1, 9, 0))
    for name in (
        "tsunagari.sqlite3.replaced-20261101-090000",
        "tsunagari.sqlite3.replaced-20261101-090000-wal",
        "tsunagari.sqlite3.damaged-20261102-090000-2",
        "tsunagari.sqlite3.partial",
        "tsunagari.sqlite3.partial-journal",
        "tsunagari.sqlite3.damaged-20261001-090000-shm",  # its file is gone
        "check-at-next-start",
        "labels/pickup-2026-11-22-417.pdf",
        "labels/.pickup-2026-11-21-233.pdf.k2j3.tmp",
        "backups/tsunagari-manual-20261121-090000.sqlite3.partial",
        "questionnaires/mine.json",
        "demo/tsunagari.sqlite3",
        "notes.txt",
        "backups/holiday.jpg",
    ):
        touch(folder.root / name)

    found = kinds(folder)

    assert found == {
        "tsunagari.sqlite3": "database",
        "backups/tsunagari-daily-20261120-090000.sqlite3": "backup",
        "backups/tsunagari-before-upgrade-from-0003-20261101-090000.sqlite3": "backup",
        "backups/tsunagari-manual-20261121-090000.sqlite3.partial": "partial",
        "backups/holiday.jpg": "unknown",
        "tsunagari.sqlite3.replaced-20261101-090000": "set_aside",
        "tsunagari.sqlite3.damaged-20261102-090000-2": "set_aside",
        "tsunagari.sqlite3.partial": "partial",
        "tsunagari.sqlite3.damaged-20261001-090000-shm": "orphan",
        "check-at-next-start": "marker",
        "labels/pickup-2026-11-22-417.pdf": "label",
        "labels/.pickup-2026-11-21-233.pdf.k2j3.tmp": "label",
        "questionnaires/mine.json": "questionnaires",
        "demo/tsunagari.sqlite3": "demo",
        "notes.txt": "unknown",
    }
    by_path = {f.path.name: f for f in data_files.inventory(folder)}
    # The live file's -wal and -shm, a set-aside file's -wal, a partial's journal go with them.
    assert {p.name for p in by_path["tsunagari.sqlite3"].companions} <= {
        "tsunagari.sqlite3-wal",
        "tsunagari.sqlite3-shm",
    }
    assert [p.name for p in by_path["tsunagari.sqlite3.replaced-20261101-090000"].companions] == [
        "tsunagari.sqlite3.replaced-20261101-090000-wal"
    ]
    assert [p.name for p in by_path["tsunagari.sqlite3.partial"].companions] == [
        "tsunagari.sqlite3.partial-journal"
    ]


def test_strays_expire_and_what_is_not_the_apps_stays(ctx, clock, folder):
    on_day(clock, TODAY)
    stray = [
        "tsunagari.sqlite3.partial",
        "tsunagari.sqlite3.partial-journal",
        "backups/tsunagari-daily-20261122-080000.sqlite3.partial",
        "tsunagari.sqlite3.damaged-20261001-090000-shm",
        "labels/pickup-2026-11-21-233.pdf",
        "labels/.pickup-2026-11-21-233.pdf.k2j3.tmp",
    ]
    stays = [
        "labels/pickup-2026-11-22-417.pdf",  # today's: still to be printed
        "questionnaires/mine.json",
        "demo/tsunagari.sqlite3",
        "notes.txt",
        "backups/holiday.jpg",
        "check-at-next-start",
    ]
    for name in stray + stays:
        touch(folder.root / name)

    result = retention.purge(ctx, trigger="start")

    assert not [n for n in stray if (folder.root / n).exists()]
    assert all((folder.root / n).exists() for n in stays)
    assert result.files == len(stray)


def damaged_copy(source: Path, target: Path) -> Path:
    """A copy SQLite cannot open any more (its header wiped), the rest of it intact."""
    raw = bytearray(source.read_bytes())
    raw[:16] = b"\x00" * 16
    return touch(target, bytes(raw))


def secret_history(ctx, clock, venue) -> None:
    hold(
        ctx,
        clock,
        venue.id,
        OLD_DAY,
        [{"nickname": "ひみつのはな", "children": (ChildRequest("1-2", "ひみつのメモ"),)}],
    )
    ctx.close()  # the rows in the file itself, for the copies below


def test_a_damaged_file_set_aside_is_kept_a_week_then_deleted(ctx, venue, clock, folder):
    secret_history(ctx, clock, venue)
    aside = damaged_copy(folder.database, folder.root / "tsunagari.sqlite3.damaged-20261120-090000")
    unreadable_backup = damaged_copy(
        folder.database, folder.backups / "tsunagari-daily-20261121-090000.sqlite3"
    )
    on_day(clock, TODAY)  # set aside two days ago: someone may still rescue it

    first = retention.purge(ctx)

    assert aside.exists()
    assert not unreadable_backup.exists()  # a copy that cannot be read could never be restored
    assert first.backups == 1
    on_day(clock, TODAY + timedelta(days=5))  # a week after it was set aside
    retention.purge(ctx)
    assert not aside.exists()


def test_a_damaged_file_that_still_opens_is_purged_like_a_backup(ctx, venue, clock, folder):
    secret_history(ctx, clock, venue)
    aside = folder.root / "tsunagari.sqlite3.damaged-20261120-090000"
    shutil.copyfile(folder.database, aside)
    on_day(clock, TODAY)

    retention.purge(ctx)

    raw = aside.read_bytes()
    assert "ひみつのはな".encode() not in raw and "ひみつのメモ".encode() not in raw
    assert backups.damage(aside, "integrity") is None


def test_a_copy_in_use_elsewhere_is_left_for_the_next_purge(ctx, venue, clock, folder):
    secret_history(ctx, clock, venue)
    copy = backups.create_backup(folder, "manual", datetime(2026, 11, 1, 9, 0)).path
    on_day(clock, TODAY)
    other = sqlite3.connect(copy, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds it
    try:
        busy = retention.purge(ctx)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert copy.exists() and busy.copies == 0  # never deleted for being busy

    again = retention.purge(ctx)

    assert again.copies == 1
    assert "ひみつのはな".encode() not in copy.read_bytes()


def test_a_pre_upgrade_copy_of_an_older_schema_is_purged_and_still_restores(tmp_path):
    """The 0001 fixture (さくら, 卵アレルギー on 2026-11-15) upgraded: its copy is purged too."""
    folder = DataFolder(tmp_path / "data")
    folder.root.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE_0001, folder.database)
    opened = open_database(folder=folder)  # the copy before the upgrade is made now
    [copy] = backups.list_backups(folder)
    later = datetime.combine(copy.taken.date() + timedelta(days=90), datetime.min.time(), JST)
    ctx = replace(opened, clock=lambda: later)  # cutoff: the day the copy was taken
    try:
        result = retention.purge(ctx)
    finally:
        opened.close()

    assert (result.visitors, result.care_notes, result.copies) == (1, 1, 1)
    raw = copy.path.read_bytes()
    for secret in ("さくら", "卵アレルギー"):
        assert secret.encode() not in raw
        assert secret.encode() not in folder.database.read_bytes()
    conn = sqlite3.connect(f"file:{copy.path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT nickname, purged_at IS NOT NULL FROM visitor").fetchall() == [
            (None, 1)
        ]
        assert conn.execute("SELECT count(*) FROM visit").fetchone() == (3,)
    finally:
        conn.close()
    backups.restore_backup(folder, copy)  # and it restores (upgraded again on open)
    again = open_database(folder=folder)
    try:
        assert checkin.find_visitors(again, "saku") == []
    finally:
        again.close()


def test_every_connection_overwrites_what_it_frees(ctx, venue, clock, folder, tmp_path):
    """On an SQLite built without SECURE_DELETE (Windows Python's), a row rewritten
    when a regular comes back leaves its old copy, nickname and all, in free
    space, where no later purge can see it."""
    engine = ctx.engine

    def library_default_off(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA secure_delete=OFF")

    event.listen(engine, "connect", library_default_off, insert=True)
    engine.dispose()
    names = [f"ひみつ{i:03}" for i in range(25)]
    hold(ctx, clock, venue.id, TODAY, [{"nickname": n} for n in names])
    regulars = [m.visitor_id for m in checkin.find_visitors(ctx, "ひみつ", limit=100)]
    hold(ctx, clock, venue.id, TODAY + timedelta(days=7), [{"visitor_id": v} for v in regulars])
    engine.dispose()

    rewritten = tmp_path / "rewritten.sqlite3"  # only the live rows, nothing freed
    conn = sqlite3.connect(folder.database)
    try:
        conn.execute("VACUUM INTO ?", (str(rewritten),))
    finally:
        conn.close()
    live, raw = rewritten.read_bytes(), folder.database.read_bytes()
    assert [n for n in names if raw.count(n.encode()) != live.count(n.encode())] == []


def test_text_an_older_release_left_in_free_space_goes_at_the_first_purge(
    ctx, venue, clock, folder
):
    """Files written before secure_delete was on everywhere are rewritten once."""
    from db import engine as db_engine

    engine = ctx.engine

    def older_release(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA secure_delete=OFF")
        dbapi_conn.execute("PRAGMA journal_mode=WAL")

    event.remove(engine, "connect", db_engine._set_sqlite_pragmas)
    event.listen(engine, "connect", older_release)
    engine.dispose()
    names = [f"ひみつ{i:03}" for i in range(25)]
    hold(ctx, clock, venue.id, TODAY, [{"nickname": n} for n in names])
    regulars = [m.visitor_id for m in checkin.find_visitors(ctx, "ひみつ", limit=100)]
    hold(ctx, clock, venue.id, TODAY + timedelta(days=7), [{"visitor_id": v} for v in regulars])
    copy = backups.create_backup(folder, "daily", datetime(2026, 11, 30, 9, 0)).path
    event.remove(engine, "connect", older_release)
    event.listen(engine, "connect", db_engine._set_sqlite_pragmas)
    engine.dispose()
    on_day(clock, TODAY + timedelta(days=98))  # cutoff 30 November: the copy is kept

    result = retention.purge(ctx)
    engine.dispose()

    assert (result.visitors, result.copies) == (25, 1)
    for path in (folder.database, copy):
        raw = path.read_bytes()
        assert [n for n in names if n.encode() in raw] == [], path.name


def test_a_copy_already_purged_up_to_the_cutoff_is_not_even_opened(ctx, venue, clock, folder):
    secret_history(ctx, clock, venue)
    copy = backups.create_backup(folder, "manual", datetime(2026, 11, 1, 9, 0)).path
    on_day(clock, TODAY)
    assert retention.purge(ctx).copies == 1
    assert data_files.purged_through(copy) == date(2026, 8, 24)  # marked in its header
    untouched = copy.stat().st_mtime_ns

    again = retention.purge(ctx, trigger="start")  # another start the same day

    assert again.copies == 0 and copy.stat().st_mtime_ns == untouched
    # A copy made after the purge carries its mark: nothing in it is older either.
    fresh = backups.create_backup(folder, "manual", datetime(2026, 11, 22, 12, 0)).path
    assert data_files.purged_through(fresh) == date(2026, 8, 24)
    on_day(clock, TODAY + timedelta(days=1))  # the cutoff moves on: both are looked at
    assert retention.purge(ctx, trigger="start").copies == 2


def test_a_file_that_cannot_be_deleted_does_not_stop_the_others(ctx, clock, folder, monkeypatch):
    on_day(clock, TODAY)
    stuck = touch(folder.root / "tsunagari.sqlite3.partial")
    others = [
        touch(folder.backups / f"tsunagari-daily-2026112{n}-090000.sqlite3.partial") for n in (0, 1)
    ]
    unlink = Path.unlink

    def refuse(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(self)
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)

    result = retention.purge(ctx, trigger="start")

    assert stuck.exists() and not any(p.exists() for p in others)
    assert (result.files, result.copies) == (2, 0)
