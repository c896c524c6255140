"""Data exchange between devices: export, import, re-import, conflicts, bad files.

`ctx` plays the coordinator's database; each venue PC is a separate SQLite
file made by `venue_pc`. A refused file must leave the coordinator's
database exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import AuditEntry, ChildCare, Event, Venue, Visit, Visitor
from kiosk.core.context import AppContext, local_now
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.exchange import allowed, file_format, ledger
from kiosk.exchange.export import export_for_coordinator, unexported_rows
from kiosk.exchange.importer import decide, import_file, import_files
from kiosk.reports.period import fiscal_year_period, period_report
from tests.exchange_files import content
from tests.pairing_helpers import pair

Snapshot = Callable[[], dict[str, list[str]]]


@pytest.fixture(autouse=True)
def coordinator_on_todays_date(clock: Any) -> None:
    """The venue PCs run on the real clock; a coordinator on another day would see
    their files as made in the future (exchange_from_the_future)."""
    clock.now = local_now()


@pytest.fixture
def venue_pc(
    ctx: AppContext, tmp_path: Path, migrated_database: bytes
) -> Iterator[Callable[[str], AppContext]]:
    """Make a venue PC paired with the coordinator (`ctx`): its own SQLite file and
    device id, on the real clock.

    The real clock, because the ORM stamps `updated_at` with it: what an
    incremental export picks up depends on the two clocks agreeing.
    """
    made: list[AppContext] = []

    def make(name: str) -> AppContext:
        folder = DataFolder(tmp_path / name)
        folder.root.mkdir(mode=0o700, parents=True)
        folder.database.write_bytes(migrated_database)
        opened = open_database(folder=folder)
        made.append(opened)
        pc = replace(opened, clock=local_now)
        ledger.set_device_name(pc, name)
        pair(ctx, pc, tmp_path / "pairing")
        return pc

    yield make
    for pc in made:
        pc.close()


def open_cafe(pc: AppContext, venue_name: str = "中央公民館") -> events.EventInfo:
    venue = venues.complete_setup(pc, "NPOつながり", venue_name, "in_person")
    return events.open_event(pc, venue.id)


def visit(event: events.EventInfo, **changes: object) -> CheckInRequest:
    values: dict[str, object] = dict(
        event_id=event.id, age_band="30s", residence="resident", first_visit=True
    )
    values.update(changes)
    return CheckInRequest(**values)  # type: ignore[arg-type]


def rows(ctx: AppContext, model: type) -> list:
    with ctx.sessions() as session:
        return list(session.scalars(select(model)))


def test_round_trip_brings_every_row_but_no_nickname_or_care_note(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event, nickname="さくら"))
    kept = checkin.check_in(
        pc, visit(event, children=(ChildRequest("1-2", care_note="卵アレルギー"),))
    )
    cancelled = checkin.check_in(pc, visit(event))
    checkin.cancel_visit(pc, cancelled.visit.id, "mistake")

    exported = export_for_coordinator(pc, tmp_path / "usb" / "a.zip")
    result = import_file(ctx, exported.path)

    assert result.device_name == "会場PC 1"
    assert result.tables["visit"].new == 3
    assert result.tables["child_care"].new == 1
    assert result.total("conflict") == 0
    with ctx.sessions() as session:
        assert session.scalar(select(Venue.name)) == "中央公民館"
        statuses = dict(session.execute(select(Visit.id, Visit.status)).all())
        assert statuses[cancelled.visit.id] == "cancelled"
        assert statuses[kept.visit.id] == "active"
        assert session.scalars(select(Visitor.nickname)).all() == [None]
        assert session.scalars(select(ChildCare.care_note)).all() == [None]
    inside = b"".join(content(ctx, exported.path).values()).decode()
    assert "中央公民館" in inside  # the check below can find text
    assert "さくら" not in inside and "卵アレルギー" not in inside


def test_reimporting_the_same_file_changes_nothing(ctx, venue_pc, tmp_path, db_state):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    for _ in range(3):
        checkin.check_in(pc, visit(event))
    path = export_for_coordinator(pc, tmp_path / "a.zip").path
    first = import_file(ctx, path)
    assert first.changed
    before = db_state()

    again = import_file(ctx, path)

    assert again.already_imported_at is not None  # recognised by its id, and skipped
    assert not again.changed and again.tables == {}
    assert db_state() == before  # not even an audit line


def test_the_coordinator_keeps_what_it_already_had_and_adds_what_is_new(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event))
    import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "1.zip", everything=True).path)
    checkin.check_in(pc, visit(event))

    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.zip").path)

    assert result.tables["visit"].new == 1
    assert len(rows(ctx, Visit)) == 2


def test_an_export_holds_only_what_changed_since_the_last_export_to_that_folder(venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event))
    first = export_for_coordinator(pc, tmp_path / "usb" / "1.zip")
    assert first.manifest.since is None
    checkin.check_in(pc, visit(event))

    second = export_for_coordinator(pc, tmp_path / "usb" / "2.zip")
    elsewhere = export_for_coordinator(pc, tmp_path / "share" / "1.zip")
    everything = export_for_coordinator(pc, tmp_path / "usb" / "3.zip", everything=True)

    assert second.manifest.since is not None
    assert second.manifest.tables["visit"].rows == 1
    assert elsewhere.manifest.tables["visit"].rows == 2
    assert everything.manifest.tables["visit"].rows == 2


def test_unexported_rows_count_what_never_left_this_pc(venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event))
    assert unexported_rows(pc) > 0
    export_for_coordinator(pc, tmp_path / "a.zip")
    assert unexported_rows(pc) == 0
    checkin.check_in(pc, visit(event))
    assert unexported_rows(pc) == 1


def test_a_cancellation_made_later_reaches_the_coordinator_and_an_old_file_cannot_undo_it(
    ctx, venue_pc, tmp_path, db_state
):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    done = checkin.check_in(pc, visit(event))
    old = export_for_coordinator(pc, tmp_path / "usb" / "1.zip").path
    import_file(ctx, old)
    checkin.cancel_visit(pc, done.visit.id, "mistake")
    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "2.zip").path)
    assert result.tables["visit"].updated == 1
    before = db_state()

    again = import_file(ctx, old)

    assert not again.changed and again.total("conflict") == 0
    assert db_state() == before
    assert [v.status for v in rows(ctx, Visit)] == ["cancelled"]


def test_a_row_changed_on_two_devices_keeps_the_later_change_and_audits_the_conflict(
    ctx, venue_pc, tmp_path
):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    import_file(ctx, export_for_coordinator(pc, tmp_path / "1.zip").path)
    venue_id = event.venue_id
    venues.rename_venue(pc, venue_id, "中央公民館 2階")  # earlier
    coordinator = replace(ctx, clock=local_now)
    venues.rename_venue(coordinator, venue_id, "中央公民館（本館）")  # later

    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "2.zip").path)

    assert result.tables["venue"].conflicts == 1
    assert [v.name for v in rows(ctx, Venue)] == ["中央公民館（本館）"]
    conflicts = [a for a in rows(ctx, AuditEntry) if a.action == "exchange_conflict"]
    assert [(a.entity, a.entity_id, a.detail["kept"]) for a in conflicts] == [
        ("venue", venue_id, "here")
    ]


def test_a_later_change_in_the_file_replaces_ours(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    import_file(ctx, export_for_coordinator(pc, tmp_path / "1.zip").path)
    coordinator = replace(ctx, clock=local_now)
    venues.rename_venue(coordinator, event.venue_id, "中央公民館（本館）")  # earlier
    venues.rename_venue(pc, event.venue_id, "中央公民館 2階")  # later

    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "2.zip").path)

    assert result.tables["venue"].updated == 1
    assert [v.name for v in rows(ctx, Venue)] == ["中央公民館 2階"]


T0 = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


def row(status: str, minutes: int, **extra: object) -> dict[str, object]:
    return {"id": "x", "status": status, "updated_at": T0 + timedelta(minutes=minutes), **extra}


@pytest.mark.parametrize(
    ("ours", "theirs", "newest", "outcome", "take"),
    [
        (None, row("active", 0), True, "new", True),
        (row("active", 0), row("active", 0), True, "unchanged", False),
        (row("active", 0, n=1), row("active", 5, n=2), True, "updated", True),
        (row("active", 5, n=1), row("active", 0, n=2), True, "conflict", False),
        (row("active", 5, n=1), row("active", 0, n=2), False, "unchanged", False),
        (row("active", 5, n=1), row("active", 5, n=2), True, "conflict", False),
        # a cancellation is final, whichever copy is newer
        (row("cancelled", 0), row("active", 5), True, "conflict", False),
        (row("cancelled", 0), row("active", 5), False, "conflict", False),
        (row("cancelled", 5), row("active", 0), False, "unchanged", False),
        (row("active", 5), row("cancelled", 0), True, "conflict", True),
        (row("active", 0), row("cancelled", 5), True, "updated", True),
        (row("booked", 5), row("removed", 0), False, "conflict", True),
    ],
)
def test_merge_rules(ours, theirs, newest, outcome, take):
    decision = decide(ours, theirs, newest)
    assert (decision.outcome, decision.take_file) == (outcome, take)


def test_files_are_imported_oldest_first_whatever_order_they_are_given_in(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    checkin.check_in(pc, visit(event))
    first = export_for_coordinator(pc, tmp_path / "usb" / "1.zip").path
    checkin.check_in(pc, visit(event))
    second = export_for_coordinator(pc, tmp_path / "usb" / "2.zip").path

    results = import_files(ctx, [second, first])

    assert [r.path for r in results] == [first, second]
    assert len(rows(ctx, Visit)) == 2


def test_a_file_that_needs_an_earlier_one_is_refused_whole(ctx, venue_pc, tmp_path, db_state):
    pc = venue_pc("会場PC 1")
    event = open_cafe(pc)
    export_for_coordinator(pc, tmp_path / "usb" / "1.zip")  # never imported
    checkin.check_in(pc, visit(event))
    second = export_for_coordinator(pc, tmp_path / "usb" / "2.zip").path
    before = db_state()

    with pytest.raises(KioskError) as excinfo:
        import_file(ctx, second)

    assert excinfo.value.code == "exchange_needs_earlier_file"
    assert db_state() == before


def test_two_demo_pcs_merge_into_a_fiscal_year_report_that_is_their_sum(ctx, tmp_path):
    today = ctx.today()
    period = fiscal_year_period(2026)
    files, reports = [], []
    for seed in (1, 2):
        folder = DataFolder(tmp_path / f"demo{seed}")
        build_demo(folder, seed=seed, days=45, today=today)
        pc = open_database(folder=folder)
        try:
            pair(ctx, pc, tmp_path / "pairing")
            reports.append(period_report(pc, period).totals)
            files.append(export_for_coordinator(pc, tmp_path / f"demo{seed}.zip").path)
        finally:
            pc.close()

    import_files(ctx, files)
    merged = period_report(ctx, period).totals
    again = import_files(ctx, files)

    assert all(r.already_imported_at is not None and not r.changed for r in again)
    for name in ("visits", "first_visits", "repeat_visits", "count_only", "children"):
        assert getattr(merged, name) == getattr(reports[0], name) + getattr(reports[1], name)
    assert merged.survey_responses == reports[0].survey_responses + reports[1].survey_responses
    assert merged.visits > 0
    for field in fields(merged.consultations):
        a, b = (getattr(r.consultations, field.name) for r in reports)
        if isinstance(a, int):
            assert getattr(merged.consultations, field.name) == a + b


def test_an_import_copies_no_file_and_each_file_can_be_undone(ctx, venue_pc, tmp_path):
    """The whole-file copy made before every import (seconds on a million visits) is
    gone: each file's transaction records how to undo it instead."""
    from kiosk.care.backups import list_backups
    from kiosk.exchange import undo

    files = []
    for name in ("会場PC 1", "会場PC 2"):
        pc = venue_pc(name)
        checkin.check_in(pc, visit(open_cafe(pc)))
        files.append(export_for_coordinator(pc, tmp_path / f"{name}.zip").path)

    results = import_files(ctx, files)

    if ctx.data_dir is not None:
        assert list_backups(DataFolder(ctx.data_dir)) == []
    assert {r.file_id for r in undo.imports(ctx)} == {r.file_id for r in results}


