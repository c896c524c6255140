"""What every service needs to do its work, passed explicitly (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class AppContext:
    sessions: sessionmaker[Session]
    device_id: str
    # Aware local time; tests pass a fixed clock.
    clock: Callable[[], datetime] = field(default=local_now)
    # The data folder when the database is a local file (None for a server URL).
    data_dir: Path | None = None
    # Where this computer keeps files beside the database (questionnaires/, labels/):
    # the data folder, also when the database is on a server.
    files_dir: Path | None = None

    def today(self) -> date:
        return self.clock().date()

    @property
    def engine(self) -> Engine:
        """The engine the sessions are bound to; this context owns it (see close())."""
        bind = self.sessions.kw["bind"]
        if not isinstance(bind, Engine):
            raise TypeError("the session factory is not bound to an engine")
        return bind

    @property
    def url(self) -> str:
        """The database URL, password included, to open the same database again.

        Never show or log it: kiosk.core.database.shown_url() hides the password.
        """
        return self.engine.url.render_as_string(hide_password=False)

    def close(self) -> None:
        """Let go of the database: every pooled connection is closed.

        On SQLite this folds the WAL in and removes the -wal file (one left
        beside the file tells the next start that this run crashed), and lets
        a restore or a copy replace the file. Sessions made after this open
        new connections; to go on after a restore, use database.reopen().
        """
        self.engine.dispose()
