"""Consultation records: every rule, idempotency, cancel, and the day's list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Consultation
from kiosk.consultations import lists
from kiosk.consultations.records import (
    ConsultationDraft,
    cancel_case_meeting,
    cancel_consultation,
    cancel_referral,
    events_of_day,
    parse_day,
    record_case_meeting,
    record_consultation,
    record_referral,
    records_of_day,
)
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from tests.refusals import refused

TODAY = date(2026, 11, 22)  # the fake clock's Sunday


def draft(venue, **changes):
    base = ConsultationDraft(
        venue_id=venue.id,
        day=TODAY,
        channel="in_person",
        category="parenting",
        staff_role="public_health_nurse",
    )
    return replace(base, **changes)


@pytest.fixture
def visit(ctx, event):
    return checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s")).visit


def test_a_consultation_at_the_event_with_her_check_in(ctx, event, visit, venue):
    saved = record_consultation(ctx, draft(venue, event_id=event.id, visit_id=visit.id, minutes=40))
    assert (saved.channel, saved.category, saved.staff_role, saved.minutes) == (
        "in_person",
        "parenting",
        "public_health_nurse",
        40,
    )
    assert (saved.event_id, saved.visit_id, saved.visit_number) == (event.id, visit.id, 1)
    assert saved.day == TODAY and saved.active
    assert records_of_day(ctx, venue.id, TODAY).consultations == (saved,)


def test_the_event_is_taken_from_the_check_in(ctx, event, visit, venue):
    saved = record_consultation(ctx, draft(venue, visit_id=visit.id))
    assert saved.event_id == event.id


def test_a_phone_consultation_on_a_weekday_without_an_event(ctx, venue, clock):
    tuesday = TODAY - timedelta(days=5)
    assert events_of_day(ctx, venue.id, tuesday) == []
    saved = record_consultation(
        ctx, draft(venue, day=tuesday, channel="phone", category="money_living")
    )
    assert saved.event_id is None and saved.visit_id is None
    assert records_of_day(ctx, venue.id, tuesday).consultations == (saved,)
    assert records_of_day(ctx, venue.id, TODAY).consultations == ()


def test_a_date_may_be_given_as_text(ctx, venue):
    saved = record_consultation(ctx, draft(venue, day="2026/11/20"))
    assert saved.day == date(2026, 11, 20)
    assert parse_day(" 2026-11-02 ") == date(2026, 11, 2)


@pytest.mark.parametrize("text", ["22/11/2026", "2026-13-01", "2026-02-30", "", "yesterday"])
def test_a_date_in_the_wrong_format_changes_nothing(ctx, venue, db_state, text):
    error = refused(
        db_state, "date_invalid", lambda: record_consultation(ctx, draft(venue, day=text))
    )
    assert error.params["value"] == text


def test_a_date_in_the_future_changes_nothing(ctx, venue, db_state, clock):
    tomorrow = TODAY + timedelta(days=1)
    refused(
        db_state, "date_in_future", lambda: record_consultation(ctx, draft(venue, day=tomorrow))
    )
    refused(
        db_state, "date_in_future", lambda: record_referral(ctx, venue.id, tomorrow, "food_bank")
    )
    refused(db_state, "date_in_future", lambda: record_case_meeting(ctx, venue.id, tomorrow))
    clock.advance(days=1)  # the next morning it is today, and fine
    assert record_case_meeting(ctx, venue.id, tomorrow).day == tomorrow


def test_an_unknown_venue_changes_nothing(ctx, venue, db_state):
    ghost = "00000000-0000-4000-8000-000000000000"
    refused(
        db_state, "venue_not_found", lambda: record_consultation(ctx, draft(venue, venue_id=ghost))
    )
    refused(db_state, "venue_not_found", lambda: record_referral(ctx, ghost, TODAY, "food_bank"))
    refused(db_state, "venue_not_found", lambda: record_case_meeting(ctx, ghost, TODAY))


@pytest.mark.parametrize("minutes", [0, -5, 481, 10_000, True, 2.5])
def test_negative_or_absurd_minutes_change_nothing(ctx, venue, db_state, minutes):
    refused(
        db_state,
        "consultation_minutes_invalid",
        lambda: record_consultation(ctx, draft(venue, minutes=minutes)),
    )


@pytest.mark.parametrize("minutes", [None, 1, 480])
def test_minutes_at_the_edges_are_fine(ctx, venue, minutes):
    assert record_consultation(ctx, draft(venue, minutes=minutes)).minutes == minutes


@pytest.mark.parametrize(
    ("field", "value"),
    [("channel", "fax"), ("category", "gossip"), ("staff_role", "mayor"), ("category", "")],
)
def test_an_answer_outside_the_lists_changes_nothing(ctx, venue, db_state, field, value):
    refused(
        db_state, "invalid_choice", lambda: record_consultation(ctx, draft(venue, **{field: value}))
    )


def test_a_hidden_category_cannot_be_chosen_for_a_new_record(ctx, venue, db_state):
    lists.set_hidden(ctx, "category", "work", True)
    refused(
        db_state, "invalid_choice", lambda: record_consultation(ctx, draft(venue, category="work"))
    )


def test_the_event_must_be_at_that_venue_on_that_date(ctx, venue, event, db_state, visit):
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    refused(
        db_state,
        "consultation_event_mismatch",
        lambda: record_consultation(ctx, draft(other, event_id=event.id)),
    )
    refused(
        db_state,
        "consultation_event_mismatch",
        lambda: record_consultation(
            ctx, draft(venue, day=TODAY - timedelta(days=7), event_id=event.id)
        ),
    )
    refused(
        db_state,
        "consultation_event_mismatch",  # the event taken from her check-in is elsewhere
        lambda: record_consultation(ctx, draft(other, visit_id=visit.id)),
    )
    refused(
        db_state, "event_not_found", lambda: record_consultation(ctx, draft(venue, event_id="nope"))
    )


def test_the_check_in_must_belong_to_that_event(ctx, venue, event, visit, db_state):
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    elsewhere = events.open_event(ctx, other.id)
    refused(
        db_state,
        "consultation_visit_mismatch",
        lambda: record_consultation(ctx, draft(other, event_id=elsewhere.id, visit_id=visit.id)),
    )
    refused(
        db_state, "visit_not_found", lambda: record_consultation(ctx, draft(venue, visit_id="nope"))
    )


def test_a_cancelled_check_in_cannot_be_linked(ctx, venue, event, visit, db_state):
    checkin.cancel_visit(ctx, visit.id, "mistake")
    error = refused(
        db_state,
        "consultation_visit_cancelled",
        lambda: record_consultation(ctx, draft(venue, visit_id=visit.id)),
    )
    assert error.params["number"] == 1


def test_a_double_click_records_one_consultation(ctx, venue, db_state):
    once = draft(venue)
    first = record_consultation(ctx, once)
    before = db_state()
    assert record_consultation(ctx, once) == first
    assert db_state() == before
    assert len(records_of_day(ctx, venue.id, TODAY).consultations) == 1
    assert record_consultation(ctx, draft(venue)).id != first.id  # a new form: a new one


def test_a_double_click_records_one_referral_and_one_case_meeting(ctx, venue, db_state):
    referral = record_referral(ctx, venue.id, TODAY, "food_bank", request_id="r-1")
    meeting = record_case_meeting(ctx, venue.id, TODAY, request_id="m-1")
    before = db_state()
    assert record_referral(ctx, venue.id, TODAY, "food_bank", request_id="r-1") == referral
    assert record_case_meeting(ctx, venue.id, TODAY, request_id="m-1") == meeting
    assert db_state() == before


def test_a_referral_from_a_consultation_of_the_same_day(ctx, venue, db_state):
    consultation = record_consultation(ctx, draft(venue, category="violence"))
    referral = record_referral(ctx, venue.id, TODAY, "dv_centre", consultation.id)
    assert referral.consultation_id == consultation.id and referral.agency == "dv_centre"
    refused(
        db_state,
        "referral_consultation_mismatch",
        lambda: record_referral(
            ctx, venue.id, TODAY - timedelta(days=1), "dv_centre", consultation.id
        ),
    )
    refused(
        db_state,
        "consultation_not_found",
        lambda: record_referral(ctx, venue.id, TODAY, "dv_centre", "nope"),
    )
    refused(db_state, "invalid_choice", lambda: record_referral(ctx, venue.id, TODAY, "the_moon"))
    cancel_consultation(ctx, consultation.id)
    refused(
        db_state,
        "consultation_cancelled",
        lambda: record_referral(ctx, venue.id, TODAY, "dv_centre", consultation.id),
    )


def test_cancel_keeps_the_row_marks_it_and_audits_it(ctx, venue, db_state):
    consultation = record_consultation(ctx, draft(venue))
    referral = record_referral(ctx, venue.id, TODAY, "hello_work")
    meeting = record_case_meeting(ctx, venue.id, TODAY)
    assert not cancel_consultation(ctx, consultation.id).active
    assert not cancel_referral(ctx, referral.id).active
    assert not cancel_case_meeting(ctx, meeting.id).active
    day = records_of_day(ctx, venue.id, TODAY)
    assert [c.status for c in day.consultations] == ["cancelled"]
    assert [r.status for r in day.referrals] == ["cancelled"]
    assert [m.status for m in day.case_meetings] == ["cancelled"]
    with ctx.sessions() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
    assert {"consultation_cancelled", "referral_cancelled", "case_meeting_cancelled"} <= set(
        actions
    )
    before = db_state()  # cancelling again changes nothing
    cancel_consultation(ctx, consultation.id)
    cancel_referral(ctx, referral.id)
    cancel_case_meeting(ctx, meeting.id)
    assert db_state() == before


@pytest.mark.parametrize(
    ("cancel", "code"),
    [
        (cancel_consultation, "consultation_not_found"),
        (cancel_referral, "referral_not_found"),
        (cancel_case_meeting, "case_meeting_not_found"),
    ],
)
def test_cancelling_something_unknown_changes_nothing(ctx, venue, db_state, cancel, code):
    refused(db_state, code, lambda: cancel(ctx, "nope"))


def test_the_audit_log_holds_codes_not_people(ctx, venue, event):
    visit = checkin.check_in(
        ctx, CheckInRequest(event_id=event.id, age_band="30s", nickname="ひまわり")
    ).visit
    saved = record_consultation(ctx, draft(venue, visit_id=visit.id, category="violence"))
    record_referral(ctx, venue.id, TODAY, "dv_centre", saved.id)
    with ctx.sessions() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity.in_(("consultation", "referral")))
        ).all()
    assert [e.action for e in entries] == ["consultation_recorded", "referral_recorded"]
    text = repr([e.detail for e in entries])
    assert "ひまわり" not in text and visit.id not in text
    assert "violence" not in text  # what she talked about is not in the log either
    assert "dv_centre" not in text


def test_no_column_could_hold_the_content():
    columns = set(Consultation.__table__.columns.keys())
    assert columns == {
        "id",
        "created_at",
        "updated_at",
        "device_id",
        "venue_id",
        "date",
        "event_id",
        "visit_id",
        "channel",
        "category",
        "staff_role",
        "minutes",
        "status",
    }


def test_the_day_lists_each_venue_apart(ctx, venue):
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    mine = record_consultation(ctx, draft(venue))
    record_consultation(ctx, draft(other))
    record_referral(ctx, other.id, TODAY, "food_bank")
    day = records_of_day(ctx, venue.id, TODAY)
    assert day.consultations == (mine,) and day.referrals == () and day.case_meetings == ()


def test_events_of_day_puts_the_open_one_first(ctx, venue, event):
    assert [e.id for e in events_of_day(ctx, venue.id, TODAY)] == [event.id]
    assert events_of_day(ctx, venue.id, TODAY - timedelta(days=1)) == []
