"""Questionnaire definitions: the default file, the schema check, the catalogue.

A broken file must be refused with a message that names the file and the
problem, and must never replace the questionnaire that is active.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.survey import catalogue
from kiosk.survey.questionnaire import (
    BUILTIN_DIR,
    DEFAULT_ID,
    load_file,
    parse,
    parse_text,
    to_data,
)
from kiosk.survey.respondent_words import shared_phrases

DEFAULT_FILE = BUILTIN_DIR / "cafe-satisfaction.json"


def default_data() -> dict[str, Any]:
    return json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


def refused(data: Any, code: str, source: str = "mine.json") -> KioskError:
    with pytest.raises(KioskError) as excinfo:
        parse(data, source)
    assert excinfo.value.code == code, excinfo.value
    for lang in ("ja", "en"):
        assert source in describe(excinfo.value, lang)
    return excinfo.value


# -- the default questionnaire -------------------------------------------------------------


def test_the_default_questionnaire_asks_what_the_cafes_need():
    q = load_file(DEFAULT_FILE)
    assert (q.id, q.version) == (DEFAULT_ID, 2)
    # Japanese first: the default language; then each in its own words (tests/kiosk/test_survey_languages.py)
    assert list(q.languages) == ["ja", "ja-easy", "en", "zh-Hans", "vi", "pt-BR", "fil", "ko"]
    assert [(x.id, x.type, x.required) for x in q.questions] == [
        ("overall", "single", True),
        ("activities", "multiple", False),
        ("come_again", "yes_no", False),
        ("lonely", "scale", False),
        ("heard_from", "single", False),
        ("age_band", "single", False),
        ("comment", "text", False),
    ]
    overall = q.question("overall")
    assert overall is not None
    assert [o.label("ja") for o in overall.options] == ["満足", "やや満足", "やや不満", "不満"]
    assert q.satisfied_question == "overall"
    assert q.satisfied_answers == {"satisfied", "somewhat_satisfied"}
    lonely = q.question("lonely")
    assert lonely is not None and q.loneliness_question == "lonely"
    # The five steps of the national loneliness survey, in its order.
    assert [o.label("ja") for o in lonely.options] == [
        "しばしばある・常にある",
        "時々ある",
        "たまにある",
        "ほとんどない",
        "決してない",
    ]
    comment = q.question("comment")
    assert comment is not None and comment.max_length == 400
    assert "名前" in comment.hint("ja")
    assert q.phrase("en", "progress", number=2, total=7) == "Question 2 of 7"


def test_a_definition_survives_a_round_trip():
    q = load_file(DEFAULT_FILE)
    assert parse(to_data(q), "copy") == q
    assert parse_text(json.dumps(to_data(q), ensure_ascii=False), "copy") == q


def test_another_language_needs_no_code():
    """Nepali, say: its texts, its yes / no, and the kiosk's words as a "phrases" block."""
    data = default_data()
    data["languages"]["ne"] = "नेपाली"
    for block in _text_blocks(data):
        block["ne"] = block["en"] + " (ne)"
    data["questions"][2]["options"] = [
        {"code": "yes", "label": {**{lang: "Yes" for lang in data["languages"]}, "ne": "हो"}},
        {"code": "no", "label": {**{lang: "No" for lang in data["languages"]}, "ne": "होइन"}},
    ]
    data["phrases"] = {"ne": {k: v + " (ne)" for k, v in shared_phrases()["en"].items()}}
    q = parse(data, "nepali.json")
    assert list(q.languages)[-1] == "ne"
    assert q.question("overall").text("ne").endswith("(ne)")  # type: ignore[union-attr]
    assert q.phrase("ne", "progress", number=1, total=7) == "Question 1 of 7 (ne)"


def _text_blocks(data: dict[str, Any]) -> list[dict[str, str]]:
    blocks = [data["title"], data["intro"]]
    for question in data["questions"]:
        blocks.append(question["text"])
        if "hint" in question:
            blocks.append(question["hint"])
        for option in question.get("options", []):
            blocks.append(option["label"])
    return blocks


# -- the schema check ----------------------------------------------------------------------


