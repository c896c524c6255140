"""What the questionnaire says: count, satisfaction rate, distributions, comments.

The satisfaction rate is computed as the city computes it: the responses
whose answer to the "satisfied" question is one of the satisfied answers,
divided by the responses that answered that question at all (not by every
response). It is always shown with its denominator, and rounded half up
(94.25 -> 94.3), as a person would round by hand. With no answers the rate
is None ("—"), never 0% or a division by zero.

Each response is judged by its own questionnaire version, so results stay
right across edits, and pooled across languages: a question is its id, in
whatever language she read it. How many answered in each language is counted
beside (the response keeps its language). Comments are personal words: they are counted always
but handed out only when the coordinator asks for them.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select

from db.models import Event, SurveyResponse
from kiosk.core import translations
from kiosk.core.context import AppContext
from kiosk.core.fiscal_year import DEFAULT_START_MONTH, fiscal_year_range
from kiosk.core.transaction import read
from kiosk.survey.catalogue import stored_definitions
from kiosk.survey.questionnaire import DEFAULT_ID, Question, Questionnaire

# -- what to count ---------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which responses: one event, or a period (event dates, inclusive), at one venue or all."""

    event_id: str | None = None
    venue_id: str | None = None
    start: date | None = None
    end: date | None = None


def event_scope(event_id: str) -> Scope:
    return Scope(event_id=event_id)


def month_scope(year: int, month: int, venue_id: str | None = None) -> Scope:
    last = calendar.monthrange(year, month)[1]
    return Scope(venue_id=venue_id, start=date(year, month, 1), end=date(year, month, last))


def fiscal_year_scope(
    year: int, venue_id: str | None = None, start_month: int = DEFAULT_START_MONTH
) -> Scope:
    """Fiscal year `year` (named by the year it starts in; kiosk/core/fiscal_year.py)."""
    start, end = fiscal_year_range(year, start_month)
    return Scope(venue_id=venue_id, start=start, end=end)


# -- what comes out --------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    satisfied: int
    answered: int  # the denominator: responses that answered the question

    @property
    def value(self) -> float | None:
        return self.satisfied / self.answered if self.answered else None

    def percent(self, decimals: int = 1) -> Decimal | None:
        if not self.answered:
            return None
        exact = Decimal(self.satisfied) * 100 / Decimal(self.answered)
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)

    def percent_text(self, decimals: int = 1) -> str:
        value = self.percent(decimals)
        return "—" if value is None else f"{value}%"


@dataclass(frozen=True)
class Count:
    code: str
    labels: Mapping[str, str]
    count: int

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), self.code)


@dataclass(frozen=True)
class LanguageCount:
    """How many responses were given in one language."""

    code: str
    own_name: str  # as the questionnaire names it, in itself ("Tiếng Việt")
    count: int

    def label(self, lang: str) -> str:
        """In the staff's language (survey.language.<code>); a language added to a
        questionnaire as data keeps its own name."""
        key = f"survey.language.{self.code}"
        if translations.has_text(key):
            return translations.text(key, lang)
        return self.own_name or self.code or "—"


@dataclass(frozen=True)
class QuestionResult:
    questionnaire_id: str
    question: Question  # as worded in the newest version in the results
    answered: int
    counts: tuple[Count, ...] = ()  # choice questions, in the questionnaire's order

    def count(self, code: str) -> int:
        return next((c.count for c in self.counts if c.code == code), 0)


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    kiosk: int
    paper: int
    satisfaction: Rate
    questions: tuple[QuestionResult, ...]
    loneliness: QuestionResult | None
    comment_count: int
    comments: tuple[str, ...] = ()  # only when asked for
    without_definition: int = 0  # responses whose questionnaire version is unknown here
    versions: tuple[str, ...] = field(default_factory=tuple)
    # The answers that count as satisfied (labels by language), as the newest version says.
    satisfied_options: tuple[Mapping[str, str], ...] = ()
    # Responses by the language she answered in: the questionnaire's order, then any other.
    languages: tuple[LanguageCount, ...] = ()

    def satisfied_label(self, lang: str) -> str:
        return "・".join(
            labels.get(lang) or next(iter(labels.values())) for labels in self.satisfied_options
        )

    def question(self, question_id: str) -> QuestionResult | None:
        return next((q for q in self.questions if q.question.id == question_id), None)


@dataclass(frozen=True)
class ResponseRow:
    """One stored response, as summarise() needs it."""

    ref: str
    source: str
    answers: Mapping[str, Any]
    language: str = ""


# -- the arithmetic ----------------------------------------------------------------------


def answered(value: Any) -> bool:
    return value is not None and value != "" and value != []


def satisfaction_rate(
    responses: Iterable[tuple[Questionnaire | None, Mapping[str, Any]]],
) -> Rate:
    """satisfied ÷ answered, each response judged by its own questionnaire."""
    satisfied = total = 0
    for questionnaire, answers in responses:
        if questionnaire is None:
            continue
        value = answers.get(questionnaire.satisfied_question)
        if not answered(value):
            continue
        total += 1
        satisfied += value in questionnaire.satisfied_answers
    return Rate(satisfied, total)


