"""Furigana in questionnaire texts: the markup Japanese editors already know.

やさしい日本語 shows a reading over its kanji. Questionnaire files are edited by
coordinators, not programmers, so the readings are written the way Japanese
web novels and 青空文庫 write them: ``漢字《かんじ》`` (the run of kanji before
《 takes the reading) or ``｜今日《きょう》`` (the bar marks where the base
starts, for bases that are not all kanji). One parser here serves every
surface: the kiosk draws the parts itself (Qt's rich text has no ruby), the
phone page writes ``<ruby>``, and reports, CSV and search use the plain text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kiosk.core.errors import KioskError
from kiosk.core.phrase_segments import phrases

BAR = "｜|"
OPEN, CLOSE = "《", "》"
# A base found without a bar: kanji, with the iteration and abbreviation marks.
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+$")


@dataclass(frozen=True)
class RubyPart:
    """A run of text, with the reading shown over it ("" for text without one)."""

    base: str
    reading: str = ""


def ruby_parts(text: str) -> tuple[RubyPart, ...]:
    """The text cut into plain runs and runs with a reading.

    Refuses (KioskError ``ruby_markup``) an unclosed 《, an empty reading, a
    reading with no base before it, and a bar with no reading after it: a typo
    in a coordinator's file is named rather than shown to a participant.
    """
    parts: list[RubyPart] = []
    plain = ""
    bar_at = -1  # where in `plain` a bar opened a base
    i = 0
    while i < len(text):
        char = text[i]
        if char in BAR:
            if bar_at >= 0:
                raise KioskError("ruby_markup", text=text)
            bar_at = len(plain)
        elif char == OPEN:
            end = text.find(CLOSE, i + 1)
            reading = text[i + 1 : end] if end > 0 else ""
            if not reading.strip() or OPEN in reading:
                raise KioskError("ruby_markup", text=text)
            if bar_at >= 0:
                base, plain = plain[bar_at:], plain[:bar_at]
            else:
                found = _KANJI.search(plain)
                base, plain = (found.group(), plain[: found.start()]) if found else ("", plain)
            if not base:
                raise KioskError("ruby_markup", text=text)
            if plain:
                parts.append(RubyPart(plain))
            parts.append(RubyPart(base, reading.strip()))
            plain, bar_at = "", -1
            i = end
        elif char == CLOSE:
            raise KioskError("ruby_markup", text=text)
        else:
            plain += char
        i += 1
    if bar_at >= 0:
        raise KioskError("ruby_markup", text=text)
    if plain:
        parts.append(RubyPart(plain))
    return tuple(parts)


def has_ruby(text: str) -> bool:
    return OPEN in text


def plain_text(text: str) -> str:
    """The text as read without readings: for reports, CSV, search and lengths."""
    if not has_ruby(text):
        return text
    return "".join(part.base for part in ruby_parts(text))


def ruby_html(text: str, lang: str = "") -> str:
    """Escaped HTML with <ruby> for the readings (<rp> for browsers without ruby).

    For Japanese and Chinese (`lang` ja…, zh…) a <wbr> marks each place between
    phrases: the page's style sheet (word-break: keep-all) breaks lines only
    there, never inside a word or a reading's base.
    """
    parts = ruby_parts(text)
    breaks = _phrase_starts(parts, lang)
    out: list[str] = []
    at = 0
    for part in parts:
        if part.reading:
            if at in breaks:
                out.append("<wbr>")
            out.append(
                f"<ruby>{html.escape(part.base)}<rp>（</rp>"
                f"<rt>{html.escape(part.reading)}</rt><rp>）</rp></ruby>"
            )
        else:
            cut = [at, *(b for b in sorted(breaks) if at < b < at + len(part.base))]
            for start, end in zip(cut, [*cut[1:], at + len(part.base)], strict=True):
                if start in breaks and start > 0:
                    out.append("<wbr>")
                out.append(html.escape(part.base[start - at : end - at]))
        at += len(part.base)
    return "".join(out)


def _phrase_starts(parts: tuple[RubyPart, ...], lang: str) -> set[int]:
    """Where, in the text as read, a phrase starts (not counting the very start)."""
    if not lang.startswith(("ja", "zh")):
        return set()
    starts: set[int] = set()
    at = 0
    for phrase in phrases("".join(part.base for part in parts), lang)[:-1]:
        at += len(phrase)
        starts.add(at)
    return starts
