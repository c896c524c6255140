"""Childcare: pickup codes, handing back only against the right code, the list."""

from __future__ import annotations

import random

import pytest

from kiosk.core.errors import KioskError
from kiosk.door import checkin, childcare, events
from kiosk.door.checkin import CheckInRequest, ChildRequest


def bring(ctx, event, *age_bands: str, rng: random.Random | None = None):
    req = CheckInRequest(event_id=event.id, children=tuple(ChildRequest(a) for a in age_bands))
    return checkin.check_in(ctx, req, rng=rng).visit


def test_codes_are_three_digits_and_unique_within_the_event(ctx, event, clock):
    codes = []
    for _ in range(40):
        visit = bring(ctx, event, *["0", "1-2", "3-5", "school", "3-5", "1-2"])
        codes += [c.pickup_code for c in visit.children]
        clock.advance(seconds=30)

    assert len(codes) == 240
    assert len(set(codes)) == len(codes)
    assert all(len(code) == 3 and code.isdigit() and code.isascii() for code in codes)
    listed = childcare.children_of_event(ctx, event.id)
    assert sorted(c.pickup_code for c in listed) == sorted(codes)


def test_codes_do_not_follow_arrival_order(ctx, event):
    codes = [bring(ctx, event, "0").children[0].pickup_code for _ in range(12)]
    assert codes != sorted(codes)


def test_a_cancelled_childs_code_is_not_given_again(ctx, event):
    # With a seeded generator that would pick the same code again if it were free.
    first = bring(ctx, event, "0", rng=random.Random(1)).children[0]
    checkin.undo_last(ctx, event.id)
    second = bring(ctx, event, "0", rng=random.Random(1)).children[0]
    assert second.pickup_code != first.pickup_code


def test_another_event_may_reuse_a_code(ctx, venue, event, clock):
    first = bring(ctx, event, "0", rng=random.Random(5)).children[0]
    events.close_event(ctx, event.id, force=True)
    clock.advance(days=1)
    tomorrow = events.open_event(ctx, venue.id)
    second = bring(ctx, tomorrow, "0", rng=random.Random(5)).children[0]
    assert second.pickup_code == first.pickup_code


def test_a_reprint_shows_the_same_code(ctx, event, clock):
    kid = bring(ctx, event, "3-5").children[0]
    clock.advance(minutes=30)
    again = childcare.child(ctx, kid.id)
    assert again == kid
    assert (again.pickup_code, again.visit_number, again.age_band) == (kid.pickup_code, 1, "3-5")


def test_reprinting_an_unknown_child_is_refused(ctx, event):
    with pytest.raises(KioskError) as excinfo:
        childcare.child(ctx, "no-such-child")
    assert excinfo.value.code == "child_not_found"


def test_hand_back_with_the_right_code(ctx, event, clock):
    kid, other = bring(ctx, event, "0", "school").children
    clock.advance(hours=2)

    handed = childcare.hand_back(ctx, event.id, kid.pickup_code)

    assert (handed.id, handed.status, handed.in_care) == (kid.id, "handed_back", False)
    assert handed.handed_back_at == clock()
    assert childcare.child(ctx, other.id).in_care
    counts = events.counts(ctx, event.id)
    assert (counts.children_in_care, counts.children_today) == (1, 2)


def test_a_wrong_code_hands_back_no_one(ctx, event, db_state):
    kid = bring(ctx, event, "0").children[0]
    wrong = next(f"{n}" for n in range(100, 1000) if f"{n}" != kid.pickup_code)
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        childcare.hand_back(ctx, event.id, wrong)
    assert excinfo.value.code == "pickup_code_unknown"
    assert excinfo.value.params == {"code": wrong}
    assert db_state() == before
    assert childcare.child(ctx, kid.id).in_care


def test_a_code_of_another_event_hands_back_no_one(ctx, venue, event, clock, db_state):
    kid = bring(ctx, event, "0").children[0]
    events.close_event(ctx, event.id, force=True)
    clock.advance(days=1)
    tomorrow = events.open_event(ctx, venue.id)
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        childcare.hand_back(ctx, tomorrow.id, kid.pickup_code)
    assert excinfo.value.code == "pickup_code_unknown"
    assert db_state() == before


