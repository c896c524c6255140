"""What each error code says to a person, in Japanese and English.

One catalogue for the screens and the CLI alike (the CLI has no Qt, so it
cannot use Qt's translations), kept as data in resources/error_messages.json
so a language can be added without code. A test checks that every code a
service raises is there in every language, with the same {placeholders}.
"""

from __future__ import annotations

import json

from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES

CATALOGUE = RESOURCES / "error_messages.json"


def _load() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return data["fields"], data["messages"]


# Field names used in {field} placeholders, and code → language → sentence.
FIELDS, MESSAGES = _load()


def describe(error: KioskError, lang: str = "ja") -> str:
    """The sentence for a coded error, in `lang` (Japanese if unknown)."""
    texts = MESSAGES.get(error.code)
    if texts is None:
        texts = {
            "ja": f"エラーが発生しました（{error.code}）。",
            "en": f"Something went wrong ({error.code}).",
        }
    template = texts.get(lang) or texts["ja"]
    params = dict(error.params)
    if "field" in params:
        params["field"] = FIELDS.get(params["field"], {}).get(lang, params["field"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
