"""The kiosk's and the phone page's own words (次へ, 戻る, 送信, the thank-you page …)
in every language a respondent may read.

A questionnaire file brings its questions; these words come with the app: the
staff languages' catalogues (resources/locales/<lang>.json, survey.phrase.* and
survey.answer.*) and, for languages only respondents read,
resources/survey_phrases.json. A file may add a language's words itself
("phrases"), so a new language stays data.
"""

from __future__ import annotations

import json
import string
from functools import cache

from kiosk.core import translations
from kiosk.core.paths import RESOURCES

PHRASES_PREFIX = "survey.phrase."  # resources/locales/<lang>.json, resources/survey_phrases.json
ANSWER_PREFIX = "survey.answer."  # the built-in yes / no labels, in the same files
RESPONDENT_PHRASES = RESOURCES / "survey_phrases.json"  # {lang: {key: text}}

# Every key, with the placeholders its text must keep.
PHRASE_KEYS: dict[str, frozenset[str]] = {
    "start": frozenset(),
    "progress": frozenset({"number", "total"}),
    "choose_one": frozenset(),
    "choose_any": frozenset(),
    "choose_step": frozenset(),
    "write": frozenset(),
    "optional": frozenset(),
    "required": frozenset(),
    "too_long": frozenset({"limit", "count"}),
    "counter": frozenset({"count", "limit"}),
    "back": frozenset(),
    "next": frozenset(),
    "send": frozenset(),
    "thanks": frozenset(),
    "thanks_detail": frozenset(),
    "done": frozenset(),
    "idle": frozenset(),
    "idle_detail": frozenset({"seconds"}),
    "idle_continue": frozenset(),
    "save_failed": frozenset(),
}
# The phone page's own words (kiosk/survey/phone/): a file may give them for its
# languages; one that does not shows them in English (kiosk/survey/phone/pages.py).
PHONE_PHRASE_KEYS: dict[str, frozenset[str]] = {
    "phone_bad_request": frozenset(),
    "phone_closed": frozenset(),
    "phone_code_button": frozenset(),
    "phone_code_prompt": frozenset(),
    "phone_code_refused": frozenset(),
    "phone_empty": frozenset(),
    "phone_languages": frozenset(),
    "phone_not_found": frozenset(),
    "phone_privacy": frozenset(),
    "phone_scan": frozenset(),
    "phone_thanks_detail": frozenset(),
    "phone_too_large": frozenset(),
    "phone_too_many": frozenset(),
}


# The line under a question that says how to answer it, by the question's type.
HOW_TO_ANSWER = {
    "single": "choose_one",
    "yes_no": "choose_one",
    "scale": "choose_step",
    "multiple": "choose_any",
    "text": "write",
}


@cache
def respondent_catalogues() -> dict[str, dict[str, str]]:
    """The kiosk's words (survey.phrase.*, survey.answer.*) of every language a
    respondent may read: the staff languages' catalogues, then the languages of
    resources/survey_phrases.json. A staff language keeps its own catalogue."""
    found: dict[str, dict[str, str]] = {}
    for lang in translations.shipped_languages():
        found[lang] = {
            key: value
            for key, value in translations.catalogue(lang).items()
            if key.startswith((PHRASES_PREFIX, ANSWER_PREFIX))
        }
    extra = json.loads(RESPONDENT_PHRASES.read_text(encoding="utf-8"))
    for lang, texts in extra.items():
        found.setdefault(lang, dict(texts))
    return found


def shared_phrases() -> dict[str, dict[str, str]]:
    """The kiosk's words in every shipped respondent language, keyed without the prefix
    (no fallback: a phrase a language lacks is refused by the questionnaire check)."""
    start = len(PHRASES_PREFIX)
    return {
        lang: {key[start:]: value for key, value in texts.items() if key.startswith(PHRASES_PREFIX)}
        for lang, texts in respondent_catalogues().items()
    }


def respondent_languages() -> tuple[str, ...]:
    """Every language whose kiosk words ship (a questionnaire may add more with "phrases")."""
    return tuple(respondent_catalogues())


def placeholders(text: str) -> frozenset[str]:
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
    except ValueError:  # an unmatched brace
        return frozenset({"{"})
