"""Every sentence and label `kiosk/` gives a person, in every language it ships.

`ui/` translates with Qt (`tr()` and the `.ts` files); `kiosk/` runs without
Qt (the CLI, the CSV and PDF makers), so it reads one catalogue file per
language: `resources/locales/<lang>.json`, a flat map from a dotted key
(`error.venue_ambiguous`, `figure.visits`, `audit.checked_in`) to a text with
`{placeholders}`. Adding a language adds a file and touches no Python; a test
fails on any key missing in any shipped language, or with other placeholders
(tests/test_locales.py). Write the files sorted by key, two spaces, one key a
line (json.dumps(..., ensure_ascii=False, indent=2, sort_keys=True) + "\n"), so
two branches that add keys merge line by line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from kiosk.core.paths import RESOURCES

LOCALES = RESOURCES / "locales"
SOURCE_LANGUAGE = "ja"  # the language every key is written in first
log = logging.getLogger(__name__)


def catalogue(lang: str) -> Mapping[str, str]:
    """The texts of one language; empty for a language that does not ship."""
    return _read(LOCALES, lang)


@cache
def _read(folder: Path, lang: str) -> Mapping[str, str]:
    # Keyed by the folder too, so a test can point LOCALES elsewhere.
    path = folder / f"{lang}.json"
    if not path.is_file():
        return {}
    texts = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(texts, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in texts.items()
    ):
        raise ValueError(f"{path.name}: not a flat map of key to text")
    return texts


def shipped_languages() -> tuple[str, ...]:
    """Every language with a catalogue file: the source language first, then by code."""
    found = sorted(p.stem for p in LOCALES.glob("*.json"))
    return tuple(sorted(found, key=lambda lang: lang != SOURCE_LANGUAGE))


def has_text(key: str) -> bool:
    return key in catalogue(SOURCE_LANGUAGE)


def text(key: str, lang: str, /, **params: object) -> str:
    """The text for `key` in `lang`, its {placeholders} filled from `params`.

    `key` and `lang` are positional, so a parameter may itself be called `lang`
    or `key` (an error about a questionnaire's language has one).

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