def test_a_file_that_is_not_json_names_the_line(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": 1,\n  "id": "x",,\n}', encoding="utf-8")
    with pytest.raises(KioskError) as excinfo:
        load_file(path)
    assert excinfo.value.code == "questionnaire_not_json"
    assert excinfo.value.params["line"] == 3
    assert describe(excinfo.value, "ja").startswith("アンケート定義 broken.json の3行目")


def test_a_file_that_is_not_text_is_refused(tmp_path: Path):
    path = tmp_path / "binary.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(KioskError) as excinfo:
        load_file(path)
    assert excinfo.value.code == "questionnaire_unreadable"
    assert "binary.json" in describe(excinfo.value, "en")


@pytest.mark.parametrize(
    ("change", "code", "at"),
    [
        (lambda d: d.pop("questions"), "questionnaire_missing", "questions"),
        (lambda d: d.update(questions=[]), "questionnaire_missing", "questions"),
        (lambda d: d.update(version=0), "questionnaire_invalid", "version"),
        (lambda d: d.update(version="2"), "questionnaire_invalid", "version"),
        (lambda d: d.update(version=10**7), "questionnaire_invalid", "version"),
        (lambda d: d["languages"].update({"en-basiceng": "English"}), "questionnaire_bad_name", "languages"),
        (lambda d: d.update(id="Café Survey"), "questionnaire_bad_name", "id"),
        (lambda d: d["questions"][1].update(type="ranking"), "questionnaire_unknown_type", "questions[2].type"),
        (lambda d: d["questions"][0]["text"].pop("en"), "questionnaire_missing_language", "questions[1].text"),
        (lambda d: d["questions"][0]["options"][1]["label"].update(ja="  "), "questionnaire_missing_language", "questions[1].options[2].label"),
        (lambda d: d["questions"][3].update(id="overall"), "questionnaire_duplicate", "questions[4].id"),
        (lambda d: d["questions"][0]["options"][1].update(code="satisfied"), "questionnaire_duplicate", "questions[1].options[2].code"),
        (lambda d: d["questions"][0].update(options=d["questions"][0]["options"][:1]), "questionnaire_too_few_options", "questions[1].options"),
        (lambda d: d["questions"][0].update(required="yes"), "questionnaire_invalid", "questions[1].required"),
        (lambda d: d["questions"][6].update(max_length=0), "questionnaire_invalid", "questions[7].max_length"),
        (lambda d: d["questions"][6].update(max_length=10**6), "questionnaire_invalid", "questions[7].max_length"),
        (lambda d: d["title"].update(ja="長" * 500), "questionnaire_text_too_long", "title.ja"),
        (lambda d: d["satisfied"].update(question="nope"), "questionnaire_bad_rule", "satisfied.question"),
        (lambda d: d["satisfied"].update(question="activities"), "questionnaire_bad_rule", "satisfied.question"),
        (lambda d: d["satisfied"].update(answers=["delighted"]), "questionnaire_bad_rule", "satisfied.answers"),
        (lambda d: d["satisfied"].update(answers=["satisfied", "somewhat_satisfied", "somewhat_dissatisfied", "dissatisfied"]), "questionnaire_bad_rule", "satisfied.answers"),
        (lambda d: d.pop("satisfied"), "questionnaire_missing", "satisfied"),
        (lambda d: d.update(loneliness="comment"), "questionnaire_bad_rule", "loneliness"),
        (lambda d: d["languages"].update(fr="Français"), "questionnaire_missing_language", "title"),
        (lambda d: d.update(phrases={"en": {"progress": "Question {n}"}}), "questionnaire_phrase_placeholders", "phrases.en.progress"),
    ],
)  # fmt: skip
def test_each_problem_is_named_with_its_place(change, code, at):
    data = default_data()
    change(data)
    error = refused(data, code)
    assert error.params.get("at") == at


def test_a_newer_format_asks_for_an_update():
    data = default_data()
    data["format"] = 2
    assert refused(data, "questionnaire_format").params["value"] == 2


def test_a_language_without_kiosk_phrases_is_refused():
    data = default_data()
    data["languages"] = {"ja": "日本語", "fr": "Français"}
    for block in _text_blocks(data):
        block["fr"] = block["en"]
    data["questions"][2]["options"] = [
        {"code": "yes", "label": {"ja": "はい", "fr": "Oui"}},
        {"code": "no", "label": {"ja": "いいえ", "fr": "Non"}},
    ]
    error = refused(data, "questionnaire_missing_phrase")
    assert error.params["at"] == "phrases.fr"


def test_a_yes_no_question_in_an_unknown_language_needs_its_labels():
    data = default_data()
    data["languages"] = {"ja": "日本語", "fr": "Français"}
    for block in _text_blocks(data):
        block["fr"] = block["en"]
    error = refused(data, "questionnaire_missing_language")
    assert error.params == {"file": "mine.json", "at": "questions[3].options", "lang": "fr"}


# -- the catalogue: files, stored versions, the active one -----------------------------------


def write_file(ctx: AppContext, name: str, data: Any) -> Path:
    assert ctx.files_dir is not None
    folder = ctx.files_dir / "questionnaires"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False))
    return path


def test_before_any_choice_the_default_is_active(ctx: AppContext):
    found = catalogue.catalogue(ctx)
    assert found.problems == ()
    assert found.active is not None and found.active.ref == "cafe-satisfaction/2"
    assert catalogue.active(ctx).ref == "cafe-satisfaction/2"


def test_a_broken_file_is_reported_and_the_last_good_one_stays_active(ctx: AppContext):
    newer = default_data()
    newer["version"] = 3
    newer["title"]["ja"] = "第2版"
    write_file(ctx, "v2.json", newer)
    catalogue.activate(ctx, "cafe-satisfaction/3")
    assert catalogue.active(ctx).title("ja") == "第2版"

    # Someone edits the file badly (and another broken file appears).
    broken = copy.deepcopy(newer)
    broken["questions"][0]["type"] = "stars"
    write_file(ctx, "v2.json", broken)
    write_file(ctx, "notes.json", "{ not json")
    found = catalogue.catalogue(ctx)
    problems = {(p.code, p.params["file"]) for p in found.problems}
    assert problems == {
        ("questionnaire_unknown_type", "v2.json"),
        ("questionnaire_not_json", "notes.json"),
    }
    # The version already in use is kept in the database and stays active.
    assert catalogue.active(ctx).title("ja") == "第2版"
    assert found.active is not None and found.active.ref == "cafe-satisfaction/3"


