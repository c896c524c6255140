"""kiosk/'s words are complete in every language it ships, and live nowhere else.

kiosk/ translates through one catalogue per language,
resources/locales/<lang>.json (kiosk/core/translations.py); ui/ has Qt's .ts
files (tests/test_translations.py). Here:

- every key of the Japanese catalogue is in every shipped language, not empty,
  with the same {placeholders}, and no language has a key Japanese lacks;
- the files are written the one way that merges line by line;
- no module of kiosk/ keeps its own {"ja": ..., "en": ...} literal;
- every key the code asks for (text("..."), text(f"prefix.{x}"),
  texts_under("...")) is there;
- a third language is a file: copied beside the others, it is used with no
  change to the code.

Each check is a function over a folder or a source, and each is shown to fail
on a catalogue or a module made wrong on purpose.
"""

from __future__ import annotations

import ast
import json
import shutil
import string
from pathlib import Path

import pytest

from kiosk.core import choices, translations
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError

ROOT = Path(__file__).resolve().parent.parent
KIOSK = ROOT / "kiosk"
SOURCE = translations.SOURCE_LANGUAGE

# Modules allowed to hold their own {"ja", "en"} labels while they move: none now.
NOT_YET_MOVED: tuple[str, ...] = ()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def read(folder: Path, lang: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
    return data


def incomplete(folder: Path) -> list[str]:
    """Every key missing, empty, extra or with other placeholders, in any language of `folder`."""
    source = read(folder, SOURCE)
    problems = [f"{SOURCE}: {key} is empty" for key, value in source.items() if not value.strip()]
    for path in sorted(folder.glob("*.json")):
        lang = path.stem
        if lang == SOURCE:
            continue
        texts = read(folder, lang)
        problems += [f"{lang}: {key} is missing" for key in source if key not in texts]
        problems += [f"{lang}: {key} is not in {SOURCE}.json" for key in texts if key not in source]
        for key, value in texts.items():
            if key not in source:
                continue
            if not value.strip():
                problems.append(f"{lang}: {key} is empty")
            elif placeholders(value) != placeholders(source[key]):
                problems.append(f"{lang}: {key} has other {{placeholders}} than {SOURCE}")
    return problems


def canonical(texts: dict[str, str]) -> str:
    return json.dumps(texts, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def inline_translations(source: str) -> list[int]:
    """Lines of `source` with a dict literal that has both a "ja" and an "en" key."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"ja", "en"} <= keys:
                found.append(node.lineno)
    return sorted(found)


def asked_keys(source: str) -> list[tuple[str, str, int]]:
    """(kind, key or prefix, line) for every text()/texts_under() call whose key is written out,
    in the order of the source.

    kind is "key" for text("a.b"), "prefix" for text(f"a.b.{x}") (the part before
    the first {}), and "under" for texts_under("a.b").
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        # (key, lang): one argument is SQLAlchemy's text("SELECT ...")
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        first = node.args[0]
        if name == "text" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(("key", first.value, node.lineno))
        elif name == "text" and isinstance(first, ast.JoinedStr) and first.values:
            head = first.values[0]
            if isinstance(head, ast.Constant) and isinstance(head.value, str):
                found.append(("prefix", head.value, node.lineno))
        elif name == "texts_under" and isinstance(first, ast.Constant):
            found.append(("under", str(first.value), node.lineno))
    return found


def unknown_keys(source: str, keys: set[str]) -> list[str]:
    problems = []
    for kind, key, line in asked_keys(source):
        if kind == "key":
            ok = key in keys
        else:
            start = key if kind == "prefix" else key + "."
            ok = any(k.startswith(start) for k in keys)
        if not ok:
            problems.append(f"line {line}: {kind} {key!r}")
    return problems


def kiosk_modules() -> list[Path]:
    return sorted(KIOSK.rglob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- the shipped catalogues ------------------------------------------------------------


def test_japanese_and_english_ship() -> None:
    assert {"ja", "en"} <= set(translations.shipped_languages())
    assert translations.shipped_languages()[0] == SOURCE
    assert len(translations.catalogue(SOURCE)) > 400


def test_every_text_is_in_every_shipped_language_with_the_same_placeholders() -> None:
    problems = incomplete(translations.LOCALES)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", translations.shipped_languages())
def test_the_files_are_sorted_one_key_a_line(lang: str) -> None:
    path = translations.LOCALES / f"{lang}.json"
    raw = path.read_text(encoding="utf-8")
    assert raw == canonical(read(translations.LOCALES, lang)), (
        f"rewrite {path.name} with json.dumps(..., ensure_ascii=False, indent=2, "
        'sort_keys=True) + "\\n"'
    )


def test_the_completeness_check_fails_on_a_string_removed_or_changed(tmp_path: Path) -> None:
    shutil.copytree(translations.LOCALES, tmp_path, dirs_exist_ok=True)
    assert incomplete(tmp_path) == []
    en = read(tmp_path, "en")
    del en["error.nothing_to_undo"]
    en["error.name_too_long"] = "Too long."  # lost {field} and {limit}
    en["cli.backup.ok"] = " "
    en["only.in.english"] = "Stray"
    (tmp_path / "en.json").write_text(canonical(en), encoding="utf-8")
    assert sorted(incomplete(tmp_path)) == [
        "en: cli.backup.ok is empty",
        "en: error.name_too_long has other {placeholders} than ja",
        "en: error.nothing_to_undo is missing",
        "en: only.in.english is not in ja.json",
    ]


# --- the code --------------------------------------------------------------------------


def test_no_module_of_kiosk_keeps_its_own_translations() -> None:
    found = {
        relative(path): lines
        for path in kiosk_modules()
        if not relative(path).startswith(NOT_YET_MOVED)
        and (lines := inline_translations(path.read_text(encoding="utf-8")))
    }
    assert not found, f"move these into resources/locales/<lang>.json: {found}"


def test_the_inline_scan_sees_a_literal_however_it_is_written() -> None:
    source = """
LABELS = {"x": {"ja": "はい", "en": "Yes"}}
def f(lang):
    return dict(en="Yes", ja="はい")  # not a literal: not ours to find
WORDS = {
    "en": ["Question"],
    "ja": ["質問"],
    "note": "",
}
CODES = {"ja": 1}
"""
    assert inline_translations(source) == [2, 5]


def test_every_key_the_code_asks_for_is_there() -> None:
    keys = set(translations.catalogue(SOURCE))
    problems = {
        relative(path): found
        for path in kiosk_modules()
        if (found := unknown_keys(path.read_text(encoding="utf-8"), keys))
    }
    assert not problems, problems


def test_the_key_scan_finds_every_way_of_asking() -> None:
    source = """
from kiosk.core import translations
from kiosk.core.translations import text, texts_under

a = text("error.nothing_to_undo", lang)
b = translations.text(f"choice.age_band.{code}", lang, n=1)
c = texts_under("cli.sync", lang)
d = text("error.no_such_thing", lang)
e = translations.text(f"nowhere.{code}", lang)
f = texts_under("cli.nothing", lang)
"""
    keys = set(translations.catalogue(SOURCE))
    assert [(k, key) for k, key, _ in asked_keys(source)] == [
        ("key", "error.nothing_to_undo"),
        ("prefix", "choice.age_band."),
        ("under", "cli.sync"),
        ("key", "error.no_such_thing"),
        ("prefix", "nowhere."),
        ("under", "cli.nothing"),
    ]
    assert unknown_keys(source, keys) == [
        "line 8: key 'error.no_such_thing'",
        "line 9: prefix 'nowhere.'",
        "line 10: under 'cli.nothing'",
    ]


def test_a_missing_key_is_an_error_not_a_silent_japanese() -> None:
    with pytest.raises(KeyError):
        translations.text("error.no_such_thing", "en")


# --- a third language ----------------------------------------------------------------


def test_a_third_language_is_a_file_and_no_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(translations.LOCALES, tmp_path, dirs_exist_ok=True)
    en = read(tmp_path, "en")
    (tmp_path / "xx.json").write_text(
        canonical({key: f"[xx] {value}" for key, value in en.items()}), encoding="utf-8"
    )
    assert incomplete(tmp_path) == []
    monkeypatch.setattr(translations, "LOCALES", tmp_path)

    assert translations.shipped_languages() == ("ja", "en", "xx")
    assert translations.text("cli.backup.made", "xx", path="b.db") == "[xx] backed up: b.db"
    assert translations.texts_under("cli.purge.verb", "xx")["erased"] == "[xx] erased"
    error = KioskError("name_too_long", field="venue", limit=60)
    assert describe(error, "xx") == (
        "[xx] Please keep the [xx] venue name to 60 characters or fewer."
    )
    assert choices.label("age_band", "10s", "xx") == "[xx] Teens"
