"""Furigana markup in questionnaire texts (kiosk/survey/ruby.py)."""

import pytest

from kiosk.core.errors import KioskError
from kiosk.survey.ruby import RubyPart, plain_text, ruby_html, ruby_parts


def test_kanji_before_the_reading_take_it() -> None:
    assert ruby_parts("今日は満足《まんぞく》ですか") == (
        RubyPart("今日は"),
        RubyPart("満足", "まんぞく"),
        RubyPart("ですか"),
    )


def test_a_bar_marks_a_base_that_is_not_all_kanji() -> None:
    assert ruby_parts("｜お茶《おちゃ》を|飲む《のむ》") == (
        RubyPart("お茶", "おちゃ"),
        RubyPart("を"),
        RubyPart("飲む", "のむ"),
    )


def test_iteration_mark_belongs_to_the_base() -> None:
    assert ruby_parts("時々《ときどき》")[0] == RubyPart("時々", "ときどき")


def test_plain_text_drops_readings_and_keeps_text_without_markup() -> None:
    assert plain_text("また来《き》たいですか？") == "また来たいですか？"
    assert plain_text("How was today?") == "How was today?"


def test_html_escapes_both_base_and_reading() -> None:
    assert ruby_html("<b>相談《そうだん》") == (
        "&lt;b&gt;<ruby>相談<rp>（</rp><rt>そうだん</rt><rp>）</rp></ruby>"
    )
    assert ruby_html("a<script>") == "a&lt;script&gt;"


@pytest.mark.parametrize(
    "text",
    [
        "満足《まんぞく",
        "満足《》",
        "《よみ》だけ",
        "かな《よみ》",
        "｜満足",
        "満足》",
        "｜｜満足《まんぞく》",
    ],
)
def test_a_typo_is_named_not_shown(text: str) -> None:
    with pytest.raises(KioskError) as raised:
        ruby_parts(text)
    assert raised.value.code == "ruby_markup"
