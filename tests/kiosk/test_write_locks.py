"""A write reads what it depends on only once it holds the lock: two devices never clash.

Each test is one moment of two copies of the app at one event. The first
copy (the test itself) is inside its transaction: it holds the lock (the
event's row on a server; the file's write lock on SQLite) and has just made
a change it has not committed yet. The second (a thread running the
service) starts then. It must wait, and decide on what the first committed:
number 2, not a second number 1; "already handed back", not a second hand-back.

Before: on SQLite the second read max(number), the child's state or the
free places outside any transaction, before waiting for the lock at its
first INSERT or UPDATE, and so decided on stale rows (an IntegrityError at
the door, a child handed back twice); on a server the hand-back and several
workshop changes took no lock at all.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import time as clock_time
from typing import Any

import pytest
from sqlalchemy import select, update

from db.models import ChildCare, Setting, Signup, Venue, Visit, Visitor
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import write
from kiosk.door import checkin, childcare, nickname, venues
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.door.events import EventInfo, lock_event
from kiosk.workshops.catalogue import WorkshopDraft, add_workshop
from kiosk.workshops.signups import cancel_signup, change_capacity, sign_up
from kiosk.workshops.slots import add_slot, remove_slot

WAIT = 0.2  # seconds the first copy keeps its transaction open once the second has started


def while_another_device_holds_the_lock(
    ctx: AppContext,
    event_id: str | None,
    change: Callable[[Any], None],
    action: Callable[[], Any],
) -> Any:
    """Run `action` in a second thread while this one holds the lock over `change`.

    The lock is the event's (`event_id`), plus whatever `change` takes.
    Returns what `action` returned, or the exception it raised.
    """
    outcome: list[Any] = []

    def second_device() -> None:
        try:
            outcome.append(action())
        except KioskError as exc:
            outcome.append(exc)
        except Exception as exc:  # an IntegrityError: what the door showed as 予期しないエラー
            outcome.append(exc)

    with write(ctx) as session:
        if event_id is not None:
            lock_event(session, event_id)
        change(session)
        session.flush()
        second = threading.Thread(target=second_device)
        second.start()
        time.sleep(WAIT)  # the second device reads (and must wait) now
        assert not outcome, "the second device did not wait for the first"
    second.join(timeout=30)
    assert outcome, "the second device never finished"
    return outcome[0]


def new_visit(ctx: AppContext, event: EventInfo, **kw: Any) -> checkin.VisitInfo:
    return checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s", **kw)).visit


def test_the_second_check_in_gets_the_next_number(ctx: AppContext, event: EventInfo):
    first = new_visit(ctx, event)

    def take_number_2(session: Any) -> None:
        session.add(
            Visit(
                event_id=event.id,
                number=2,
                checked_in_at=ctx.clock(),
                age_band="30s",
                residence="unanswered",
                wants_consultation=False,
                count_only=False,
                device_id="other-device",
            )
        )

    result = while_another_device_holds_the_lock(
        ctx, event.id, take_number_2, lambda: new_visit(ctx, event)
    )

    assert isinstance(result, checkin.VisitInfo), result
    assert (first.number, result.number) == (1, 3)


def test_a_child_is_handed_back_once(ctx: AppContext, event: EventInfo):
    visit = new_visit(ctx, event, children=(ChildRequest("1-2"),))
    [child] = visit.children

    def hand_back_there(session: Any) -> None:
        session.execute(
            update(ChildCare)
            .where(ChildCare.id == child.id)
            .values(status="handed_back", handed_back_at=ctx.clock())
        )

    result = while_another_device_holds_the_lock(
        ctx,
        event.id,
        hand_back_there,
        lambda: childcare.hand_back(ctx, event.id, child.pickup_code),
    )

    assert isinstance(result, KioskError) and result.code == "child_already_handed_back", result


@pytest.fixture
def slot_of_one(ctx: AppContext, event: EventInfo) -> Any:
    workshop = add_workshop(ctx, WorkshopDraft("コーヒー焙煎", default_capacity=1))
    return add_slot(ctx, event.id, workshop.id, clock_time(10, 0))


def book(slot_id: str, visit_id: str, event_id: str, ctx: AppContext) -> Callable[[Any], None]:
    def booked_there(session: Any) -> None:
        session.add(
            Signup(
                slot_id=slot_id,
                visit_id=visit_id,
                event_id=event_id,
                status="booked",
                queued_at=ctx.clock(),
                device_id="other-device",
            )
        )

    return booked_there


def test_the_last_place_of_a_workshop_goes_once(ctx, event, slot_of_one):
    first, second = new_visit(ctx, event), new_visit(ctx, event)

    result = while_another_device_holds_the_lock(
        ctx,
        event.id,
        book(slot_of_one.id, first.id, event.id, ctx),
        lambda: sign_up(ctx, slot_of_one.id, second.id),
    )

    assert isinstance(result, KioskError) and result.code == "slot_full", result


def test_a_sign_up_cancelled_elsewhere_is_not_cancelled_twice(ctx, event, slot_of_one):
    signup = sign_up(ctx, slot_of_one.id, new_visit(ctx, event).id).signup

    def cancelled_there(session: Any) -> None:
        session.execute(update(Signup).where(Signup.id == signup.id).values(status="cancelled"))

    result = while_another_device_holds_the_lock(
        ctx, event.id, cancelled_there, lambda: cancel_signup(ctx, signup.id)
    )

    assert isinstance(result, KioskError) and result.code == "signup_already_cancelled", result


def test_places_are_not_cut_below_a_booking_made_meanwhile(ctx, event):
    workshop = add_workshop(ctx, WorkshopDraft("ヨガ", default_capacity=2))
    slot = add_slot(ctx, event.id, workshop.id, clock_time(10, 0))
    sign_up(ctx, slot.id, new_visit(ctx, event).id)
    other = new_visit(ctx, event)

    result = while_another_device_holds_the_lock(
        ctx,
        event.id,
        book(slot.id, other.id, event.id, ctx),
        lambda: change_capacity(ctx, slot.id, 1),
    )

    assert isinstance(result, KioskError) and result.code == "capacity_below_booked", result


def test_a_slot_is_not_removed_under_a_booking_made_meanwhile(ctx, event, slot_of_one):
    visit = new_visit(ctx, event)

    result = while_another_device_holds_the_lock(
        ctx,
        event.id,
        book(slot_of_one.id, visit.id, event.id, ctx),
        lambda: remove_slot(ctx, slot_of_one.id),
    )

    assert isinstance(result, KioskError) and result.code == "slot_has_signups", result


def test_a_new_nickname_is_taken_once_across_venues(ctx: AppContext, event: EventInfo):
    key = nickname.search_key("さくら")

    def registered_at_another_venue(session: Any) -> None:
        session.add(Visitor(nickname="さくら", search_key=key, device_id="other-device"))

    result = while_another_device_holds_the_lock(
        ctx, None, registered_at_another_venue, lambda: new_visit(ctx, event, nickname="さくら")
    )

    assert isinstance(result, KioskError) and result.code == "nickname_taken", result
    with ctx.sessions() as session:
        assert len(session.scalars(select(Visitor.id)).all()) == 1


def test_a_venue_name_is_taken_once(ctx: AppContext, venue: Any):
    """Every write takes the one write lock first, so no check of its own is needed."""

    def added_on_another_pc(session: Any) -> None:
        session.add(Venue(name="公民館分室", kind="in_person", device_id="other-device"))

    result = while_another_device_holds_the_lock(
        ctx, None, added_on_another_pc, lambda: venues.add_venue(ctx, "公民館分室")
    )

    assert isinstance(result, KioskError) and result.code == "venue_name_taken", result


def test_a_setting_written_meanwhile_is_updated_not_added_twice(ctx: AppContext):
    def set_on_another_pc(session: Any) -> None:
        session.add(Setting(key=settings.PROJECT_NAME, value="居場所事業", device_id="other"))

    result = while_another_device_holds_the_lock(
        ctx, None, set_on_another_pc, lambda: settings.set_project_name(ctx, "女性の居場所")
    )

    assert result is None, result  # not an IntegrityError on the key
    assert settings.get(ctx, settings.PROJECT_NAME) == "女性の居場所"
