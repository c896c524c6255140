"""What a questionnaire draft still lacks, language by language.

The check on load refuses the first missing text with its place; the editor
in Settings lists them all at once (「简体中文：質問2、質問2の回答1」), so a
coordinator adding a question or a language sees everything it still needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.survey.respondent_words import PHRASE_KEYS, shared_phrases


@dataclass(frozen=True)
class MissingText:
    """One text a draft lacks in one of its languages (the editor lists them)."""

    lang: str
    part: str  # "title", "intro", "text", "hint", "label" or "phrases" (the kiosk's words)
    question: int | None = None  # counted from 1
    option: int | None = None  # counted from 1


def missing_texts(data: Mapping[str, Any]) -> list[MissingText]:
    """Which texts a draft (as a file holds it) lacks, in which of its languages.

    The check on load refuses the first one with its place; the editor shows
    them all at once, so a coordinator adding a question sees every language
    it still needs. An optional block (intro, a note) is missing only where
    another language has it.
    """
    languages = list(data.get("languages") or {})
    found: list[MissingText] = []

    def block(value: Any, part: str, *where: int, optional: bool = False) -> None:
        texts = value if isinstance(value, Mapping) else {}
        if optional and not any(isinstance(t, str) and t.strip() for t in texts.values()):
            return
        for lang in languages:
            text = texts.get(lang)
            if not isinstance(text, str) or not text.strip():
                found.append(MissingText(lang, part, *where))

    block(data.get("title"), "title")
    block(data.get("intro"), "intro", optional=True)
    for number, question in enumerate(data.get("questions") or [], start=1):
        block(question.get("text"), "text", number)
        block(question.get("hint"), "hint", number, optional=True)
        for option_number, option in enumerate(question.get("options") or [], start=1):
            block(option.get("label"), "label", number, option_number)
    shipped = shared_phrases()
    own = data.get("phrases") or {}
    for lang in languages:
        have = {**shipped.get(lang, {}), **(own.get(lang) or {})}
        if any(key not in have for key in PHRASE_KEYS):
            found.append(MissingText(lang, "phrases"))
    return found