def test_a_cancelled_childs_code_hands_back_no_one(ctx, event, db_state):
    kid = bring(ctx, event, "0").children[0]
    checkin.undo_last(ctx, event.id)
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        childcare.hand_back(ctx, event.id, kid.pickup_code)
    assert excinfo.value.code == "pickup_code_unknown"
    assert db_state() == before


def test_handing_back_twice_is_refused_with_the_time(ctx, event, clock, db_state):
    kid = bring(ctx, event, "0").children[0]
    clock.advance(hours=1, minutes=5)  # 11:05 in Japan
    childcare.hand_back(ctx, event.id, kid.pickup_code)
    clock.advance(minutes=10)
    before = db_state()

    with pytest.raises(KioskError) as excinfo:
        childcare.hand_back(ctx, event.id, kid.pickup_code)

    assert excinfo.value.code == "child_already_handed_back"
    assert excinfo.value.params == {"code": kid.pickup_code, "time": "11:05"}
    assert db_state() == before


def test_full_width_digits_and_spaces_are_accepted(ctx, event):
    kid = bring(ctx, event, "0").children[0]
    typed = (
        " "
        + kid.pickup_code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        + "\u3000"
    )
    assert childcare.hand_back(ctx, event.id, typed).id == kid.id


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "pickup_code_empty"),
        ("  \u3000", "pickup_code_empty"),
        ("abc", "pickup_code_format"),
        ("12a", "pickup_code_format"),
        ("12", "pickup_code_format"),
        ("1234", "pickup_code_format"),
        ("-12", "pickup_code_format"),
    ],
)
def test_badly_typed_codes_are_refused(ctx, event, db_state, typed, code):
    bring(ctx, event, "0")
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        childcare.hand_back(ctx, event.id, typed)
    assert excinfo.value.code == code
    assert db_state() == before


def test_children_of_event_lists_those_in_care_first_then_by_arrival(ctx, event, clock):
    first = bring(ctx, event, "0").children[0]
    clock.advance(minutes=1)
    second = bring(ctx, event, "1-2").children[0]
    clock.advance(minutes=1)
    third = bring(ctx, event, "3-5").children[0]
    clock.advance(minutes=1)
    cancelled = bring(ctx, event, "school").children[0]
    checkin.undo_last(ctx, event.id)
    childcare.hand_back(ctx, event.id, first.pickup_code)

    listed = childcare.children_of_event(ctx, event.id)

    assert [c.id for c in listed] == [second.id, third.id, first.id]
    assert [c.in_care for c in listed] == [True, True, False]
    assert [c.visit_number for c in listed] == [2, 3, 1]
    assert cancelled.id not in {c.id for c in listed}


def test_children_of_another_event_are_not_listed(ctx, venue, event, clock):
    bring(ctx, event, "0")
    events.close_event(ctx, event.id, force=True)
    clock.advance(days=1)
    tomorrow = events.open_event(ctx, venue.id)
    assert childcare.children_of_event(ctx, tomorrow.id) == []


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        (None, None),
        ("", None),
        ("  卵  アレルギー ", "卵 アレルギー"),
        ("ﾐﾙｸ", "ミルク"),
        ("あ" * childcare.MAX_CARE_NOTE, "あ" * childcare.MAX_CARE_NOTE),
    ],
)
def test_care_notes_are_tidied(note, kept):
    assert childcare.clean_note(note) == kept


def test_a_care_note_over_the_limit_is_refused():
    with pytest.raises(KioskError) as excinfo:
        childcare.clean_note("あ" * (childcare.MAX_CARE_NOTE + 1))
    assert excinfo.value.code == "care_note_too_long"
    assert excinfo.value.params == {"limit": childcare.MAX_CARE_NOTE}


@pytest.mark.parametrize("note", ["卵\x1b[31m", "そば\u202eアレルギー", "乳\u200b", "\x00"])
def test_a_care_note_with_hidden_characters_is_refused(ctx, event, db_state, note):
    """The note is printed on the child's tag: the one rule for names applies to it too."""
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        checkin.check_in(
            ctx,
            CheckInRequest(event_id=event.id, age_band="30s", children=(ChildRequest("0", note),)),
        )
    assert excinfo.value.code == "name_bad_character"
    assert excinfo.value.params["field"] == "care_note"
    assert db_state() == before
