"""Workshops: catalogue, slots, sign-ups with capacity and waitlist, attendance, counts."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.workshops.catalogue import (
    WorkshopDraft,
    add_starter_workshops,
    add_workshop,
    list_workshops,
    set_active,
    update_workshop,
)
from kiosk.workshops.counts import workshop_counts
from kiosk.workshops.signups import (
    cancel_signup,
    change_capacity,
    mark_all_attended,
    set_attended,
    sign_up,
    signups_of_slot,
)
from kiosk.workshops.slots import (
    add_slot,
    copy_slots,
    last_event_with_slots,
    remove_slot,
    slot,
    slots_of_event,
)
from tests.refusals import refused


@pytest.fixture
def aroma(ctx):
    return add_workshop(
        ctx, WorkshopDraft("アロマハンドトリートメント", default_capacity=2, default_minutes=45)
    )


@pytest.fixture
def yoga(ctx):
    return add_workshop(ctx, WorkshopDraft("ヨガ", default_capacity=None, default_minutes=60))


def visit(ctx, event, clock=None):
    if clock:
        clock.advance(minutes=1)
    return checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s")).visit


# -- catalogue -------------------------------------------------------------


@pytest.mark.parametrize("capacity", [0, -3])
def test_capacity_zero_or_negative_is_refused(ctx, db_state, capacity):
    refused(
        db_state,
        "capacity_invalid",
        lambda: add_workshop(ctx, WorkshopDraft("x", default_capacity=capacity)),
    )


def test_catalogue_rules(ctx, db_state, aroma):
    refused(
        db_state,
        "workshop_name_taken",
        lambda: add_workshop(ctx, WorkshopDraft(" アロマハンドトリートメント ")),
    )
    refused(
        db_state,
        "minutes_invalid",
        lambda: add_workshop(ctx, WorkshopDraft("y", default_minutes=5)),
    )
    refused(db_state, "name_empty", lambda: add_workshop(ctx, WorkshopDraft("  ")))
    changed = update_workshop(
        ctx,
        aroma.id,
        WorkshopDraft("アロマ", default_capacity=4, default_minutes=30, facilitator="山田"),
    )
    assert (changed.name, changed.default_capacity, changed.facilitator) == ("アロマ", 4, "山田")
    set_active(ctx, aroma.id, False)
    assert list_workshops(ctx) == []
    assert [w.active for w in list_workshops(ctx, include_retired=True)] == [False]


def test_starter_list_is_offered_once(ctx):
    first = add_starter_workshops(ctx)
    assert "珈琲焙煎ワークショップ" in {w.name for w in first} and len(first) == 6
    assert add_starter_workshops(ctx) == []
    assert len(list_workshops(ctx)) == 6


# -- slots -----------------------------------------------------------------


def test_slot_takes_the_catalogue_defaults(ctx, event, aroma):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30))
    assert (s.capacity, s.minutes, s.ends_at, s.free) == (2, 45, time(11, 15), 2)
    unlimited = add_slot(ctx, event.id, aroma.id, time(13, 0), capacity=None)
    assert unlimited.free is None and not unlimited.full


def test_slot_outside_the_day_or_with_bad_capacity_is_refused(ctx, db_state, event, aroma):
    refused(db_state, "slot_outside_day", lambda: add_slot(ctx, event.id, aroma.id, time(23, 30)))
    refused(db_state, "capacity_invalid", lambda: add_slot(ctx, event.id, aroma.id, time(10), 0))
    assert add_slot(ctx, event.id, aroma.id, time(23, 15)).ends_at == time.max  # ends at midnight


def test_copy_the_slots_of_last_month(ctx, venue, clock, aroma, yoga):
    last = events.open_event(ctx, venue.id)
    add_slot(ctx, last.id, aroma.id, time(10, 30), capacity=5)
    add_slot(ctx, last.id, yoga.id, time(13, 0))
    events.close_event(ctx, last.id)
    clock.advance(days=28)
    today = events.open_event(ctx, venue.id)
    source = last_event_with_slots(ctx, venue.id, today.date)
    assert source is not None and source.id == last.id
    copied = copy_slots(ctx, source.id, today.id)
    assert [(s.name, s.starts_at, s.capacity) for s in copied] == [
        ("アロマハンドトリートメント", time(10, 30), 5),
        ("ヨガ", time(13, 0), None),
    ]
    assert len(copy_slots(ctx, source.id, today.id)) == 2  # not doubled


def test_removing_a_slot_with_signups_asks_first(ctx, db_state, event, aroma, yoga):
    s = add_slot(ctx, event.id, aroma.id, time(10))
    sign_up(ctx, s.id, visit(ctx, event).id)
    error = refused(db_state, "slot_has_signups", lambda: remove_slot(ctx, s.id))
    assert error.params == {"count": 1}
    assert remove_slot(ctx, s.id, cancel_signups=True) == 1
    assert slots_of_event(ctx, event.id) == []
    with ctx.sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "slot_removed" in actions and "signup_cancelled" in actions


# -- sign-ups --------------------------------------------------------------


def test_a_visit_signs_up_for_several_workshops(ctx, event, aroma, yoga):
    v = visit(ctx, event)
    a = add_slot(ctx, event.id, aroma.id, time(10, 30))
    y = add_slot(ctx, event.id, yoga.id, time(13, 0))
    assert sign_up(ctx, a.id, v.id).signup.status == "booked"
    assert sign_up(ctx, y.id, v.id).signup.status == "booked"
    assert slot(ctx, a.id).registered == 1 and slot(ctx, y.id).registered == 1


def test_signing_up_twice_is_idempotent(ctx, event, aroma):
    v = visit(ctx, event)
    s = add_slot(ctx, event.id, aroma.id, time(10, 30))
    first = sign_up(ctx, s.id, v.id)
    again = sign_up(ctx, s.id, v.id)
    assert again.repeated and again.signup.id == first.signup.id
    assert slot(ctx, s.id).registered == 1


def test_overlapping_slots_are_refused_with_the_other_name(ctx, db_state, event, aroma, yoga):
    v = visit(ctx, event)
    a = add_slot(ctx, event.id, aroma.id, time(10, 30))  # 10:30–11:15
    y = add_slot(ctx, event.id, yoga.id, time(11, 0))  # 11:00–12:00
    sign_up(ctx, a.id, v.id)
    error = refused(db_state, "slot_overlaps", lambda: sign_up(ctx, y.id, v.id))
    assert error.params == {"name": "アロマハンドトリートメント", "time": "10:30–11:15"}
    back_to_back = add_slot(ctx, event.id, yoga.id, time(11, 15))
    assert sign_up(ctx, back_to_back.id, v.id).signup.status == "booked"


def test_only_an_active_check_in_of_the_same_event_signs_up(
    ctx, db_state, venue, event, aroma, clock
):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30))
    v = visit(ctx, event)
    checkin.cancel_visit(ctx, v.id, "mistake")
    refused(db_state, "visit_cancelled_no_signup", lambda: sign_up(ctx, s.id, v.id))
    events.close_event(ctx, event.id)
    clock.advance(days=1)
    other = events.open_event(ctx, venue.id)
    stranger = visit(ctx, other)
    refused(db_state, "event_not_open", lambda: sign_up(ctx, s.id, stranger.id))


def test_visit_from_another_event_is_refused(ctx, db_state, event, aroma, venue):
    from kiosk.door import venues

    other_venue = venues.add_venue(ctx, "東部センター")
    other_event = events.open_event(ctx, other_venue.id)
    s = add_slot(ctx, event.id, aroma.id, time(10, 30))
    stranger = visit(ctx, other_event)
    refused(db_state, "visit_not_at_event", lambda: sign_up(ctx, s.id, stranger.id))


def test_full_slot_offers_the_waitlist_and_promotes_in_order(ctx, db_state, event, aroma, clock):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30))  # capacity 2
    booked = [visit(ctx, event, clock) for _ in range(2)]
    waiting = [visit(ctx, event, clock) for _ in range(2)]
    first_booking = sign_up(ctx, s.id, booked[0].id)
    sign_up(ctx, s.id, booked[1].id)
    error = refused(db_state, "slot_full", lambda: sign_up(ctx, s.id, waiting[0].id))
    assert error.params == {"waitlisted": 0}
    for v in waiting:
        clock.advance(minutes=1)
        assert sign_up(ctx, s.id, v.id, waitlist_if_full=True).signup.status == "waitlisted"
    listed = signups_of_slot(ctx, s.id)
    assert [x.waitlist_position for x in listed] == [None, None, 1, 2]

    result = cancel_signup(ctx, first_booking.signup.id)
    assert result.promoted is not None
    assert result.promoted.visit_id == waiting[0].id  # the first on the list moved up
    assert slot(ctx, s.id).registered == 2 and slot(ctx, s.id).waitlisted == 1


def test_cancelling_a_waitlisted_signup_promotes_no_one(ctx, event, aroma, clock):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30), capacity=1)
    sign_up(ctx, s.id, visit(ctx, event, clock).id)
    w = sign_up(ctx, s.id, visit(ctx, event, clock).id, waitlist_if_full=True)
    assert cancel_signup(ctx, w.signup.id).promoted is None
    assert slot(ctx, s.id).registered == 1


def test_coordinator_override_is_audited(ctx, event, aroma):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30), capacity=1)
    sign_up(ctx, s.id, visit(ctx, event).id)
    extra = sign_up(ctx, s.id, visit(ctx, event).id, override_capacity=True)
    assert extra.signup.status == "booked" and slot(ctx, s.id).registered == 2
    with ctx.sessions() as session:
        assert "capacity_overridden" in session.scalars(select(AuditEntry.action)).all()


def test_more_capacity_moves_the_waitlist_up(ctx, db_state, event, aroma, clock):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30), capacity=1)
    sign_up(ctx, s.id, visit(ctx, event, clock).id)
    sign_up(ctx, s.id, visit(ctx, event, clock).id, waitlist_if_full=True)
    assert change_capacity(ctx, s.id, 2).registered == 2  # the waitlisted one moved up
    assert slot(ctx, s.id).waitlisted == 0
    refused(db_state, "capacity_below_booked", lambda: change_capacity(ctx, s.id, 1))


def test_cancelled_check_in_gives_up_her_places(ctx, event, aroma, clock):
    s = add_slot(ctx, event.id, aroma.id, time(10, 30), capacity=1)
    first = visit(ctx, event, clock)
    second = visit(ctx, event, clock)
    sign_up(ctx, s.id, first.id)
    sign_up(ctx, s.id, second.id, waitlist_if_full=True)
    checkin.cancel_visit(ctx, first.id, "duplicate")
    assert [(x.visit_id, x.status) for x in signups_of_slot(ctx, s.id)] == [(second.id, "booked")]


def test_attendance(ctx, db_state, event, aroma, yoga, clock):
    s = add_slot(ctx, event.id, yoga.id, time(13, 0))
    signups = [sign_up(ctx, s.id, visit(ctx, event, clock).id).signup for _ in range(3)]
    assert set_attended(ctx, signups[0].id).status == "attended"
    assert set_attended(ctx, signups[0].id, attended=False).status == "booked"
    assert mark_all_attended(ctx, s.id) == 3
    assert slot(ctx, s.id).attended == 3
    full = add_slot(ctx, event.id, aroma.id, time(10, 0), capacity=1)
    sign_up(ctx, full.id, visit(ctx, event, clock).id)
    w = sign_up(ctx, full.id, visit(ctx, event, clock).id, waitlist_if_full=True)
    refused(db_state, "waitlisted_not_attended", lambda: set_attended(ctx, w.signup.id))


# -- counts for the tally -----------------------------------------------------


def test_counts_per_workshop_and_event(ctx, event, aroma, yoga, clock):
    a = add_slot(ctx, event.id, aroma.id, time(10, 30), capacity=2)
    y = add_slot(ctx, event.id, yoga.id, time(13, 0))
    v1, v2, v3 = (visit(ctx, event, clock) for _ in range(3))
    sign_up(ctx, a.id, v1.id)
    sign_up(ctx, a.id, v2.id)
    sign_up(ctx, a.id, v3.id, waitlist_if_full=True)
    came = sign_up(ctx, y.id, v1.id).signup
    cancelled = sign_up(ctx, y.id, v3.id).signup
    cancel_signup(ctx, cancelled.id)
    set_attended(ctx, came.id)

    open_counts = workshop_counts(ctx, [event.id])
    by_name = {w.name: w for w in open_counts.workshops}
    assert (
        by_name["アロマハンドトリートメント"].registered,
        by_name["アロマハンドトリートメント"].waitlisted,
    ) == (2, 1)
    assert (by_name["ヨガ"].registered, by_name["ヨガ"].attended) == (1, 1)
    assert open_counts.no_shows == 0  # not yet: the day is still open
    assert (open_counts.visits_registered, open_counts.visits_attended) == (2, 1)

    events.close_event(ctx, event.id)
    closed = workshop_counts(ctx, [event.id])
    assert closed.no_shows == 2  # the two aroma places nobody marked as attended
    assert (closed.registered, closed.attended) == (3, 1)
    assert workshop_counts(ctx, []).workshops == ()
