"""Questionnaire definitions: versioned data files, checked on load.

A questionnaire is data (resources/questionnaires/*.json), not code, so a
city can change a question or add a language without a programmer. Every
file is checked against the schema below before it is used; a problem is a
KioskError naming the file and the place in it (`at`, e.g.
``questions[3].options[2].label``, counted from 1), so the coordinator can
fix it. Nothing half-valid is ever used.

Schema (format 1)::

    format     1
    id         a-z 0-9 _ -, at most 40 (stays the same across versions)
    version    whole number >= 1; a published version never changes
    languages  {"ja": "日本語", "en": "English", ...}  (code: the language's own name)
    title      {lang: text}        intro  {lang: text} (optional)
    satisfied  {"question": id, "answers": [codes]}  what counts as satisfied
    loneliness id of a scale question (optional; reported on its own)
    phrases    {lang: {key: text}} (optional; adds to the shipped phrases, see below)
    questions  [{id, type, required, text, hint, options, max_length}, ...]

Question types: single, multiple, scale (ordered steps with labels), yes_no
(options optional: yes / no), text (short free text, `max_length`).

Any text may carry furigana (kiosk/survey/ruby.py: 漢字《かんじ》); the markup
is checked here and lengths are counted on the text as read, without it.

The kiosk's own words (次へ, 戻る, the countdown …) ship for the staff
languages as survey.phrase.* in resources/locales/<lang>.json, and for the
languages only respondents read (やさしい日本語, 简体中文 …) in
resources/survey_phrases.json, under the same keys: the staff screens stay in
the languages they are translated into, and a respondent language is data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.core import safe_text, untrusted_json
from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES
from kiosk.survey import ruby
from kiosk.survey.respondent_words import (
    ANSWER_PREFIX,
    PHONE_PHRASE_KEYS,
    PHRASE_KEYS,
    placeholders,
    respondent_catalogues,
    shared_phrases,
)

FORMAT = 1
BUILTIN_DIR = RESOURCES / "questionnaires"
DEFAULT_ID = "cafe-satisfaction"

TYPES = ("single", "multiple", "scale", "yes_no", "text")
CHOICE_TYPES = ("single", "multiple", "scale", "yes_no")
DEFAULT_TEXT_LIMIT = 400
MAX_TEXT_LIMIT = 2000
MAX_QUESTIONS = 40
MAX_OPTIONS = 20
LIMITS = {"title": 120, "intro": 400, "text": 300, "hint": 300, "label": 80, "phrase": 200}
# Sized to the columns that store them (a server refuses what SQLite would keep):
# survey_response.language is 8 characters, and the setting key
# "questionnaire/<id>/<version>" at most 64, its version a 32-bit integer.
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$")
MAX_VERSION = 999_999
YES_NO = ("yes", "no")  # labels: survey.answer.<code> in resources/locales/<lang>.json


@dataclass(frozen=True)
class Option:
    code: str
    labels: Mapping[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()))


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    required: bool
    texts: Mapping[str, str]
    hints: Mapping[str, str] = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    max_length: int = DEFAULT_TEXT_LIMIT

    @property
    def is_choice(self) -> bool:
        return self.type in CHOICE_TYPES

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or next(iter(self.texts.values()))

    def hint(self, lang: str) -> str:
        return self.hints.get(lang, "")

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    languages: Mapping[str, str]  # code -> the language's own name, in the file's order
    titles: Mapping[str, str]
    intros: Mapping[str, str]
    questions: tuple[Question, ...]
    satisfied_question: str
    satisfied_answers: frozenset[str]
    loneliness_question: str | None
    phrases: Mapping[str, Mapping[str, str]]  # merged: shared file + the file's own
    own_phrases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.id}/{self.version}"

    @property
    def default_language(self) -> str:
        return next(iter(self.languages))

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles[self.default_language]

    def intro(self, lang: str) -> str:
        return self.intros.get(lang, "")

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def phrase(self, lang: str, key: str, **params: object) -> str:
        texts = self.phrases.get(lang) or self.phrases[self.default_language]
        return texts[key].format(**params)


# -- loading ------------------------------------------------------------------------


def load_file(path: Path) -> Questionnaire:
    """The questionnaire in `path`, or a KioskError naming the file and the problem."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KioskError("questionnaire_unreadable", file=path.name) from exc
    return parse_text(raw, path.name)


