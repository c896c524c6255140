"""The coordinator PIN that unlocks the questionnaire kiosk.

Stored only as a slow, salted scrypt hash (a PIN has few digits, so a fast
hash would fall to trying them all). Wrong tries are counted in the
database, so restarting the app does not reset them: after five, every
further try waits, and the wait doubles with each wrong PIN (30 s, 60 s,
2 min, ... at most 15 min). The right PIN resets the count.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import datetime

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write

PIN_HASH = "coordinator_pin"
FAILURES = "coordinator_pin_failures"
MIN_DIGITS = 4
MAX_DIGITS = 12
FREE_TRIES = 5
FIRST_WAIT = 30  # seconds, after the fifth wrong try
LONGEST_WAIT = 15 * 60
# scrypt cost: about 16 MiB and a few tens of milliseconds per try.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 2**20)


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        return hmac.compare_digest(
            _hash(pin, bytes.fromhex(salt), int(n), int(r), int(p)), bytes.fromhex(digest)
        )
    except ValueError:
        return False


def check_format(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise KioskError("pin_format", low=MIN_DIGITS, high=MAX_DIGITS)
    return pin


def is_set(ctx: AppContext) -> bool:
    return bool(settings.get(ctx, PIN_HASH))


def set_pin(ctx: AppContext, pin: str, again: str) -> None:
    check_format(pin)
    if pin != again:
        raise KioskError("pin_mismatch")
    hashed = hash_pin(pin)
    with write(ctx) as session:
        settings.put_in(session, ctx, PIN_HASH, hashed)
        settings.put_in(session, ctx, FAILURES, json.dumps({"count": 0}))
        audit(session, ctx, "pin_set", "setting", None)


def wait_for(failures: int) -> int:
    """Seconds to wait after `failures` wrong tries in a row."""
    if failures < FREE_TRIES:
        return 0
    wait: int = FIRST_WAIT * 2 ** (failures - FREE_TRIES)  # int ** int is Any to mypy
    return min(wait, LONGEST_WAIT)


def _failures(raw: str | None) -> tuple[int, datetime | None]:
    try:
        data = json.loads(raw or "{}")
        last = datetime.fromisoformat(data["last"]) if data.get("last") else None
        return int(data.get("count", 0)), last
    except (ValueError, TypeError, KeyError):
        return FREE_TRIES, None  # a damaged counter errs on the careful side


def seconds_to_wait(ctx: AppContext) -> int:
    with read(ctx) as session:
        count, last = _failures(settings.get_in(session, FAILURES))
    return _remaining(ctx, count, last)


def _remaining(ctx: AppContext, count: int, last: datetime | None) -> int:
    wait = wait_for(count)
    if not wait or last is None:
        return 0
    left = wait - (ctx.clock() - last).total_seconds()
    return max(0, int(left + 0.999))


def verify(ctx: AppContext, pin: str) -> None:
    """Return if `pin` is the coordinator PIN; else raise pin_wrong or pin_locked.

    While a wait runs, nothing is checked, so guessing gains nothing.
    """
    with write(ctx) as session:
        stored = settings.get_in(session, PIN_HASH)
        if not stored:
            raise KioskError("pin_not_set")
        count, last = _failures(settings.get_in(session, FAILURES))
        remaining = _remaining(ctx, count, last)
        if remaining:
            raise KioskError("pin_locked", seconds=remaining)
        if _matches(pin, stored):
            if count:
                settings.put_in(session, ctx, FAILURES, json.dumps({"count": 0}))
            audit(session, ctx, "kiosk_unlocked", "setting", None, failures=count)
            return
        count += 1
        now = ctx.clock()
        settings.put_in(
            session, ctx, FAILURES, json.dumps({"count": count, "last": now.isoformat()})
        )
        audit(session, ctx, "pin_failed", "setting", None, failures=count)
    # Raised after the block, so the count above is committed.
    if count >= FREE_TRIES:
        raise KioskError("pin_locked", seconds=wait_for(count))
    raise KioskError("pin_wrong", tries=FREE_TRIES - count)
