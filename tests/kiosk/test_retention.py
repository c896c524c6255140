"""Retention: old nicknames and care notes are erased; every count stays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select

from db.models import AuditEntry, ChildCare, Visit, Visitor
from kiosk.care import retention
from kiosk.core.errors import KioskError
from kiosk.door import checkin
from kiosk.door.checkin import ChildRequest
from kiosk.reports.daily import daily_tally
from kiosk.reports.period import fiscal_year_period, period_report
from tests.kiosk.test_period_report import hold, on_day

OLD_DAY = date(2026, 6, 7)  # more than 90 days before 2026-11-22
RECENT_DAY = date(2026, 10, 4)
SECRETS = ("さくらんぼ", "peanut-allergy", "アレルギー注意")


@pytest.fixture
def history(ctx, venue, clock):
    hold(
        ctx,
        clock,
        venue.id,
        OLD_DAY,
        [
            {"nickname": "さくらんぼ", "children": (ChildRequest("1-2", "peanut-allergy"),)},
            {"nickname": "ゆきだるま", "age_band": "30s"},
            {"age_band": "40s", "children": (ChildRequest("3-5", "アレルギー注意"),)},
        ],
    )
    yuki = checkin.find_visitors(ctx, "ゆきだるま")[0]
    hold(
        ctx,
        clock,
        venue.id,
        RECENT_DAY,
        [
            {"visitor_id": yuki.visitor_id, "age_band": "30s"},  # she came back: kept
            {"nickname": "もみじ", "children": (ChildRequest("1-2", "new note"),)},
        ],
    )
    on_day(clock, date(2026, 11, 22))


def figures(ctx, venue):
    return (
        daily_tally(ctx, venue.id, OLD_DAY),
        daily_tally(ctx, venue.id, RECENT_DAY),
        period_report(ctx, fiscal_year_period(2026)),
        period_report(ctx, fiscal_year_period(2026), venue.id),
    )


def database_bytes(folder) -> bytes:
    wal = folder.database.with_name(folder.database.name + "-wal")
    return folder.database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_purge_erases_old_details_and_keeps_every_figure(ctx, venue, clock, folder, history):
    before = figures(ctx, venue)
    assert checkin.find_visitors(ctx, "さくらんぼ")

    result = retention.purge(ctx, trigger="cli")

    assert (result.visitors, result.care_notes, result.retention_days) == (1, 2, 90)
    assert result.cutoff == date(2026, 8, 24) and not result.dry_run
    assert figures(ctx, venue) == before
    assert before[2].totals.distinct_people == figures(ctx, venue)[2].totals.distinct_people
    assert checkin.find_visitors(ctx, "さくらんぼ") == []
    assert [m.nickname for m in checkin.find_visitors(ctx, "ゆきだるま")] == ["ゆきだるま"]
    with ctx.sessions() as session:
        purged = session.scalars(select(Visitor).where(Visitor.purged_at.is_not(None))).all()
        assert [(v.nickname, v.search_key) for v in purged] == [(None, None)]
        # Her visit still points at her row: she is still one person in the counts.
        assert session.scalar(select(Visit.id).where(Visit.visitor_id == purged[0].id))
        notes = session.scalars(select(ChildCare.care_note)).all()
        assert sorted(n for n in notes if n) == ["new note"] and len(notes) == 3
        line = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "personal_data_purged")
        ).one()
        assert line.detail == {
            "visitors": 1,
            "care_notes": 2,
            "retention_days": 90,
            "trigger": "cli",
        }


def secure_delete_off_by_default(engine) -> None:
    """Act like an SQLite built without SECURE_DELETE (Debian's has it on)."""

    def off(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA secure_delete=OFF")

    event.listen(engine, "connect", off)


@pytest.mark.sqlite_only
def test_erased_text_is_gone_from_the_database_files(ctx, venue, clock, folder, history):
    # Enough rows that a freed cell is not simply the end of a page.
    many = [
        {
            "nickname": f"ひみつのはなこ{i:02}",
            "children": (ChildRequest("1-2", f"ひみつのメモ{i:02}" * 4),),
        }
        for i in range(12)
    ]
    hold(ctx, clock, venue.id, date(2026, 6, 14), many)
    on_day(clock, date(2026, 11, 22))
    secrets = [*SECRETS, *(f"ひみつのはなこ{i:02}" for i in range(12)), "ひみつのメモ"]
    secure_delete_off_by_default(ctx.engine)
    ctx.close()  # checkpoint, so the text is in the main file
    raw = database_bytes(folder)
    for secret in secrets:
        assert secret.encode() in raw  # the search below can find what it looks for

    retention.purge(ctx)
    ctx.close()

    raw = database_bytes(folder)
    for secret in secrets:
        assert secret.encode() not in raw, secret
    for kept in ("ゆきだるま", "もみじ", "new note"):
        assert kept.encode() in raw


def test_dry_run_counts_and_changes_nothing(ctx, history, db_state):
    before = db_state()
    result = retention.purge(ctx, dry_run=True)
    assert (result.visitors, result.care_notes, result.dry_run) == (1, 2, True)
    assert db_state() == before


def test_a_second_purge_finds_nothing_and_start_does_not_fill_the_log(ctx, history):
    retention.purge(ctx, trigger="start")
    again = retention.purge(ctx, trigger="start")
    assert again.total == 0
    with ctx.sessions() as session:
        lines = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "personal_data_purged")
        ).all()
    assert len(lines) == 1


def test_a_longer_retention_keeps_more(ctx, history):
    retention.set_retention_days(ctx, 365)
    assert retention.retention_days(ctx) == 365
    assert retention.purge(ctx, dry_run=True).total == 0
    retention.set_retention_days(ctx, 30)
    due = retention.purge(ctx, dry_run=True)  # 4 October is 49 days back
    assert (due.visitors, due.care_notes) == (3, 3)


