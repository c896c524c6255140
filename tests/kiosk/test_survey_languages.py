"""The questionnaire in eight languages: every text there, furigana that parse,
the loneliness scale kept, and results pooled with a count by language.

A woman who cannot read the questionnaire is left out of the figures that
fund the café; a text missing in one language would show her another
language's words, so every shipped text is checked in every language here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from kiosk.core import translations
from kiosk.core.errors import KioskError
from kiosk.survey import catalogue, results_csv, ruby
from kiosk.survey import responses as survey
from kiosk.survey import results as survey_results
from kiosk.survey.missing_texts import missing_texts
from kiosk.survey.questionnaire import BUILTIN_DIR, YES_NO, builtin_files, load_file, parse
from kiosk.survey.respondent_words import (
    ANSWER_PREFIX,
    PHONE_PHRASE_KEYS,
    PHRASE_KEYS,
    PHRASES_PREFIX,
    RESPONDENT_PHRASES,
    placeholders,
    respondent_catalogues,
    respondent_languages,
    shared_phrases,
)
from kiosk.survey.results import ResponseRow, summarise

LANGUAGES = {
    "ja": "日本語",
    "ja-easy": "やさしい日本語",
    "en": "English",
    "zh-Hans": "简体中文",
    "vi": "Tiếng Việt",
    "pt-BR": "Português (Brasil)",
    "fil": "Filipino",
    "ko": "한국어",
}
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]")
DEFAULT_FILE = BUILTIN_DIR / "cafe-satisfaction.json"


def raw_default() -> dict[str, Any]:
    return json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


def text_blocks(data: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """Every {lang: text} block of a file, with its place."""
    blocks = [("title", data["title"])]
    if "intro" in data:
        blocks.append(("intro", data["intro"]))
    for n, question in enumerate(data["questions"], start=1):
        blocks.append((f"questions[{n}].text", question["text"]))
        if "hint" in question:
            blocks.append((f"questions[{n}].hint", question["hint"]))
        for m, option in enumerate(question.get("options", []), start=1):
            blocks.append((f"questions[{n}].options[{m}].label", option["label"]))
    return blocks


def texts_of(lang: str) -> list[str]:
    """Every text a respondent in `lang` reads: the file's and the kiosk's own words."""
    found = [block[lang] for _, block in text_blocks(raw_default())]
    return found + list(shared_phrases()[lang].values())


# -- every text in every language -------------------------------------------------------------


def test_the_default_questionnaire_ships_in_eight_languages_each_named_in_itself():
    q = load_file(DEFAULT_FILE)
    assert dict(q.languages) == LANGUAGES
    assert list(q.languages) == list(LANGUAGES)  # the order of the language page


@pytest.mark.parametrize("path", builtin_files(), ids=lambda p: p.name)
def test_every_shipped_questionnaire_text_exists_in_every_language(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    languages = list(data["languages"])
    for place, block in text_blocks(data):
        for lang in languages:
            text = block.get(lang, "")
            assert text.strip(), f"{path.name}: {place} has no {lang}"
    assert missing_texts(data) == []
    load_file(path)  # and the check on load accepts it


def test_every_kiosk_and_phone_phrase_exists_in_every_respondent_language():
    """次へ, 戻る, 送信, the thank-you page, the countdown, and the phone page's own words
    (a refused card, the privacy line …), with the same placeholders."""
    assert set(LANGUAGES) <= set(respondent_languages())
    every_key = {**PHRASE_KEYS, **PHONE_PHRASE_KEYS}
    for lang, phrases in shared_phrases().items():
        assert set(phrases) == set(every_key), lang
        for key, wanted in every_key.items():
            assert phrases[key].strip(), (lang, key)
            assert placeholders(phrases[key]) == wanted, (lang, key)
        for code in YES_NO:
            assert respondent_catalogues()[lang][ANSWER_PREFIX + code].strip(), (lang, code)


def test_the_respondent_phrases_file_mirrors_the_staff_catalogue():
    """resources/survey_phrases.json holds the same keys as ja.json's survey.phrase.* and
    survey.answer.*, sorted as every catalogue is, and never a staff language."""
    raw = RESPONDENT_PHRASES.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    wanted = {
        key
        for key in translations.catalogue("ja")
        if key.startswith((PHRASES_PREFIX, ANSWER_PREFIX))
    }
    for lang, texts in data.items():
        assert lang not in translations.shipped_languages()
        assert set(texts) == wanted, lang


def test_the_staff_screens_stay_japanese_and_english():
    assert translations.shipped_languages() == ("ja", "en")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_language_is_its_own_words_not_a_copy(lang):
    """A forgotten copy-paste shows her Japanese or English in another language's place."""
    if lang in ("ja", "en"):
        return
    mine = texts_of(lang)
    for other in ("ja", "en"):
        theirs = texts_of(other)
        same = [a for a, b in zip(mine, theirs, strict=True) if a == b and len(a) > 4]
        # A loan word may be the same (ワークショップ, "Social media"); a copied block is not.
        assert len(same) <= 2, (lang, other, same)


# -- やさしい日本語: furigana ---------------------------------------------------------------------