@lru_cache(maxsize=64)
def parse_text(raw: str, source: str, *, stored: bool = False) -> Questionnaire:
    """Cached: results and tallies read the stored versions at every call, and they
    never change (an edit is a new version); a Questionnaire is immutable.

    stored=True for a version already kept in the database: it was accepted
    when it was saved, so a rule added since (the one about characters)
    does not take away the results of the answers given to it.
    """
    try:
        data = untrusted_json.load(raw)
    except untrusted_json.UntrustedJsonError as exc:
        if exc.reason == untrusted_json.TOO_DEEP:
            raise KioskError(
                "questionnaire_too_deep", file=source, limit=untrusted_json.MAX_DEPTH
            ) from exc
        if exc.reason != untrusted_json.SYNTAX:  # NaN, Infinity, 1e999, 2**70
            raise KioskError("questionnaire_bad_number", file=source) from exc
        raise KioskError(
            "questionnaire_not_json", file=source, line=exc.line, column=exc.column
        ) from exc
    return parse(data, source, stored=stored)


def parse(data: Any, source: str, *, stored: bool = False) -> Questionnaire:
    """Check `data` (a decoded file) against the schema and build the questionnaire."""
    return _Checker(source, check_characters=not stored).questionnaire(data)


class _Checker:
    """Walks one decoded file; the first problem found is raised with its place."""

    def __init__(self, source: str, check_characters: bool = True) -> None:
        self.file = source
        self.check_characters = check_characters
        self.languages: dict[str, str] = {}

    def fail(self, code: str, at: str, **params: object) -> KioskError:
        return KioskError(code, file=self.file, at=at, **params)

    def need(self, data: Mapping[str, Any], key: str, at: str) -> Any:
        if key not in data or data[key] is None:
            raise self.fail("questionnaire_missing", f"{at}.{key}" if at else key)
        return data[key]

    def mapping(self, value: Any, at: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail("questionnaire_invalid", at)
        return value

    def name(self, value: Any, at: str) -> str:
        if not isinstance(value, str) or not NAME.match(value):
            raise self.fail("questionnaire_bad_name", at, value=str(value)[:40])
        return value

    def characters(self, text: str, at: str) -> str:
        """The rule of every name (kiosk/safe_text): no control, format or invisible characters;
        and furigana written as kiosk/survey/ruby.py reads it. Returns the text as read."""
        bad = safe_text.forbidden_character(text) if self.check_characters else None
        if bad is not None:
            raise self.fail("questionnaire_bad_character", at, char=safe_text.code_point(bad))
        if not any(mark in text for mark in (ruby.OPEN, ruby.CLOSE, "｜")):
            return text  # (an ASCII | alone is an ordinary character in English)
        try:
            return "".join(part.base for part in ruby.ruby_parts(text))
        except KioskError as exc:
            raise self.fail("questionnaire_ruby", at, text=text[:80]) from exc

    def texts(self, value: Any, at: str, limit: int) -> dict[str, str]:
        """Text in every language of the file; other languages are ignored."""
        block = self.mapping(value, at)
        found = {}
        for lang in self.languages:
            text = block.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail("questionnaire_missing_language", at, lang=lang)
            text = " ".join(text.split()) if limit <= LIMITS["label"] else text.strip()
            if len(self.characters(text, f"{at}.{lang}")) > limit:
                raise self.fail("questionnaire_text_too_long", f"{at}.{lang}", limit=limit)
            found[lang] = text
        return found

    def questionnaire(self, data: Any) -> Questionnaire:
        if not isinstance(data, Mapping):
            raise self.fail("questionnaire_invalid", "(file)")
        fmt = self.need(data, "format", "")
        if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
            raise self.fail("questionnaire_invalid", "format")
        if fmt > FORMAT:
            raise KioskError("questionnaire_format", file=self.file, value=fmt)
        qid = self.name(self.need(data, "id", ""), "id")
        version = self.need(data, "version", "")
        if (
            not isinstance(version, int)
            or isinstance(version, bool)
            or not 1 <= version <= MAX_VERSION
        ):
            raise self.fail("questionnaire_invalid", "version")
        self.languages = self._languages(self.need(data, "languages", ""))
        titles = self.texts(self.need(data, "title", ""), "title", LIMITS["title"])
        intros = (
            self.texts(data["intro"], "intro", LIMITS["intro"])
            if data.get("intro") is not None
            else {}
        )
        questions = self._questions(self.need(data, "questions", ""))
        satisfied_q, satisfied = self._satisfied(self.need(data, "satisfied", ""), questions)
        loneliness = data.get("loneliness")
        if loneliness is not None:
            question = next((q for q in questions if q.id == loneliness), None)
            if question is None or not question.is_choice or question.type == "multiple":
                raise self.fail("questionnaire_bad_rule", "loneliness", value=str(loneliness))
        own = self._own_phrases(data.get("phrases"))
        return Questionnaire(
            id=qid,
            version=version,
            languages=self.languages,
            titles=titles,
            intros=intros,
            questions=questions,
            satisfied_question=satisfied_q,
            satisfied_answers=satisfied,
            loneliness_question=loneliness,
            phrases=self._phrases(own),
            own_phrases=own,
        )

    def _languages(self, value: Any) -> dict[str, str]:
        block = self.mapping(value, "languages")
        if not block:
            raise self.fail("questionnaire_missing", "languages")
        found = {}
        for code, own_name in block.items():
            if not isinstance(code, str) or not LANGUAGE.match(code):
                raise self.fail("questionnaire_bad_name", "languages", value=str(code)[:40])
            if not isinstance(own_name, str) or not own_name.strip():
                raise self.fail("questionnaire_invalid", f"languages.{code}")
            self.characters(own_name, f"languages.{code}")
            found[code] = own_name.strip()[: LIMITS["label"]]
        return found

    def _questions(self, value: Any) -> tuple[Question, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail("questionnaire_missing", "questions")
        if len(value) > MAX_QUESTIONS:
            raise self.fail("questionnaire_too_many", "questions", limit=MAX_QUESTIONS)
        questions: list[Question] = []
        for number, item in enumerate(value, start=1):
            question = self._question(item, f"questions[{number}]")
            if any(q.id == question.id for q in questions):
                raise self.fail(
                    "questionnaire_duplicate", f"questions[{number}].id", value=question.id
                )
            questions.append(question)
        return tuple(questions)

    def _question(self, value: Any, at: str) -> Question:
        data = self.mapping(value, at)
        qid = self.name(self.need(data, "id", at), f"{at}.id")
        kind = self.need(data, "type", at)
        if kind not in TYPES:
            raise self.fail(
                "questionnaire_unknown_type",
                f"{at}.type",
                value=str(kind)[:40],
                types=", ".join(TYPES),
            )
        required = data.get("required", False)
        if not isinstance(required, bool):
            raise self.fail("questionnaire_invalid", f"{at}.required")
        texts = self.texts(self.need(data, "text", at), f"{at}.text", LIMITS["text"])
        hints = (
            self.texts(data["hint"], f"{at}.hint", LIMITS["hint"])
            if data.get("hint") is not None
            else {}
        )
        options: tuple[Option, ...] = ()
        max_length = DEFAULT_TEXT_LIMIT
        if kind == "text":
            max_length = data.get("max_length", DEFAULT_TEXT_LIMIT)
            if (
                not isinstance(max_length, int)
                or isinstance(max_length, bool)
                or not 1 <= max_length <= MAX_TEXT_LIMIT
            ):
                raise self.fail("questionnaire_invalid", f"{at}.max_length")
        elif kind == "yes_no" and data.get("options") is None:
            options = self._yes_no(at)
        else:
            options = self._options(self.need(data, "options", at), f"{at}.options")
            if kind == "yes_no" and {o.code for o in options} != set(YES_NO):
                raise self.fail("questionnaire_invalid", f"{at}.options")
        return Question(qid, kind, required, texts, hints, options, max_length)

    def _yes_no(self, at: str) -> tuple[Option, ...]:
        shipped = respondent_catalogues()
        labels: dict[str, dict[str, str]] = {code: {} for code in YES_NO}
        for lang in self.languages:
            for code in YES_NO:
                label = shipped.get(lang, {}).get(ANSWER_PREFIX + code)
                if not label:  # the built-in labels know the shipped languages only
                    raise self.fail("questionnaire_missing_language", f"{at}.options", lang=lang)
                labels[code][lang] = label
        return tuple(Option(code, labels[code]) for code in YES_NO)

    def _options(self, value: Any, at: str) -> tuple[Option, ...]:
        if not isinstance(value, list) or len(value) < 2:
            raise self.fail("questionnaire_too_few_options", at)
        if len(value) > MAX_OPTIONS:
            raise self.fail("questionnaire_too_many", at, limit=MAX_OPTIONS)
        options: list[Option] = []
        for number, item in enumerate(value, start=1):
            here = f"{at}[{number}]"
            data = self.mapping(item, here)
            code = self.name(self.need(data, "code", here), f"{here}.code")
            if any(o.code == code for o in options):
                raise self.fail("questionnaire_duplicate", f"{here}.code", value=code)
            labels = self.texts(self.need(data, "label", here), f"{here}.label", LIMITS["label"])
            options.append(Option(code, labels))
        return tuple(options)

    def _satisfied(self, value: Any, questions: tuple[Question, ...]) -> tuple[str, frozenset[str]]:
        rule = self.mapping(value, "satisfied")
        qid = self.need(rule, "question", "satisfied")
        question = next((q for q in questions if q.id == qid), None)
        if question is None or not question.is_choice or question.type == "multiple":
            raise self.fail("questionnaire_bad_rule", "satisfied.question", value=str(qid)[:40])
        answers = self.need(rule, "answers", "satisfied")
        if not isinstance(answers, list) or not answers:
            raise self.fail("questionnaire_missing", "satisfied.answers")
        for code in answers:
            if code not in question.codes:
                raise self.fail("questionnaire_bad_rule", "satisfied.answers", value=str(code)[:40])
        if set(answers) == set(question.codes):
            # Everyone would count as satisfied: certainly a mistake.
            raise self.fail("questionnaire_bad_rule", "satisfied.answers", value=", ".join(answers))
        return qid, frozenset(answers)

    def _own_phrases(self, value: Any) -> dict[str, dict[str, str]]:
        if value is None:
            return {}
        block = self.mapping(value, "phrases")
        own: dict[str, dict[str, str]] = {}
        for lang, texts in block.items():
            if lang not in self.languages:
                continue
            entries = self.mapping(texts, f"phrases.{lang}")
            own[lang] = {}
            for key, text in entries.items():
                if key not in PHRASE_KEYS and key not in PHONE_PHRASE_KEYS:
                    continue
                if not isinstance(text, str) or not text.strip():
                    raise self.fail("questionnaire_invalid", f"phrases.{lang}.{key}")
                if len(self.characters(text, f"phrases.{lang}.{key}")) > LIMITS["phrase"]:
                    at = f"phrases.{lang}.{key}"
                    raise self.fail("questionnaire_text_too_long", at, limit=LIMITS["phrase"])
                own[lang][key] = text.strip()
        return own

    def _phrases(self, own: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
        shared = shared_phrases()
        merged: dict[str, dict[str, str]] = {}
        for lang in self.languages:
            texts = {**shared.get(lang, {}), **own.get(lang, {})}
            for key, wanted in PHRASE_KEYS.items():
                if key not in texts:
                    raise self.fail("questionnaire_missing_phrase", f"phrases.{lang}", key=key)
                if placeholders(texts[key]) != wanted:
                    at = f"phrases.{lang}.{key}"
                    names = ", ".join("{" + name + "}" for name in sorted(wanted)) or "-"
                    raise self.fail("questionnaire_phrase_placeholders", at, names=names)
            merged[lang] = texts
        return merged


# -- writing -----------------------------------------------------------------------


def to_data(questionnaire: Questionnaire) -> dict[str, Any]:
    """The questionnaire as a file would hold it; parse(to_data(q)) == q."""
    q = questionnaire
    data: dict[str, Any] = {
        "format": FORMAT,
        "id": q.id,
        "version": q.version,
        "languages": dict(q.languages),
        "title": dict(q.titles),
    }
    if q.intros:
        data["intro"] = dict(q.intros)
    data["satisfied"] = {"question": q.satisfied_question, "answers": sorted(q.satisfied_answers)}
    if q.loneliness_question:
        data["loneliness"] = q.loneliness_question
    if q.own_phrases:
        data["phrases"] = {lang: dict(texts) for lang, texts in q.own_phrases.items()}
    questions = []
    for question in q.questions:
        item: dict[str, Any] = {
            "id": question.id,
            "type": question.type,
            "required": question.required,
            "text": dict(question.texts),
        }
        if question.hints:
            item["hint"] = dict(question.hints)
        if question.type == "text":
            item["max_length"] = question.max_length
        else:
            item["options"] = [{"code": o.code, "label": dict(o.labels)} for o in question.options]
        questions.append(item)
    data["questions"] = questions
    return data


def canonical_json(questionnaire: Questionnaire) -> str:
    """One stable text per definition: stored in the database, compared for changes."""
    return json.dumps(to_data(questionnaire), ensure_ascii=False)


def builtin_files() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.json"))
