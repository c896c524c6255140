"""One-time codes: easy to type, stored as a slow hash, spent with the answer, in no order."""

from __future__ import annotations

import re

from sqlalchemy import select

from db.models import SurveyCode, SurveyResponse
from kiosk.survey import catalogue, responses
from kiosk.survey.phone import codes
from tests.refusals import refused

FULL = {"overall": "satisfied"}


def stored_codes(ctx) -> list[SurveyCode]:
    with ctx.sessions() as session:
        return list(session.scalars(select(SurveyCode)))


def test_a_code_is_ten_characters_without_look_alikes():
    for _ in range(200):
        code = codes.new_code()
        assert re.fullmatch(r"[2-9A-HJ-NP-Z]{10}", code)
        assert not set(code) & set("01OI")
    assert codes.shown("ABCDEFGHJK") == "ABCDE-FGHJK"


def test_a_typed_code_is_read_as_people_type_it():
    assert codes.normalise("abcde-fghjk") == "ABCDEFGHJK"
    assert codes.normalise(" ABCDE FGHJK ") == "ABCDEFGHJK"
    assert codes.normalise("ＡＢＣＤＥ－ＦＧＨＪＫ") == "ABCDEFGHJK"  # typed with a Japanese IME
    for bad in ("ABCDE-FGHJ", "ABCDE-FGHJKL", "ABCDE-FGH0K", "ABCDE-FGHIK", "", "../etc/passwd"):
        assert codes.normalise(bad) is None


def test_cards_store_only_a_salted_slow_hash_and_the_day(ctx, event):
    made = codes.make_codes(ctx, 5)
    assert len(set(made)) == 5
    rows = stored_codes(ctx)
    assert {r.code_hash for r in rows} == {codes.code_hash(c, ctx.today()) for c in made}
    assert {r.valid_on for r in rows} == {ctx.today()}
    for code in made:  # neither the code nor a plain hash of it is in the database
        assert all(code not in r.code_hash for r in rows)
    assert {c.name for c in SurveyCode.__table__.columns} == {"code_hash", "valid_on"}
    assert all(codes.is_open(ctx, code) for code in made)
    assert codes.open_count(ctx) == 5


def test_a_code_answers_once_in_the_answers_transaction(ctx, event, db_state):
    questionnaire = catalogue.active(ctx)
    [code, other] = codes.make_codes(ctx, 2)
    day = ctx.today()
    saved = responses.submit_response(
        ctx, event.id, questionnaire, FULL, "ja", spend=lambda s: codes.spend_in(s, code, day)
    )
    assert not codes.is_open(ctx, code) and codes.is_open(ctx, other)
    refused(
        db_state,
        "survey_code_refused",
        lambda: responses.submit_response(
            ctx, event.id, questionnaire, FULL, "ja", spend=lambda s: codes.spend_in(s, code, day)
        ),
    )
    # A refused answer keeps its code: nothing is spent when nothing is stored.
    refused(
        db_state,
        "survey_required",
        lambda: responses.submit_response(
            ctx, event.id, questionnaire, {}, "ja", spend=lambda s: codes.spend_in(s, other, day)
        ),
    )
    assert codes.is_open(ctx, other)
    with ctx.sessions() as session:
        assert session.scalar(select(SurveyResponse.id)) == saved.id


def test_a_code_expires_at_the_close_of_its_day(ctx, event, clock):
    [code] = codes.make_codes(ctx, 1)
    clock.advance(hours=14)  # 2026-11-23 00:00
    assert not codes.is_open(ctx, code)
    codes.make_codes(ctx, 1)  # the next day's cards clear the old ones away
    assert {r.valid_on for r in stored_codes(ctx)} == {ctx.today()}


def test_spending_leaves_no_trace_of_when_or_in_what_order(ctx, event):
    """The spent row is gone, and the day's others are written anew in random order."""
    questionnaire = catalogue.active(ctx)
    made = codes.make_codes(ctx, 6)
    day = ctx.today()
    for code in made[:3]:
        responses.submit_response(
            ctx,
            event.id,
            questionnaire,
            FULL,
            "en",
            spend=lambda s, c=code: codes.spend_in(s, c, day),
        )
    left = stored_codes(ctx)
    assert {r.code_hash for r in left} == {codes.code_hash(c, day) for c in made[3:]}
    if ctx.engine.dialect.name == "postgresql":
        with ctx.engine.connect() as conn:
            versions = set(conn.exec_driver_sql("SELECT xmin::text FROM survey_code").scalars())
        assert len(versions) == 1  # one row version: written together by the last answer


def test_a_count_out_of_range_is_refused(ctx, db_state):
    refused(db_state, "survey_cards_count", lambda: codes.make_codes(ctx, 0))
    refused(db_state, "survey_cards_count", lambda: codes.make_codes(ctx, codes.MAX_CARDS + 1))


def test_codes_never_travel_in_an_exchange_file():
    from kiosk.exchange.allowed import exchanged_tables

    assert "survey_code" not in {t.name for t in exchanged_tables()}
