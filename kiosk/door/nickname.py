"""Nicknames of regulars: validation and the search key they are found by.

A volunteer types a few characters however they come: さく, サク, ｻｸ or
saku all find さくら. Both the stored key and the typed text are reduced to
the same form: NFKC (half-width kana to full, full-width letters to ASCII),
katakana to hiragana, lower case, no spaces; typed romaji is also turned
into hiragana.
"""

from __future__ import annotations

import unicodedata

from kiosk.core import safe_text
from kiosk.core.errors import KioskError

MAX_NICKNAME = 20

_KATAKANA = range(0x30A1, 0x30F7)

_ROMAJI = {
    "kya": "きゃ",
    "kyu": "きゅ",
    "kyo": "きょ",
    "sha": "しゃ",
    "shu": "しゅ",
    "sho": "しょ",
    "sya": "しゃ",
    "syu": "しゅ",
    "syo": "しょ",
    "cha": "ちゃ",
    "chu": "ちゅ",
    "cho": "ちょ",
    "tya": "ちゃ",
    "tyu": "ちゅ",
    "tyo": "ちょ",
    "nya": "にゃ",
    "nyu": "にゅ",
    "nyo": "にょ",
    "hya": "ひゃ",
    "hyu": "ひゅ",
    "hyo": "ひょ",
    "mya": "みゃ",
    "myu": "みゅ",
    "myo": "みょ",
    "rya": "りゃ",
    "ryu": "りゅ",
    "ryo": "りょ",
    "gya": "ぎゃ",
    "gyu": "ぎゅ",
    "gyo": "ぎょ",
    "ja": "じゃ",
    "ju": "じゅ",
    "jo": "じょ",
    "jya": "じゃ",
    "jyu": "じゅ",
    "jyo": "じょ",
    "bya": "びゃ",
    "byu": "びゅ",
    "byo": "びょ",
    "pya": "ぴゃ",
    "pyu": "ぴゅ",
    "pyo": "ぴょ",
    "shi": "し",
    "chi": "ち",
    "tsu": "つ",
    "ji": "じ",
    "fu": "ふ",
    "ka": "か",
    "ki": "き",
    "ku": "く",
    "ke": "け",
    "ko": "こ",
    "sa": "さ",
    "si": "し",
    "su": "す",
    "se": "せ",
    "so": "そ",
    "ta": "た",
    "ti": "ち",
    "tu": "つ",
    "te": "て",
    "to": "と",
    "na": "な",
    "ni": "に",
    "nu": "ぬ",
    "ne": "ね",
    "no": "の",
    "ha": "は",
    "hi": "ひ",
    "hu": "ふ",
    "he": "へ",
    "ho": "ほ",
    "ma": "ま",
    "mi": "み",
    "mu": "む",
    "me": "め",
    "mo": "も",
    "ya": "や",
    "yu": "ゆ",
    "yo": "よ",
    "ra": "ら",
    "ri": "り",
    "ru": "る",
    "re": "れ",
    "ro": "ろ",
    "wa": "わ",
    "wo": "を",
    "ga": "が",
    "gi": "ぎ",
    "gu": "ぐ",
    "ge": "げ",
    "go": "ご",
    "za": "ざ",
    "zi": "じ",
    "zu": "ず",
    "ze": "ぜ",
    "zo": "ぞ",
    "da": "だ",
    "di": "ぢ",
    "du": "づ",
    "de": "で",
    "do": "ど",
    "ba": "ば",
    "bi": "び",
    "bu": "ぶ",
    "be": "べ",
    "bo": "ぼ",
    "pa": "ぱ",
    "pi": "ぴ",
    "pu": "ぷ",
    "pe": "ぺ",
    "po": "ぽ",
    "a": "あ",
    "i": "い",
    "u": "う",
    "e": "え",
    "o": "お",
}
_ROMAJI_KEYS = sorted(_ROMAJI, key=len, reverse=True)


def clean(text: str | None) -> str | None:
    """The nickname to store: None when not given, else trimmed and checked.

    What a name may hold is kiosk/safe_text's one rule: no control, format
    or invisible characters, so two regulars never look the same.
    """
    if text is None or text == "":
        return None
    value = unicodedata.normalize("NFKC", text)
    bad = safe_text.forbidden_character(value)
    if bad is not None:
        raise KioskError("nickname_invalid", char=safe_text.code_point(bad))
    value = " ".join(value.split())
    if not value:
        raise KioskError("nickname_empty")
    if len(value) > MAX_NICKNAME:
        raise KioskError("nickname_too_long", limit=MAX_NICKNAME)
    return value


def _to_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if ord(c) in _KATAKANA else c for c in text)


def romaji_to_hiragana(text: str) -> str:
    """Best-effort Hepburn/kunrei reading; what it cannot read stays as it was."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c == "n" and (nxt == "" or nxt not in "aiueoy"):
            out.append("ん")
            # "n'" and "nn" are one ん, except that in Hepburn names such as
            # "anna" (あんな) the second n begins the syllable after it.
            after = text[i + 2] if i + 2 < len(text) else ""
            doubled = nxt == "n" and (after == "" or after not in "aiueoy")
            i += 2 if nxt == "'" or doubled else 1
            continue
        if c.isalpha() and c not in "aiueon" and (c == nxt or (c == "t" and nxt == "c")):
            out.append("っ")
            i += 1
            continue
        for key in _ROMAJI_KEYS:
            if text.startswith(key, i):
                out.append(_ROMAJI[key])
                i += len(key)
                break
        else:
            out.append(c)
            i += 1
    return "".join(out)


def search_key(text: str) -> str:
    """The form two nicknames are compared and found by.

    Variation selectors and emoji joiners (allowed in a nickname) are left
    out, so さくら❤️ and さくら❤ are one nickname, not two that look alike.
    """
    value = unicodedata.normalize("NFKC", text).lower()
    value = "".join(
        c
        for c in "".join(value.split())
        if c != safe_text.ZWJ and not safe_text.is_variation_selector(c)
    )
    return _to_hiragana(value)


def search_variants(typed: str) -> list[str]:
    """Keys a typed fragment may match: as typed, and read as romaji."""
    key = search_key(typed)
    variants = [key] if key else []
    if key.isascii():
        # A fragment still being typed ("sak") is matched on the part read so far;
        # a last single n may be the start of な-ぬ-の ("han" on the way to "hana").
        reading = key[:-1] if key.endswith("n") and not key.endswith("nn") else key
        kana = romaji_to_hiragana(reading).rstrip("abcdefghijklmnopqrstuvwxyz")
        if kana and not any(c.isascii() for c in kana):
            variants.append(kana)
    return variants


def matches(typed: str, nickname: str | None) -> bool:
    """Whether `nickname` holds what was typed, read as the door's search reads it.

    The same keys as the regulars' search (kiosk/door/checkin.find_visitors):
    さく, サク, ｻｸ and saku all find さくら. Nothing typed matches everyone.
    """
    variants = search_variants(typed)
    if not variants:
        return True
    key = search_key(nickname or "")
    return any(variant in key for variant in variants)
