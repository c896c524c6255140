"""Every sentence and label `kiosk/` gives a person, in every language it ships.

`ui/` translates with Qt (`tr()` and the `.ts` files); `kiosk/` runs without
Qt (the CLI, the CSV and PDF makers), so it reads one catalogue file per
language: `resources/locales/<lang>.json`, a flat map from a dotted key
(`error.venue_ambiguous`, `figure.visits`, `audit.checked_in`) to a text with
`{placeholders}`. Adding a language adds a file and touches no Python; a test
fails on any key missing in any shipped language, or with other placeholders.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import cache

from kiosk.core.paths import RESOURCES

LOCALES = RESOURCES / "locales"
SOURCE_LANGUAGE = "ja"  # the language every key is written in first
log = logging.getLogger(__name__)


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The texts of one language; empty for a language that does not ship."""
    path = LOCALES / f"{lang}.json"
    if not path.is_file():
        return {}
    texts: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return texts


def shipped_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LOCALES.glob("*.json")))


def has_text(key: str) -> bool:
    return key in catalogue(SOURCE_LANGUAGE)


def text(key: str, lang: str, /, **params: object) -> str:
    """The text for `key` in `lang`, its {placeholders} filled from `params`.

    A key missing in `lang` falls back to Japanese and is logged (the key, never
    the values); the completeness test keeps that from reaching a release.
    """
    template = catalogue(lang).get(key)
    if template is None:
        template = catalogue(SOURCE_LANGUAGE).get(key)
        if template is None:
            raise KeyError(f"no text for {key!r}")
        log.warning("text %s missing in %s", key, lang)
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        log.warning("text %s in %s has other placeholders", key, lang)
        return template


def texts_under(prefix: str, lang: str) -> dict[str, str]:
    """Every text whose key starts with `prefix.`, keyed by the rest of the key."""
    start = prefix + "."
    source = catalogue(SOURCE_LANGUAGE)
    return {key[len(start) :]: text(key, lang) for key in source if key.startswith(start)}
