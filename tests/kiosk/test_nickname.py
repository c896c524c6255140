"""Nicknames: what is stored, and how any way of typing finds her."""

from __future__ import annotations

import pytest

from kiosk.core.errors import KioskError
from kiosk.door import nickname


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (None, None),
        ("", None),
        ("さくら", "さくら"),
        ("  さくら  ", "さくら"),
        ("さ  くら", "さ くら"),
        ("ｻｸﾗ", "サクラ"),  # half-width kana become full-width
        ("ｓａｋｕｒａ", "sakura"),  # full-width letters become ASCII
        ("ﾊﾟﾝﾀﾞ", "パンダ"),  # half-width voiced marks join their kana
    ],
)
def test_clean_stores_a_tidy_nickname(typed, stored):
    assert nickname.clean(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        (" ", "nickname_empty"),
        ("\u3000\u3000", "nickname_empty"),
        ("\t\n", "nickname_empty"),
        ("さく\x00ら", "nickname_invalid"),
        ("さく\x7fら", "nickname_invalid"),
        ("あ" * (nickname.MAX_NICKNAME + 1), "nickname_too_long"),
        ("ｱ" * (nickname.MAX_NICKNAME + 1), "nickname_too_long"),
    ],
)
def test_clean_refuses_bad_nicknames(typed, code):
    with pytest.raises(KioskError) as excinfo:
        nickname.clean(typed)
    assert excinfo.value.code == code


def test_the_limit_counts_characters_after_tidying():
    assert nickname.clean("あ" * nickname.MAX_NICKNAME) == "あ" * nickname.MAX_NICKNAME
    assert nickname.clean(" " + "あ" * nickname.MAX_NICKNAME + " ") == "あ" * nickname.MAX_NICKNAME
    with pytest.raises(KioskError) as excinfo:
        nickname.clean("あ" * (nickname.MAX_NICKNAME + 1))
    assert excinfo.value.params == {"limit": nickname.MAX_NICKNAME}


@pytest.mark.parametrize("spelling", ["さくら", "サクラ", "ｻｸﾗ", "さ く ら", "サ　クラ"])
def test_every_kana_spelling_has_the_same_search_key(spelling):
    assert nickname.search_key(spelling) == "さくら"


def test_search_key_lowers_and_narrows_letters():
    assert nickname.search_key("Ｍｉｋｉ Ｂ") == "mikib"


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("sakura", "さくら"),
        ("shinobu", "しのぶ"),
        ("chihiro", "ちひろ"),
        ("tsubaki", "つばき"),
        ("kenta", "けんた"),
        ("minna", "みんな"),
        ("jun", "じゅん"),
        ("kyouko", "きょうこ"),
        ("satchan", "さっちゃん"),
        ("yukko", "ゆっこ"),
        ("shin'ya", "しんや"),
        ("fuji", "ふじ"),
        ("ryoko", "りょこ"),
    ],
)
def test_romaji_is_read_as_hiragana(romaji, kana):
    assert nickname.romaji_to_hiragana(romaji) == kana


def test_what_is_not_romaji_stays_as_it_was():
    assert nickname.romaji_to_hiragana("x9") == "x9"


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("saku", "さくら"),
        ("sak", "さくら"),
        ("kura", "さくら"),
        ("SAKU", "さくら"),
        ("サク", "さくら"),
        ("ｻｸ", "さくら"),
        ("hana", "はなこ"),
        ("han", "はなこ"),  # still typing "hana": the n may begin な
        ("kenn", "けんた"),
        ("ken", "けんた"),
        ("mik", "mika"),  # a nickname stored in letters is found by letters
    ],
)
def test_a_fragment_matches_the_key_of_the_nickname(typed, target):
    key = nickname.search_key(target)
    assert any(v in key for v in nickname.search_variants(typed)), nickname.search_variants(typed)


@pytest.mark.parametrize(
    ("typed", "target"),
    [("saku", "さかな"), ("hana", "はんな"), ("mo", "さくら"), ("kenn", "けいこ")],
)
def test_a_fragment_does_not_match_a_different_nickname(typed, target):
    key = nickname.search_key(target)
    assert not any(v in key for v in nickname.search_variants(typed))


def test_nothing_typed_gives_no_variants():
    assert nickname.search_variants("") == []
    assert nickname.search_variants(" \u3000") == []


@pytest.mark.parametrize(
    ("romaji", "kana"),
    [
        ("anna", "あんな"),  # Hepburn: the second n begins な
        ("annna", "あんな"),  # as typed on a Japanese keyboard
        ("konnichiha", "こんにちは"),
        ("shinnyuu", "しんにゅう"),
        ("kenn", "けん"),
        ("kan'i", "かんい"),
    ],
)
def test_a_doubled_n_is_read_as_a_keyboard_or_hepburn_would(romaji, kana):
    assert nickname.romaji_to_hiragana(romaji) == kana