@pytest.mark.parametrize("days", [29, 3651, 0, -5, True])
def test_retention_outside_the_range_is_refused_and_changes_nothing(ctx, db_state, days):
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        retention.set_retention_days(ctx, days)
    assert excinfo.value.code == "retention_days_range"
    assert excinfo.value.params == {"low": 30, "high": 3650}
    assert db_state() == before
    assert retention.retention_days(ctx) == 90


def test_a_damaged_setting_falls_back_to_the_default(ctx):
    from kiosk.core import settings

    settings.put(ctx, retention.RETENTION_DAYS, "soon")
    assert retention.retention_days(ctx) == 90


def test_backups_older_than_the_retention_period_go_with_the_details(ctx, history, folder):
    """A copy taken before the cutoff holds nothing still kept: it is deleted whole."""
    from datetime import datetime

    from kiosk.care.backups import create_backup, list_backups

    if ctx.data_dir is None:
        pytest.skip("a database server keeps its own backups")
    create_backup(folder, "manual", datetime(2026, 6, 8, 18, 0))
    create_backup(folder, "before-upgrade-from-0001", datetime(2026, 7, 1, 9, 0))
    create_backup(folder, "manual", datetime(2026, 11, 1, 9, 0))

    result = retention.purge(ctx)

    assert result.backups == 2
    assert [b.taken.date() for b in list_backups(folder)] == [date(2026, 11, 1)]


# --- every file the app keeps in the data folder -----------------------------------------

MARK_NICKNAME = "ヒミツZQX7731"
MARK_NOTE = "ZQX7731卵アレルギー"
KEPT_NICKNAME = "のこるKEEP42"


def marks() -> list[bytes]:
    """The erased details as they sit in a file: nickname, its search key, the note."""
    from kiosk.door.nickname import search_key

    return [m.encode() for m in (MARK_NICKNAME, search_key(MARK_NICKNAME), MARK_NOTE)]


def files_holding(root, needles: list[bytes]) -> list[str]:
    """Every file under `root` (any depth) whose raw bytes hold one of `needles`."""
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    )


def kill_a_copy(source, partial) -> None:
    """What a backup killed before its rename leaves: a whole copy named .partial."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(partial)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        src.close()
        dst.close()


@pytest.mark.sqlite_only
def test_after_a_purge_no_file_in_the_data_folder_holds_an_erased_detail(ctx, venue, clock, folder):
    """Backups younger than the cutoff, a killed copy, a replaced and a damaged file:
    the purge reaches every one, and every backup still restores."""
    from dataclasses import replace
    from datetime import datetime

    from kiosk.care import backups
    from kiosk.core.database import open_database

    hold(
        ctx,
        clock,
        venue.id,
        OLD_DAY,
        [{"nickname": MARK_NICKNAME, "children": (ChildRequest("1-2", MARK_NOTE),)}],
    )
    hold(ctx, clock, venue.id, RECENT_DAY, [{"nickname": KEPT_NICKNAME}])
    on_day(clock, date(2026, 11, 20))
    # Copies taken before the cutoff (24 August), and younger ones of every kind.
    backups.create_backup(folder, "daily", datetime(2026, 6, 8, 9, 0))
    backups.create_backup(folder, "close", datetime(2026, 10, 4, 18, 0))
    backups.create_backup(folder, "import", datetime(2026, 10, 20, 9, 0))
    backups.create_backup(folder, "before-upgrade-from-0003", datetime(2026, 10, 5, 9, 0))
    newest = backups.create_backup(folder, "manual", datetime(2026, 11, 19, 9, 0))
    # A daily copy killed before its rename, and a restore killed mid-copy.
    kill_a_copy(folder.database, folder.backups / "tsunagari-daily-20261120-090000.sqlite3.partial")
    kill_a_copy(folder.database, folder.root / "tsunagari.sqlite3.partial")
    # A file moved aside as damaged weeks ago: SQLite can no longer open it.
    damaged = folder.root / "tsunagari.sqlite3.damaged-20261010-090000"
    raw = bytearray(folder.database.read_bytes())
    raw[:16] = b"\x00" * 16
    damaged.write_bytes(bytes(raw + Path(f"{folder.database}-wal").read_bytes()))
    # A restore keeps the file it replaced (and its -wal) as replaced-<stamp>.
    ctx.close()
    restored = backups.restore_backup(folder, newest, datetime(2026, 11, 20, 10, 0))
    assert restored.kept_aside is not None
    ctx = replace(open_database(folder=folder), clock=clock)
    on_day(clock, date(2026, 11, 22))
    everything = sorted(str(p.relative_to(folder.root)) for p in folder.root.rglob("*"))
    assert len(files_holding(folder.root, marks())) >= 8, everything  # the search finds them

    try:
        retention.purge(ctx, trigger="start")
    finally:
        ctx.close()

    assert files_holding(folder.root, marks()) == []
    kept = backups.list_backups(folder, check=True)
    assert sorted(b.taken.date().isoformat() for b in kept) == [
        "2026-10-04",
        "2026-10-05",
        "2026-10-20",
        "2026-11-19",
    ]
    assert all(b.ok for b in kept)
    assert not list(folder.root.rglob("*.partial"))
    for copy in kept:  # each still restores, with what was not due
        backups.restore_backup(folder, copy)
        again = open_database(folder=folder)
        try:
            assert [m.nickname for m in checkin.find_visitors(again, "のこる")] == [KEPT_NICKNAME]
            assert checkin.find_visitors(again, "ヒミツ") == []
        finally:
            again.close()
