"""The lists of the consultation record: channels, categories, staff roles, agencies.

The defaults ship in resources/consultation_lists.json (codes, in order) and
their labels in resources/locales/<lang>.json (`consultation.<list>.<code>`). Categories and
agencies differ from city to city, so the coordinator may add an entry,
rename one or hide one in Settings. Her changes are one Setting row per list
(`consultation_list.<name>`), laid over the shipped defaults:

    {"added": ["agency-3f2a9c01bd"],
     "labels": {"agency-3f2a9c01bd": {"ja": "社会福祉協議会"}, "parenting": {"ja": "子育て・育児"}},
     "hidden": ["other"]}

Codes are what the database stores: a shipped code never changes, and an
added entry gets a random stable code, so renaming never touches a record and
the rows of several laptops merge. Hiding only takes an entry off the screen;
its records still count. Channels and staff roles are fixed (the database
checks the channels).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from kiosk.core import safe_text, settings, translations
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import RESOURCES
from kiosk.core.transaction import audit, read, write

LISTS_FILE = RESOURCES / "consultation_lists.json"
LIST_NAMES = ("channel", "category", "staff_role", "agency")
EDITABLE = ("category", "agency")
SETTING_PREFIX = "consultation_list."
DEFAULT_LANGUAGE = "ja"
MAX_LABEL = 30  # it must fit on a button
MAX_ADDED = 40
LAST = "other"  # その他 stays at the end, after the coordinator's own entries

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ListEntry:
    code: str
    labels: Mapping[str, str]
    shipped: bool  # from resources/ (False: added by the coordinator)
    hidden: bool

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The label in `lang`; an added entry has only the language it was typed in."""
        return (
            self.labels.get(lang)
            or self.labels.get(DEFAULT_LANGUAGE)
            or next(iter(self.labels.values()), self.code)
        )


@cache
def shipped(name: str) -> tuple[ListEntry, ...]:
    """The defaults of one list, as shipped, labelled in every shipped language."""
    raw = json.loads(LISTS_FILE.read_text(encoding="utf-8"))
    return tuple(
        ListEntry(
            code=code,
            labels={
                lang: translations.text(f"consultation.{name}.{code}", lang)
                for lang in translations.shipped_languages()
            },
            shipped=True,
            hidden=False,
        )
        for code in raw[name]
    )


def _check_name(name: str, editable: bool = False) -> None:
    if name not in (EDITABLE if editable else LIST_NAMES):
        raise KioskError("list_not_editable" if editable else "list_unknown", name=name)


def setting_key(name: str) -> str:
    return SETTING_PREFIX + name


def _changes(session: Session, name: str) -> dict[str, Any]:
    """The coordinator's changes to one list; a damaged value counts as none."""
    empty: dict[str, Any] = {"added": [], "labels": {}, "hidden": []}
    if name not in EDITABLE:
        return empty
    text = settings.get_in(session, setting_key(name))
    if not text:
        return empty
    try:
        value = json.loads(text)
        added = [str(c) for c in value.get("added", [])]
        labels = {
            str(c): {str(k): str(v) for k, v in ls.items()}
            for c, ls in value.get("labels", {}).items()
        }
        hidden = [str(c) for c in value.get("hidden", [])]
    except (ValueError, AttributeError, TypeError):
        log.warning("setting %s is damaged; using the shipped list", setting_key(name))
        return empty
    return {"added": added, "labels": labels, "hidden": hidden}


def _merge(name: str, changes: Mapping[str, Any]) -> list[ListEntry]:
    labels: dict[str, dict[str, str]] = changes["labels"]
    hidden = set(changes["hidden"])
    out: list[ListEntry] = []
    for entry in shipped(name):
        out.append(
            ListEntry(
                entry.code,
                {**entry.labels, **labels.get(entry.code, {})},
                shipped=True,
                hidden=entry.code in hidden,
            )
        )
    added = [
        ListEntry(code, dict(labels.get(code) or {DEFAULT_LANGUAGE: code}), False, code in hidden)
        for code in changes["added"]
    ]
    at = next((i for i, e in enumerate(out) if e.code == LAST), len(out))
    return out[:at] + added + out[at:]


def entries_in(session: Session, name: str, include_hidden: bool = False) -> tuple[ListEntry, ...]:
    _check_name(name)
    merged = _merge(name, _changes(session, name))
    return tuple(e for e in merged if include_hidden or not e.hidden)


