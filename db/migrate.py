"""Bring a database to the schema this release expects, through Alembic.

The caller passes `before_upgrade` so it can copy the file aside first; this
module knows nothing of where backups go.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from db.errors import DatabaseTooNew, NotOurDatabase

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. A database already there opens without
# importing Alembic (and Mako and Pygments with it): a tenth of a second of
# every start. tests/db/test_migrations.py checks it against the scripts.
HEAD_REVISION = "0004"
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def scripts() -> ScriptDirectory:
    """The migration scripts, read once: every open asks, and they never change."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """What alembic_version says (None: no table, or empty), read without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        versions = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return versions[0] if len(versions) == 1 else None


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
    elif current != HEAD_REVISION:
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
    wanted = HEAD_REVISION if target == "head" else target
    if current == wanted:
        return False
    if current is not None and before_upgrade is not None:
        before_upgrade(current)
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return True
