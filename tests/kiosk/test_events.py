"""Events: open today's café, count it live, close it (with a summary), reopen it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Event
from kiosk.core.errors import KioskError
from kiosk.door import checkin, childcare, events, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.door.events import DoorCounts


def audit_actions(ctx) -> list[str]:
    with ctx.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))


def event_rows(ctx) -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def test_open_event_opens_today_at_the_venue(ctx, venue, clock):
    opened = events.open_event(ctx, venue.id, kind="lecture")
    assert (opened.venue_id, opened.venue_name) == (venue.id, "中央公民館")
    assert (opened.date, opened.kind, opened.status, opened.is_open) == (
        clock().date(),
        "lecture",
        "open",
        True,
    )
    assert events.event_info(ctx, opened.id) == opened
    assert audit_actions(ctx)[-1] == "event_opened"


def test_open_event_twice_returns_the_same_event(ctx, venue, event, clock):
    clock.advance(hours=3)
    again = events.open_event(ctx, venue.id)
    assert again == event
    assert event_rows(ctx) == 1
    assert audit_actions(ctx).count("event_opened") == 1


def test_the_day_follows_the_local_clock(ctx, venue, clock):
    clock.advance(hours=14, minutes=30)  # 00:30 on Monday in Japan, still Sunday in UTC
    opened = events.open_event(ctx, venue.id)
    assert opened.date.isoformat() == "2026-11-23"


def test_a_new_day_opens_a_new_event(ctx, venue, event, clock):
    events.close_event(ctx, event.id)
    clock.advance(days=1)
    tomorrow = events.open_event(ctx, venue.id)
    assert tomorrow.id != event.id
    assert tomorrow.date == event.date + timedelta(days=1)


def test_open_event_refuses_a_bad_kind_or_venue(ctx, venue, db_state):
    other = venues.add_venue(ctx, "駅前サロン")
    venues.retire_venue(ctx, other.id)
    before = db_state()
    for venue_id, kind, code in [
        (venue.id, "party", "invalid_choice"),
        ("nowhere", "cafe", "venue_not_found"),
        (other.id, "cafe", "venue_not_found"),
    ]:
        with pytest.raises(KioskError) as excinfo:
            events.open_event(ctx, venue_id, kind=kind)
        assert excinfo.value.code == code
    assert db_state() == before


def test_counts_follow_check_ins_children_and_cancellations(ctx, event):
    assert events.counts(ctx, event.id) == DoorCounts()
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, first_visit=True))
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, first_visit=False))
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    mum = checkin.check_in(
        ctx,
        CheckInRequest(event_id=event.id, children=(ChildRequest("0"), ChildRequest("3-5"))),
    ).visit
    gone = checkin.check_in(
        ctx, CheckInRequest(event_id=event.id, children=(ChildRequest("1-2"),))
    ).visit
    checkin.cancel_visit(ctx, gone.id, "left")
    childcare.hand_back(ctx, event.id, mum.children[0].pickup_code)

    assert events.counts(ctx, event.id) == DoorCounts(
        visits=4, first_visits=2, count_only=1, children_in_care=1, children_today=2
    )
    with ctx.sessions() as session:
        assert events.counts_in(session, event.id) == events.counts(ctx, event.id)


def test_counts_are_per_event(ctx, event):
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, children=(ChildRequest("0"),)))
    other = venues.add_venue(ctx, "駅前サロン")
    elsewhere = events.open_event(ctx, other.id)
    assert events.counts(ctx, elsewhere.id) == DoorCounts()
    assert events.counts(ctx, "no-such-event") == DoorCounts()


def test_close_event_returns_the_summary(ctx, event, clock):
    checkin.check_in(ctx, CheckInRequest(event_id=event.id))
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    clock.advance(hours=4)

    summary = events.close_event(ctx, event.id)

    assert summary == DoorCounts(visits=2, first_visits=1, count_only=1)
    closed = events.event_info(ctx, event.id)
    assert (closed.status, closed.is_open) == ("closed", False)
    with ctx.sessions() as session:
        row = session.get(Event, event.id)
        assert row is not None and row.closed_at == clock()
    assert audit_actions(ctx)[-1] == "event_closed"


def test_closing_with_children_in_care_needs_force(ctx, event, db_state):
    visit = checkin.check_in(
        ctx, CheckInRequest(event_id=event.id, children=(ChildRequest("0"), ChildRequest("1-2")))
    ).visit
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        events.close_event(ctx, event.id)
    assert excinfo.value.code == "children_still_in_care"
    assert excinfo.value.params == {"count": 2}
    assert db_state() == before
    assert events.event_info(ctx, event.id).is_open

    summary = events.close_event(ctx, event.id, force=True)
    assert summary.children_in_care == 2
    assert not events.event_info(ctx, event.id).is_open
    # Children can still be handed back after closing.
    childcare.hand_back(ctx, event.id, visit.children[0].pickup_code)
    assert events.counts(ctx, event.id).children_in_care == 1


def test_closing_after_every_child_went_home_needs_no_force(ctx, event):
    visit = checkin.check_in(
        ctx, CheckInRequest(event_id=event.id, children=(ChildRequest("0"),))
    ).visit
    childcare.hand_back(ctx, event.id, visit.children[0].pickup_code)
    assert events.close_event(ctx, event.id).children_today == 1


def test_closing_twice_changes_nothing_more(ctx, event, db_state, clock):
    events.close_event(ctx, event.id)
    before = db_state()
    clock.advance(hours=1)
    assert events.close_event(ctx, event.id) == DoorCounts()
    assert db_state() == before


def test_closing_an_unknown_event_is_refused(ctx, event):
    with pytest.raises(KioskError) as excinfo:
        events.close_event(ctx, "no-such-event")
    assert excinfo.value.code == "event_not_found"


def test_reopen_on_the_same_day_lets_check_in_continue(ctx, venue, event, clock):
    checkin.check_in(ctx, CheckInRequest(event_id=event.id))
    events.close_event(ctx, event.id)
    clock.advance(minutes=5)

    reopened = events.reopen_event(ctx, event.id)

    assert reopened.id == event.id and reopened.is_open
    assert events.open_event(ctx, venue.id).id == event.id
    assert checkin.check_in(ctx, CheckInRequest(event_id=event.id)).visit.number == 2
    assert audit_actions(ctx)[-2:] == ["event_reopened", "checked_in"]
    with ctx.sessions() as session:
        row = session.get(Event, event.id)
        assert row is not None and row.closed_at is None


def test_reopening_an_open_event_changes_nothing(ctx, event, db_state):
    before = db_state()
    assert events.reopen_event(ctx, event.id) == event
    assert db_state() == before


def test_reopen_on_another_day_is_refused(ctx, event, clock, db_state):
    events.close_event(ctx, event.id)
    clock.advance(days=1)
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        events.reopen_event(ctx, event.id)
    assert excinfo.value.code == "event_not_today"
    assert db_state() == before

    with pytest.raises(KioskError) as excinfo:
        events.reopen_event(ctx, "no-such-event")
    assert excinfo.value.code == "event_not_found"


def test_event_on_prefers_the_open_event_of_the_day(ctx, venue, event, clock):
    assert events.event_on(ctx, venue.id, event.date) == event
    events.close_event(ctx, event.id)
    closed = events.event_on(ctx, venue.id, event.date)
    assert closed is not None and (closed.id, closed.status) == (event.id, "closed")
    assert events.event_on(ctx, venue.id, event.date.replace(day=23)) is None


def test_event_info_of_an_unknown_event_is_refused(ctx):
    with pytest.raises(KioskError) as excinfo:
        events.event_info(ctx, "no-such-event")
    assert excinfo.value.code == "event_not_found"


def test_reopen_never_makes_two_open_events(ctx, venue):
    first = events.open_event(ctx, venue.id)
    events.close_event(ctx, first.id)
    second = events.open_event(ctx, venue.id)  # opened anew after the close
    assert second.id != first.id
    assert events.reopen_event(ctx, first.id).id == second.id
    assert events.event_info(ctx, first.id).status == "closed"
