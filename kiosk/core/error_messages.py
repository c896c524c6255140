"""What each error code says to a person, in the user's language.

The sentences are `error.<code>` in the language catalogues
(resources/locales/<lang>.json, read by kiosk/core/translations.py), and the
names put in a {field} placeholder are `field.<name>`. One catalogue for the
screens and the CLI alike (the CLI has no Qt, so it cannot use Qt's
translations). A test checks that every code a service raises is there in
every shipped language, with the same {placeholders}.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.core import translations
from kiosk.core.errors import KioskError
from kiosk.core.translations import has_text, shipped_languages, text, texts_under


def _by_code(prefix: str) -> dict[str, Mapping[str, str]]:
    """code → language → text, for the tests and screens that compare a whole sentence."""
    codes = texts_under(prefix, translations.SOURCE_LANGUAGE)
    return {
        code: {lang: text(f"{prefix}.{code}", lang) for lang in shipped_languages()}
        for code in codes
    }


# Field names used in {field} placeholders, and code → language → sentence.
FIELDS = _by_code("field")
MESSAGES = _by_code("error")


def describe(error: KioskError, lang: str = "ja") -> str:
    """The sentence for a coded error, in `lang`."""
    params = dict(error.params)
    if "field" in params and has_text(f"field.{params['field']}"):
        params["field"] = text(f"field.{params['field']}", lang)
    if not has_text(f"error.{error.code}"):  # the test on raised codes keeps this rare
        return text("error.unknown", lang, code=error.code)
    return text(f"error.{error.code}", lang, **params)
