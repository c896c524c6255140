"""Bring a database to the schema this release expects, through Alembic.

All or nothing. Creating a database, or upgrading it from any revision to
the newest, is one transaction: a crash (a pulled plug, a killed process)
leaves the file as it was before, never half made. On SQLite that needs the
BEGIN that db/engine.py emits (pysqlite commits each CREATE TABLE on its own
otherwise), and foreign keys off for the migration, because SQLite cannot
switch them inside a transaction and a migration that rebuilds a table other
tables point to (Alembic's batch mode) would otherwise fail or cascade; the
foreign keys are checked (PRAGMA foreign_key_check) before the commit
instead, as SQLite's own procedure for altering a table says.

Releases before this one did leave half-made files behind, and this module
recognises them:
- half created: some of our tables, an empty or missing alembic_version and
  not one row anywhere. It is made again from nothing, in one transaction.
- half upgraded: at revision R, with tables or indexes of R+1 beside R's.
  When R's own tables are exactly as R made them and the leftovers are empty,
  the leftovers are dropped and the upgrade runs again. Otherwise
  HalfUpgraded is raised, and the caller may restore the copy it made before
  that upgrade (one whose schema is exactly R: `is_exactly`) and try again.

The caller passes `before_upgrade` so it can copy the file aside first; this
module knows nothing of where backups go.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.pool import StaticPool

from db.engine import WRITE, make_engine
from db.errors import DatabaseTooNew, HalfUpgraded, MigrationBrokeForeignKeys, NotOurDatabase

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. A database already there opens without
# importing Alembic (and Mako and Pygments with it): a tenth of a second of
# every start. tests/db/test_migrations.py checks it against the scripts.
HEAD_REVISION = "0007"
VERSION_TABLE = "alembic_version"
BATCH_TEMPORARY = "_alembic_tmp_"  # the copy Alembic's batch mode makes of a table


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


def revisions() -> list[str]:
    """Every revision, oldest first (the history is one line)."""
    return [rev.revision for rev in reversed(list(scripts().walk_revisions()))]


def _version_of(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    versions = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return versions[0] if len(versions) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """What alembic_version says (None: no table, or empty), read without Alembic."""
    with engine.connect() as conn:
        return _version_of(conn)


def check(engine: Engine) -> str | None:
    """The database's revision (None when empty or half created), if this release can use it.

    Only reads, so it can look at a file before anything is written to it.
    Raises DatabaseTooNew for a revision this release does not know, and
    NotOurDatabase for a database that has tables but no Alembic history
    (unless it is one an older release began to create and never finished).
    """
    current = current_revision(engine)
    if current is None:
        # An empty alembic_version is what a downgrade to base leaves: still ours.
        with engine.connect() as conn:
            tables = _tables(conn)
            if tables and not _half_created(conn, tables):
                raise NotOurDatabase(", ".join(sorted(tables))[:200])
    elif current != HEAD_REVISION and current not in revisions():
        raise DatabaseTooNew(current)
    return current


def upgrade(
    engine: Engine,
    before_upgrade: Callable[[str], None] | None = None,
    target: str = "head",
) -> bool:
    """Upgrade to `target`, in one transaction; returns True when anything was migrated.

    Raises DatabaseTooNew for a revision this release does not know,
    NotOurDatabase for a database that has tables but no Alembic history, and
    HalfUpgraded for an interrupted upgrade that cannot be undone in place.
    """
    current = check(engine)
    wanted = HEAD_REVISION if target == "head" else target
    if current == wanted:
        return False
    if current is not None and engine.dialect.name == "sqlite":
        _undo_leftovers(engine, current)
    if current is not None and before_upgrade is not None:
        before_upgrade(current)
    from alembic import command

    cfg = alembic_config()
    with migrating(engine) as conn:
        # Inside the write lock: another process may have got here first.
        if _version_of(conn) is None:
            _drop_half_created(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return True


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """One transaction for a whole migration; on SQLite with foreign keys off until it ends.

    db/migrations/env.py runs Alembic inside it (an external transaction:
    Alembic adds none of its own), so creation or an upgrade through several
    revisions commits once, at the end, or not at all.
    """
    with engine.connect() as conn:
        conn.execution_options(**WRITE)  # SQLite: BEGIN IMMEDIATE, the write lock first
        if engine.dialect.name != "sqlite":
            with conn.begin():
                yield conn
            return
        dbapi_conn: Any = conn.connection.dbapi_connection
        enforced = dbapi_conn.execute("PRAGMA foreign_keys").fetchone()[0]
        # Outside any transaction: inside one SQLite ignores this pragma.
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                if not dbapi_conn.in_transaction:  # an engine not from make_engine()
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise MigrationBrokeForeignKeys(sorted({str(row[0]) for row in broken}))
        finally:
            try:
                dbapi_conn.execute(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")
            except Exception:
                conn.invalidate()  # never back into the pool without its foreign keys
                raise


# --- what older releases left behind ---------------------------------------------------


@dataclass(frozen=True)
class TableShape:
    """A table as SQLite describes it: enough to tell two schemas apart."""

    columns: tuple[tuple[str, str, bool, str | None, int], ...]  # name, type, not null, default, pk
    indexes: frozenset[tuple[str, bool, tuple[str, ...]]]  # name (or origin), unique, columns
    foreign_keys: frozenset[tuple[str, tuple[str, ...], tuple[str, ...]]]


Schema = dict[str, TableShape]


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) - {VERSION_TABLE}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_schema(conn: Connection) -> Schema:
    """Every table of an SQLite database (but alembic_version), with columns, indexes, keys."""
    names = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        f" AND name NOT LIKE 'sqlite_%' AND name != '{VERSION_TABLE}'"
    ).scalars()
    schema = {}
    for name in names:
        table = _quote(name)
        columns = tuple(
            (row[1], str(row[2]).upper(), bool(row[3]), row[4], int(row[5]))
            for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")
        )
        indexes = set()
        for row in conn.exec_driver_sql(f"PRAGMA index_list({table})").all():
            index, unique, origin = row[1], bool(row[2]), row[3]
            covered = tuple(
                str(r[2]) for r in conn.exec_driver_sql(f"PRAGMA index_info({_quote(index)})")
            )
            # sqlite_autoindex_* are numbered in creation order: keep what they cover.
            indexes.add((index if origin == "c" else f"({origin})", unique, covered))
        keys: dict[int, tuple[str, list[str], list[str]]] = {}
        for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})"):
            key = keys.setdefault(row[0], (row[2], [], []))
            key[1].append(row[3])
            key[2].append(str(row[4]))
        schema[name] = TableShape(
            columns,
            frozenset(indexes),
            frozenset((t, tuple(f), tuple(to)) for t, f, to in keys.values()),
        )
    return schema


@cache
def reference_schemas() -> dict[str, Schema]:
    """The schema each revision makes, built once in memory from the migration scripts."""
    from alembic import command

    engine = make_engine("sqlite://", poolclass=StaticPool)
    found = {}
    try:
        for revision in revisions():
            with migrating(engine) as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            with engine.connect() as conn:
                found[revision] = sqlite_schema(conn)
    finally:
        engine.dispose()
    return found


def _our_tables() -> set[str]:
    return {table for schema in reference_schemas().values() for table in schema}


def _half_created(conn: Connection, tables: set[str]) -> bool:
    """Tables an interrupted creation left: all ours, all empty (SQLite only)."""
    if conn.dialect.name != "sqlite":
        return False
    ours = _our_tables()
    if any(t not in ours and not t.startswith(BATCH_TEMPORARY) for t in tables):
        return False
    return all(
        conn.exec_driver_sql(f"SELECT 1 FROM {_quote(t)} LIMIT 1").first() is None for t in tables
    )


def _drop_half_created(conn: Connection) -> None:
    """Inside the migration's transaction: clear what an interrupted creation left."""
    tables = _tables(conn)
    if not tables:
        return
    if not _half_created(conn, tables):
        raise NotOurDatabase(", ".join(sorted(tables))[:200])
    for table in tables:
        conn.exec_driver_sql(f"DROP TABLE {_quote(table)}")
    log.warning("a database whose creation was interrupted is made again (%d tables)", len(tables))


