"""The coordinator PIN: a slow salted hash, five free tries, then a growing wait."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.models import AuditEntry, Setting
from kiosk.care import pin
from kiosk.core.errors import KioskError

PIN = "482913"


def verify_code(ctx, value: str) -> KioskError:
    with pytest.raises(KioskError) as excinfo:
        pin.verify(ctx, value)
    return excinfo.value


def test_no_pin_yet(ctx):
    assert not pin.is_set(ctx)
    assert verify_code(ctx, "1234").code == "pin_not_set"


@pytest.mark.parametrize(
    ("new", "again", "code"),
    [
        ("123", "123", "pin_format"),
        ("1234567890123", "1234567890123", "pin_format"),
        ("12a4", "12a4", "pin_format"),
        ("１２３４", "１２３４", "pin_format"),  # full-width digits
        ("1234", "1243", "pin_mismatch"),
    ],
)
def test_a_bad_new_pin_is_refused_and_nothing_changes(ctx, db_state, new, again, code):
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        pin.set_pin(ctx, new, again)
    assert excinfo.value.code == code
    assert db_state() == before


def test_the_pin_is_stored_only_as_a_salted_scrypt_hash(ctx):
    pin.set_pin(ctx, PIN, PIN)
    with ctx.sessions() as session:
        first = session.scalar(select(Setting.value).where(Setting.key == pin.PIN_HASH))
    assert first is not None and first.startswith("scrypt$16384$8$1$")
    assert PIN not in first
    pin.set_pin(ctx, PIN, PIN)
    with ctx.sessions() as session:
        second = session.scalar(select(Setting.value).where(Setting.key == pin.PIN_HASH))
        audit = session.scalars(select(AuditEntry.detail)).all()
    assert second != first  # a new salt each time
    assert PIN not in json.dumps(audit)
    pin.verify(ctx, PIN)


def test_five_wrong_tries_then_a_growing_wait(ctx, clock):
    pin.set_pin(ctx, PIN, PIN)
    tries = [verify_code(ctx, "0000") for _ in range(4)]
    assert [(e.code, e.params) for e in tries] == [
        ("pin_wrong", {"tries": n}) for n in (4, 3, 2, 1)
    ]
    fifth = verify_code(ctx, "0000")
    assert (fifth.code, fifth.params) == ("pin_locked", {"seconds": 30})
    # While waiting, even the right PIN is not looked at.
    clock.advance(seconds=20)
    assert verify_code(ctx, PIN).params == {"seconds": 10}
    assert pin.seconds_to_wait(ctx) == 10
    clock.advance(seconds=10)
    # Another wrong one doubles the wait.
    assert verify_code(ctx, "9999").params == {"seconds": 60}
    clock.advance(seconds=60)
    assert verify_code(ctx, "9999").params == {"seconds": 120}
    clock.advance(seconds=120)
    pin.verify(ctx, PIN)  # right: the count starts again
    assert pin.seconds_to_wait(ctx) == 0
    assert verify_code(ctx, "0000").params == {"tries": 4}


def test_the_count_survives_a_restart(ctx, clock):
    pin.set_pin(ctx, PIN, PIN)
    for _ in range(5):
        verify_code(ctx, "0000")
    # A fresh app on the same database still waits: the count is stored.
    assert pin.seconds_to_wait(ctx) == 30


def test_the_wait_is_capped():
    assert [pin.wait_for(n) for n in (0, 4, 5, 6, 7)] == [0, 0, 30, 60, 120]
    assert pin.wait_for(40) == pin.LONGEST_WAIT == 900
