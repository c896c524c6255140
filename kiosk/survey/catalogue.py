"""Which questionnaires exist, which one is active, and edited copies.

Two sources:

- **Files**: the built-in ones in resources/questionnaires/ and any a
  coordinator drops into the data folder's `questionnaires/`. Each is checked
  on load; a broken file is reported (file and problem) and skipped.
- **The database**: every version that was ever used is kept there as a
  Setting row (`questionnaire/<id>/<version>` -> its JSON). Edited copies live
  only there. Being in the database, a definition travels with the responses
  when the data of several venues are merged, so results can always be
  computed, and a file that later breaks cannot take the active
  questionnaire with it: the last good one stays active.

A version is stored by a staff action, never by a respondent: activating or
editing one, or opening the questionnaire (the Questionnaire screen, the
kiosk, the paper form all ask `active()`, which stores what it returns). A
response only checks that its version is there: a setting row written at
her Send would carry its exact time.

A stored version never changes. Editing makes the next version number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting
from kiosk.core import settings
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import audit, read, write
from kiosk.survey.questionnaire import (
    DEFAULT_ID,
    Questionnaire,
    builtin_files,
    canonical_json,
    load_file,
    parse,
    parse_text,
)

ACTIVE = "survey_active"  # "<id>/<version>"
PREFIX = "questionnaire/"
FOLDER_NAME = "questionnaires"
EDITED = "edited copy"  # the "file" named in a message about an edited copy


@dataclass(frozen=True)
class Entry:
    questionnaire: Questionnaire
    origin: str  # "builtin", "folder" (data folder file) or "stored" (database only)
    file: str | None
    active: bool

    @property
    def ref(self) -> str:
        return self.questionnaire.ref


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]  # by id, newest version first
    problems: tuple[KioskError, ...]  # broken files, each naming the file

    @property
    def active(self) -> Entry | None:
        return next((e for e in self.entries if e.active), None)


def user_folder(ctx: AppContext) -> Path | None:
    return ctx.files_dir / FOLDER_NAME if ctx.files_dir else None


def _key(ref: str) -> str:
    return PREFIX + ref


def _files(ctx: AppContext) -> tuple[list[tuple[Questionnaire, str, str]], list[KioskError]]:
    found: list[tuple[Questionnaire, str, str]] = []
    problems: list[KioskError] = []
    paths = [(p, "builtin") for p in builtin_files()]
    folder = user_folder(ctx)
    if folder is not None and folder.is_dir():
        paths += [(p, "folder") for p in sorted(folder.glob("*.json"))]
    for path, origin in paths:
        try:
            found.append((load_file(path), origin, path.name))
        except KioskError as exc:
            problems.append(exc)
    return found, problems


def _stored(session: Session) -> tuple[dict[str, Questionnaire], list[KioskError]]:
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX, autoescape=True))
    ).all()
    stored: dict[str, Questionnaire] = {}
    problems: list[KioskError] = []
    for key, value in rows:
        ref = key[len(PREFIX) :]
        try:
            stored[ref] = parse_text(value, ref, stored=True)
        except KioskError as exc:
            problems.append(exc)
    return stored, problems


def catalogue(ctx: AppContext) -> Catalogue:
    files, problems = _files(ctx)
    with read(ctx) as session:
        stored, stored_problems = _stored(session)
        active_ref = settings.get_in(session, ACTIVE)
    problems += stored_problems
    entries: dict[str, Entry] = {}
    for ref, questionnaire in stored.items():
        entries[ref] = Entry(questionnaire, "stored", None, False)
    for questionnaire, origin, name in files:
        ref = questionnaire.ref
        if ref in stored:
            if canonical_json(stored[ref]) != canonical_json(questionnaire):
                problems.append(
                    KioskError(
                        "questionnaire_version_changed",
                        file=name,
                        id=questionnaire.id,
                        version=questionnaire.version,
                    )
                )
            entries[ref] = Entry(stored[ref], origin, name, False)
        elif ref in entries:
            problems.append(
                KioskError("questionnaire_duplicate", file=name, at="id/version", value=ref)
            )
        else:
            entries[ref] = Entry(questionnaire, origin, name, False)
    if active_ref not in entries:
        active_ref = _default_ref(entries)
    ordered = sorted(
        entries.values(),
        key=lambda e: (
            e.questionnaire.id != DEFAULT_ID,
            e.questionnaire.id,
            -e.questionnaire.version,
        ),
    )
    return Catalogue(
        tuple(Entry(e.questionnaire, e.origin, e.file, e.ref == active_ref) for e in ordered),
        tuple(problems),
    )


def _default_ref(entries: dict[str, Entry]) -> str | None:
    defaults = [e for e in entries.values() if e.questionnaire.id == DEFAULT_ID]
    pool = defaults or list(entries.values())
    if not pool:
        return None
    return max(pool, key=lambda e: (e.origin != "stored", e.questionnaire.version)).ref


def active(ctx: AppContext) -> Questionnaire:
    """The questionnaire the kiosk shows now, its definition stored.

    The stored active one; before any was chosen, the newest built-in
    default. Files that fail to load never replace it. Staff call this when
    they open the questionnaire, so on a fresh install the default's
    definition is stored then, before any response.
    """
    with read(ctx) as session:
        ref = settings.get_in(session, ACTIVE)
        value = settings.get_in(session, _key(ref)) if ref else None
    if value is not None and ref is not None:
        try:
            return parse_text(value, ref, stored=True)
        except KioskError:
            pass  # a damaged row: fall back to the catalogue below
    found = catalogue(ctx)
    if found.active is None:
        raise found.problems[0] if found.problems else KioskError("questionnaire_none")
    questionnaire = found.active.questionnaire
    with read(ctx) as session:
        stored = is_stored(session, questionnaire)
    if not stored:
        with write(ctx) as session:
            register_in(session, ctx, questionnaire)
    return questionnaire


def get(ctx: AppContext, ref: str) -> Questionnaire:
    for entry in catalogue(ctx).entries:
        if entry.ref == ref:
            return entry.questionnaire
    raise KioskError("questionnaire_not_found", ref=ref)


def is_stored(session: Session, questionnaire: Questionnaire) -> bool:
    """Whether this version's definition is in the database (results need it)."""
    return settings.get_in(session, _key(questionnaire.ref)) is not None


