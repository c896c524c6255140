"""The fixed answer lists of the check-in (age bands, residence, ...).

The codes live in resources/choices.json, in the order the screens show them:
they go into the database and never change. Their labels (the official
Japanese terms, and their translations) are `choice.<group>.<code>` in
resources/locales/<lang>.json, the one catalogue that screens, CSVs and PDFs
all read, so a label is the same wherever it appears.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kiosk.core import translations
from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES

CHOICES_FILE = RESOURCES / "choices.json"
DEFAULT_LANGUAGE = translations.SOURCE_LANGUAGE


@dataclass(frozen=True)
class Choice:
    group: str
    code: str

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translations.text(f"choice.{self.group}.{self.code}", lang)


@cache
def _all() -> dict[str, tuple[Choice, ...]]:
    raw = json.loads(CHOICES_FILE.read_text(encoding="utf-8"))
    return {
        group: tuple(Choice(group, code) for code in items)
        for group, items in raw.items()
        if not group.startswith("_")
    }


def options(group: str) -> tuple[Choice, ...]:
    return _all()[group]


def codes(group: str) -> tuple[str, ...]:
    return tuple(c.code for c in options(group))


def label(group: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    for choice in options(group):
        if choice.code == code:
            return choice.label(lang)
    return code


def require(group: str, code: str | None) -> str:
    """The code itself if it belongs to the group, else a coded error."""
    if code is None or code not in codes(group):
        raise KioskError("invalid_choice", group=group, value=str(code))
    return code