def test_the_furigana_of_easy_japanese_parse_and_cover_every_kanji():
    for text in texts_of("ja-easy"):
        parts = ruby.ruby_parts(text)  # raises on a typo
        for part in parts:
            if not part.reading:
                assert not KANJI.search(part.base), f"kanji without a reading: {part.base!r}"
    # Some of it is kanji with readings, not all kana.
    assert sum(ruby.has_ruby(t) for t in texts_of("ja-easy")) >= 15


def test_lengths_are_counted_on_the_text_as_read():
    data = raw_default()
    label = data["questions"][0]["options"][0]["label"]
    label["ja-easy"] = "満足《まんぞく》" * 16  # 32 characters read, 112 written
    q = parse(data, "easy.json")
    assert q.questions[0].options[0].labels["ja-easy"].startswith("満足《まんぞく》")
    label["ja-easy"] = "満足《まんぞく》" * 40 + "あ"  # 81 read
    with pytest.raises(KioskError) as refused:
        parse(data, "easy.json")
    assert refused.value.code == "questionnaire_text_too_long"
    assert refused.value.params["at"] == "questions[1].options[1].label.ja-easy"


@pytest.mark.parametrize(
    "typo", ["孤独《こどく", "《こどく》です", "｜孤独", "孤独》です", "孤独《》"]
)
def test_a_furigana_typo_is_named_with_its_file_and_place(typo):
    data = raw_default()
    data["questions"][3]["text"]["ja-easy"] = f"あなたは {typo} ですか？"
    with pytest.raises(KioskError) as refused:
        parse(data, "easy.json")
    assert refused.value.code == "questionnaire_ruby"
    assert refused.value.params["file"] == "easy.json"
    assert refused.value.params["at"] == "questions[4].text.ja-easy"


# -- the loneliness question --------------------------------------------------------------------


def test_the_loneliness_scale_keeps_its_five_ordered_steps_in_every_language():
    q = load_file(DEFAULT_FILE)
    lonely = q.question("lonely")
    assert lonely is not None and lonely.type == "scale" and q.loneliness_question == "lonely"
    assert lonely.codes == ("often_always", "sometimes", "occasionally", "hardly_ever", "never")
    assert lonely.text("ja") == "あなたは、どの程度、孤独であると感じることがありますか？"
    assert [o.label("ja") for o in lonely.options] == [
        "しばしばある・常にある",
        "時々ある",
        "たまにある",
        "ほとんどない",
        "決してない",
    ]
    for lang in LANGUAGES:
        labels = [o.label(lang) for o in lonely.options]
        assert len(set(labels)) == 5, lang  # five different steps, none repeated


# -- results pooled across languages -----------------------------------------------------------


def test_version_2_keeps_the_questions_of_version_1_so_results_pool():
    """Version 2 added languages only: the ids, codes and rule of version 1."""
    now = load_file(DEFAULT_FILE)
    data = raw_default()
    data["version"] = 1
    data["languages"] = {"ja": "日本語", "en": "English"}
    before = parse(data, "version-1.json")
    assert [(q.id, q.type, q.codes) for q in before.questions] == [
        (q.id, q.type, q.codes) for q in now.questions
    ]
    rows = [
        ResponseRow("cafe-satisfaction/1", "kiosk", {"overall": "satisfied"}, "ja"),
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "dissatisfied"}, "vi"),
        ResponseRow("cafe-satisfaction/2", "paper", {"overall": "satisfied"}, "ja-easy"),
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "satisfied"}, "vi"),
    ]
    result = summarise(rows, {before.ref: before, now.ref: now})
    assert result.satisfaction.satisfied == 3 and result.satisfaction.answered == 4
    overall = result.question("overall")
    assert overall is not None and overall.count("satisfied") == 3
    assert [(c.code, c.count) for c in result.languages] == [("ja", 1), ("ja-easy", 1), ("vi", 2)]
    assert [c.label("ja") for c in result.languages] == ["日本語", "やさしい日本語", "ベトナム語"]


def test_a_language_added_as_data_is_counted_under_its_own_name():
    now = load_file(DEFAULT_FILE)
    rows = [ResponseRow(now.ref, "kiosk", {"overall": "satisfied"}, "ne")]
    [nepali] = summarise(rows, {now.ref: now}).languages
    assert (nepali.code, nepali.count, nepali.label("ja")) == ("ne", 1, "ne")


def test_results_and_csv_count_the_answers_by_language(ctx, event):
    questionnaire = catalogue.active(ctx)
    for lang, overall in (
        ("ko", "satisfied"),
        ("ko", "somewhat_satisfied"),
        ("pt-BR", "dissatisfied"),
    ):
        survey.submit_response(ctx, event.id, questionnaire, {"overall": overall}, lang)
    result = survey_results.results(ctx, survey_results.event_scope(event.id))
    assert [(c.code, c.count) for c in result.languages] == [("pt-BR", 1), ("ko", 2)]
    overall = result.question("overall")  # pooled: one question, whatever language
    assert overall is not None and overall.answered == 3
    data = results_csv.render(result, "ja", "本日").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    assert ["回答の言語", "ポルトガル語（ブラジル）", "1", "3", "33.3"] in rows
    assert ["回答の言語", "韓国語", "2", "3", "66.7"] in rows
    english = list(
        csv.reader(io.StringIO(results_csv.render(result, "en", "today").data.decode("utf-8-sig")))
    )
    assert ["Language answered in", "Korean", "2", "3", "66.7"] in english
