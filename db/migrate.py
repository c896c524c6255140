"""Bring a database to the schema this release expects, through Alembic.

The caller passes `before_upgrade` so it can copy the file aside first; this
module knows nothing of where backups go.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db.errors import DatabaseTooNew, NotOurDatabase

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def scripts() -> ScriptDirectory:
    """The migration scripts, read once: every open asks, and they never change."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check(engine: Engine) -> str | None:
    """The database's revision (None when empty), if this release can use it.

    Only reads, so it can look at a file before anything is written to it.
    Raises DatabaseTooNew for a revision this release does not know, and
    NotOurDatabase for a database that has tables but no Alembic history.
    """
    current = current_revision(engine)
    if current is None:
        # An empty alembic_version is what a downgrade to base leaves: still ours.
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        if tables:
            raise NotOurDatabase(", ".join(sorted(tables))[:200])
    else:
        known = {rev.revision for rev in scripts().walk_revisions()}
        if current not in known:
            raise DatabaseTooNew(current)
    return current


def upgrade(
    engine: Engine,
    before_upgrade: Callable[[str], None] | None = None,
    target: str = "head",
) -> bool:
    """Upgrade to `target`; returns True when anything was migrated.

    Raises DatabaseTooNew for a revision this release does not know, and
    NotOurDatabase for a database that has tables but no Alembic history.
    """
    current = check(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return False
    if current is not None and before_upgrade is not None:
        before_upgrade(current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return True
