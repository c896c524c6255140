"""Backups: a sound copy while the app writes, rotation, restore, a damaged file set aside."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.care import backups
from kiosk.care.backups import create_backup, list_backups, restore_backup, rotate
from kiosk.core import database
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.door import venues

# Copies of the SQLite file; a database server keeps its own backups (see the last test).
pytestmark = pytest.mark.sqlite_only


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def venue_names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM venue ORDER BY name")]
    finally:
        conn.close()


def test_a_backup_is_a_sound_copy_while_the_app_holds_the_wal(ctx: AppContext, folder: DataFolder):
    venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
    venues.add_venue(ctx, "駅前サロン", "in_person")
    # The app's engine is open in WAL mode: the rows may still be only in -wal.
    assert Path(f"{folder.database}-wal").exists()
    info = create_backup(folder, "manual")
    assert info.kind == "manual"
    assert info.path.parent == folder.backups
    assert mode(folder.backups) == 0o700
    assert mode(info.path) == 0o600
    assert info.size == info.path.stat().st_size > 0
    assert venue_names(info.path) == ["中央公民館", "駅前サロン"]
    [listed] = list_backups(folder, check=True)
    assert listed.name == info.name
    assert listed.ok is True
    assert list_backups(folder)[0].ok is None  # the slow check only on demand


def test_integrity_check_finds_a_damaged_backup(ctx: AppContext, folder: DataFolder):
    info = create_backup(folder, "manual")
    data = bytearray(info.path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    info.path.write_bytes(bytes(data))
    [listed] = list_backups(folder, check=True)
    assert listed.ok is False
    with pytest.raises(KioskError) as excinfo:
        restore_backup(folder, listed)
    assert excinfo.value.code == "backup_damaged"


def test_rotation_keeps_14_daily_8_weekly_and_every_pre_upgrade(
    ctx: AppContext, folder: DataFolder
):
    last = datetime(2026, 11, 22, 18, 0)  # a Sunday
    for back in range(60):
        create_backup(folder, "daily", last - timedelta(days=back))
    create_backup(folder, "daily", last.replace(hour=9))  # the same day's morning copy
    for back in (200, 100, 30):
        create_backup(folder, "before-upgrade-from-0001", last - timedelta(days=back))
    rotate(folder)
    kept = list_backups(folder)
    daily = sorted(b.taken.date().isoformat() for b in kept if b.kind == "daily")
    # The newest copy of each of the last 14 days, 9 to 22 November ...
    last_14 = [f"2026-11-{d:02d}" for d in range(9, 23)]
    # ... and the newest (Sunday) of each of the 8 ISO weeks back to 28 Sep - 4 Oct.
    sundays = ["2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08"]
    assert daily == sorted(sundays + last_14)
    assert not [b for b in kept if b.taken == last.replace(hour=9)]
    assert len([b for b in kept if b.kind == "pre-upgrade"]) == 3
    assert [b.taken for b in kept] == sorted((b.taken for b in kept), reverse=True)
    assert rotate(folder) == []  # nothing more to do


def test_daily_backup_once_a_day(ctx: AppContext, folder: DataFolder):
    morning = datetime(2026, 11, 22, 9, 0)
    assert backups.daily_backup(ctx, morning) is not None
    assert backups.daily_backup(ctx, morning + timedelta(hours=3)) is None
    assert backups.daily_backup(ctx, morning + timedelta(days=1)) is not None
    assert [b.kind for b in list_backups(folder)] == ["daily", "daily"]


def test_a_closed_day_is_backed_up(ctx: AppContext, folder: DataFolder, event):
    from kiosk.door import events

    events.close_event(ctx, event.id, force=True)
    info = backups.after_day_closed(ctx)
    assert info is not None and info.kind == "close"
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("SELECT closed_at IS NOT NULL FROM event").fetchall() == [(1,)]
    finally:
        conn.close()


def test_restore_keeps_the_current_file_aside(ctx: AppContext, folder: DataFolder):
    venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
    info = create_backup(folder, "manual")
    venues.add_venue(ctx, "あとから追加", "in_person")
    ctx.close()  # the caller lets go of the file first
    before = folder.database.read_bytes()
    result = restore_backup(folder, info)
    assert result.kept_aside is not None
    assert result.kept_aside.name.startswith("tsunagari.sqlite3.replaced-")
    assert result.kept_aside.read_bytes() == before  # checkpointed, so this is all of it
    assert venue_names(result.kept_aside) == ["あとから追加", "中央公民館"]
    assert venue_names(folder.database) == ["中央公民館"]
    assert mode(folder.database) == 0o600
    again = open_database(folder=folder)
    try:
        assert [v.name for v in venues.list_venues(again)] == ["中央公民館"]
    finally:
        again.close()
    # A second restore in the same second keeps the first file aside too.
    second = restore_backup(folder, info, now=datetime.now())
    assert second.kept_aside is not None and second.kept_aside != result.kept_aside
    assert result.kept_aside.read_bytes() == before


def test_a_damaged_file_is_moved_aside_and_the_latest_backup_offered(
    ctx: AppContext, folder: DataFolder
):
    venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
    older = create_backup(folder, "daily", datetime(2026, 11, 20, 9, 0))
    latest = create_backup(folder, "close", datetime(2026, 11, 21, 18, 0))
    ctx.close()
    damaged = bytearray(folder.database.read_bytes())
    damaged[100:4096] = b"garbage!" * 499 + b"garb"  # schema page overwritten
    folder.database.write_bytes(bytes(damaged))
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    error = excinfo.value
    assert error.code == "database_moved_aside"
    assert error.params["backup"] == latest.name != older.name
    assert error.params["taken"] == "2026-11-21 18:00"
    aside = Path(error.params["aside"])
    assert aside.name.startswith("tsunagari.sqlite3.damaged-")
    assert aside.read_bytes() == bytes(damaged)  # every byte kept
    assert not folder.database.exists()
    result = restore_backup(folder, backups.find_backup(folder, error.params["backup"]))
    assert result.kept_aside is None  # nothing was in place
    reopened = open_database(folder=folder)
    try:
        assert [v.name for v in venues.list_venues(reopened)] == ["中央公民館"]
    finally:
        reopened.close()
    assert aside.read_bytes() == bytes(damaged)


def test_an_unknown_backup_name_is_a_coded_error(folder: DataFolder):
    with pytest.raises(KioskError) as excinfo:
        backups.find_backup(folder, "nope.sqlite3")
    assert excinfo.value.code == "backup_not_found"


def test_nothing_to_back_up_is_a_coded_error(folder: DataFolder):
    with pytest.raises(KioskError) as excinfo:
        create_backup(folder, "manual")
    assert excinfo.value.code == "no_database"
    assert not folder.backups.exists()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_on_a_database_server_no_file_copies_are_made(ctx: AppContext, folder: DataFolder, event):
    """The server's administrator backs it up (pg_dump); the app never pretends to."""
    from kiosk.door import events

    if folder.database.exists():  # a mistake in the fixture would make this test prove nothing
        pytest.fail("the PostgreSQL ctx must not be a file in the data folder")
    assert backups.folder_of(ctx) is None
    assert backups.daily_backup(ctx, datetime(2026, 11, 22, 9, 0)) is None
    events.close_event(ctx, event.id, force=True)
    assert backups.after_day_closed(ctx) is None
    assert not folder.backups.exists()


