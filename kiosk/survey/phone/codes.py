"""One-time codes: a card answers once, on the day it was made for, and is linked to nothing.

A code is ten characters from an alphabet without 0/O/1/I (32 letters and
digits, 50 bits), typed in two groups of five. The database keeps only a
scrypt hash of it salted with its day, so a stolen copy cannot print the
cards again (one guess costs ~10 ms; the day's space is 2**50), and a code
hashed for one day is no code on another: it expires at the close of its day.

Spending a code deletes its row in the transaction that stores the answer
(kiosk/survey/responses.py), and the day's remaining rows are written anew
in random order, so no row version or page keeps when or in what order
codes were spent; a spent code and an invented one are the same: absent.
Making cards writes nothing but the hashes, in random order.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.models import Base, SurveyCode
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read, write

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0, O, 1, I
LENGTH = 10
GROUP = 5
MAX_CARDS = 400  # one printing; 40 a sheet is usual
# A typed code may carry spaces and dashes, and lower case; nothing else.
_IGNORED = " -\u2010\u2011\u2012\u2013\u2014\u2212\u3000\u30fc\uff0d"
_SCRYPT = {"n": 2**12, "r": 8, "p": 1, "dklen": 32}


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """ABCDE-FGHJK: as printed on the card and typed."""
    return f"{code[:GROUP]}-{code[GROUP:]}"


def normalise(typed: str) -> str | None:
    """The code as stored from what she typed or scanned, or None if it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    # NFKC: full-width letters and digits, as a Japanese keyboard types them, become ASCII.
    code = "".join(ch for ch in unicodedata.normalize("NFKC", typed).upper() if ch not in _IGNORED)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def code_hash(code: str, day: date) -> str:
    salt = f"tsunagari/survey-code/{day.isoformat()}".encode()
    return hashlib.scrypt(code.encode("ascii"), salt=salt, **_SCRYPT).hex()


def make_codes(ctx: AppContext, count: int) -> list[str]:
    """`count` new codes good until the close of today, in random order; their hashes stored."""
    if not 1 <= count <= MAX_CARDS:
        raise KioskError("survey_cards_count", low=1, high=MAX_CARDS)
    day = ctx.today()
    codes = {new_code() for _ in range(count)}
    while len(codes) < count:
        codes.add(new_code())
    ordered = list(codes)
    secrets.SystemRandom().shuffle(ordered)
    rows = [{"code_hash": code_hash(code, day), "valid_on": day} for code in ordered]
    table = Base.metadata.tables[SurveyCode.__tablename__]
    with write(ctx) as session:
        session.execute(delete(table).where(table.c.valid_on < day))  # yesterday's are dead
        session.execute(insert(table), rows)
    return ordered


def is_open(ctx: AppContext, code: str) -> bool:
    """True while `code` (normalised) can still answer today."""
    day = ctx.today()
    with read(ctx) as session:
        found = session.get(SurveyCode, code_hash(code, day))
        return found is not None and found.valid_on == day


def spend_in(session: Session, code: str, day: date) -> None:
    """Delete `code` in this transaction (the one storing the answer), or refuse it.

    The day's other codes are deleted and written again in random order, so the
    spent one leaves no gap that tells when it went. Raises survey_code_refused.
    """
    table = Base.metadata.tables[SurveyCode.__tablename__]
    spent = session.execute(
        delete(table)
        .where(table.c.code_hash == code_hash(code, day), table.c.valid_on == day)
        .returning(table.c.code_hash)
    ).first()
    if spent is None:
        raise KioskError("survey_code_refused")
    left = [
        dict(row)
        for row in session.execute(
            delete(table).where(table.c.valid_on == day).returning(*table.c)
        ).mappings()
    ]
    session.execute(delete(table).where(table.c.valid_on < day))
    if left:
        secrets.SystemRandom().shuffle(left)
        session.execute(insert(table), left)


def open_count(ctx: AppContext) -> int:
    """How many of today's codes can still answer (for staff: cards left, no more)."""
    day = ctx.today()
    with read(ctx) as session:
        return len(
            session.scalars(select(SurveyCode.code_hash).where(SurveyCode.valid_on == day)).all()
        )
