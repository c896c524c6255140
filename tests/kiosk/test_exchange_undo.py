"""Undoing an import: exactly the rows one file added or replaced go back, or nothing changes.

`ctx` is the coordinator; venue PCs come from tests/kiosk/test_exchange.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, update

from db.models import Event, Setting, Visit, Visitor
from kiosk.care import backups, retention
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.door import checkin
from kiosk.exchange import undo
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.importer import import_file, import_files
from kiosk.survey import catalogue
from tests.kiosk import test_exchange as exchange_tests

# The coordinator and its venue PCs, as in the exchange tests.
coordinator_on_todays_date = exchange_tests.coordinator_on_todays_date
venue_pc = exchange_tests.venue_pc
open_cafe = exchange_tests.open_cafe
visit = exchange_tests.visit

Snapshot = Callable[[], dict[str, list[str]]]
OURS = ("'exchange_imported'", "'exchange_import_undone'", "exchange.undo")


def data(db_state: Snapshot) -> dict[str, list[str]]:
    """Every row of every table, but the lines this PC's log keeps of the import and its
    undo (the log keeps both, by design) and the note that it was undone."""
    state = db_state()
    for table in ("audit_entry", "setting"):
        state[table] = [r for r in state[table] if not any(word in r for word in OURS)]
    return state


def refused(code: str, action: Callable[[], object], db_state: Snapshot) -> KioskError:
    before = db_state()
    with pytest.raises(KioskError) as caught:
        action()
    assert caught.value.code == code
    assert db_state() == before  # not even an audit line
    return caught.value


def stored(ctx: AppContext, prefix: str) -> str:
    with ctx.sessions() as session:
        return "".join(session.scalars(select(Setting.value).where(Setting.key.startswith(prefix))))


def test_an_import_is_undone_row_for_row_and_the_file_can_come_again(
    ctx, venue_pc, tmp_path, db_state
):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    for _ in range(3):
        checkin.check_in(pc, visit(event, nickname=None))
    path = export_for_coordinator(pc, tmp_path / "a.tsunagari").path
    before = data(db_state)

    result = import_file(ctx, path)
    [record] = undo.imports(ctx)
    assert (record.file_id, record.device_name, record.new) == (
        result.file_id,
        "会場PC 1",
        result.total("new"),
    )

    undo.undo_import(ctx, result.file_id)

    assert data(db_state) == before  # the ledger too: the file is new again
    assert undo.imports(ctx) == []
    again = import_file(ctx, path)
    assert again.already_imported_at is None and again.tables["visit"].new == 3


def test_rows_a_later_file_replaced_get_their_old_values_back(ctx, venue_pc, tmp_path, db_state):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    first = [checkin.check_in(pc, visit(event)) for _ in range(2)]
    import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "1.tsunagari").path)
    after_first = data(db_state)
    checkin.cancel_visit(pc, first[0].visit.id, "mistake")
    checkin.check_in(pc, visit(event))
    second = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.tsunagari").path)
    assert second.tables["visit"].updated == 1 and second.tables["visit"].new == 1

    undo.undo_import(ctx, second.file_id)

    assert data(db_state) == after_first  # the cancelled visit active again, same updated_at
    with ctx.sessions() as session:
        assert session.scalar(select(Visit.status).where(Visit.id == first[0].visit.id)) == (
            "active"
        )


def test_undoing_twice_says_when_it_was_undone_and_changes_nothing(
    ctx, venue_pc, tmp_path, db_state
):
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "a.tsunagari").path)
    undo.undo_import(ctx, result.file_id)

    error = refused(
        "exchange_undo_done_already", lambda: undo.undo_import(ctx, result.file_id), db_state
    )

    assert error.params["name"] == "会場PC 1"
    refused("exchange_undo_unknown", lambda: undo.undo_import(ctx, "0" * 36), db_state)


def test_undo_is_refused_when_a_later_file_changed_a_row_it_brought(
    ctx, venue_pc, tmp_path, db_state
):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    kept = checkin.check_in(pc, visit(event))
    first = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "1.tsunagari").path)
    checkin.cancel_visit(pc, kept.visit.id, "mistake")
    second = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.tsunagari").path)

    error = refused(
        "exchange_undo_changed_since", lambda: undo.undo_import(ctx, first.file_id), db_state
    )

    assert error.params["rows"] == 1
    undo.undo_import(ctx, second.file_id)  # the later one first: then the earlier one goes
    undo.undo_import(ctx, first.file_id)
    assert stored(ctx, "exchange.undo-rows/") == ""


def test_undo_is_refused_when_rows_added_since_point_at_a_row_it_brought(
    ctx, venue_pc, tmp_path, db_state
):
    """The event came in the first file; the second file's visit belongs to it."""
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event))
    first = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "1.tsunagari").path)
    checkin.check_in(pc, visit(event))
    second = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.tsunagari").path)
    assert second.tables["visit"].new == 1 and "event" not in second.tables

    refused("exchange_undo_changed_since", lambda: undo.undo_import(ctx, first.file_id), db_state)


