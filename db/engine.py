"""The engine and session factory, with SQLite set up so nothing committed is lost.

- WAL lets the screens read while a check-in commits.
- synchronous=FULL: in WAL mode NORMAL may lose the last commits on power
  loss; at the door a committed check-in must survive a pulled plug.
- foreign_keys=ON: SQLite leaves them off unless asked, per connection.
- secure_delete=ON: what is deleted or moved is overwritten with zeros. Some
  SQLite builds (Windows Python's) leave it off, and then text moved while
  pages split stays readable in free space after the retention purge.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db.errors import NotADatabase

SQLITE_HEADER = b"SQLite format 3\x00"


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
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA secure_delete=ON")
    finally:
        cur.close()


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is None:
        return create_engine(url, pool_pre_ping=True)
    check_sqlite_file(path)
    engine = create_engine(url)
    event.listen(engine, "connect", _set_sqlite_pragmas)
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