def test_events_of_the_venue_pc_are_listed_at_the_coordinator(ctx, venue_pc, tmp_path):
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    import_file(ctx, export_for_coordinator(pc, tmp_path / "a.tsunagari").path)
    assert [e.status for e in rows(ctx, Event)] == ["open"]


def test_a_new_pc_set_up_after_importing_the_coordinators_file_shares_its_venue(
    ctx, venue, venue_pc, tmp_path
):
    coordinator = replace(ctx, clock=local_now)
    ledger.set_device_name(coordinator, "コーディネーター")
    pc = venue_pc("会場PC 2")  # paired first: the coordinator's file is sealed to its PCs
    shared = export_for_coordinator(coordinator, tmp_path / "usb" / "setup.zip").path
    import_file(pc, shared)
    assert venues.needs_setup(pc)

    adopted = venues.complete_setup(pc, "NPOつながり", "中央公民館", "in_person")
    event = events.open_event(pc, adopted.id)
    checkin.check_in(pc, visit(event))
    import_file(ctx, export_for_coordinator(pc, tmp_path / "usb" / "pc2.zip").path)

    assert adopted.id == venue.id
    assert [v.name for v in rows(ctx, Venue)] == ["中央公民館"]
    assert len(rows(ctx, Visit)) == 1


def test_every_table_in_the_file_has_a_name_in_both_languages():
    names = {t.name for t in allowed.exchanged_tables()}
    assert set(file_format.TABLE_LABELS) == names
    assert all(file_format.table_label(name, "en") != name for name in names)


