"""What every service needs to do its work, passed explicitly (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

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