def test_an_import_that_fails_leaves_no_undo_record(ctx, venue_pc, tmp_path, db_state, monkeypatch):
    """The record is written in the import's own transaction: both or neither."""
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    path = export_for_coordinator(pc, tmp_path / "a.tsunagari").path
    saved = undo.Journal.save

    def save_then_fail(self: undo.Journal, *args: Any, **kw: Any) -> None:
        saved(self, *args, **kw)
        raise KioskError("storage_failed")  # the disk fills just after the record

    monkeypatch.setattr(undo.Journal, "save", save_then_fail)
    refused("storage_failed", lambda: import_file(ctx, path), db_state)
    assert stored(ctx, "exchange.undo") == ""


def test_a_batch_whose_last_file_is_refused_writes_none_of_them(ctx, venue_pc, tmp_path, db_state):
    """All files of one import in one transaction: the first is not kept alone."""
    good = venue_pc("会場PC 1")
    checkin.check_in(good, visit(open_cafe(good)))
    first = export_for_coordinator(good, tmp_path / "usb1" / "1.tsunagari").path
    pc = venue_pc("会場PC 2")
    event = open_cafe(pc, "東公民館")
    export_for_coordinator(pc, tmp_path / "usb2" / "1.tsunagari")  # never imported
    checkin.check_in(pc, visit(event))
    needs_earlier = export_for_coordinator(pc, tmp_path / "usb2" / "2.tsunagari").path

    refused(
        "exchange_needs_earlier_file", lambda: import_files(ctx, [first, needs_earlier]), db_state
    )


def test_the_record_holds_no_nickname_and_expires_with_the_retention_period(
    ctx, venue_pc, tmp_path, db_state, clock
):
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc), nickname="さくら"))
    import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "1.tsunagari").path)
    # A nickname here on her row (as a restored old copy could hold), and a later
    # file that replaces the row: the record keeps only the columns that travel.
    with ctx.sessions.begin() as session:
        session.execute(update(Visitor).values(nickname="さくら"))
    with pc.sessions.begin() as session:
        session.execute(update(Visitor).values(last_visit_on=date(2026, 4, 1)))
    second = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.tsunagari").path)
    assert second.tables["visitor"].updated == 1
    assert "さくら" not in stored(ctx, "exchange.undo")

    clock.advance(days=retention.DEFAULT_DAYS + 1)
    copy = None
    if ctx.data_dir is not None:  # a copy taken now holds the record: purged inside too
        copy = backups.create_backup(
            DataFolder(ctx.data_dir), "manual", clock.now.replace(tzinfo=None)
        )
    retention.purge(ctx)

    assert stored(ctx, "exchange.undo") == ""
    refused("exchange_undo_unknown", lambda: undo.undo_import(ctx, second.file_id), db_state)
    if copy is not None:
        conn = sqlite3.connect(copy.path)
        try:
            left = conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'exchange.undo%'")
            assert left.fetchone() == (0,)
        finally:
            conn.close()


def test_an_undo_before_the_period_ends_is_kept_by_the_purge(ctx, venue_pc, tmp_path, clock):
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "a.tsunagari").path)
    clock.advance(days=retention.DEFAULT_DAYS - 1)
    retention.purge(ctx)

    undo.undo_import(ctx, result.file_id)

    with ctx.sessions() as session:
        assert session.scalar(select(Event.id)) is None


def test_an_import_that_changed_nothing_has_nothing_to_undo(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    older = export_for_coordinator(pc, tmp_path / "usb" / "a.tsunagari", everything=True)
    newer = export_for_coordinator(pc, tmp_path / "usb" / "b.tsunagari", everything=True)
    import_file(ctx, newer.path)

    again = import_file(ctx, older.path)  # an older file: nothing in it wins

    assert not again.changed
    assert len(undo.imports(ctx)) == 1


def test_a_questionnaire_definition_it_brought_stays(ctx, venue_pc, tmp_path):
    """A stored version never changes, and results need every version ever used."""
    pc = venue_pc("会場PC 1")
    catalogue.active(pc)  # stores the active questionnaire's definition
    checkin.check_in(pc, visit(open_cafe(pc)))
    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "a.tsunagari").path)
    assert result.tables["setting"].new == 1

    undo.undo_import(ctx, result.file_id)

    assert stored(ctx, "questionnaire/") != ""
    with ctx.sessions() as session:
        assert session.scalar(select(Event.id)) is None
