"""One user action, one transaction, with its audit entry.

`write()` commits before it returns, so a screen that says "saved" after it
is telling the truth. It holds the write lock before it reads anything, so
two copies of the app never both take the same next number: on SQLite it
begins with BEGIN IMMEDIATE (db/engine.py WRITE), and a second writer waits
its turn (busy_timeout), then reads what the first wrote. On PostgreSQL it
takes the database's advisory write lock first, the same turn-taking, so no
service needs a lock of its own for "look, then insert". Database failures that are not
bugs (full disk, read-only folder, locked file) become StorageError with a
code the screens explain; the transaction is rolled back and nothing is
half-saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from db.engine import WRITE
from db.models import AuditEntry
from kiosk.core.context import AppContext
from kiosk.core.errors import StorageError

# PostgreSQL says what went wrong in a SQLSTATE code (its messages may be in the
# server's language): by code, or by the code's two-character class.
_SQLSTATE_CODES = {
    "53100": "disk_full",
    "25006": "database_read_only",  # a read-only transaction: a standby server, say
    "40001": "database_busy",  # serialization failure
    "40P01": "database_busy",  # deadlock
    "55P03": "database_busy",  # lock not available
    "57014": "database_busy",  # statement cancelled (a timeout)
    "08": "database_server_unavailable",  # connection exception
    "28": "database_server_unavailable",  # invalid authorization (user, password)
    "3D": "database_server_unavailable",  # no such database
    "42501": "database_permission_denied",  # the user may not (create tables, say)
    "57P": "database_server_unavailable",  # the server shut down or restarted
    "58": "io_error",  # system error (disk, file)
}
_STORAGE_CODES = (
    # The driver's own words when there is no SQLSTATE (the server cannot be reached).
    ("connection failed", "database_server_unavailable"),
    ("connection refused", "database_server_unavailable"),
    ("could not connect", "database_server_unavailable"),
    ("server closed the connection", "database_server_unavailable"),
    ("the connection is closed", "database_server_unavailable"),
    ("the connection is lost", "database_server_unavailable"),
    ("no space left on device", "disk_full"),
    ("disk is full", "disk_full"),
    ("readonly", "read_only"),
    ("read-only", "read_only"),
    ("unable to open", "cannot_open"),
    ("locked", "database_busy"),
    ("disk i/o error", "io_error"),
    # Open-time checks name the file (not_a_database); a file that stops being
    # a database while in use is damaged, and the message needs no path.
    ("not a database", "database_damaged"),
    ("malformed", "database_damaged"),
)


def storage_error(exc: DatabaseError) -> StorageError:
    state = getattr(exc.orig, "sqlstate", None)
    if isinstance(state, str):
        for prefix in (state, state[:3], state[:2]):
            if prefix in _SQLSTATE_CODES:
                return StorageError(_SQLSTATE_CODES[prefix])
    text = str(exc.orig if exc.orig is not None else exc).lower()
    for needle, code in _STORAGE_CODES:
        if needle in text:
            return StorageError(code)
    return StorageError("storage_failed")


@contextmanager
def write(ctx: AppContext) -> Iterator[Session]:
    try:
        with ctx.sessions.begin() as session:
            session.connection(execution_options=WRITE)  # the write lock, before any read
            yield session
    except OperationalError as exc:
        raise storage_error(exc) from exc
    except DatabaseError as exc:
        if isinstance(exc.orig, Exception) and "constraint" in str(exc.orig).lower():
            raise  # a broken rule is a bug in a service, not a storage failure
        raise storage_error(exc) from exc


@contextmanager
def read(ctx: AppContext) -> Iterator[Session]:
    """A session that only reads: on SQLite a plain BEGIN, which never waits for a writer."""
    try:
        with ctx.sessions() as session:
            yield session
    except DatabaseError as exc:  # OperationalError, and a damaged file ("malformed")
        raise storage_error(exc) from exc


def audit(
    session: Session,
    ctx: AppContext,
    action: str,
    entity: str,
    entity_id: str | None,
    **detail: Any,
) -> None:
    """Add an audit line. `detail` holds codes and counts, never personal data."""
    session.add(
        AuditEntry(
            at=ctx.clock(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail or None,
            device_id=ctx.device_id,
        )
    )