@dataclass(frozen=True)
class Leftovers:
    """What an interrupted upgrade from `revision` left beside that revision's schema."""

    revision: str
    tables: tuple[str, ...]
    indexes: tuple[str, ...]
    undoable: bool  # dropping them gives exactly the revision's schema


def leftovers(schema: Schema, revision: str) -> Leftovers | None:
    """Tables and indexes of the next revision in a database at `revision`; None if clean.

    Only what the next revision (or Alembic's batch mode) makes counts as a
    leftover. Any other difference from the reference is not ours to judge
    here: the upgrade runs as usual and, being one transaction, changes
    nothing if it fails.
    """
    order = revisions()
    if revision not in order or revision == order[-1]:
        return None
    refs = reference_schemas()
    ref, following = refs[revision], refs[order[order.index(revision) + 1]]
    later_indexes = {
        i[0] for shape in following.values() for i in shape.indexes if not i[0].startswith("(")
    }
    tables = sorted(
        t for t in schema if t not in ref and (t in following or t.startswith(BATCH_TEMPORARY))
    )
    indexes = sorted(
        i[0]
        for t, shape in schema.items()
        if t in ref
        for i in shape.indexes - ref[t].indexes
        if i[0] in later_indexes
    )
    if not tables and not indexes:
        return None
    foreign = [t for t in schema if t not in ref and t not in tables]
    own_intact = all(
        t in schema
        and schema[t].columns == shape.columns
        and schema[t].foreign_keys == shape.foreign_keys
        and shape.indexes <= schema[t].indexes
        and {i[0] for i in schema[t].indexes - shape.indexes} <= set(indexes)
        for t, shape in ref.items()
    )
    return Leftovers(revision, tuple(tables), tuple(indexes), own_intact and not foreign)