def test_a_used_version_changed_in_place_is_reported_and_not_used(ctx: AppContext):
    catalogue.activate(ctx, "cafe-satisfaction/2")
    changed = default_data()
    changed["title"]["ja"] = "こっそり変更"
    write_file(ctx, "changed.json", changed)
    found = catalogue.catalogue(ctx)
    assert [p.code for p in found.problems] == ["questionnaire_version_changed"]
    assert "changed.json" in describe(found.problems[0], "ja")
    assert catalogue.active(ctx).title("ja") == "本日のご感想をお聞かせください"


def test_an_edited_copy_becomes_the_next_version(ctx: AppContext):
    original = catalogue.active(ctx)
    data = to_data(original)
    data["questions"][0]["text"]["ja"] = "今日のカフェはどうでしたか？"
    data["questions"].pop(1)
    edited = catalogue.save_edited(ctx, data)
    assert (edited.id, edited.version) == (original.id, 3)
    assert catalogue.active(ctx) == edited
    again = catalogue.save_edited(ctx, to_data(edited))
    assert again.version == 4
    # Old versions are still there, unchanged.
    assert catalogue.get(ctx, "cafe-satisfaction/2") == original
    assert catalogue.get(ctx, "cafe-satisfaction/3") == edited
    refs = [e.ref for e in catalogue.catalogue(ctx).entries]
    assert refs == ["cafe-satisfaction/4", "cafe-satisfaction/3", "cafe-satisfaction/2"]


def test_an_invalid_edit_changes_nothing(ctx: AppContext, db_state):
    data = to_data(catalogue.active(ctx))
    data["questions"][0]["text"]["en"] = ""
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        catalogue.save_edited(ctx, data)
    assert excinfo.value.code == "questionnaire_missing_language"
    assert db_state() == before


def test_activating_an_unknown_version_is_refused(ctx: AppContext):
    with pytest.raises(KioskError) as excinfo:
        catalogue.activate(ctx, "cafe-satisfaction/9")
    assert excinfo.value.code == "questionnaire_not_found"
    assert settings.get(ctx, catalogue.ACTIVE) is None


# -- files no parser should choke on ------------------------------------------------------


def test_a_file_nested_thousands_deep_is_refused_not_a_crash(tmp_path: Path):
    """It used to raise RecursionError out of json.loads."""
    path = tmp_path / "deep.json"
    path.write_text('{"format": 1, "questions": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    with pytest.raises(KioskError) as excinfo:
        load_file(path)
    assert excinfo.value.code == "questionnaire_too_deep"
    assert "deep.json" in describe(excinfo.value, "ja")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "1e999", str(2**70)])
def test_a_number_no_one_can_use_has_its_own_message(literal):
    raw = DEFAULT_FILE.read_text(encoding="utf-8").replace('"version": 2', f'"version": {literal}')
    assert literal in raw
    with pytest.raises(KioskError) as excinfo:
        parse_text(raw, "nan.json")
    assert excinfo.value.code == "questionnaire_bad_number"


@pytest.mark.parametrize("char", ["\x1b", "\u202e", "\u200b", "\x00"])
def test_a_text_with_a_control_or_invisible_character_is_refused(char):
    data = default_data()
    data["questions"][0]["text"]["ja"] += char
    error = refused(data, "questionnaire_bad_character")
    assert error.params["at"] == "questions[1].text.ja"
    assert error.params["char"] == f"U+{ord(char):04X}"


def test_an_edited_text_with_an_override_changes_nothing(ctx: AppContext, db_state):
    data = to_data(catalogue.active(ctx))
    data["questions"][0]["options"][0]["label"]["ja"] = "\u202eいなえいは"
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        catalogue.save_edited(ctx, data)
    assert excinfo.value.code == "questionnaire_bad_character"
    assert db_state() == before


def test_line_breaks_stay_allowed_in_long_texts():
    data = default_data()
    data["intro"]["ja"] = "ご来場ありがとうございます。\n匿名のアンケートです。"
    assert parse(data, "mine.json").intros["ja"] == data["intro"]["ja"]


def test_a_version_saved_before_the_rule_keeps_its_results(ctx: AppContext):
    """A zero-width space pasted into a question before the character rule came in:
    the stored version still reads, so the answers given to it still count."""
    data = to_data(parse(default_data(), "cafe-satisfaction.json"))
    data["version"] = 7
    data["questions"][0]["text"]["ja"] += "\u200b"
    settings.put(
        ctx, catalogue.PREFIX + "cafe-satisfaction/7", json.dumps(data, ensure_ascii=False)
    )
    stored = catalogue.get(ctx, "cafe-satisfaction/7")
    assert stored.questions[0].text("ja").endswith("\u200b")
    assert not catalogue.catalogue(ctx).problems