def summarise(
    rows: Iterable[ResponseRow],
    definitions: Mapping[str, Questionnaire],
    include_comments: bool = False,
) -> SurveyResults:
    rows = list(rows)
    known = [(definitions.get(r.ref), r) for r in rows]
    newest: dict[str, Questionnaire] = {}
    for questionnaire, _ in known:
        if questionnaire is not None:
            current = newest.get(questionnaire.id)
            if current is None or questionnaire.version > current.version:
                newest[questionnaire.id] = questionnaire
    satisfied_options: tuple[Mapping[str, str], ...] = ()
    if newest:
        main = newest[_main_id(newest)]
        rule = main.question(main.satisfied_question)
        satisfied_options = tuple(
            o.labels for o in (rule.options if rule else ()) if o.code in main.satisfied_answers
        )
    questions: list[QuestionResult] = []
    loneliness: QuestionResult | None = None
    comments: list[str] = []
    for qid in sorted(newest, key=lambda i: (i != _main_id(newest), i)):
        mine = [(q, r) for q, r in known if q is not None and q.id == qid]
        for question in _questions_of(newest[qid], [q for q, _ in mine]):
            result = _question_result(qid, question, mine)
            questions.append(result)
            if loneliness is None and question.id == newest[qid].loneliness_question:
                loneliness = result
            if question.type == "text":
                comments += [
                    str(r.answers[question.id])
                    for q, r in mine
                    if answered(r.answers.get(question.id)) and _has(q, question.id, "text")
                ]
    return SurveyResults(
        responses=len(rows),
        kiosk=sum(r.source == "kiosk" for r in rows),
        paper=sum(r.source == "paper" for r in rows),
        satisfaction=satisfaction_rate((q, r.answers) for q, r in known),
        questions=tuple(questions),
        loneliness=loneliness,
        comment_count=len(comments),
        comments=tuple(sorted(comments)) if include_comments else (),
        without_definition=sum(q is None for q, _ in known),
        versions=tuple(sorted({r.ref for r in rows})),
        satisfied_options=satisfied_options,
        languages=_languages(rows, definitions, newest),
    )


def _languages(
    rows: list[ResponseRow],
    definitions: Mapping[str, Questionnaire],
    newest: Mapping[str, Questionnaire],
) -> tuple[LanguageCount, ...]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.language] = counts.get(row.language, 0) + 1
    names: dict[str, str] = {}
    order: list[str] = []
    main = [newest[_main_id(newest)]] if newest else []
    for questionnaire in [*main, *definitions.values()]:
        for code, own_name in questionnaire.languages.items():
            names.setdefault(code, own_name)
            if code not in order:
                order.append(code)
    rank = {code: i for i, code in enumerate(order)}
    shown = sorted(counts, key=lambda code: (rank.get(code, len(rank)), -counts[code], code))
    return tuple(LanguageCount(code, names.get(code, code), counts[code]) for code in shown)


def _main_id(newest: Mapping[str, Questionnaire]) -> str:
    return DEFAULT_ID if DEFAULT_ID in newest else min(newest)


def _has(questionnaire: Questionnaire, question_id: str, kind: str) -> bool:
    question = questionnaire.question(question_id)
    return question is not None and question.type == kind


def _questions_of(newest: Questionnaire, versions: list[Questionnaire]) -> list[Question]:
    """The newest version's questions, then any that only older versions asked."""
    found = list(newest.questions)
    seen = {q.id for q in found}
    for version in sorted(versions, key=lambda v: -v.version):
        for question in version.questions:
            if question.id not in seen:
                found.append(question)
                seen.add(question.id)
    return found


def _question_result(
    questionnaire_id: str,
    question: Question,
    rows: list[tuple[Questionnaire, ResponseRow]],
) -> QuestionResult:
    values = [
        r.answers.get(question.id)
        for q, r in rows
        if _has(q, question.id, question.type) and answered(r.answers.get(question.id))
    ]
    if question.type == "text":
        return QuestionResult(questionnaire_id, question, len(values))
    labels: dict[str, Mapping[str, str]] = {o.code: o.labels for o in question.options}
    for q, _ in rows:  # codes that only an older version offered
        older = q.question(question.id)
        for option in older.options if older else ():
            labels.setdefault(option.code, option.labels)
    tally = dict.fromkeys(labels, 0)
    for value in values:
        for code in value if isinstance(value, list) else [value]:
            if code in tally:
                tally[code] += 1
    counts = tuple(Count(code, labels[code], n) for code, n in tally.items())
    return QuestionResult(questionnaire_id, question, len(values), counts)


# -- from the database ------------------------------------------------------------------


def results(ctx: AppContext, scope: Scope, include_comments: bool = False) -> SurveyResults:
    """The results of every response in `scope` (one indexed query, then arithmetic)."""
    query = select(
        SurveyResponse.questionnaire_id,
        SurveyResponse.questionnaire_version,
        SurveyResponse.source,
        SurveyResponse.answers,
        SurveyResponse.language,
    )
    if scope.event_id is not None:
        query = query.where(SurveyResponse.event_id == scope.event_id)
    if scope.venue_id is not None or scope.start is not None or scope.end is not None:
        query = query.join(Event, Event.id == SurveyResponse.event_id).where(
            Event.status != "cancelled"
        )
        if scope.venue_id is not None:
            query = query.where(Event.venue_id == scope.venue_id)
        if scope.start is not None:
            query = query.where(Event.date >= scope.start)
        if scope.end is not None:
            query = query.where(Event.date <= scope.end)
    with read(ctx) as session:
        rows = [
            ResponseRow(f"{qid}/{version}", source, answers or {}, language or "")
            for qid, version, source, answers, language in session.execute(query)
        ]
        definitions = stored_definitions(session)
    return summarise(rows, definitions, include_comments)
