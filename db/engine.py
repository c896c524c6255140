"""The engine and session factory, with SQLite set up so nothing committed is lost.

- WAL lets the screens read while a check-in commits.
- synchronous=FULL: in WAL mode NORMAL may lose the last commits on power
  loss; at the door a committed check-in must survive a pulled plug.
- foreign_keys=ON: SQLite leaves them off unless asked, per connection.
- secure_delete=ON: what is deleted or moved is overwritten with zeros. Some
  SQLite builds (Windows Python's) leave it off, and then text moved while
  pages split stays readable in free space after the retention purge.
- Transactions are SQLAlchemy's, not pysqlite's. Left to itself, pysqlite
  begins a transaction only before INSERT/UPDATE/DELETE: a SELECT before it
  runs outside any transaction, and CREATE TABLE commits on its own. So a
  check-in read max(number) before it held the write lock (two copies of the
  app on one file both wrote the same number), and a crash while the schema
  was being created or upgraded left half of it behind. Here pysqlite's own
  handling is switched off (isolation_level=None) and every transaction
  starts with an explicit BEGIN (SQLAlchemy's documented pysqlite recipe):
  a plain BEGIN, which never waits for a writer, or, for a connection with
  the WRITE option (kiosk.core.transaction.write(), migrations), BEGIN IMMEDIATE,
  which takes the write lock before the first read. Writers then take turns
  (busy_timeout) instead of failing, and DDL is as transactional as any
  INSERT.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db.errors import NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"
# Execution option: how a transaction begins. IMMEDIATE is a write: on SQLite
# BEGIN IMMEDIATE, on PostgreSQL the advisory write lock (_begin_server).
BEGIN_MODE = "tsunagari_sqlite_begin"
WRITE: dict[str, Any] = {BEGIN_MODE: "IMMEDIATE"}
_BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and :memory:."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is there but is not SQLite, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotADatabase(str(path))


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # pysqlite begins nothing itself: _begin() does
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA secure_delete=ON")
    finally:
        cur.close()


def _begin(conn: Connection) -> None:
    """Emit BEGIN [IMMEDIATE|DEFERRED] for every transaction SQLAlchemy starts."""
    options = conn.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return  # SQLAlchemy's own autocommit mode: no transaction at all
    dbapi_conn = conn.connection.dbapi_connection
    if dbapi_conn is not None and dbapi_conn.isolation_level is not None:
        # Leaving AUTOCOMMIT, SQLAlchemy hands pysqlite its own transactions back.
        dbapi_conn.isolation_level = None
    mode = options.get(BEGIN_MODE, "DEFERRED")
    if mode not in _BEGIN_MODES:
        raise ValueError(f"unknown SQLite BEGIN mode {mode!r}")
    conn.exec_driver_sql(f"BEGIN {mode}")


# PostgreSQL: the lock every write() transaction takes first, the server's
# counterpart of SQLite's BEGIN IMMEDIATE. One writer at a time per database, so
# whatever a write reads to decide (the next number, a free place, a name not
# yet taken) is still true when it commits. Writes take milliseconds; readers
# never wait for it.
_WRITE_LOCK_KEY = 0x7473756E61676172  # "tsunagar": any constant; advisory locks are per database


def _begin_server(conn: Connection) -> None:
    """On a server, a write transaction takes the database's write lock before any read."""
    if conn.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK_KEY})")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """The app's engine: transactions that BEGIN as they should, writes one at a time.

    SQLite: pragmas, and BEGIN IMMEDIATE for a write. PostgreSQL: a write takes
    the database's advisory write lock first (_begin_server).
    """
    if not is_sqlite(url):
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "begin", _begin_server)
        return engine
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def make_inspection_engine(url: str) -> Engine:
    """An engine without the pragmas, to look at a database before deciding to use it.

    journal_mode=WAL is written into the file itself, so connecting through
    make_engine() would change a file that is then refused (another
    application's database, or one from a newer release).
    """
    return create_engine(url, poolclass=NullPool)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services convert rows to plain values after commit.
    return sessionmaker(engine, expire_on_commit=False)