def _undo_leftovers(engine: Engine, revision: str) -> None:
    """Drop what an interrupted upgrade from `revision` left, or raise HalfUpgraded."""
    with engine.connect() as conn:
        found = leftovers(sqlite_schema(conn), revision)
    if found is None:
        return
    if not found.undoable:
        raise HalfUpgraded(revision)
    with migrating(engine) as conn:
        again = leftovers(sqlite_schema(conn), revision)  # inside the write lock
        if again is None:
            return
        if not again.undoable or any(
            conn.exec_driver_sql(f"SELECT 1 FROM {_quote(t)} LIMIT 1").first() is not None
            for t in again.tables
        ):
            raise HalfUpgraded(revision)
        for index in again.indexes:
            conn.exec_driver_sql(f"DROP INDEX {_quote(index)}")
        for table in again.tables:
            conn.exec_driver_sql(f"DROP TABLE {_quote(table)}")
    log.warning(
        "an interrupted upgrade from %s was undone (%d tables, %d indexes)",
        revision,
        len(found.tables),
        len(found.indexes),
    )


def is_exactly(engine: Engine, revision: str) -> bool:
    """The database is at `revision` with that revision's schema, nothing more or less."""
    if current_revision(engine) != revision or revision not in revisions():
        return False
    with engine.connect() as conn:
        return sqlite_schema(conn) == reference_schemas()[revision]


def intact_tables(engine: Engine, revision: str) -> set[str]:
    """The tables of `revision` that the database has exactly as that revision makes them."""
    reference = reference_schemas()[revision]
    with engine.connect() as conn:
        schema = sqlite_schema(conn)
    return {t for t, shape in reference.items() if schema.get(t) == shape}


def row_counts(engine: Engine, tables: set[str] | None = None) -> dict[str, int]:
    """Rows in each table (all but alembic_version by default)."""
    with engine.connect() as conn:
        names = _tables(conn) if tables is None else tables & _tables(conn)
        return {
            t: int(conn.exec_driver_sql(f"SELECT count(*) FROM {_quote(t)}").scalar() or 0)
            for t in names
        }
