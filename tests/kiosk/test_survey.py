"""Questionnaire responses: whole or nothing, anonymous, times only to the hour."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import inspect, select

from db.models import AuditEntry, SurveyResponse
from kiosk.core.context import AppContext
from kiosk.door.events import EventInfo
from kiosk.survey import catalogue, responses
from kiosk.survey.questionnaire import Questionnaire
from tests.refusals import refused

FULL = {
    "overall": "somewhat_satisfied",
    "activities": ["workshop", "talk"],
    "come_again": "yes",
    "lonely": "occasionally",
    "heard_from": "flyer",
    "age_band": "30s",
    "comment": "  子どもを預けて\nゆっくりできました。\x07 ",
}


@pytest.fixture
def questionnaire(ctx: AppContext) -> Questionnaire:
    return catalogue.active(ctx)


def stored(ctx: AppContext) -> list[SurveyResponse]:
    with ctx.sessions() as session:
        return list(session.scalars(select(SurveyResponse)))


def test_a_full_response_is_stored_anonymously_to_the_hour(ctx, event, clock, questionnaire):
    clock.advance(hours=3, minutes=47, seconds=12)  # 13:47:12
    saved = responses.submit_response(ctx, event.id, questionnaire, FULL, "ja")
    assert not saved.repeated and saved.answered == 7
    [row] = stored(ctx)
    assert row.id == saved.id
    hour = datetime.fromisoformat("2026-11-22T13:00:00+09:00")
    assert row.answered_hour == row.created_at == row.updated_at == hour
    assert (row.event_id, row.source, row.language) == (event.id, "kiosk", "ja")
    assert (row.questionnaire_id, row.questionnaire_version) == ("cafe-satisfaction", 2)
    assert row.answers["activities"] == ["talk", "workshop"]  # the questionnaire's order
    assert row.answers["comment"] == "子どもを預けて\nゆっくりできました。"
    # The definition it was answered with is kept for good.
    assert catalogue.get(ctx, "cafe-satisfaction/2") == questionnaire


def test_a_response_has_no_link_to_a_visit():
    columns = {c.name for c in inspect(SurveyResponse).columns}
    assert not {c for c in columns if "visit" in c or "visitor" in c}
    assert {c.name for c in inspect(SurveyResponse).columns if c.foreign_keys} == {"event_id"}


def test_a_double_tap_on_send_stores_one_response(ctx, event, questionnaire):
    first = responses.submit_response(ctx, event.id, questionnaire, FULL, "ja", request_id="r-1")
    again = responses.submit_response(ctx, event.id, questionnaire, FULL, "ja", request_id="r-1")
    assert (first.id, again.id, again.repeated) == ("r-1", "r-1", True)
    assert len(stored(ctx)) == 1


def test_a_skipped_required_question_stores_nothing(ctx, event, db_state, questionnaire):
    answers = {k: v for k, v in FULL.items() if k != "overall"}
    error = refused(
        db_state,
        "survey_required",
        lambda: responses.submit_response(ctx, event.id, questionnaire, answers, "ja"),
    )
    assert error.params == {"number": 1}


def test_over_long_free_text_stores_nothing(ctx, event, db_state, questionnaire):
    answers = {**FULL, "comment": "あ" * 401}
    error = refused(
        db_state,
        "survey_text_too_long",
        lambda: responses.submit_response(ctx, event.id, questionnaire, answers, "ja"),
    )
    assert error.params == {"number": 7, "limit": 400, "count": 401}
    exactly = {**FULL, "comment": "あ" * 400}
    responses.submit_response(ctx, event.id, questionnaire, exactly, "ja")


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({**FULL, "overall": "thrilled"}, "survey_invalid_answer"),
        ({**FULL, "activities": ["talk", "karaoke"]}, "survey_invalid_answer"),
        ({**FULL, "activities": "talk"}, "survey_invalid_answer"),
        ({**FULL, "come_again": True}, "survey_invalid_answer"),
        ({**FULL, "comment": 42}, "survey_invalid_answer"),
        ({**FULL, "name": "さくら"}, "survey_unknown_question"),
    ],
)
def test_answers_that_are_not_in_the_questionnaire_are_refused(
    ctx, event, db_state, questionnaire, answers, code
):
    refused(
        db_state,
        code,
        lambda: responses.submit_response(ctx, event.id, questionnaire, answers, "ja"),
    )


def test_other_refusals_change_nothing(ctx, event, db_state, questionnaire):
    refused(
        db_state,
        "invalid_language",
        lambda: responses.submit_response(ctx, event.id, questionnaire, FULL, "fr"),
    )
    refused(
        db_state,
        "event_not_found",
        lambda: responses.submit_response(ctx, "no-such-event", questionnaire, FULL, "ja"),
    )
    refused(
        db_state,
        "survey_empty",
        lambda: responses.submit_response(ctx, event.id, questionnaire, {}, "ja", source="paper"),
    )


def test_a_paper_response_keeps_the_day_only_and_may_skip_a_required_question(
    ctx: AppContext, event: EventInfo, clock, questionnaire
):
    clock.advance(days=3, hours=5, minutes=10)  # typed in three days later, 15:10
    paper = {"lonely": "often_always", "comment": "紙に書きました"}
    responses.submit_response(ctx, event.id, questionnaire, paper, "ja", source="paper")
    [row] = stored(ctx)
    assert row.source == "paper"
    assert row.answered_hour == datetime.fromisoformat("2026-11-22T00:00:00+09:00")
    assert row.created_at == datetime.fromisoformat("2026-11-25T15:00:00+09:00")
    assert row.answers == paper


def test_a_closed_event_still_takes_responses(ctx, event, questionnaire):
    from kiosk.door import events

    events.close_event(ctx, event.id)
    responses.submit_response(ctx, event.id, questionnaire, FULL, "en")
    assert responses.count_for_event(ctx, event.id) == 1


def test_idle_time_has_a_default_and_a_range(ctx, db_state):
    assert responses.idle_seconds(ctx) == 90
    responses.set_idle_seconds(ctx, 120)
    assert responses.idle_seconds(ctx) == 120
    for wrong in (5, 10_000):
        error = refused(
            db_state, "survey_idle_range", lambda w=wrong: responses.set_idle_seconds(ctx, w)
        )
        assert error.params == {"low": 30, "high": 900}


# --- nothing a response writes tells when, or in what order, it came ---------------------


def rows_by_table(ctx: AppContext) -> dict[str, set[str]]:
    from db.models import Base

    with ctx.sessions() as session:
        return {
            table.name: {repr(tuple(row)) for row in session.execute(select(table))}
            for table in Base.metadata.sorted_tables
        }


def changed_tables(before: dict[str, set[str]], after: dict[str, set[str]]) -> dict[str, int]:
    return {t: len(after[t] ^ before[t]) for t in after if after[t] != before[t]}


def fine_times(ctx: AppContext) -> list[str]:
    """Every time in survey_response finer than the hour."""
    from sqlalchemy import DateTime

    table = SurveyResponse.__table__
    columns = [
        c
        for c in table.columns
        if isinstance(c.type.impl if hasattr(c.type, "impl") else c.type, DateTime)
    ]
    assert {c.name for c in columns} >= {"answered_hour", "created_at", "updated_at"}
    with ctx.sessions() as session:
        rows = session.execute(select(*columns)).all()
    return [
        f"{c.name}={value}"
        for row in rows
        for c, value in zip(columns, row, strict=True)
        if value is not None and (value.minute, value.second, value.microsecond) != (0, 0, 0)
    ]


def test_answers_between_check_ins_leave_no_time_and_no_order(
    ctx, event, clock, questionnaire, backend
):
    """A response is placed nowhere between two check-ins: not by a rowid, an audit
    line, a setting the first response wrote, a row version, nor a time."""
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from kiosk.door import checkin

    sent: list[str] = []
    for n in range(8):
        clock.advance(minutes=4, seconds=13)
        checkin.check_in(ctx, checkin.count_only_request(event.id))
        clock.advance(minutes=1, seconds=7)
        before = rows_by_table(ctx)
        source = "paper" if n % 3 == 2 else "kiosk"
        answers = {"lonely": "occasionally"} if source == "paper" else FULL
        saved = responses.submit_response(
            ctx, event.id, questionnaire, answers, "ja", source=source
        )
        sent.append(saved.id)
        # One response more, and nothing else anywhere: no audit line, no setting.
        assert changed_tables(before, rows_by_table(ctx)) == {"survey_response": 1}
    checkin.check_in(ctx, checkin.count_only_request(event.id))

    assert fine_times(ctx) == []
    with ctx.sessions() as session:
        assert not session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "survey_response")
        ).all()
        if backend == "sqlite":
            with pytest.raises(DatabaseError):  # no hidden rowid to sort them by
                session.execute(text("SELECT rowid FROM survey_response")).all()
            stored_order = session.scalars(text("SELECT id FROM survey_response")).all()
        else:
            # Every row of the hour rewritten together: one row version, shuffled.
            versions = session.scalars(
                text("SELECT DISTINCT xmin::text FROM survey_response")
            ).all()
            assert len(versions) == 1
            stored_order = session.scalars(
                text("SELECT id FROM survey_response ORDER BY ctid")
            ).all()
    assert sorted(stored_order) == sorted(sent)
    assert stored_order != sent  # 1 chance in 40320 of a false alarm


def test_the_questionnaire_is_stored_when_staff_open_it_never_by_a_response(ctx, event, clock):
    from db.models import Setting

    def definitions() -> list[Setting]:
        with ctx.sessions() as session:
            return list(
                session.scalars(select(Setting).where(Setting.key.startswith("questionnaire/")))
            )

    assert definitions() == []  # a fresh install
    staff_opened = catalogue.active(ctx)  # the questionnaire screen, the kiosk, the paper form
    [stored_row] = definitions()
    assert stored_row.key == "questionnaire/cafe-satisfaction/2"
    clock.advance(minutes=37)
    responses.submit_response(ctx, event.id, staff_opened, FULL, "ja")
    assert [(r.id, r.updated_at) for r in definitions()] == [(stored_row.id, stored_row.updated_at)]


def test_a_response_to_a_questionnaire_never_stored_is_refused(ctx, event, db_state):
    not_opened = catalogue.get(ctx, "cafe-satisfaction/2")  # read only: nothing stored
    error = refused(
        db_state,
        "questionnaire_not_stored",
        lambda: responses.submit_response(ctx, event.id, not_opened, FULL, "ja"),
    )
    assert error.params == {"ref": "cafe-satisfaction/2"}


@pytest.mark.sqlite_only
def test_send_empties_the_wal_and_never_waits_for_a_reader(ctx, event, folder, questionnaire):
    """Frames in the WAL, one commit after another, would keep the order of arrival."""
    import sqlite3
    from pathlib import Path

    wal = Path(f"{folder.database}-wal")
    responses.submit_response(ctx, event.id, questionnaire, FULL, "ja")
    assert wal.stat().st_size == 0
    reader = sqlite3.connect(folder.database)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM survey_response").fetchone()  # holds the WAL
    try:
        responses.submit_response(ctx, event.id, questionnaire, FULL, "en")  # saved, no wait
        assert wal.stat().st_size > 0
    finally:
        reader.close()
    responses.submit_response(ctx, event.id, questionnaire, FULL, "ja")
    assert wal.stat().st_size == 0 and responses.count_for_event(ctx, event.id) == 3
    with ctx.sessions() as session:
        from sqlalchemy import text

        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_a_response_sent_after_an_export_in_the_same_hour_still_reaches_the_coordinator(
    tmp_path, migrated_database
):
    """Its times are kept to the hour, so it looks older than the export before it."""
    from datetime import timedelta, timezone

    from kiosk.core.database import open_database
    from kiosk.core.paths import DataFolder
    from kiosk.door import venues
    from kiosk.door.events import open_event
    from kiosk.exchange import export
    from tests.pairing_helpers import pair

    folder = DataFolder(tmp_path / "pc")
    folder.root.mkdir(mode=0o700)
    folder.database.write_bytes(migrated_database)
    opened = open_database(folder=folder)
    jst = timezone(timedelta(hours=9))
    now = datetime.now(jst)
    pc = replace(opened, clock=lambda: now)  # the real clock: the ORM stamps with it too
    hub = open_database(folder=DataFolder(tmp_path / "coordinator"))
    try:
        pair(hub, pc, tmp_path / "pairing")
        venue = venues.complete_setup(pc, "NPOつながり", "中央公民館", "in_person")
        event = open_event(pc, venue.id)
        questionnaire = catalogue.active(pc)
        export.export_for_coordinator(pc, tmp_path / "usb" / "1.zip")
        responses.submit_response(pc, event.id, questionnaire, FULL, "ja")
        assert export.unexported_rows(pc) == 1
        second = export.export_for_coordinator(pc, tmp_path / "usb" / "2.zip")
    finally:
        opened.close()
        hub.close()
    assert second.manifest.tables["survey_response"].rows == 1
