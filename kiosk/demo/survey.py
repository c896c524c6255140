"""Questionnaire responses for the demo database.

About half of the visitors of each past café answer, mostly on the tablet,
some on paper; today's café has a first few. The answers lean the way the
seed programs report (satisfaction around 94%). A generator of its own,
seeded from the demo's seed, keeps every other demo row exactly as it was.
Times are kept to the hour, as real responses are (kiosk/survey/responses.py).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from kiosk.demo.rows import DemoDays, pick
from kiosk.survey.catalogue import ACTIVE, PREFIX
from kiosk.survey.questionnaire import BUILTIN_DIR, canonical_json, load_file

DEFAULT_FILE = BUILTIN_DIR / "cafe-satisfaction.json"
ANSWER_RATE = (0.45, 0.7)
PAPER_RATE = 0.12
ENGLISH_RATE = 0.05
# Then the other languages of the default questionnaire, each a slice of one draw
# (so the rest of the demo stays the same): a foreign resident or an older
# woman choosing やさしい日本語 now and then, as at a city's café.
OTHER_LANGUAGES = (
    ("ja-easy", 0.03),
    ("vi", 0.02),
    ("zh-Hans", 0.02),
    ("pt-BR", 0.015),
    ("fil", 0.015),
    ("ko", 0.01),
)

OVERALL = (
    ("satisfied", 58),
    ("somewhat_satisfied", 36),
    ("somewhat_dissatisfied", 4),
    ("dissatisfied", 2),
)
ACTIVITIES = (
    ("talk", 0.7),
    ("workshop", 0.45),
    ("consultation", 0.15),
    ("childcare", 0.12),
    ("rest", 0.25),
    ("other", 0.04),
)
LONELY = (
    ("often_always", 8),
    ("sometimes", 18),
    ("occasionally", 27),
    ("hardly_ever", 32),
    ("never", 12),
)
HEARD_FROM = (
    ("word_of_mouth", 25),
    ("flyer", 20),
    ("line", 20),
    ("city_bulletin", 12),
    ("sns", 10),
    ("agency", 8),
    ("other", 5),
)
AGE_BANDS = (
    ("10s", 2),
    ("20s", 12),
    ("30s", 33),
    ("40s", 30),
    ("50s", 12),
    ("60s", 6),
    ("70plus", 2),
    ("no_answer", 3),
)
COMMENTS_JA = (
    "子どもを預けて、久しぶりにゆっくりお茶が飲めました。",
    "初めてで緊張しましたが、来てよかったです。",
    "アロマのハンドトリートメントが気持ちよかったです。",
    "同じ年頃の子を持つ人と話せてほっとしました。",
    "スタッフの方がやさしくて安心しました。",
    "平日の夜にも開いているとうれしいです。",
    "相談できる場所があると分かっただけで心強いです。",
    "また次回も来たいです。",
    "駐車場の案内がもう少し分かりやすいと助かります。",
)
COMMENTS_EN = (
    "It was lovely to talk with other mothers.",
    "Thank you, I felt welcome.",
)


@dataclass
class SurveyRows:
    responses: list[dict[str, Any]] = field(default_factory=list)
    settings: list[dict[str, Any]] = field(default_factory=list)


def build(days: DemoDays) -> SurveyRows:
    """Rows for the survey_response table and the settings that define them."""
    rng = days.random("survey")
    row = days.rows("survey").row
    events, visits, at, built_at = days.events, days.visits, days.at, days.built_at
    questionnaire = load_file(DEFAULT_FILE)
    out = SurveyRows()

    ref = questionnaire.ref
    out.settings.append(row(built_at, key=PREFIX + ref, value=canonical_json(questionnaire)))
    out.settings.append(row(built_at, key=ACTIVE, value=ref))

    active = Counter(v["event_id"] for v in visits if v["status"] == "active")
    for event in events:
        if event["kind"] != "cafe":
            continue  # online dialogues hand out no tablet
        if event["status"] == "open":
            count = min(2, active[event["id"]])  # today: the first two have answered
        else:
            count = round(active[event["id"]] * rng.uniform(*ANSWER_RATE))
        for _ in range(count):
            paper = event["status"] != "open" and rng.random() < PAPER_RATE
            lang = _language(rng.random(), questionnaire.languages)
            if paper:  # only the day is known; typed in the next morning
                answered = at(event["date"], time(0))
                created = at(event["date"] + timedelta(days=1), time(10))
            elif event["status"] == "open":
                answered = created = at(event["date"], time(11))
            else:
                first = event["starts_at"].hour + 1  # after an hour or more at the café
                hour = rng.randint(first, max(first, event["ends_at"].hour))
                answered = created = at(event["date"], time(min(hour, 23)))
            out.responses.append(
                row(
                    created,
                    event_id=event["id"],
                    questionnaire_id=questionnaire.id,
                    questionnaire_version=questionnaire.version,
                    answered_hour=answered,
                    language=lang,
                    source="paper" if paper else "kiosk",
                    answers=_answers(rng, lang, paper),
                )
            )
    return out


def _language(draw: float, offered: Any) -> str:
    """The language of one response, from one random draw in [0, 1)."""
    if draw < ENGLISH_RATE:
        return "en"
    edge = ENGLISH_RATE
    for lang, share in OTHER_LANGUAGES:
        edge += share
        if draw < edge and lang in offered:
            return lang
    return "ja"


def _answers(rng: random.Random, lang: str, paper: bool) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    if not (paper and rng.random() < 0.05):  # on paper, some leave even this blank
        answers["overall"] = pick(rng, OVERALL)
    activities = [code for code, chance in ACTIVITIES if rng.random() < chance]
    if activities:
        answers["activities"] = activities
    if rng.random() < 0.95:
        answers["come_again"] = "yes" if rng.random() < 0.96 else "no"
    if rng.random() < 0.95:
        answers["lonely"] = pick(rng, LONELY)
    if rng.random() < 0.9:
        answers["heard_from"] = pick(rng, HEARD_FROM)
    if rng.random() < 0.95:
        answers["age_band"] = pick(rng, AGE_BANDS)
    if rng.random() < 0.22:
        answers["comment"] = rng.choice(COMMENTS_JA if lang.startswith("ja") else COMMENTS_EN)
    return answers