def entries(ctx: AppContext, name: str, include_hidden: bool = False) -> tuple[ListEntry, ...]:
    """One list in screen order: shipped, then the coordinator's, then その他."""
    with read(ctx) as session:
        return entries_in(session, name, include_hidden)


def labels(ctx: AppContext, name: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Code → label for every entry, hidden ones too (old records still show them)."""
    return {e.code: e.label(lang) for e in entries(ctx, name, include_hidden=True)}


def require_in(session: Session, name: str, code: str | None) -> str:
    """`code` itself if it is a visible entry of the list, else a coded error."""
    if code is None or code not in {e.code for e in entries_in(session, name)}:
        raise KioskError("invalid_choice", group=name, value=str(code))
    return code


def _clean_label(label: str) -> str:
    text = " ".join(safe_text.check_characters(label or "", "list_label").split())
    if not text:
        raise KioskError("list_label_empty")
    if len(text) > MAX_LABEL:
        raise KioskError("list_label_too_long", limit=MAX_LABEL)
    return text


def _check_free(merged: list[ListEntry], text: str, lang: str, other_than: str | None) -> None:
    for entry in merged:
        if entry.code != other_than and text in (entry.label(lang), entry.label()):
            raise KioskError("list_label_taken", label=text)


def encode_changes(
    added: Sequence[str], labels: Mapping[str, Mapping[str, str]], hidden: Iterable[str]
) -> str:
    """The Setting value for one list's changes (also used by the demo)."""
    value = {
        "added": list(added),
        "labels": {c: dict(ls) for c, ls in sorted(labels.items())},
        "hidden": sorted(set(hidden)),
    }
    return json.dumps(value, ensure_ascii=False)


def _save(session: Session, ctx: AppContext, name: str, changes: Mapping[str, Any]) -> None:
    value = encode_changes(changes["added"], changes["labels"], changes["hidden"])
    settings.put_in(session, ctx, setting_key(name), value)


def _find(merged: list[ListEntry], code: str) -> ListEntry:
    for entry in merged:
        if entry.code == code:
            return entry
    raise KioskError("list_entry_not_found")


def add_entry(ctx: AppContext, name: str, label: str, lang: str = DEFAULT_LANGUAGE) -> ListEntry:
    """A new category or agency with a new stable code, before その他."""
    _check_name(name, editable=True)
    text = _clean_label(label)
    with write(ctx) as session:
        changes = _changes(session, name)
        merged = _merge(name, changes)
        _check_free(merged, text, lang, None)
        if len(changes["added"]) >= MAX_ADDED:
            raise KioskError("list_too_long", limit=MAX_ADDED)
        code = f"{name}-{uuid.uuid4().hex[:10]}"
        changes["added"].append(code)
        changes["labels"][code] = {lang: text}
        _save(session, ctx, name, changes)
        audit(session, ctx, "list_entry_added", "setting", None, list=name, code=code)
        return _find(_merge(name, changes), code)


def rename_entry(
    ctx: AppContext, name: str, code: str, label: str, lang: str = DEFAULT_LANGUAGE
) -> ListEntry:
    """A new label in `lang`; the code, and so every record, stays the same."""
    _check_name(name, editable=True)
    text = _clean_label(label)
    with write(ctx) as session:
        changes = _changes(session, name)
        merged = _merge(name, changes)
        _find(merged, code)
        _check_free(merged, text, lang, code)
        changes["labels"].setdefault(code, {})[lang] = text
        _save(session, ctx, name, changes)
        audit(session, ctx, "list_entry_renamed", "setting", None, list=name, code=code)
        return _find(_merge(name, changes), code)


def set_hidden(ctx: AppContext, name: str, code: str, hidden: bool) -> ListEntry:
    """Take an entry off the screen (or bring it back); its records still count."""
    _check_name(name, editable=True)
    with write(ctx) as session:
        changes = _changes(session, name)
        merged = _merge(name, changes)
        entry = _find(merged, code)
        if entry.hidden == hidden:
            return entry
        if hidden and sum(not e.hidden for e in merged) <= 1:
            raise KioskError("list_last_visible")
        others = [c for c in changes["hidden"] if c != code]
        changes["hidden"] = [*others, code] if hidden else others
        _save(session, ctx, name, changes)
        action = "list_entry_hidden" if hidden else "list_entry_shown"
        audit(session, ctx, action, "setting", None, list=name, code=code)
        return _find(_merge(name, changes), code)