def damage_a_data_page(path: Path) -> None:
    """Garbage over the last page: the header and the schema still read."""
    data = bytearray(path.read_bytes())
    data[-4096:] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def big_file_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Act as if the file were a central database too big to read at every start."""
    monkeypatch.setattr(database, "FULL_CHECK_UP_TO", 0)


def test_on_a_big_file_the_daily_check_finds_damage_and_the_next_start_sets_it_aside(
    ctx: AppContext, folder: DataFolder, monkeypatch: pytest.MonkeyPatch
):
    venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
    kept = create_backup(folder, "close", datetime(2026, 11, 21, 18, 0))
    ctx.close()  # a clean end: no -wal left
    damage_a_data_page(folder.database)
    damaged = folder.database.read_bytes()
    big_file_check(monkeypatch)

    opened = open_database(folder=folder)  # the start reads only the structure
    try:
        with pytest.raises(KioskError) as excinfo:
            backups.daily_backup(opened, datetime(2026, 11, 22, 9, 0))
    finally:
        opened.close()
    assert excinfo.value.code == "database_damage_found"
    assert [b.name for b in list_backups(folder)] == [kept.name]  # the bad copy is gone
    assert backups.full_check_requested(folder)

    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    assert excinfo.value.code == "database_moved_aside"
    assert excinfo.value.params["backup"] == kept.name
    assert Path(excinfo.value.params["aside"]).read_bytes() == damaged


def test_a_sound_start_check_clears_the_request(
    ctx: AppContext, folder: DataFolder, monkeypatch: pytest.MonkeyPatch
):
    ctx.close()
    big_file_check(monkeypatch)
    assert database.start_check(folder) == "structure"
    backups.request_full_check(folder)
    assert database.start_check(folder) == "quick"
    open_database(folder=folder).close()
    assert not backups.full_check_requested(folder)
    assert database.start_check(folder) == "structure"


def test_after_an_unclean_end_every_page_is_read_at_start(
    ctx: AppContext, folder: DataFolder, monkeypatch: pytest.MonkeyPatch
):
    big_file_check(monkeypatch)
    # The app's engine still holds the file: its -wal is there, as after a crash.
    assert Path(f"{folder.database}-wal").exists()
    assert database.start_check(folder) == "quick"
    ctx.close()  # closed cleanly: SQLite removes the -wal
    assert database.start_check(folder) == "structure"


def test_a_file_cut_short_is_set_aside_by_the_structure_check(
    ctx: AppContext, folder: DataFolder, monkeypatch: pytest.MonkeyPatch
):
    venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
    create_backup(folder, "close", datetime(2026, 11, 21, 18, 0))
    ctx.close()
    whole = folder.database.read_bytes()
    folder.database.write_bytes(whole[: len(whole) - 4096])  # the copy stopped a page early
    big_file_check(monkeypatch)
    with pytest.raises(KioskError) as excinfo:
        open_database(folder=folder)
    assert excinfo.value.code == "database_moved_aside"


def test_a_copy_cut_short_is_never_listed_as_a_backup(ctx: AppContext, folder: DataFolder):
    info = create_backup(folder, "daily", datetime(2026, 11, 21, 9, 0))
    cut = info.path.with_name("tsunagari-daily-20261122-090000.sqlite3.partial")
    cut.write_bytes(info.path.read_bytes()[:4096])  # the laptop went off mid-copy
    assert [b.name for b in list_backups(folder)] == [info.name]
    made = backups.daily_backup(ctx, datetime(2026, 11, 22, 9, 0))
    assert made is not None and made.path.with_name(made.name + ".partial") == cut
    assert not cut.exists()  # the same copy made again, whole
    assert backups.damage(made.path) is None
