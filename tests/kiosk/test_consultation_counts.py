"""Consultation figures: every code present, cancelled never counted, any venues and dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text

from kiosk.consultations import lists
from kiosk.consultations.counts import consultation_counts
from kiosk.consultations.lists import shipped
from kiosk.consultations.records import (
    ConsultationDraft,
    cancel_case_meeting,
    cancel_consultation,
    cancel_referral,
    record_case_meeting,
    record_consultation,
    record_referral,
)
from kiosk.core.errors import KioskError
from kiosk.door import venues

TODAY = date(2026, 11, 22)  # Sunday
TUESDAY = TODAY - timedelta(days=5)


def consult(ctx, venue, day=TODAY, channel="in_person", category="parenting", role="nurse"):
    return record_consultation(ctx, ConsultationDraft(venue.id, day, channel, category, role))


def test_nothing_recorded_gives_every_code_with_zero(ctx, venue):
    counts = consultation_counts(ctx, [venue.id], TODAY, TODAY)
    assert counts.total == counts.referrals == counts.case_meetings == 0
    for field, name in (
        ("by_channel", "channel"),
        ("by_category", "category"),
        ("by_staff_role", "staff_role"),
        ("by_agency", "agency"),
    ):
        got = getattr(counts, field)
        assert list(got) == [e.code for e in shipped(name)]  # in list order
        assert set(got.values()) == {0}


def test_a_weekday_phone_consultation_counts_for_that_venue_day(ctx, venue):
    consult(ctx, venue, day=TUESDAY, channel="phone", category="money_living", role="counsellor")
    tuesday = consultation_counts(ctx, [venue.id], TUESDAY, TUESDAY)
    assert tuesday.total == 1
    assert tuesday.by_channel == {"in_person": 0, "phone": 1, "online": 0, "home_visit": 0}
    assert tuesday.by_category["money_living"] == 1
    assert tuesday.by_staff_role["counsellor"] == 1
    assert consultation_counts(ctx, [venue.id], TODAY, TODAY).total == 0
    assert consultation_counts(ctx, [venue.id], TUESDAY - timedelta(days=1), TODAY).total == 1


def test_cancelled_records_never_count(ctx, venue):
    kept = consult(ctx, venue, category="work")
    gone = consult(ctx, venue, category="violence")
    cancel_consultation(ctx, gone.id)
    referral = record_referral(ctx, venue.id, TODAY, "food_bank", kept.id)
    record_referral(ctx, venue.id, TODAY, "hello_work")
    cancel_referral(ctx, referral.id)
    meeting = record_case_meeting(ctx, venue.id, TODAY)
    record_case_meeting(ctx, venue.id, TODAY)
    cancel_case_meeting(ctx, meeting.id)
    counts = consultation_counts(ctx, [venue.id], TODAY, TODAY)
    assert counts.total == 1
    assert counts.by_category["work"] == 1 and counts.by_category["violence"] == 0
    assert counts.referrals == 1 and counts.by_agency["hello_work"] == 1
    assert counts.by_agency["food_bank"] == 0
    assert counts.case_meetings == 1


def test_venues_and_days_outside_are_left_out_and_none_means_every_venue(ctx, venue):
    east = venues.add_venue(ctx, "東部コミュニティセンター")
    consult(ctx, venue)
    consult(ctx, venue, day=TUESDAY)
    consult(ctx, east, channel="home_visit")
    record_referral(ctx, east.id, TODAY, "medical")
    record_case_meeting(ctx, east.id, TUESDAY)
    assert consultation_counts(ctx, [venue.id], TODAY, TODAY).total == 1
    assert consultation_counts(ctx, [east.id], TODAY, TODAY).by_channel["home_visit"] == 1
    both = consultation_counts(ctx, [venue.id, east.id], TUESDAY, TODAY)
    every = consultation_counts(ctx, None, TUESDAY, TODAY)
    assert both == every
    assert (every.total, every.referrals, every.case_meetings) == (3, 1, 1)
    assert consultation_counts(ctx, [], TUESDAY, TODAY).total == 0
    venues.retire_venue(ctx, east.id)  # a retired venue's history still counts
    assert consultation_counts(ctx, None, TUESDAY, TODAY) == every


def test_the_parts_add_up_to_the_total(ctx, venue):
    for channel, category, role in (
        ("in_person", "health", "public_health_nurse"),
        ("phone", "health", "midwife"),
        ("online", "family", "counsellor"),
        ("in_person", "other", "other"),
    ):
        consult(ctx, venue, channel=channel, category=category, role=role)
    counts = consultation_counts(ctx, [venue.id], TODAY, TODAY)
    assert counts.total == 4
    for part in (counts.by_channel, counts.by_category, counts.by_staff_role):
        assert sum(part.values()) == 4
    assert counts.by_category["health"] == 2 and counts.by_staff_role["midwife"] == 1


def test_a_hidden_entry_shows_only_where_it_has_records(ctx, venue):
    consult(ctx, venue, category="work")
    lists.set_hidden(ctx, "category", "work", True)
    lists.set_hidden(ctx, "category", "relationships", True)
    counts = consultation_counts(ctx, [venue.id], TODAY, TODAY)
    assert counts.by_category["work"] == 1
    assert "relationships" not in counts.by_category
    assert list(counts.by_category) == [
        e.code for e in shipped("category") if e.code != "relationships"
    ]


def test_a_code_no_list_knows_still_counts(ctx, venue):
    # e.g. a category added on another laptop and merged in
    with ctx.sessions.begin() as session:
        session.execute(
            text(
                "INSERT INTO consultation (id, created_at, updated_at, device_id, venue_id, date,"
                " channel, category, staff_role, status) VALUES ('x', '2026-11-22 01:00:00',"
                " '2026-11-22 01:00:00', 'other-laptop', :venue, '2026-11-22', 'phone',"
                " 'category-0123456789', 'nurse', 'active')"
            ),
            {"venue": venue.id},
        )
    counts = consultation_counts(ctx, [venue.id], TODAY, TODAY)
    assert counts.total == 1 and counts.by_category["category-0123456789"] == 1
    assert sum(counts.by_category.values()) == 1


def test_a_period_that_ends_before_it_starts_is_refused(ctx, venue):
    with pytest.raises(KioskError) as info:
        consultation_counts(ctx, [venue.id], TODAY, TUESDAY)
    assert info.value.code == "period_invalid"


def test_counting_reads_through_the_venue_date_indexes(ctx, venue):
    """Three aggregate queries, each searching its table's (venue_id, date) index."""
    consult(ctx, venue)
    engine = ctx.engine
    seen: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, params, _context, _many):
        seen.append((statement, params))

    sa_event.listen(engine, "before_cursor_execute", remember)
    try:
        consultation_counts(ctx, None, TODAY - timedelta(days=365), TODAY)
    finally:
        sa_event.remove(engine, "before_cursor_execute", remember)
    counted = [(s, p) for s, p in seen if "count(" in s.lower()]
    assert len(counted) == 3
    plans = []
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # A few rows are read faster whole; asked not to, can it use the index?
            conn.exec_driver_sql("SET enable_seqscan = off")
            explain, uses = "EXPLAIN ", "Index Scan using ix_{}_venue_date"
        else:
            explain, uses = "EXPLAIN QUERY PLAN ", "USING INDEX ix_{}_venue_date"
        for statement, params in counted:
            plan = conn.exec_driver_sql(explain + statement, params).all()
            plans.append(" ".join(str(row[-1]) for row in plan))
    for table, plan in zip(("consultation", "referral", "case_meeting"), plans, strict=True):
        assert uses.format(table) in plan, plan
