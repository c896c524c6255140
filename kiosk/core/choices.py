"""The fixed answer lists of the check-in (age bands, residence, ...).

They live in resources/choices.json as data: codes go into the database and
never change; labels are the official Japanese terms that screens, CSVs and
PDFs all show, so the same file serves the GUI and the exports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES

CHOICES_FILE = RESOURCES / "choices.json"
DEFAULT_LANGUAGE = "ja"


@dataclass(frozen=True)
class Choice:
    code: str
    labels: dict[str, str]

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.labels.get(lang) or self.labels[DEFAULT_LANGUAGE]


@cache
def _all() -> dict[str, tuple[Choice, ...]]:
    raw = json.loads(CHOICES_FILE.read_text(encoding="utf-8"))
    return {
        group: tuple(
            Choice(item["code"], {k: v for k, v in item.items() if k != "code"}) for item in items
        )
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
