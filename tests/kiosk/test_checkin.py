"""Check-in at the door: new, count-only, regulars, idempotency, undo and cancel.

Every refused check-in must leave the database exactly as it was, and every
change must leave an audit line that holds no nickname and no care note.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, ChildCare, Visit, Visitor
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.door import checkin, childcare, events
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.door.events import EventInfo
from tests import refusals


def full_request(event: EventInfo, **changes: object) -> CheckInRequest:
    fields: dict[str, object] = dict(
        event_id=event.id,
        age_band="30s",
        residence="resident",
        first_visit=True,
        heard_from="flyer",
        wants_consultation=True,
    )
    fields.update(changes)
    return CheckInRequest(**fields)  # type: ignore[arg-type]


def audit_lines(ctx: AppContext, action: str | None = None) -> list[AuditEntry]:
    with ctx.sessions() as session:
        query = select(AuditEntry).order_by(AuditEntry.at)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        return list(session.scalars(query))


def row_count(ctx: AppContext, model: type) -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def refused(
    ctx: AppContext, event: EventInfo, db_state: refusals.Snapshot, code: str, req: CheckInRequest
) -> KioskError:
    """Check in `req`, expect `code`, and prove that nothing changed (the counters too)."""
    counts = events.counts(ctx, event.id)
    error = refusals.refused(db_state, code, lambda: checkin.check_in(ctx, req))
    assert events.counts(ctx, event.id) == counts
    return error


# --- saving a check-in ------------------------------------------------------


def test_new_visitor_with_all_answers_is_saved_as_given(ctx, event, clock):
    result = checkin.check_in(ctx, full_request(event))

    assert not result.repeated
    visit = result.visit
    assert (visit.number, visit.status, visit.active) == (1, "active", True)
    assert (visit.age_band, visit.residence, visit.heard_from) == ("30s", "resident", "flyer")
    assert visit.first_visit is True
    assert visit.wants_consultation is True
    assert visit.count_only is False
    assert visit.nickname is None
    assert visit.checked_in_at == clock()
    assert events.counts(ctx, event.id) == events.DoorCounts(visits=1, first_visits=1)
    [listed] = checkin.visits_of_event(ctx, event.id)
    assert listed == visit


def test_check_in_with_children_gives_each_child_a_code(ctx, event):
    result = checkin.check_in(
        ctx,
        full_request(event, children=(ChildRequest("1-2"), ChildRequest("3-5", "卵アレルギー"))),
    )

    kids = result.visit.children
    assert sorted(k.age_band for k in kids) == ["1-2", "3-5"]
    assert len({k.pickup_code for k in kids}) == 2
    assert all(k.in_care and k.visit_id == result.visit.id for k in kids)
    assert {k.age_band: k.care_note for k in kids} == {"1-2": None, "3-5": "卵アレルギー"}
    counts = events.counts(ctx, event.id)
    assert (counts.visits, counts.children_in_care, counts.children_today) == (1, 2, 2)


def test_numbers_count_up_within_the_event(ctx, event, clock):
    numbers = []
    for _ in range(3):
        numbers.append(checkin.check_in(ctx, full_request(event)).visit.number)
        clock.advance(minutes=1)
    assert numbers == [1, 2, 3]
    assert [v.number for v in checkin.visits_of_event(ctx, event.id)] == [3, 2, 1]
    assert [v.number for v in checkin.visits_of_event(ctx, event.id, limit=2)] == [3, 2]


def test_count_only_is_counted_with_every_answer_unanswered(ctx, event):
    result = checkin.check_in(ctx, checkin.count_only_request(event.id))

    visit = result.visit
    assert visit.count_only is True
    assert visit.first_visit is None
    assert (visit.age_band, visit.residence, visit.heard_from) == (
        "unanswered",
        "unanswered",
        None,
    )
    counts = events.counts(ctx, event.id)
    assert (counts.visits, counts.count_only, counts.first_visits) == (1, 1, 0)


def test_count_only_ignores_a_first_visit_flag(ctx, event):
    req = CheckInRequest(event_id=event.id, count_only=True, first_visit=True)
    assert checkin.check_in(ctx, req).visit.first_visit is None
    assert events.counts(ctx, event.id).first_visits == 0


def test_repeat_visitor_counts_as_a_visit_but_not_a_first_visit(ctx, event):
    checkin.check_in(ctx, full_request(event, first_visit=False))
    checkin.check_in(ctx, full_request(event, first_visit=True))
    counts = events.counts(ctx, event.id)
    assert (counts.visits, counts.first_visits) == (2, 1)


# --- idempotency -------------------------------------------------------------


def test_the_same_request_twice_saves_one_visit(ctx, event):
    req = full_request(event, children=(ChildRequest("0"),))
    first = checkin.check_in(ctx, req)
    counts = events.counts(ctx, event.id)
    audits = len(audit_lines(ctx))

    again = checkin.check_in(ctx, req)

    assert (first.repeated, again.repeated) == (False, True)
    assert again.visit == first.visit
    assert events.counts(ctx, event.id) == counts
    assert row_count(ctx, Visit) == 1
    assert row_count(ctx, ChildCare) == 1
    assert len(audit_lines(ctx)) == audits


def test_a_repeated_new_regular_is_not_refused_as_taken(ctx, event):
    req = full_request(event, nickname="さくら")
    checkin.check_in(ctx, req)
    again = checkin.check_in(ctx, req)
    assert again.repeated
    assert again.visit.nickname == "さくら"
    assert row_count(ctx, Visitor) == 1


def test_a_retry_after_the_event_closed_still_returns_the_saved_visit(ctx, event):
    req = full_request(event)
    first = checkin.check_in(ctx, req)
    events.close_event(ctx, event.id)
    again = checkin.check_in(ctx, req)
    assert again.repeated and again.visit.id == first.visit.id


# --- regulars ----------------------------------------------------------------


def test_a_new_nickname_makes_a_regular_found_by_any_spelling(ctx, event):
    result = checkin.check_in(
        ctx, full_request(event, nickname="さくら", age_band="40s", heard_from="line")
    )
    assert result.visit.nickname == "さくら"

    for typed in ("さく", "くら", "サク", "ｻｸ", "saku", "SAKU", "ｓａｋｕ", "sak", "sakura"):
        matches = checkin.find_visitors(ctx, typed)
        assert [m.nickname for m in matches] == ["さくら"], typed

    [match] = checkin.find_visitors(ctx, "saku")
    assert match.last_visit_on == event.date
    assert (match.age_band, match.residence, match.heard_from) == ("40s", "resident", "line")


def test_find_visitors_does_not_find_someone_else(ctx, event):
    checkin.check_in(ctx, full_request(event, nickname="さくら"))
    checkin.check_in(ctx, full_request(event, nickname="はなこ"))
    assert [m.nickname for m in checkin.find_visitors(ctx, "hana")] == ["はなこ"]
    assert checkin.find_visitors(ctx, "もも") == []
    assert checkin.find_visitors(ctx, "   ") == []
    assert checkin.find_visitors(ctx, "%") == []
    assert checkin.find_visitors(ctx, "_") == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("さく", [1]),
        ("サク", [1]),
        ("ｻｸ", [1]),
        ("saku", [1]),
        ("hana", [3]),
        ("2", [2]),  # her number, even without a nickname
        ("１", [1]),  # typed full-width
        ("No.3", [3]),
        ("", [3, 2, 1]),  # nothing typed: everyone
        ("zzz", []),
    ],
)
def test_todays_check_ins_are_found_as_the_door_finds_regulars(ctx, event, typed, found):
    for name in ("さくら", None, "はなこ"):
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s", nickname=name))
    today = checkin.visits_of_event(ctx, event.id)
    assert [v.number for v in checkin.find_among_visits(today, typed)] == found


def test_find_visitors_prefills_her_latest_answers(ctx, venue, event, clock):
    first = checkin.check_in(ctx, full_request(event, nickname="ゆき", age_band="20s"))
    events.close_event(ctx, event.id)
    clock.advance(days=7)
    next_week = events.open_event(ctx, venue.id)
    checkin.check_in(
        ctx,
        full_request(
            next_week,
            visitor_id=_visitor_id(ctx, first.visit.id),
            age_band="30s",
            residence="outside",
        ),
    )

    [match] = checkin.find_visitors(ctx, "yuki")
    assert (match.age_band, match.residence) == ("30s", "outside")
    assert match.last_visit_on == next_week.date


def test_returning_regular_checks_in_by_her_id(ctx, venue, event, clock):
    first = checkin.check_in(ctx, full_request(event, nickname="さくら"))
    visitor_id = _visitor_id(ctx, first.visit.id)
    events.close_event(ctx, event.id)
    clock.advance(days=7)
    next_week = events.open_event(ctx, venue.id)

    result = checkin.check_in(
        ctx, full_request(next_week, visitor_id=visitor_id, first_visit=False)
    )

    assert result.visit.nickname == "さくら"
    assert _visitor_id(ctx, result.visit.id) == visitor_id
    assert row_count(ctx, Visitor) == 1


def test_the_same_nickname_again_is_refused(ctx, event, db_state):
    checkin.check_in(ctx, full_request(event, nickname="さくら"))
    for same in ("さくら", "サクラ", "ｻｸﾗ", " さ くら "):
        error = refused(ctx, event, db_state, "nickname_taken", full_request(event, nickname=same))
        assert error.params["nickname"]


def test_a_regular_checked_in_twice_at_one_event_is_refused(ctx, event, db_state):
    first = checkin.check_in(ctx, full_request(event, nickname="さくら"))
    req = full_request(event, visitor_id=_visitor_id(ctx, first.visit.id))
    error = refused(ctx, event, db_state, "visitor_already_checked_in", req)
    assert error.params == {"number": 1}


def test_a_regular_may_check_in_again_after_her_visit_was_cancelled(ctx, event):
    first = checkin.check_in(ctx, full_request(event, nickname="さくら"))
    checkin.cancel_visit(ctx, first.visit.id, "mistake")
    again = checkin.check_in(ctx, full_request(event, visitor_id=_visitor_id(ctx, first.visit.id)))
    assert again.visit.nickname == "さくら"
    assert events.counts(ctx, event.id).visits == 1


def test_unknown_visitor_is_refused(ctx, event, db_state):
    refused(ctx, event, db_state, "visitor_not_found", full_request(event, visitor_id="nobody"))


def test_nickname_and_visitor_together_are_refused(ctx, event, db_state):
    first = checkin.check_in(ctx, full_request(event, nickname="さくら"))
    req = full_request(event, nickname="もも", visitor_id=_visitor_id(ctx, first.visit.id))
    refused(ctx, event, db_state, "nickname_and_visitor", req)


def test_an_empty_nickname_field_means_no_nickname(ctx, event):
    assert checkin.check_in(ctx, full_request(event, nickname="")).visit.nickname is None
    assert row_count(ctx, Visitor) == 0


@pytest.mark.parametrize(
    ("nickname", "code"),
    [
        ("   ", "nickname_empty"),
        ("\u3000\t", "nickname_empty"),
        ("あ" * 21, "nickname_too_long"),
        ("a\x00b", "nickname_invalid"),
    ],
)
def test_bad_nicknames_are_refused(ctx, event, db_state, nickname, code):
    refused(ctx, event, db_state, code, full_request(event, nickname=nickname))


def test_nickname_at_the_limit_is_accepted(ctx, event):
    assert (
        checkin.check_in(ctx, full_request(event, nickname="あ" * 20)).visit.nickname == "あ" * 20
    )


# --- refused input changes nothing --------------------------------------------


@pytest.mark.parametrize(
    ("changes", "group"),
    [
        ({"age_band": "99s"}, "age_band"),
        ({"residence": "mars"}, "residence"),
        ({"heard_from": "tv"}, "heard_from"),
        ({"children": (ChildRequest("teen"),)}, "child_age_band"),
    ],
)
def test_invalid_choices_are_refused(ctx, event, db_state, changes, group):
    error = refused(ctx, event, db_state, "invalid_choice", full_request(event, **changes))
    assert error.params["group"] == group


def test_too_many_children_are_refused(ctx, event, db_state):
    kids = tuple(ChildRequest("3-5") for _ in range(checkin.MAX_CHILDREN + 1))
    error = refused(ctx, event, db_state, "too_many_children", full_request(event, children=kids))
    assert error.params == {"limit": checkin.MAX_CHILDREN}


def test_the_most_children_allowed_are_accepted(ctx, event):
    kids = tuple(ChildRequest("3-5") for _ in range(checkin.MAX_CHILDREN))
    result = checkin.check_in(ctx, full_request(event, children=kids))
    assert len(result.visit.children) == checkin.MAX_CHILDREN


def test_a_care_note_too_long_is_refused(ctx, event, db_state):
    note = "あ" * (childcare.MAX_CARE_NOTE + 1)
    req = full_request(event, children=(ChildRequest("0", note),))
    refused(ctx, event, db_state, "care_note_too_long", req)


def test_a_blank_care_note_is_no_note(ctx, event):
    result = checkin.check_in(ctx, full_request(event, children=(ChildRequest("0", "  \u3000 "),)))
    assert result.visit.children[0].care_note is None


def test_check_in_at_a_closed_event_is_refused(ctx, event, db_state):
    events.close_event(ctx, event.id)
    refused(ctx, event, db_state, "event_not_open", full_request(event, nickname="さくら"))
    refused(ctx, event, db_state, "event_not_open", checkin.count_only_request(event.id))


def test_check_in_at_an_unknown_event_is_refused(ctx, event, db_state):
    refused(ctx, event, db_state, "event_not_found", full_request(event, event_id="nowhere"))


def test_running_out_of_pickup_codes_saves_nothing(ctx, event, db_state):
    parent = checkin.check_in(ctx, full_request(event)).visit
    # Every three-digit code but 999 is taken (handed back, so not in care).
    used = [f"{n:03d}" for n in range(999)]
    with ctx.sessions.begin() as session:
        session.add_all(
            ChildCare(
                visit_id=parent.id,
                event_id=event.id,
                age_band="0",
                pickup_code=code,
                checked_in_at=parent.checked_in_at,
                status="handed_back",
                device_id=ctx.device_id,
            )
            for code in used
        )
    last = checkin.check_in(ctx, full_request(event, children=(ChildRequest("0"),)))
    assert last.visit.children[0].pickup_code == "999"

    req = full_request(event, nickname="もも", children=(ChildRequest("0"),))
    refused(ctx, event, db_state, "no_pickup_codes_left", req)


# --- undo and cancel -----------------------------------------------------------


def test_undo_cancels_the_newest_active_check_in_and_its_children(ctx, event, clock):
    first = checkin.check_in(ctx, full_request(event)).visit
    clock.advance(minutes=2)
    second = checkin.check_in(ctx, full_request(event, children=(ChildRequest("0"),))).visit
    clock.advance(minutes=1)

    undone = checkin.undo_last(ctx, event.id)

    assert undone.id == second.id
    assert (undone.status, undone.cancel_reason, undone.active) == ("cancelled", "undo", False)
    assert [c.status for c in undone.children] == ["cancelled"]
    assert events.counts(ctx, event.id) == events.DoorCounts(visits=1, first_visits=1)
    assert childcare.children_of_event(ctx, event.id) == []
    listed = {v.id: v.status for v in checkin.visits_of_event(ctx, event.id)}
    assert listed == {first.id: "active", second.id: "cancelled"}

    assert checkin.undo_last(ctx, event.id).id == first.id
    assert events.counts(ctx, event.id) == events.DoorCounts()


def test_undo_with_nothing_to_undo_is_refused(ctx, event, db_state):
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.undo_last(ctx, event.id)
    assert excinfo.value.code == "nothing_to_undo"

    checkin.check_in(ctx, full_request(event))
    checkin.undo_last(ctx, event.id)
    after_undo = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.undo_last(ctx, event.id)
    assert excinfo.value.code == "nothing_to_undo"
    assert db_state() == after_undo != before


def test_undo_skips_a_check_in_cancelled_by_hand(ctx, event):
    first = checkin.check_in(ctx, full_request(event)).visit
    second = checkin.check_in(ctx, full_request(event)).visit
    checkin.cancel_visit(ctx, second.id, "duplicate")
    assert checkin.undo_last(ctx, event.id).id == first.id


def test_undo_at_a_closed_event_is_refused(ctx, event, db_state):
    checkin.check_in(ctx, full_request(event))
    events.close_event(ctx, event.id)
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.undo_last(ctx, event.id)
    assert excinfo.value.code == "event_not_open"
    assert db_state() == before


def test_cancel_visit_keeps_the_row_with_its_reason(ctx, event, clock):
    visit = checkin.check_in(ctx, full_request(event, children=(ChildRequest("0"),))).visit
    clock.advance(minutes=5)

    cancelled = checkin.cancel_visit(ctx, visit.id, "left")

    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "left")
    assert cancelled.number == visit.number
    assert events.counts(ctx, event.id) == events.DoorCounts()
    with ctx.sessions() as session:
        row = session.get(Visit, visit.id)
        assert row is not None and row.cancelled_at == clock()
    assert row_count(ctx, Visit) == 1


@pytest.mark.parametrize("reason", ["", "because", "UNDO", None])
def test_cancel_with_an_invalid_reason_is_refused(ctx, event, db_state, reason):
    visit = checkin.check_in(ctx, full_request(event)).visit
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.cancel_visit(ctx, visit.id, reason)
    assert excinfo.value.code == "invalid_choice"
    assert db_state() == before


def test_cancelling_twice_is_refused(ctx, event, db_state):
    visit = checkin.check_in(ctx, full_request(event)).visit
    checkin.cancel_visit(ctx, visit.id, "mistake")
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.cancel_visit(ctx, visit.id, "other")
    assert excinfo.value.code == "visit_already_cancelled"
    assert excinfo.value.params == {"number": 1}
    assert db_state() == before


def test_cancelling_an_unknown_visit_is_refused(ctx, event, db_state):
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.cancel_visit(ctx, "no-such-visit", "mistake")
    assert excinfo.value.code == "visit_not_found"
    assert db_state() == before


def test_cancelling_keeps_a_handed_back_child_out_of_the_counts(ctx, event):
    visit = checkin.check_in(ctx, full_request(event, children=(ChildRequest("0"),))).visit
    childcare.hand_back(ctx, event.id, visit.children[0].pickup_code)
    checkin.cancel_visit(ctx, visit.id, "mistake")
    counts = events.counts(ctx, event.id)
    assert (counts.children_in_care, counts.children_today) == (0, 0)


# --- the audit log ---------------------------------------------------------------


def test_every_change_is_audited_without_personal_details(ctx, event, clock):
    nickname, note = "ひみつのさくら", "ピーナッツアレルギーあり"
    visit = checkin.check_in(
        ctx, full_request(event, nickname=nickname, children=(ChildRequest("0", note),))
    ).visit
    clock.advance(minutes=1)
    plain = checkin.check_in(ctx, full_request(event)).visit
    clock.advance(minutes=1)
    childcare.hand_back(ctx, event.id, visit.children[0].pickup_code)
    clock.advance(minutes=1)
    checkin.undo_last(ctx, event.id)
    clock.advance(minutes=1)
    checkin.cancel_visit(ctx, visit.id, "mistake")

    lines = audit_lines(ctx)
    trail = [(a.action, a.entity_id) for a in lines if a.entity in ("visit", "child_care")]
    assert trail == [
        ("checked_in", visit.id),
        ("checked_in", plain.id),
        ("child_handed_back", visit.children[0].id),
        ("visit_cancelled", plain.id),
        ("visit_cancelled", visit.id),
    ]
    checked_in = next(a for a in lines if a.entity_id == visit.id)
    assert checked_in.detail == {"children": 1, "count_only": False, "regular": True}
    assert checked_in.at == datetime.fromisoformat("2026-11-22T10:00:00+09:00")
    assert all(a.device_id == ctx.device_id for a in lines)
    everything = json.dumps(
        [[a.action, a.entity, a.entity_id, a.detail] for a in lines], ensure_ascii=False
    )
    for secret in (nickname, note, "さくら", "ピーナッツ"):
        assert secret not in everything


def test_a_refused_check_in_writes_no_audit_line(ctx, event):
    before = len(audit_lines(ctx))
    with pytest.raises(KioskError):
        checkin.check_in(ctx, full_request(event, age_band="nope"))
    events.close_event(ctx, event.id)
    closed = len(audit_lines(ctx))
    with pytest.raises(KioskError):
        checkin.check_in(ctx, full_request(event))
    assert closed == before + 1
    assert len(audit_lines(ctx)) == closed


def _visitor_id(ctx: AppContext, visit_id: str) -> str:
    with ctx.sessions() as session:
        visitor_id = session.scalar(select(Visit.visitor_id).where(Visit.id == visit_id))
    assert visitor_id is not None
    return visitor_id


def test_a_regular_picked_from_the_search_is_a_repeat_visit(ctx, event, clock):
    from kiosk.door import checkin as service

    first = service.check_in(
        ctx, service.CheckInRequest(event_id=event.id, age_band="30s", nickname="はな")
    )
    assert first.visit.first_visit is True
    events.close_event(ctx, event.id)
    clock.advance(days=7)
    again = events.open_event(ctx, event.venue_id)
    match = service.find_visitors(ctx, "hana")[0]
    second = service.check_in(
        ctx,
        service.CheckInRequest(
            event_id=again.id, age_band="30s", visitor_id=match.visitor_id, first_visit=True
        ),
    )
    assert second.visit.first_visit is False


def test_children_come_back_in_the_order_they_were_added(ctx, event):
    bands = ("school", "0", "3-5", "1-2")
    result = checkin.check_in(
        ctx,
        CheckInRequest(event_id=event.id, children=tuple(ChildRequest(b) for b in bands)),
    )
    assert tuple(c.age_band for c in result.visit.children) == bands
    listed = checkin.visits_of_event(ctx, event.id)[0]
    assert tuple(c.age_band for c in listed.children) == bands
