"""Questionnaire responses: anonymous, tied to the event only, whole or not at all.

Privacy (DESIGN.md): a response has no link to a visit or visitor, and
nothing it writes tells when, within the hour, or in what order it came, so
it cannot be placed between two check-ins:

- its row is the only thing a response writes: no audit line (the responses
  are their own record) and no setting (the questionnaire's definition is
  stored when staff open it: questionnaire_catalogue.active);
- every time in the row is kept to the hour: `answered_hour`, `created_at`,
  `updated_at`;
- ids are random (uuid4), the table has no hidden rowid on SQLite (db/models/
  survey.py), and every response of the hour is deleted and written anew in
  random order with each new one: on PostgreSQL they then share one row
  version (xmin) and their physical places (ctid) are shuffled;
- after Send, the SQLite WAL is folded into the file and emptied, so no
  sequence of frames keeps the order either (when a reader holds it, the
  next Send or closing the app does it).

A response is stored in one transaction when she presses Send; until then
it exists only on screen, so a closed or killed app leaves no half response.

Paper questionnaires (source "paper") are entered afterwards by the
coordinator. Their hour is unknown, so they keep only the event's day, and a
question she skipped on paper stays unanswered even if it is required on the
tablet: the coordinator cannot answer for her.
"""

from __future__ import annotations

import secrets
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from db.base import new_id
from db.models import Base, Event, SurveyResponse, Venue
from kiosk.care import data_files
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read, write
from kiosk.survey.catalogue import is_stored
from kiosk.survey.questionnaire import Question, Questionnaire

SOURCES = ("kiosk", "paper")

Answers = dict[str, str | list[str]]


@dataclass(frozen=True)
class SavedResponse:
    id: str
    answered: int  # how many questions were answered
    repeated: bool  # True when this request had already been saved


def to_hour(moment: datetime) -> datetime:
    """The start of the hour of an aware local time."""
    return moment.replace(minute=0, second=0, microsecond=0)


def clean_text(value: str) -> str:
    """Free text as it will be stored: no control characters, trimmed."""
    text = "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else " " for ch in value)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()).strip()


def clean_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any], source: str = "kiosk"
) -> Answers:
    """The answers as stored, checked against the questionnaire.

    Unanswered questions are left out. Raises survey_required (on the tablet),
    survey_text_too_long, survey_invalid_answer, survey_unknown_question or
    survey_empty (nothing answered at all).
    """
    known = {q.id for q in questionnaire.questions}
    for key in answers:
        if key not in known:
            raise KioskError("survey_unknown_question", question=str(key)[:40])
    cleaned: Answers = {}
    for number, question in enumerate(questionnaire.questions, start=1):
        value = _clean_one(question, number, answers.get(question.id))
        if value is None:
            if question.required and source == "kiosk":
                raise KioskError("survey_required", number=number)
            continue
        cleaned[question.id] = value
    if not cleaned:
        raise KioskError("survey_empty")
    return cleaned


def _clean_one(question: Question, number: int, value: Any) -> str | list[str] | None:
    if value is None or value == "" or value == []:
        return None
    if question.type == "text":
        if not isinstance(value, str):
            raise KioskError("survey_invalid_answer", number=number)
        text = clean_text(value)
        if len(text) > question.max_length:
            raise KioskError(
                "survey_text_too_long", number=number, limit=question.max_length, count=len(text)
            )
        return text or None
    if question.type == "multiple":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise KioskError("survey_invalid_answer", number=number)
        chosen = set(value)
        if not chosen <= set(question.codes):
            raise KioskError("survey_invalid_answer", number=number)
        return [code for code in question.codes if code in chosen]  # the questionnaire's order
    if not isinstance(value, str) or value not in question.codes:
        raise KioskError("survey_invalid_answer", number=number)
    return value