def test_a_questionnaire_saved_before_the_name_rule_still_travels(ctx, venue_pc, tmp_path):
    """Its definition is judged by the questionnaire rules for stored versions, not as a name."""
    from kiosk.core import settings
    from kiosk.survey import catalogue
    from kiosk.survey.questionnaire import BUILTIN_DIR

    pc = venue_pc("会場PC 1")
    open_cafe(pc)
    data = json.loads((BUILTIN_DIR / "cafe-satisfaction.json").read_text(encoding="utf-8"))
    data["version"] = 7
    data["questions"][0]["text"]["ja"] += "\u200b"
    key = catalogue.PREFIX + "cafe-satisfaction/7"
    settings.put(pc, key, json.dumps(data, ensure_ascii=False))

    import_file(ctx, export_for_coordinator(pc, tmp_path / "q.zip").path)

    assert catalogue.get(ctx, "cafe-satisfaction/7").version == 7


def test_a_target_for_a_scope_already_set_here_is_left_out_and_ours_stays(ctx, venue_pc, tmp_path):
    """Two PCs each set the all-venue target: the database keeps one, the one already
    here (a file may not change or delete another PC's row)."""
    from kiosk.reports import targets

    targets.set_target(ctx, 2026, "consultations", 180, "kpi", "output")
    pc = venue_pc("会場PC 1")
    checkin.check_in(pc, visit(open_cafe(pc)))
    targets.set_target(pc, 2026, "consultations", 200, "kpi", "output")

    result = import_file(ctx, export_for_coordinator(pc, tmp_path / "t.tsunagari").path)

    assert result.tables["kpi_target"].conflicts == 1
    assert [t.target for t in targets.list_targets(ctx, 2026)] == [180.0]
    conflicts = [a for a in rows(ctx, AuditEntry) if a.action == "exchange_conflict"]
    assert [(a.entity, a.detail["reason"]) for a in conflicts] == [
        ("kpi_target", "one_target_per_scope")
    ]


def test_a_lost_stick_shows_no_venue_no_category_and_no_date(ctx, venue_pc, tmp_path):
    """The file's bytes, as whoever finds the stick reads them: nothing in clear."""
    from kiosk.consultations import records
    from kiosk.consultations.records import ConsultationDraft

    pc = venue_pc("会場PC 1")
    event = open_cafe(pc, "中央公民館")
    seen = checkin.check_in(pc, visit(event))
    day = event.date
    asked = records.record_consultation(
        pc,
        ConsultationDraft(
            event.venue_id, day, "in_person", "violence", "counsellor", 30, event.id,
            seen.visit.id,
        ),
    )  # fmt: skip
    records.record_referral(pc, event.venue_id, day, "dv_centre", asked.id)

    sealed = export_for_coordinator(pc, tmp_path / "usb" / "lost.tsunagari").path
    data = sealed.read_bytes()
    inside = b"".join(content(ctx, sealed).values())
    for clear in ("中央公民館", "violence", "dv_centre", day.isoformat(), str(day.year)):
        assert clear.encode() in inside, clear  # the file holds it, sealed
        assert clear.encode() not in data, clear
        assert clear.encode("utf-16-le") not in data, clear