def register_in(session: Session, ctx: AppContext, questionnaire: Questionnaire) -> None:
    """Keep this version in the database (once; a stored version never changes)."""
    key = _key(questionnaire.ref)
    if settings.get_in(session, key) is None:
        settings.put_in(session, ctx, key, canonical_json(questionnaire))


def stored_definitions(session: Session) -> dict[str, Questionnaire]:
    """Every version kept in the database, by ref (for results)."""
    return _stored(session)[0]


def activate(ctx: AppContext, ref: str) -> Questionnaire:
    questionnaire = get(ctx, ref)
    with write(ctx) as session:
        register_in(session, ctx, questionnaire)
        settings.put_in(session, ctx, ACTIVE, questionnaire.ref)
        audit(
            session,
            ctx,
            "questionnaire_activated",
            "setting",
            None,
            questionnaire=questionnaire.id,
            version=questionnaire.version,
        )
    return questionnaire


def save_edited(ctx: AppContext, data: dict[str, Any]) -> Questionnaire:
    """Store an edited copy as the next version of its id and make it active.

    `data` is a definition as a file would hold it (questionnaire.to_data);
    its version number is replaced by the next free one, so no stored
    version ever changes and old responses keep theirs.
    """
    candidate = parse(data, EDITED)
    known = [
        e.questionnaire.version
        for e in catalogue(ctx).entries
        if e.questionnaire.id == candidate.id
    ]
    with read(ctx) as session:
        stored, _ = _stored(session)
    known += [q.version for q in stored.values() if q.id == candidate.id]
    fresh = parse({**data, "version": max(known, default=0) + 1}, EDITED)
    with write(ctx) as session:
        register_in(session, ctx, fresh)
        settings.put_in(session, ctx, ACTIVE, fresh.ref)
        audit(
            session,
            ctx,
            "questionnaire_edited",
            "setting",
            None,
            questionnaire=fresh.id,
            version=fresh.version,
            questions=len(fresh.questions),
        )
    return fresh
