"""Every error code the application can raise has a sentence in every language.

The codes are found in the source itself (every KioskError("...") and
StorageError("...") under kiosk/, and the storage code table), so a new
code without a message fails here rather than showing a bare code at the door.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.core import transaction
from kiosk.core.error_messages import MESSAGES, describe
from kiosk.core.errors import KioskError, StorageError
from kiosk.core.translations import catalogue, shipped_languages

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
LANGUAGES = shipped_languages()
ERROR_CLASSES = {"KioskError", "StorageError"}


@dataclass(frozen=True)
class RaiseSite:
    code: str
    params: frozenset[str]
    open_params: bool  # **kwargs: the names cannot be known from the source
    where: str


def raise_sites(source: str, where: str) -> list[RaiseSite]:
    """Every KioskError/StorageError built with a literal code in `source`.

    Also the codes of the one way to cancel (kiosk/core/cancelling.py):
    find(session, Model, id, "entity") raises "entity_not_found", and
    refuse_cancelled(row, "code", **params) raises its code.
    """
    sites = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        first = node.args[0]
        last = node.args[-1]
        literal = isinstance(last, ast.Constant) and isinstance(last.value, str)
        if name == "find" and len(node.args) == 4 and literal:
            code = f"{last.value}_not_found"
            sites.append(RaiseSite(code, frozenset(), False, f"{where}:{node.lineno}"))
            continue
        if name == "refuse_cancelled" and len(node.args) == 2 and literal:
            first = last
            name = "KioskError"
        if (
            name in ERROR_CLASSES
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
        ):
            sites.append(
                RaiseSite(
                    code=first.value,
                    params=frozenset(k.arg for k in node.keywords if k.arg is not None),
                    open_params=any(k.arg is None for k in node.keywords),
                    where=f"{where}:{node.lineno}",
                )
            )
    return sites


def all_raise_sites() -> list[RaiseSite]:
    sites = []
    for path in sorted(KIOSK.rglob("*.py")):
        sites += raise_sites(path.read_text(encoding="utf-8"), path.name)
    # storage_error() builds StorageError(code) from this table, with no parameters.
    sites += [
        RaiseSite(code, frozenset(), False, "transaction._STORAGE_CODES")
        for _, code in transaction._STORAGE_CODES
    ]
    sites += [
        RaiseSite(code, frozenset(), False, "transaction._SQLSTATE_CODES")
        for code in transaction._SQLSTATE_CODES.values()
    ]
    sites.append(RaiseSite("storage_failed", frozenset(), False, "transaction.storage_error"))
    return sites


SITES = all_raise_sites()
CODES = sorted({site.code for site in SITES})


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


# --- the scanner itself ---------------------------------------------------------------


def test_the_scanner_finds_codes_however_they_are_written():
    source = """
from kiosk.core.errors import KioskError, StorageError
from kiosk import errors

def f(x):
    if x:
        raise KioskError("one_line", limit=3)
    raise errors.KioskError(
        "over_lines",
        code=x,
        time="",
    )

def g(params):
    raise StorageError("stored")
    raise KioskError("open", **params)
    raise ValueError("not_ours")

def h(session, row):
    signup = find(session, Signup, row.id, "signup")
    refuse_cancelled(row, "visit_already_cancelled", number=row.number)
"""
    found = {s.code: s for s in raise_sites(source, "synthetic.py")}
    assert set(found) == {
        "one_line",
        "over_lines",
        "stored",
        "open",
        "signup_not_found",
        "visit_already_cancelled",
    }
    assert found["visit_already_cancelled"].params == {"number"}
    assert found["one_line"].params == {"limit"}
    assert found["over_lines"].params == {"code", "time"}
    assert found["open"].open_params


def test_the_scanner_sees_the_codes_of_the_services():
    for code in ("nickname_taken", "pickup_code_unknown", "not_a_database", "disk_full"):
        assert code in CODES
    assert len(CODES) >= 40


# --- the catalogue -----------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_every_raised_code_has_a_message_in_every_language(code):
    assert code in MESSAGES, f"no message for {code!r}"
    for lang in LANGUAGES:  # the catalogue itself: text() would fall back to Japanese
        assert catalogue(lang).get(f"error.{code}", "").strip(), f"{code!r} has no {lang} message"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_language_has_the_same_placeholders(code):
    texts = MESSAGES[code]
    assert set(texts) >= set(LANGUAGES) >= {"ja", "en"}
    for lang in LANGUAGES:
        assert placeholders(texts["ja"]) == placeholders(texts[lang]), (code, lang)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_japanese_messages_are_in_japanese(code):
    assert any(
        "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in MESSAGES[code]["ja"]
    )
    assert not any("\u3040" <= ch <= "\u30ff" for ch in MESSAGES[code]["en"])


@pytest.mark.parametrize("site", [s for s in SITES if not s.open_params], ids=lambda s: s.where)
def test_every_raise_gives_what_its_message_needs(site):
    for lang in LANGUAGES:
        missing = placeholders(MESSAGES.get(site.code, {}).get(lang, "")) - site.params
        assert not missing, f"{site.where} raises {site.code!r} without {sorted(missing)}"


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.where)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_describe_fills_every_placeholder(site, lang):
    error_class = (
        StorageError if site.code in dict(transaction._STORAGE_CODES).values() else KioskError
    )
    error = error_class(site.code, **{name: "7" for name in site.params})
    text = describe(error, lang)
    assert text.strip()
    assert "{" not in text and "}" not in text, text
    assert site.code not in text  # a sentence, not the bare code


# --- describe() ---------------------------------------------------------------------------


def test_describe_fills_in_the_values():
    error = KioskError("visitor_already_checked_in", number=12)
    assert describe(error, "ja") == "この方は本日すでに受付済みです（No. 12）。"
    assert describe(error, "en") == "She is already checked in today (No. 12)."


def test_describe_is_japanese_by_default_and_for_an_unknown_language():
    error = KioskError("nothing_to_undo")
    assert describe(error) == describe(error, "ja") == describe(error, "fr")
    assert describe(error, "en") != describe(error, "ja")


def test_describe_translates_the_name_of_the_field():
    error = KioskError("name_too_long", field="venue", limit=60)
    assert describe(error, "ja") == "会場名は60文字以内にしてください。"
    assert describe(error, "en") == "Please keep the venue name to 60 characters or fewer."


def test_describe_an_unknown_code_still_says_something():
    text = describe(KioskError("brand_new_code"), "en")
    assert "brand_new_code" in text
    assert "brand_new_code" in describe(KioskError("brand_new_code"), "ja")


def test_a_storage_error_is_a_kiosk_error_with_a_code():
    error = StorageError("disk_full")
    assert isinstance(error, KioskError)
    assert (error.code, error.params, str(error)) == ("disk_full", {}, "disk_full")
    assert str(KioskError("name_empty", field="venue")) == "name_empty {'field': 'venue'}"
