"""The phone page's HTML: self-contained, ruby for readings, every language's own words."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kiosk.survey import catalogue
from kiosk.survey.phone import codes, pages
from kiosk.survey.questionnaire import parse, to_data
from kiosk.survey.respondent_words import PHRASE_KEYS
from tests.phone_helpers import GENEROUS, Phone, phone_app, text


@pytest.fixture
def questionnaire(ctx):
    return catalogue.active(ctx)


def test_every_page_is_served_by_the_app_itself(ctx, event):
    phone = Phone(phone_app(ctx, event, GENEROUS))
    [card] = codes.make_codes(ctx, 1)
    for path in ("/", f"/c/{card}", f"/c/{card}?lang=en", f"/c/{card}?lang=ja", "/done?lang=en"):
        page = text(phone.get(path))
        assert "<script" not in page  # a plain form: works with JavaScript off
        assert not re.search(r'(src|href|action)="(https?:)?//', page)  # nothing from elsewhere
        assert 'href="/static/phone.css"' in page
    assert "@import" not in pages.STYLE and "url(" not in pages.STYLE


def test_readings_are_shown_as_ruby_and_nothing_is_markup(questionnaire):
    data = to_data(questionnaire)
    data["version"] = questionnaire.version + 1
    data["questions"][0]["text"]["ja"] = "今日《きょう》の<b>カフェ</b>は？"
    edited = parse(data, "test.json")
    page = pages.form_page(edited, "ja", "/c/X", {"lang": "ja"}).replace("<wbr>", "")
    assert (
        "<ruby>今日<rp>（</rp><rt>きょう</rt><rp>）</rp></ruby>の&lt;b&gt;カフェ&lt;/b&gt;は？"
        in page
    )


def test_a_language_without_the_phone_words_falls_back_to_english(questionnaire):
    kiosk_only = {key: questionnaire.phrases["en"][key] for key in PHRASE_KEYS}
    other = replace(
        questionnaire,
        languages={**questionnaire.languages, "xx": "Xx"},
        phrases={**questionnaire.phrases, "xx": kiosk_only},
    )
    assert pages.phrase(other, "xx", "phone_code_refused") == pages.phrase(
        questionnaire, "en", "phone_code_refused"
    )
    assert pages.phrase(other, "ja", "phone_code_refused").startswith("このコードは使えません")


def test_the_phones_own_language_is_chosen_first(ctx, event):
    phone = Phone(phone_app(ctx, event, GENEROUS))
    english = phone.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert 'lang="en"' in text(english) and "Type the code on your card" in text(english)
    other = phone.get("/", headers={"Accept-Language": "fr-FR"})
    assert "カードに書かれたコード" in text(other)  # the questionnaire's first language


def test_japanese_breaks_only_between_phrases(questionnaire):
    """No 「参加しま／すか？」 and no lone 「す。」 on a phone: a <wbr> between phrases,
    and the style sheet breaks Japanese nowhere else (keep-all, strict 禁則)."""
    page = pages.form_page(questionnaire, "ja", "/c/X", {"lang": "ja"})
    assert "で<wbr>終わります。" in page  # 「1〜2分で終わります。」: never 「終わりま／す。」
    assert "終わり<wbr>" not in page and "ます<wbr>。" not in page
    easy = pages.form_page(questionnaire, "ja-easy", "/c/X", {"lang": "ja-easy"})
    assert "<ruby>" in easy and "<rt><wbr>" not in easy  # never inside a reading
    assert "word-break: keep-all" in pages.STYLE and "line-break: strict" in pages.STYLE
    english = pages.form_page(questionnaire, "en", "/c/X", {"lang": "en"})
    assert "<wbr>" not in english.split("</nav>", 1)[1]  # after the languages' own names


def test_the_first_page_names_each_language_in_itself(ctx, event):
    phone = Phone(phone_app(ctx, event, GENEROUS))
    [card] = codes.make_codes(ctx, 1)
    first = text(phone.get(f"/c/{card}"))
    for code, name in catalogue.active(ctx).languages.items():
        assert f'lang="{code}"' in first and name in first, code


def test_the_phone_page_takes_an_answer_in_every_language_of_the_questionnaire(ctx, event):
    """Eight cards, eight languages: each form opens in its language, each answer is
    stored with it, and the results count one answer per language."""
    from kiosk.survey import results as survey_results

    questionnaire = catalogue.active(ctx)
    assert len(questionnaire.languages) == 8
    phone = Phone(phone_app(ctx, event, GENEROUS))
    cards = codes.make_codes(ctx, len(questionnaire.languages))
    for lang, card in zip(questionnaire.languages, cards, strict=True):
        form = text(phone.get(f"/c/{card}?lang={lang}"))
        assert f'<html lang="{lang}"' in form
        assert pages.phrase(questionnaire, lang, "send") in form  # her own words
        done = phone.answer(card, lang)
        assert done.status_code in (200, 303), text(done)[:300]
    result = survey_results.results(ctx, survey_results.event_scope(event.id))
    assert sorted((c.code, c.count) for c in result.languages) == sorted(
        (lang, 1) for lang in questionnaire.languages
    )
