"""Japanese text that wraps between phrases (文節), not inside a word.

Qt breaks Japanese between any two characters, so a wrapped label could read
「参加しま／すか？」 or leave a lone 「す。」 on its last line. BudouX (Google's
small phrase segmenter, no dictionary and no network) splits a sentence into
phrases; a zero-width space (U+200B) marks each place a line may break, and a
word joiner (U+2060) holds the characters of a phrase together. Qt's own rules
(UAX #14) already keep 」、。） off the start of a line and 「（ off its end;
the phrases keep them with their words too.

Only for texts shown in a wrapping label; a text without Japanese is returned as
it is, and `plain` gives back the words without the marks.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtWidgets import QLabel

from kiosk.core.phrase_segments import phrases as phrases_of

BREAK = "\u200b"  # a line may break here
JOIN = "\u2060"  # never break here
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80


def phrase_breaks(text: str) -> str:
    """`text` with a break allowed only between phrases (Japanese only)."""
    if not _JAPANESE.search(text):
        return text
    lines = []
    for line in plain(text).split("\n"):
        phrases = []
        for phrase in phrases_of(line) if line else []:
            glued = [phrase[0]] if phrase else []
            for before, char in pairwise(phrase):
                # Between two Japanese characters Qt would break: join them. Latin
                # words and spaces keep their own rules.
                if _wide(before) and _wide(char):
                    glued.append(JOIN)
                glued.append(char)
            phrases.append("".join(glued))
        lines.append(BREAK.join(phrases))
    return "\n".join(lines)


def plain(text: str) -> str:
    """The words a person reads: `text` without the break marks."""
    return text.replace(BREAK, "").replace(JOIN, "")


def set_phrase_text(label: QLabel, text: str) -> None:
    """A wrapping label's text, broken between phrases; a screen reader gets the plain words."""
    label.setText(phrase_breaks(text))
    label.setAccessibleName(plain(text))
