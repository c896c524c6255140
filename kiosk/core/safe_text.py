"""Text typed by people or sent by another PC: what a name may hold, and how to print the rest.

A name is read by people, on screens, in reports and on a terminal, so it
must show everything it holds. Refused: control characters (NUL, BEL, ESC,
DEL, the 8-bit CSI), format characters (bidi overrides that reorder the
text, zero-width spaces and joiners, the BOM), private-use, surrogate and
unassigned code points, and the few letters and marks that render as
nothing (Hangul fillers, the braille blank, the grapheme joiner). Otherwise
two regulars can look identical, a venue name can reverse a report line,
and a name from another PC can rewrite the coordinator's terminal.

Allowed: every script, full- and half-width kana, and emoji, including
the sequences that need an invisible helper: a zero-width joiner between two
emoji (👩‍👧), a variation selector right after a visible character (❤️, a
kanji variant). Tabs and line breaks are whitespace: a one-line field folds
them into a space, a multi-line one keeps its line breaks.

forbidden_character() is the one rule; clean_name() and clean_optional()
apply it to what a person typed in a field, with the coded errors the
screens show; shown() is the one way the command line prints text it did
not write itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kiosk.core.errors import KioskError

ZWJ = "\u200d"
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE_CONTROLS = frozenset("\t\n\r")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# Default_Ignorable_Code_Point letters and marks (Unicode DerivedCoreProperties)
# and the blank braille pattern: visible categories, invisible glyphs.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0")
# Emoji skin tones sit between an emoji and a joiner that follows it.
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)


def is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _visible_base(char: str) -> bool:
    return not (
        char.isspace()
        or unicodedata.category(char) in _REFUSED_CATEGORIES
        or char in _INVISIBLE
        or is_variation_selector(char)
    )


def _emoji_before(text: str, at: int) -> bool:
    """Whether an emoji ends just before `at` (skipping its selector and skin tone)."""
    i = at - 1
    while i >= 0 and (is_variation_selector(text[i]) or ord(text[i]) in _EMOJI_MODIFIERS):
        i -= 1
    return i >= 0 and unicodedata.category(text[i]) == "So"


def _allowed_helper(text: str, at: int) -> bool:
    """An invisible character that belongs to the visible one before it."""
    char = text[at]
    if char == ZWJ:
        following = text[at + 1] if at + 1 < len(text) else ""
        return _emoji_before(text, at) and unicodedata.category(following or " ") == "So"
    if is_variation_selector(char):
        return at > 0 and _visible_base(text[at - 1])
    return False


def _refused_at(text: str, whitespace_ok: bool) -> Iterator[int]:
    for at, char in enumerate(text):
        if char in _WHITESPACE_CONTROLS:
            if not whitespace_ok:
                yield at
            continue
        category = unicodedata.category(char)
        if category in ("Zl", "Zp"):  # line and paragraph separators
            if not whitespace_ok:
                yield at
            continue
        suspect = category in _REFUSED_CATEGORIES or char in _INVISIBLE
        if (suspect or is_variation_selector(char)) and not _allowed_helper(text, at):
            yield at


def forbidden_character(text: str) -> str | None:
    """The first character of `text` that no name may hold, or None if all are fine.

    Tabs and line breaks are not forbidden here: they are whitespace, which
    the cleaning functions fold (one-line fields) or keep (multi-line ones).
    """
    if text.isascii():  # codes, ids, most names: only the C0 controls and DEL to look for
        found = _ASCII_CONTROL.search(text)
        return found.group() if found else None
    for at in _refused_at(text, whitespace_ok=True):
        return text[at]
    return None


def code_point(char: str) -> str:
    """U+202E: how a message names a character that cannot be seen."""
    return f"U+{ord(char):04X}"


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: object) -> str:
    """`text` safe to print on a terminal: every character a name may not hold,
    and every control character (line breaks and tabs too), written as an
    escape such as \\x1b or \\u202e. Text that passed the rules prints unchanged.
    """
    value = str(text)
    refused = set(_refused_at(value, whitespace_ok=False))
    if not refused:
        return value
    return "".join(_escape(c) if i in refused else c for i, c in enumerate(value))


def _tidy(value: str, multiline: bool) -> str:
    if not multiline:
        return " ".join(value.split())
    for newline in _LINE_BREAKS:
        value = value.replace(newline, "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def check_characters(text: str, field: str) -> str:
    """`text` itself, or a coded error naming the field and the character refused."""
    bad = forbidden_character(text)
    if bad is not None:
        raise KioskError("name_bad_character", field=field, char=code_point(bad))
    return text


def clean_optional(
    value: str | None, field: str, limit: int, *, multiline: bool = False
) -> str | None:
    """What a person typed in an optional field: tidied and checked, None when blank.

    `field` names the field in the error (`field.<name>` in resources/locales/<lang>.json).
    """
    # Checked before tidying: folding whitespace would hide a separator control (\x1f).
    text = _tidy(check_characters(value or "", field), multiline)
    if not text:
        return None
    if len(text) > limit:
        raise KioskError("name_too_long", field=field, limit=limit)
    return text


def clean_name(value: str | None, field: str, limit: int, *, multiline: bool = False) -> str:
    """What a person typed in a required field: tidied and checked, never blank."""
    text = clean_optional(value, field, limit, multiline=multiline)
    if text is None:
        raise KioskError("name_empty", field=field)
    return text