def submit_response(
    ctx: AppContext,
    event_id: str,
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    language: str,
    source: str = "kiosk",
    request_id: str | None = None,
    spend: Callable[[Session], None] | None = None,
) -> SavedResponse:
    """Store one whole response in one transaction, or nothing.

    Idempotent: the screen makes `request_id` when a respondent starts, and it
    becomes the response's id, so a double tap on Send stores one response.
    `spend` runs in the same transaction before the response is stored (the
    phone page spends its one-time code there): if it raises, nothing is stored.
    """
    if source not in SOURCES:
        raise KioskError("invalid_choice", group="source", value=str(source))
    if language not in questionnaire.languages:
        raise KioskError("invalid_language", value=str(language))
    cleaned = clean_answers(questionnaire, answers, source)
    response_id = request_id or new_id()
    entered = to_hour(ctx.clock())
    with write(ctx) as session:
        if session.get(SurveyResponse, response_id) is not None:
            return SavedResponse(response_id, len(cleaned), repeated=True)
        event = _event(session, event_id)
        if not is_stored(session, questionnaire):
            # Staff store it when they open the questionnaire (never a respondent's Send).
            raise KioskError("questionnaire_not_stored", ref=questionnaire.ref)
        if spend is not None:
            _take_turn(session)  # the code's rows are rewritten too: one Send at a time
            spend(session)
        if source == "paper":  # the day it was answered; its hour is unknown
            answered = datetime.combine(event.date, time(0), tzinfo=entered.tzinfo)
        else:
            answered = entered
        _store_in_no_order(
            session,
            {
                "id": response_id,
                "event_id": event_id,
                "questionnaire_id": questionnaire.id,
                "questionnaire_version": questionnaire.version,
                "answered_hour": answered,
                "language": language,
                "source": source,
                "answers": cleaned,
                "created_at": entered,
                "updated_at": entered,
                "device_id": ctx.device_id,
            },
        )
    data_files.fold_wal_in(ctx.engine, wait=False)
    return SavedResponse(response_id, len(cleaned), repeated=False)


# Any constant: the one advisory lock that makes responses of one server take turns.
_REWRITE_LOCK = 0x7453_7276


def _store_in_no_order(session: Session, row: dict[str, Any]) -> None:
    """Add `row`, writing every response stored this hour anew in random order.

    The hour's rows are deleted (RETURNING what they held) and inserted again
    with the new one somewhere among them, all in this transaction: the new
    row is not the last written, on PostgreSQL they share this transaction's
    row version, and no page keeps the order they came in. Responses of
    earlier hours are told apart by their hour anyway. Devices sharing a
    server take turns (an advisory lock), so two rewrites never cross.
    """
    table = Base.metadata.tables[SurveyResponse.__tablename__]
    _take_turn(session)
    same_hour = session.execute(
        delete(table).where(table.c.created_at == row["created_at"]).returning(*table.c)
    ).mappings()
    rows = [dict(r) for r in same_hour] + [row]
    secrets.SystemRandom().shuffle(rows)
    session.execute(insert(table), rows)


def _take_turn(session: Session) -> None:
    """On a server, wait for any other Send's rewrite (held until the transaction ends)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REWRITE_LOCK})


def _event(session: Session, event_id: str) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.status == "cancelled":
        raise KioskError("event_not_found")
    return event


def count_for_event(ctx: AppContext, event_id: str) -> int:
    with read(ctx) as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(SurveyResponse)
                .where(SurveyResponse.event_id == event_id)
            )
            or 0
        )


# -- the kiosk's idle time ------------------------------------------------------------

IDLE_SECONDS = "survey_idle_seconds"
DEFAULT_IDLE = 90
IDLE_RANGE = (30, 900)


def idle_seconds(ctx: AppContext) -> int:
    """How long the kiosk waits for a touch before it starts over (Settings)."""
    raw = settings.get(ctx, IDLE_SECONDS)
    try:
        value = int(raw) if raw is not None else DEFAULT_IDLE
    except ValueError:
        return DEFAULT_IDLE
    low, high = IDLE_RANGE
    return value if low <= value <= high else DEFAULT_IDLE


def set_idle_seconds(ctx: AppContext, seconds: int) -> None:
    low, high = IDLE_RANGE
    if not low <= seconds <= high:
        raise KioskError("survey_idle_range", low=low, high=high)
    settings.put(ctx, IDLE_SECONDS, str(seconds))


# -- which event a paper questionnaire belongs to ---------------------------------------


@dataclass(frozen=True)
class EventChoice:
    id: str
    date: date
    venue_name: str
    kind: str
    title: str | None


def recent_events(ctx: AppContext, days: int = 92) -> list[EventChoice]:
    """Events of the last `days` days at every venue, newest first (paper entry)."""
    today = ctx.today()
    with read(ctx) as session:
        rows = session.execute(
            select(Event.id, Event.date, Venue.name, Event.kind, Event.title)
            .join(Venue, Venue.id == Event.venue_id)
            .where(
                Event.status != "cancelled",
                Event.date <= today,
                Event.date >= today - timedelta(days=days),
            )
            .order_by(Event.date.desc(), Venue.name, Event.opened_at)
        ).all()
    return [EventChoice(*row) for row in rows]
