"""Settings stored in the database: organisation, device id, language, venue."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from db.models import Setting
from kiosk.core import safe_text, translations
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.safe_text import clean_optional
from kiosk.core.transaction import audit, read, write

ORGANISATION = "organisation"
PROJECT_NAME = "project_name"  # 事業名, the title of reports; the organisation if unset
DEVICE_ID = "device_id"
LANGUAGE = "language"
CURRENT_VENUE = "current_venue_id"
LANGUAGES = translations.shipped_languages()  # one resources/locales/<lang>.json each
# Settings that hold what an undo needs (rows of an import as they were): they
# go with the retention period like the personal details they may stand beside.
UNDO_RECORDS = "exchange.undo/"  # + file id: who, when, how many; or that it was undone
UNDO_ROWS = "exchange.undo-rows/"  # + file id: the rows as they were (read only to undo)
EXPIRING = (UNDO_RECORDS, UNDO_ROWS)
MAX_ORGANISATION = 100
MAX_PROJECT = 100


def get_in(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_in(session: Session, ctx: AppContext, key: str, value: str) -> None:
    row = session.scalar(select(Setting).where(Setting.key == key))
    if row is None:
        session.add(Setting(key=key, value=value, device_id=ctx.device_id))
    else:
        row.value = value


def get(ctx: AppContext, key: str) -> str | None:
    with read(ctx) as session:
        return get_in(session, key)


def put(ctx: AppContext, key: str, value: str) -> None:
    with write(ctx) as session:
        put_in(session, ctx, key, value)
        audit(session, ctx, "setting_changed", "setting", None, key=key)


def language_choices() -> list[tuple[str, str]]:
    """Each shipped language with its own name (日本語, English): a new catalogue file is a new choice."""
    return [(lang, translations.text("language.name", lang)) for lang in LANGUAGES]


def language(ctx: AppContext) -> str:
    lang = get(ctx, LANGUAGE)
    return lang if lang in LANGUAGES else "ja"


def set_language(ctx: AppContext, lang: str) -> None:
    if lang not in LANGUAGES:
        raise KioskError("invalid_language", value=lang)
    put(ctx, LANGUAGE, lang)


def organisation(ctx: AppContext) -> str:
    return get(ctx, ORGANISATION) or ""


def set_organisation(ctx: AppContext, name: str) -> None:
    put(ctx, ORGANISATION, clean_name(name, "organisation", MAX_ORGANISATION))


def set_project_name(ctx: AppContext, name: str) -> None:
    """事業名 for report titles; empty clears it (reports then use the organisation)."""
    put(ctx, PROJECT_NAME, clean_optional(name, "project", MAX_PROJECT) or "")


def clean_name(value: str, field: str, limit: int) -> str:
    """Trimmed text for a name field, or a coded error for empty / too long / a
    character no name may hold (kiosk/safe_text, the one rule for every name)."""
    return safe_text.clean_name(value, field, limit)


def expire_old(session: Session, before: datetime) -> int:
    """Delete the expiring settings stored before `before` (the retention purge's cutoff).

    Returns how many rows went; the purge runs it in the database and in every copy.
    """
    under = or_(*(Setting.key.startswith(prefix, autoescape=True) for prefix in EXPIRING))
    gone = session.execute(delete(Setting).where(under, Setting.created_at < before))
    return int(getattr(gone, "rowcount", 0) or 0)
