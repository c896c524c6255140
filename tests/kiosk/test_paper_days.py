"""Paper lists entered afterwards: the rules, correcting and cancelling, and the sums."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from db.models import AuditEntry, PaperDay
from kiosk.core.errors import KioskError
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.door.paper_days import (
    PaperDayDraft,
    cancel_paper_day,
    has_checkins,
    paper_counts,
    paper_day_of,
    record_paper_day,
    update_paper_day,
)
from tests.refusals import refused

TODAY = date(2026, 11, 22)  # the fake clock's Sunday
SATURDAY = date(2026, 11, 21)
AGES = ("10s", "20s", "30s", "40s", "50s", "60s", "70plus", "unanswered")


def draft(venue, **changes):
    """A plausible Saturday on paper: 12 visits, 3 first, 2 children, 5 at workshops."""
    base = PaperDayDraft(
        venue_id=venue.id,
        day=SATURDAY,
        visits_by_age={"20s": 2, "30s": 5, "40s": 4, "unanswered": 1},
        visits_by_residence={"resident": 9, "outside": 2, "unanswered": 1},
        first_visits=3,
        children=2,
        children_by_age={"1-2": 1, "3-5": 1},
        workshop_participants=5,
    )
    return replace(base, **changes)


def audit_lines(ctx, action):
    with ctx.sessions() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


# --- recording -------------------------------------------------------------------------


def test_a_paper_day_is_saved_with_every_code(ctx, venue):
    saved = record_paper_day(ctx, draft(venue))
    assert (saved.day, saved.visits, saved.first_visits, saved.children) == (SATURDAY, 12, 3, 2)
    assert tuple(saved.visits_by_age) == AGES  # every code, zeros included
    assert saved.visits_by_age["30s"] == 5 and saved.visits_by_age["10s"] == 0
    assert saved.visits_by_residence == {
        "resident": 9,
        "commuter": 0,
        "outside": 2,
        "unanswered": 1,
    }
    assert saved.children_by_age == {"0": 0, "1-2": 1, "3-5": 1, "school": 0}
    assert (saved.workshop_participants, saved.status) == (5, "active")
    assert saved.entered_at == ctx.clock()  # typed in today, for a past day
    assert paper_day_of(ctx, venue.id, SATURDAY) == saved
    assert paper_day_of(ctx, venue.id, date(2026, 11, 20)) is None
    [line] = audit_lines(ctx, "paper_day_recorded")
    assert line.entity_id == saved.id
    assert line.detail == {
        "day": "2026-11-21",
        "visits": 12,
        "first_visits": 3,
        "children": 2,
        "workshop_participants": 5,
    }


def test_the_day_as_text_and_children_without_ages(ctx, venue):
    saved = record_paper_day(ctx, draft(venue, day="2026/11/01", children_by_age=None))
    assert saved.day == date(2026, 11, 1) and saved.children_by_age is None


def test_a_double_click_saves_once(ctx, venue):
    once = draft(venue)
    assert record_paper_day(ctx, once) == record_paper_day(ctx, once)
    with ctx.sessions() as session:
        assert len(session.scalars(select(PaperDay)).all()) == 1


def test_a_day_with_no_one_is_a_day_with_zero(ctx, venue):
    empty = draft(
        venue,
        visits_by_age={},
        visits_by_residence={},
        first_visits=0,
        children=0,
        children_by_age=None,
        workshop_participants=0,
    )
    assert record_paper_day(ctx, empty).visits == 0


@pytest.mark.parametrize("day", [TODAY, date(2026, 11, 23), "2027-01-01"])
def test_today_and_later_are_for_the_door(ctx, venue, db_state, day):
    refused(db_state, "paper_day_not_past", lambda: record_paper_day(ctx, draft(venue, day=day)))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        # The same visitors counted two ways must give one total.
        ({"visits_by_residence": {"resident": 9, "outside": 2}}, "paper_residence_mismatch"),
        ({"first_visits": 13}, "paper_first_visits_exceed"),
        (
            {"visits_by_age": {}, "visits_by_residence": {}, "first_visits": 0},
            "paper_children_without_visits",
        ),
        ({"children_by_age": {"0": 1}}, "paper_children_by_age_mismatch"),
        ({"workshop_participants": 121}, "paper_workshops_too_many"),
        ({"first_visits": -1}, "paper_count_invalid"),
        ({"children": 2.5}, "paper_count_invalid"),
        ({"visits_by_age": {"30s": -2}}, "paper_count_invalid"),
        ({"workshop_participants": True}, "paper_count_invalid"),
        ({"visits_by_age": {"30s": 10_001}}, "paper_count_too_large"),
        ({"visits_by_age": {"30s": 6000, "40s": 6000}}, "paper_count_too_large"),
        ({"visits_by_age": {"thirties": 12}}, "invalid_choice"),
        ({"visits_by_residence": {"mars": 12}}, "invalid_choice"),
        ({"children_by_age": {"teen": 2}}, "invalid_choice"),
        ({"day": "2026-02-30"}, "date_invalid"),
        ({"venue_id": "nowhere"}, "venue_not_found"),
    ],
)
def test_counts_that_contradict_each_other_change_nothing(ctx, venue, db_state, changes, code):
    refused(db_state, code, lambda: record_paper_day(ctx, draft(venue, **changes)))


def test_the_messages_name_the_two_totals(ctx, venue):
    with pytest.raises(KioskError) as info:
        record_paper_day(ctx, draft(venue, visits_by_residence={"resident": 10}))
    assert info.value.params == {"by_age": 12, "by_residence": 10}
    with pytest.raises(KioskError) as info:
        record_paper_day(ctx, draft(venue, workshop_participants=200))
    assert info.value.params == {"participants": 200, "visits": 12, "limit": 120}


def test_ten_workshops_per_visit_is_the_most(ctx, venue):
    assert record_paper_day(ctx, draft(venue, workshop_participants=120)).visits == 12


def test_a_day_with_check_ins_is_never_counted_twice(ctx, clock, venue, db_state):
    event = events.open_event(ctx, venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    clock.advance(days=1)
    assert has_checkins(ctx, venue.id, TODAY)
    error = refused(
        db_state, "paper_day_has_checkins", lambda: record_paper_day(ctx, draft(venue, day=TODAY))
    )
    assert error.params == {"day": "2026-11-22", "visits": 1}
    # The other venue had no check-ins that day: its paper list is welcome.
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    assert not has_checkins(ctx, other.id, TODAY)
    assert record_paper_day(ctx, draft(other, day=TODAY)).visits == 12


def test_a_day_whose_check_ins_were_all_cancelled_can_be_entered(ctx, clock, venue):
    event = events.open_event(ctx, venue.id)
    visit = checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s")).visit
    checkin.cancel_visit(ctx, visit.id, "mistake")
    clock.advance(days=1)
    assert not has_checkins(ctx, venue.id, TODAY)
    assert record_paper_day(ctx, draft(venue, day=TODAY)).visits == 12


def test_one_active_entry_per_venue_day(ctx, venue, db_state):
    record_paper_day(ctx, draft(venue))
    refused(db_state, "paper_day_exists", lambda: record_paper_day(ctx, draft(venue)))


# --- correcting and cancelling --------------------------------------------------------------


def test_an_entry_is_corrected_and_audited(ctx, clock, venue):
    saved = record_paper_day(ctx, draft(venue))
    clock.advance(minutes=5)
    fixed = update_paper_day(
        ctx,
        saved.id,
        draft(venue, visits_by_age={"30s": 14}, visits_by_residence={"resident": 14}),
    )
    assert (fixed.id, fixed.visits, fixed.visits_by_age["20s"]) == (saved.id, 14, 0)
    assert fixed.changed_at > fixed.entered_at
    assert paper_day_of(ctx, venue.id, SATURDAY) == fixed
    [line] = audit_lines(ctx, "paper_day_changed")
    assert line.detail["before"]["visits"] == 12 and line.detail["visits"] == 14
    assert line.detail["moved"] is False


def test_a_correction_follows_the_same_rules(ctx, venue, db_state):
    saved = record_paper_day(ctx, draft(venue))
    refused(
        db_state,
        "paper_first_visits_exceed",
        lambda: update_paper_day(ctx, saved.id, draft(venue, first_visits=99)),
    )
    record_paper_day(ctx, draft(venue, day=date(2026, 11, 14)))
    refused(
        db_state,
        "paper_day_exists",
        lambda: update_paper_day(ctx, saved.id, draft(venue, day=date(2026, 11, 14))),
    )
    refused(
        db_state,
        "paper_day_not_found",
        lambda: update_paper_day(ctx, "nothing", draft(venue)),
    )


def test_an_entry_can_move_to_the_right_day(ctx, venue):
    saved = record_paper_day(ctx, draft(venue))
    moved = update_paper_day(ctx, saved.id, draft(venue, day=date(2026, 11, 14)))
    assert moved.day == date(2026, 11, 14)
    assert paper_day_of(ctx, venue.id, SATURDAY) is None
    [line] = audit_lines(ctx, "paper_day_changed")
    assert line.detail["moved"] is True


def test_a_cancelled_entry_leaves_the_totals_and_frees_the_day(ctx, venue, db_state):
    saved = record_paper_day(ctx, draft(venue))
    cancelled = cancel_paper_day(ctx, saved.id)
    assert cancelled.status == "cancelled" and not cancelled.active
    assert paper_day_of(ctx, venue.id, SATURDAY) is None
    assert paper_counts(ctx, None, SATURDAY, SATURDAY).visits == 0
    refused(db_state, "paper_day_cancelled", lambda: cancel_paper_day(ctx, saved.id))
    refused(db_state, "paper_day_cancelled", lambda: update_paper_day(ctx, saved.id, draft(venue)))
    assert record_paper_day(ctx, draft(venue)).visits == 12  # entered again, afresh
    with ctx.sessions() as session:
        assert len(session.scalars(select(PaperDay)).all()) == 2  # never deleted
    assert len(audit_lines(ctx, "paper_day_cancelled")) == 1


# --- the sums for reports ------------------------------------------------------------------


def test_paper_counts_add_up_venues_and_days(ctx, venue):
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    record_paper_day(ctx, draft(venue))  # 12 visits, children by age known
    record_paper_day(
        ctx,
        draft(
            venue,
            day=date(2026, 11, 8),
            visits_by_age={"60s": 3},
            visits_by_residence={"commuter": 3},
            first_visits=1,
            children=1,
            children_by_age=None,
            workshop_participants=0,
        ),
    )
    record_paper_day(ctx, draft(other, day=date(2026, 11, 14)))
    record_paper_day(ctx, draft(venue, day=date(2026, 10, 31)))  # outside November

    november = paper_counts(ctx, None, date(2026, 11, 1), date(2026, 11, 30))
    assert (november.days, november.visits, november.first_visits) == (3, 27, 7)
    assert november.venue_days == (
        (venue.id, date(2026, 11, 8)),
        (other.id, date(2026, 11, 14)),
        (venue.id, SATURDAY),
    )
    assert november.by_age["30s"] == 10 and november.by_age["60s"] == 3
    assert tuple(november.by_age) == AGES
    assert sum(november.by_age.values()) == sum(november.by_residence.values()) == 27
    assert november.by_residence["commuter"] == 3
    assert (november.children, november.children_age_unknown) == (5, 1)
    assert november.children_by_age == {"0": 0, "1-2": 2, "3-5": 2, "school": 0}
    assert november.workshop_participants == 10

    one_venue = paper_counts(ctx, [other.id], date(2026, 11, 1), date(2026, 11, 30))
    assert (one_venue.days, one_venue.visits) == (1, 12)
    nothing = paper_counts(ctx, [], date(2026, 11, 1), date(2026, 11, 30))
    assert (nothing.days, nothing.visits, sum(nothing.by_age.values())) == (0, 0, 0)


def test_a_reversed_period_is_refused(ctx, venue):
    with pytest.raises(KioskError) as info:
        paper_counts(ctx, None, date(2026, 11, 30), date(2026, 11, 1))
    assert info.value.code == "period_invalid"
